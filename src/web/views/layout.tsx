/**
 * The page frame: head (our stylesheet and script only), skip link, synthetic banner, header
 * with the main navigation and the corpus's conferences, main, footer with the captioner's
 * caveat. No conference is named here but those of the loaded corpus.
 */
import type { Child, FC } from "hono/jsx";
import type { ConferenceProfile } from "../../conferences/profile";
import { CAPTION_CAVEAT } from "../../domain";
import { STATIC_FILES } from "../static";
import { SyntheticBanner } from "./banner";

/** The site's name, used in titles and the header. */
export const SITE_NAME = "Conference captions";

/** Sections of the main navigation. */
export type NavSection =
  "search" | "conferences" | "sessions" | "speakers" | "phrase" | "documents" | null;

const NAV: { section: Exclude<NavSection, null>; href: string; label: string }[] = [
  { section: "search", href: "/", label: "Search" },
  { section: "conferences", href: "/conferences", label: "Conferences" },
  { section: "sessions", href: "/sessions", label: "Sessions" },
  { section: "speakers", href: "/speakers", label: "Delegations" },
  { section: "phrase", href: "/phrase", label: "Trace a phrase" },
  { section: "documents", href: "/documents", label: "Documents" },
];

/** A conference as the frame names it. */
export type ConferenceBrief = Pick<
  ConferenceProfile,
  "id" | "name" | "shortName" | "place" | "city" | "dates"
>;

/** Whether, and with which words, to show the synthetic banner; which conferences to name. */
export interface CorpusNotice {
  synthetic: boolean;
  notice: string | null;
  /** The conferences of the corpus, in the order they met (none when not known). */
  conferences?: readonly ConferenceBrief[];
}

/** "WCIT-12, Dubai 2012 · PP-14, Busan 2014" for the header. */
function conferencesLine(conferences: readonly ConferenceBrief[]): string {
  return conferences
    .map((c) => `${c.shortName}, ${c.city} ${c.dates.from.slice(0, 4)}`)
    .join(" · ");
}

/** "A (Dubai, ...) and B (Busan, ...)", or the neutral "ITU conferences". */
function conferenceNames(conferences: readonly ConferenceBrief[], withPlace: boolean): string {
  if (conferences.length === 0) return "ITU conferences";
  const names = conferences.map((c) => (withPlace ? `${c.name}, ${c.place}` : c.name));
  return names.length === 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join("; ")} and ${names.at(-1)}`;
}

export interface LayoutProps {
  /** The page's own title (the site name is appended). */
  title: string;
  /** The current section, marked in the navigation. */
  section: NavSection;
  corpus: CorpusNotice | null;
  /** Preselected search text for the header search box (not rendered on the search page). */
  children?: Child;
  /** A second skip link, after "Skip to content" ("Skip to results"). */
  skipTo?: { href: string; label: string };
}

export const Layout: FC<LayoutProps> = ({ title, section, corpus, children, skipTo }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="color-scheme" content="light" />
      <title>{`${title}${corpus?.synthetic ? " [SYNTHETIC]" : ""} · ${SITE_NAME}`}</title>
      <meta
        name="description"
        content={`Search who said what at ${conferenceNames(corpus?.conferences ?? [], false)}: speaker-attributed live captions, exact quotes with citations.`}
      />
      <link rel="icon" href="data:," />
      <link rel="stylesheet" href={STATIC_FILES.css.path} />
      <script src={STATIC_FILES.js.path} defer></script>
    </head>
    <body>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      {skipTo ? (
        <a class="skip-link" href={skipTo.href}>
          {skipTo.label}
        </a>
      ) : null}
      {corpus?.synthetic ? <SyntheticBanner notice={corpus.notice} /> : null}
      <header class="site-header">
        <div class="inner">
          <a class="site-name" href="/">
            {SITE_NAME}
            {corpus?.conferences?.length ? (
              <span> · {conferencesLine(corpus.conferences)}</span>
            ) : null}
          </a>
          <nav aria-label="Main">
            <ul>
              {NAV.map((item) => (
                <li>
                  <a href={item.href} aria-current={item.section === section ? "page" : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabindex={-1}>
        {children}
      </main>
      <footer class="site-footer">
        <div class="inner">
          <p>
            The words here are live captions of {conferenceNames(corpus?.conferences ?? [], true)}.{" "}
            {CAPTION_CAVEAT}
          </p>
          <p>
            Data: <a href="/api/openapi.json">JSON API (OpenAPI)</a>.
          </p>
        </div>
      </footer>
    </body>
  </html>
);
