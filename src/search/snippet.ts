/**
 * Highlighting and snippets: spans of matches in an utterance's text, and an HTML-escaped
 * window around them with matches in <mark>. Runtime-free.
 */
import { escapeHtml } from "./text";

/** Characters of text in a snippet (about two lines). */
export const SNIPPET_LENGTH = 240;
/** Characters kept before the first match in a snippet. */
export const SNIPPET_LEAD = 60;
export const ELLIPSIS = "…";

export type Span = [start: number, end: number];

/** Sorts spans and merges overlapping or touching ones. */
export function mergeSpans(spans: Iterable<Span>): Span[] {
  const sorted = [...spans].filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Span[] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Escapes text[from, to) and wraps the parts inside spans in <mark>. */
export function markText(text: string, spans: readonly Span[], from = 0, to = text.length): string {
  let html = "";
  let at = from;
  for (const [spanStart, spanEnd] of spans) {
    const start = Math.max(spanStart, from);
    const end = Math.min(spanEnd, to);
    if (end <= start) continue;
    html += escapeHtml(text.slice(at, start));
    html += `<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return html + escapeHtml(text.slice(at, to));
}

/**
 * Picks the window of `length` characters holding the most matches: of the windows starting
 * SNIPPET_LEAD before a span, the first that holds the most spans whole.
 */
export function bestWindowStart(spans: readonly Span[], length: number): number {
  return isSortedAndDisjoint(spans)
    ? bestWindowOfSorted(spans, length)
    : bestWindowByCounting(spans, length);
}

function isSortedAndDisjoint(spans: readonly Span[]): boolean {
  for (let i = 0; i < spans.length; i++) {
    const [start, end] = spans[i]!;
    if (end < start || (i > 0 && start < spans[i - 1]![1])) return false;
  }
  return true;
}

/**
 * bestWindowStart over sorted, disjoint spans in one pass: their starts and ends both ascend, so
 * the spans whole inside [from, from + length] are those from the first starting at or after
 * `from` to the last ending at or before `from + length`, two pointers that only move forward.
 */
function bestWindowOfSorted(spans: readonly Span[], length: number): number {
  let best = 0;
  let bestCount = -1;
  let first = 0;
  let after = 0;
  for (const [start] of spans) {
    const from = Math.max(0, start - SNIPPET_LEAD);
    while (first < spans.length && spans[first]![0] < from) first++;
    while (after < spans.length && spans[after]![1] <= from + length) after++;
    const count = Math.max(0, after - first);
    if (count > bestCount) {
      best = from;
      bestCount = count;
    }
  }
  return best;
}

/**
 * bestWindowStart by its definition, counting the spans of every window (any spans): for each
 * span, the window from SNIPPET_LEAD before it; the first with most spans whole.
 */
export function bestWindowByCounting(spans: readonly Span[], length: number): number {
  let best = 0;
  let bestCount = -1;
  for (const [start] of spans) {
    const from = Math.max(0, start - SNIPPET_LEAD);
    const count = spans.filter(([s, e]) => s >= from && e <= from + length).length;
    if (count > bestCount) {
      best = from;
      bestCount = count;
    }
  }
  return best;
}

/**
 * An HTML snippet of `text` around the spans: at most about `length` characters, cut at word
 * boundaries, with an ellipsis where text was left out.
 */
export function makeSnippet(text: string, spans: readonly Span[], length = SNIPPET_LENGTH): string {
  if (text.length <= length) return markText(text, spans);
  let start = spans.length > 0 ? bestWindowStart(spans, length) : 0;
  let end = Math.min(text.length, start + length);
  if (end === text.length) start = Math.max(0, end - length);
  // Cut at white space, never inside a word, never inside a match.
  if (start > 0) {
    const space = text.indexOf(" ", start);
    const firstMatch = spans.find(([s]) => s >= start)?.[0] ?? end;
    if (space >= 0 && space < firstMatch) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    const inMatch = spans.find(([s, e]) => s < end && e > end);
    if (inMatch) end = inMatch[1];
    else if (space > start) end = space;
  }
  const body = markText(text, spans, start, end).trim();
  return `${start > 0 ? ELLIPSIS : ""}${body}${end < text.length ? ELLIPSIS : ""}`;
}
