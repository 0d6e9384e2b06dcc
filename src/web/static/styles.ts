/**
 * The site's one stylesheet, served by the pages app at STATIC_FILES.css.path (no external fonts).
 * Kept as a string so the Worker and the Node server bundle it the same way.
 *
 * Colours were chosen for WCAG AA: body text #1a1a1a and muted text #4a4a4a on white and on the
 * panel grey #f4f4f1 are above 7:1; links #0a4d98 are 8.6:1; the banner's #3b2500 on #ffefc2 is
 * 13:1; chart series #1d5ea8 and #a2471a are above 4.5:1 against white.
 */
import { DATE_COLOURS } from "../views/word-tree";

export const STYLES = String.raw`
:root {
  --text: #1a1a1a;
  --muted: #4a4a4a;
  --bg: #ffffff;
  --panel: #f4f4f1;
  --line: #c9c9c3;
  --link: #0a4d98;
  --link-visited: #5b2a86;
  --accent: #1d5ea8;
  --accent-2: #a2471a;
  --focus: #1d5ea8;
  --mark: #ffe27a;
  --target: #fff6cf;
  --target-line: #b77900;
  --banner-bg: #ffefc2;
  --banner-text: #3b2500;
  --banner-line: #a86300;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
    "Liberation Sans", "DejaVu Sans", sans-serif;
  --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "DejaVu Serif", serif;
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono",
    monospace;
  --measure: 65ch;
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: var(--sans);
  font-size: 1rem;
  line-height: 1.5;
  color: var(--text);
  background: var(--bg);
}
a { color: var(--link); text-underline-offset: 0.15em; }
a:visited { color: var(--link-visited); }
a:hover { text-decoration-thickness: 2px; }
:focus-visible {
  outline: 3px solid var(--focus);
  outline-offset: 2px;
  box-shadow: 0 0 0 5px #fff;
}
h1, h2, h3 { line-height: 1.2; margin: 1.5rem 0 0.75rem; }
h1 { font-size: 1.75rem; margin-top: 1rem; }
h2 { font-size: 1.3rem; }
h3 { font-size: 1.08rem; }
p { margin: 0 0 0.75rem; }
code, kbd { font-family: var(--mono); font-size: 0.92em; }
code { background: var(--panel); padding: 0.05em 0.3em; border-radius: 3px; overflow-wrap: anywhere; }
mark { background: var(--mark); color: inherit; padding: 0 0.08em; border-radius: 2px; }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.skip-link { position: absolute; left: 0.5rem; top: -3rem; background: #fff; padding: 0.5rem 0.75rem;
  z-index: 10; border: 2px solid var(--focus); }
.skip-link:focus { top: 0.5rem; }

/* The synthetic-sample banner: on every page, not dismissable. */
.synthetic-banner {
  background: var(--banner-bg);
  color: var(--banner-text);
  border-bottom: 3px solid var(--banner-line);
  padding: 0.6rem 1rem;
  font-size: 0.95rem;
}
.synthetic-banner p { margin: 0 auto; max-width: 72rem; }
.synthetic-banner strong { letter-spacing: 0.02em; }
@media (max-width: 30rem) { .synthetic-banner .more { display: none; } }

.site-header { border-bottom: 1px solid var(--line); background: #fff; }
.site-header .inner {
  max-width: 72rem; margin: 0 auto; padding: 0.6rem 1rem;
  display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.5rem 1.5rem;
}
.site-name { font-weight: 700; font-size: 1.1rem; color: var(--text); text-decoration: none; }
.site-name:visited { color: var(--text); }
.site-name span { font-weight: 400; color: var(--muted); }
.site-header nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
.site-header nav a { padding: 0.25rem 0; display: inline-block; }
.site-header nav a[aria-current="page"] { font-weight: 700; color: var(--text); text-decoration-thickness: 3px; }

main { max-width: 72rem; margin: 0 auto; padding: 0.5rem 1rem 3rem; }
.site-footer { border-top: 1px solid var(--line); background: var(--panel); color: var(--muted); font-size: 0.9rem; }
.site-footer .inner { max-width: 72rem; margin: 0 auto; padding: 1rem; }
.site-footer p { max-width: var(--measure); }
.lede { color: var(--muted); max-width: var(--measure); }
.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.2rem 1rem; margin: 0 0 1rem; }
@media (max-width: 30rem) {
  .facts { grid-template-columns: minmax(0, 1fr); gap: 0; }
  .facts dd { margin-bottom: 0.4rem; }
}
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.caveat { border-left: 4px solid var(--banner-line); background: var(--panel); padding: 0.5rem 0.75rem; max-width: var(--measure); }
.notice-inline { font-weight: 700; color: var(--banner-text); background: var(--banner-bg); padding: 0 0.3em; border-radius: 2px; }

/* Forms */
label { font-weight: 600; }
input, select, button { font: inherit; color: inherit; }
input[type="search"], input[type="text"], input[type="date"], select {
  border: 1px solid #767676; border-radius: 4px; padding: 0.45rem 0.6rem; background: #fff; min-height: 2.5rem;
}
button, .button {
  display: inline-flex; align-items: center; gap: 0.35rem;
  border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 4px;
  padding: 0.45rem 0.9rem; min-height: 2.5rem; cursor: pointer; text-decoration: none; font-weight: 600;
}
a.button:visited { color: #fff; }
button.secondary, .button.secondary { background: #fff; color: var(--link); }
button:hover { background: #174c89; }
button.secondary:hover { background: var(--panel); }
.search-form { margin: 0.5rem 0 1rem; max-width: 48rem; }
.search-form .row { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: stretch; }
.search-form input[type="search"] { flex: 1 1 16rem; font-size: 1.1rem; min-width: 0; }
.search-form .hint { color: var(--muted); font-size: 0.9rem; margin: 0.35rem 0 0; }
.inline-form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; margin: 0.5rem 0 1rem; }
.inline-form .field { display: flex; flex-direction: column; gap: 0.2rem; }
.syntax-help { margin: 0.5rem 0 1rem; max-width: 48rem; }
.syntax-help summary { cursor: pointer; color: var(--link); font-weight: 600; }
.syntax-help table { border-collapse: collapse; margin-top: 0.5rem; width: 100%; }
.syntax-help th, .syntax-help td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.syntax-help th { font-weight: 600; white-space: nowrap; }

/* Search page layout: facets beside results on wide screens. */
.search-layout { display: grid; grid-template-columns: 1fr; gap: 1.5rem; }
@media (min-width: 56rem) {
  .search-layout { grid-template-columns: 16rem minmax(0, 1fr); }
  .filters > summary { display: none; }
}
.filters { background: var(--panel); border-radius: 6px; padding: 0.5rem 0.75rem; align-self: start; }
.filters > summary { cursor: pointer; font-weight: 700; padding: 0.25rem 0; }
.facet { margin: 0.5rem 0 1rem; }
.facet h2 { font-size: 0.95rem; margin: 0.5rem 0 0.35rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.facet ul { list-style: none; margin: 0; padding: 0; }
.facet li a, .facet li .current {
  display: flex; justify-content: space-between; gap: 0.5rem; padding: 0.2rem 0.3rem; border-radius: 3px;
  text-decoration: none;
}
.facet li a:hover { background: #e6e6e0; text-decoration: underline; }
.facet li .current { background: #dde8f5; font-weight: 700; color: var(--text); }
.facet .count { color: var(--muted); font-variant-numeric: tabular-nums; }
.facet .more summary { cursor: pointer; color: var(--link); padding: 0.2rem 0.3rem; }
.facet form { display: grid; gap: 0.35rem; margin-top: 0.75rem; }
.facet form .field { display: grid; gap: 0.1rem; }
.active-filters { display: flex; flex-wrap: wrap; gap: 0.4rem; list-style: none; padding: 0; margin: 0 0 1rem; }
.active-filters a { display: inline-block; border: 1px solid var(--accent); border-radius: 999px; padding: 0.1rem 0.65rem; text-decoration: none; }
.active-filters a::after { content: " ×"; font-weight: 700; }
.result-bar { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; justify-content: space-between; margin-bottom: 0.75rem; }
.result-bar p { margin: 0; }
.sort-links, .export-links { display: flex; gap: 0.75rem; list-style: none; margin: 0; padding: 0; flex-wrap: wrap; }
.sort-links [aria-current] { font-weight: 700; color: var(--text); text-decoration: none; }

/* One result or one occurrence. */
.results { list-style: none; margin: 0; padding: 0; }
.result { border-top: 1px solid var(--line); padding: 1rem 0 1.1rem; }
.result:first-child { border-top: 0; padding-top: 0.25rem; }
.result-head { display: flex; flex-wrap: wrap; gap: 0.15rem 0.75rem; align-items: baseline; margin: 0 0 0.4rem; font-size: 0.95rem; }
.result-head h3, .result-head h2 { margin: 0; font-size: 1.05rem; }
.result-head .meta { color: var(--muted); }
.kind { font-size: 0.78rem; border: 1px solid #767676; border-radius: 3px; padding: 0 0.3rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; }
.quote, .utterance-text {
  font-family: var(--serif); font-size: 1.08rem; line-height: 1.6; max-width: var(--measure);
  margin: 0 0 0.6rem; overflow-wrap: break-word;
}
blockquote.quote { border-left: 3px solid var(--line); padding: 0.1rem 0 0.1rem 0.9rem; margin-left: 0; }
.annotation { color: var(--muted); font-style: italic; }
.actions { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; align-items: center; list-style: none; margin: 0; padding: 0; font-size: 0.95rem; }
.actions button { min-height: 2.2rem; padding: 0.25rem 0.7rem; font-size: 0.92rem; }
.copy-status { color: #1c6b2f; font-weight: 600; }
.cite { margin: 0.5rem 0 0; max-width: var(--measure); }
.cite summary { cursor: pointer; color: var(--link); font-size: 0.95rem; }
.citation { font-size: 0.95rem; background: var(--panel); padding: 0.6rem 0.8rem; border-radius: 4px; margin: 0.4rem 0 0; }
.citation blockquote { font-family: var(--serif); margin: 0 0 0.4rem; }
.citation p { margin: 0; }
.empty { background: var(--panel); border-radius: 6px; padding: 1rem 1.25rem; max-width: 48rem; }
.empty h2 { margin-top: 0.25rem; }
.error-box { border-left: 4px solid #b3261e; background: #fdf0ef; padding: 0.75rem 1rem; max-width: 48rem; }
.speaker-box { border-left: 4px solid #1d5fa7; background: #f1f5fb; padding: 0.5rem 1rem; margin: 1rem 0; max-width: 48rem; }
.speaker-box h2 { font-size: 1.1rem; margin: 0.25rem 0; }
.speaker-box ul { margin: 0.25rem 0; padding-left: 1.25rem; }
.spelling-note { font-size: 1.05rem; margin: 0.75rem 0; }
.pagination ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.35rem; padding: 0; margin: 1.5rem 0 0; }
.pagination a, .pagination span { display: inline-block; min-width: 2.5rem; padding: 0.4rem 0.6rem; text-align: center; border: 1px solid var(--line); border-radius: 4px; text-decoration: none; }
.pagination [aria-current="page"] { background: var(--accent); border-color: var(--accent); color: #fff; font-weight: 700; }

/* Transcript */
.session-nav { display: flex; justify-content: space-between; gap: 1rem; flex-wrap: wrap; margin: 1rem 0; padding: 0; list-style: none; }
.transcript { list-style: none; margin: 0; padding: 0; }
.utterance {
  display: grid; grid-template-columns: 1fr; gap: 0.15rem; padding: 0.6rem 0.75rem;
  border-left: 4px solid transparent; scroll-margin-top: 4rem; border-radius: 0 4px 4px 0;
}
@media (min-width: 48rem) {
  .utterance { grid-template-columns: 12rem minmax(0, 1fr); gap: 0 1.25rem; }
  .utterance .utterance-meta { grid-column: 2; }
}
.utterance .speaker { font-weight: 700; overflow-wrap: anywhere; }
.utterance .speaker .raw { display: block; font-weight: 400; color: var(--muted); font-size: 0.85rem; }
.utterance .utterance-text { margin: 0; }
.utterance .utterance-meta { color: var(--muted); font-size: 0.85rem; display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; }
.utterance .utterance-meta a { color: var(--muted); }
.utterance:target, .utterance.is-linked { background: var(--target); border-left-color: var(--target-line); }
.utterance.is-linked .linked-note { display: inline; }
.linked-note { display: none; font-weight: 700; color: var(--banner-text); }
.empty-turn { color: var(--muted); font-style: italic; }
.attribution { font-size: 0.9rem; margin: 0.3rem 0; padding-left: 0.6rem; border-left: 3px solid var(--line); }
.attribution .evidence { color: var(--muted); }
.attribution.is-uncertain { border-left-color: var(--accent-2); }
.uncertain-badge { color: var(--accent-2); }
ol.source-text { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.85rem; white-space: pre-wrap; overflow-wrap: anywhere; padding-left: 4.5em; }
ol.source-text li::marker { color: var(--muted); }
ol.source-text li:target { background: var(--panel); }

/* Charts */
.chart { margin: 1rem 0 1.5rem; }
.chart-scroll { overflow-x: auto; }
/* Drawn at its natural size (1 unit = 1 CSS px); shrinks on a narrow screen, but a wide chart
   stops shrinking at 35rem (text stays legible) and scrolls sideways instead. */
svg.timeline { display: block; height: auto; max-width: 100%; font-family: var(--sans); }
svg.timeline-wide { min-width: 35rem; }
.chart-hint { display: none; color: var(--muted); font-size: 0.88rem; margin: 0.25rem 0 0; }
@media (max-width: 40rem) { .chart-hint { display: block; } }
svg.timeline .grid { stroke: #deded8; stroke-width: 1; }
svg.timeline .baseline { stroke: #5f5f5f; stroke-width: 1; }
svg.timeline .tick, svg.timeline .date { font-size: 12px; fill: var(--muted); }
svg.timeline .label { font-size: 13px; fill: var(--text); font-weight: 600; }
svg.timeline .series-0 { fill: var(--accent); }
svg.timeline .series-1 { fill: var(--accent-2); }
svg.timeline .mark-zero { fill: #8a8a8a; }
svg.timeline .first-use { stroke: #111; stroke-width: 2; }
svg.timeline .first-arrow { fill: #111; }
svg.timeline .first-label { font-size: 12px; font-weight: 700; fill: #111; }
svg.timeline .group-label { font-size: 13px; font-weight: 700; fill: var(--text); letter-spacing: 0.02em; }
svg.timeline .group-rule { stroke: #6b6b6b; stroke-width: 1; stroke-dasharray: 4 3; }
svg.timeline a:focus-visible rect, svg.timeline a:hover rect { stroke: #111; stroke-width: 3; }
.chart figcaption { color: var(--muted); font-size: 0.92rem; margin-top: 0.35rem; max-width: var(--measure); }
.chart-legend { display: flex; gap: 1.25rem; list-style: none; padding: 0; margin: 0 0 0.4rem; flex-wrap: wrap; }
.swatch { display: inline-block; width: 0.9rem; height: 0.9rem; margin-right: 0.35rem; vertical-align: -0.1rem; border-radius: 2px; }
.swatch-0 { background: var(--accent); }
.swatch-1 { background: var(--accent-2); }
.chart-data summary { cursor: pointer; color: var(--link); font-size: 0.92rem; }
.table-scroll { overflow-x: auto; }
table.data, .chart-data table { border-collapse: collapse; font-size: 0.92rem; margin: 0.5rem 0; }
table.data th, table.data td, .chart-data th, .chart-data td { padding: 0.25rem 0.6rem; border-bottom: 1px solid var(--line); text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.nowrap { white-space: nowrap; }
table.data th .hint { font-weight: 400; color: var(--muted); font-size: 0.88rem; }

/* Keyword in context */
.kwic-group { margin: 0 0 1.25rem; }
.kwic-group h3 { margin: 0.75rem 0 0.35rem; font-size: 1rem; }
.kwic { list-style: none; margin: 0; padding: 0; font-family: var(--serif); }
.kwic li { padding: 0.3rem 0; border-bottom: 1px dotted var(--line); }
.kwic .who { font-family: var(--sans); font-size: 0.88rem; font-weight: 600; display: block; }
.kwic .who a { font-weight: 400; }
.kwic .line { display: block; overflow-wrap: break-word; }
@media (min-width: 48rem) {
  .kwic li { display: grid; grid-template-columns: 11rem minmax(0, 1fr); gap: 1rem; align-items: baseline; }
  .kwic .line { display: grid; grid-template-columns: minmax(0, 1fr) auto minmax(0, 1fr); gap: 0.35em; }
  .kwic .left { text-align: right; white-space: nowrap; overflow: hidden; direction: rtl; text-overflow: ellipsis; }
  .kwic .left bdi { direction: ltr; unicode-bidi: isolate; }
  .kwic .right { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
}
.kwic .hit { font-weight: 700; }
.speaker-list { columns: 16rem; padding-left: 1.2rem; }
.speaker-list li { break-inside: avoid; }
.who-used li { margin: 0.15rem 0; }
.compare { display: grid; grid-template-columns: 1fr; gap: 1.5rem; }
@media (min-width: 64rem) { .compare { grid-template-columns: 1fr 1fr; } }
.compare > section { min-width: 0; }
.compare .kwic li { display: block; }
.cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 0.75rem; }
.cards li { border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem 0.8rem; }

/* How the wording changed: versions with their changes; without colour, del is struck through
   and ins underlined (and both announced). */
.versions { padding-left: 1.5rem; }
.version { margin: 0 0 1rem; }
.version-meta { margin: 0 0 0.2rem; }
.version-badges { margin: 0 0 0.3rem; }
.badge { display: inline-block; border: 1px solid var(--line); border-radius: 3px; padding: 0 0.4em; font-size: 0.85rem; }
.badge.first-wording { border-color: #111; font-weight: 600; }
.version-text { margin: 0; padding: 0.4rem 0.75rem; border-left: 3px solid var(--line); font-family: var(--serif); overflow-wrap: anywhere; }
.wording-changes del { text-decoration: line-through; text-decoration-thickness: 2px; color: #8a1c1c; background: #fbeaea; }
.wording-changes ins { text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 2px; color: #14532d; background: #e6f4ea; font-weight: 600; }
.word-trees { display: grid; grid-template-columns: 1fr; gap: 1rem; }
@media (min-width: 48rem) { .word-trees { grid-template-columns: 1fr 1fr; } }
.word-tree { margin: 0; min-width: 0; }
.word-tree figcaption { font-weight: 600; margin-bottom: 0.25rem; }
svg.word-tree-svg { display: block; max-width: 100%; height: auto; font-family: var(--sans); }
svg.word-tree-svg .branch { stroke: #8a8a8a; fill: none; }
svg.word-tree-svg .root { font-weight: 700; }
.word-tree-legend { font-size: 0.85rem; }
.legend-date { font-weight: 600; }
${DATE_COLOURS.map((colour, step) => `.date-${step} { color: ${colour}; }`).join("\n")}

@media (max-width: 30rem) {
  h1 { font-size: 1.45rem; }
  main { padding: 0.25rem 0.75rem 2rem; }
  .quote, .utterance-text { font-size: 1.02rem; }
}

@media print {
  .site-header nav, .skip-link, form, .search-form, .filters, .pagination, .actions button,
  .syntax-help, .session-nav, .export-links, .sort-links, .chart-data { display: none !important; }
  body { font-size: 11pt; color: #000; }
  a { color: #000; }
  .synthetic-banner { border: 2px solid #000; background: none; color: #000; }
  .citation { background: none; border: 1px solid #000; break-inside: avoid; }
  details.cite:not([open]) { display: none; }
  .result, .utterance { break-inside: avoid; }
  .citation a[href]::after, .permalink[href]::after { content: " <" attr(href) ">"; font-size: 9pt; }
  .utterance:target, .utterance.is-linked { background: none; border-left: 3px solid #000; }
}
@media (prefers-reduced-motion: no-preference) {
  html { scroll-behavior: smooth; }
}
`;
