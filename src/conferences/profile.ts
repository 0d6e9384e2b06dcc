/**
 * The contract every conference module fulfils: every fact that belongs to one conference (who
 * held it, where and when, which bodies met and how their titles name them, who presided, where
 * its transcripts were posted and which sessions the scraper keeps, how pages name it). Nothing
 * outside src/conferences/ names a conference: parser, scraper, search and views read these facts.
 *
 * Adding a conference = one module exporting a ConferenceProfile, listed in ./registry.ts, plus
 * its sources. The contract test (test/conferences/profiles.test.ts) checks every profile is
 * complete and that its title examples classify as they say.
 *
 * Runtime-free: no Node imports here.
 */

/**
 * The kind of body that held a session. Every switch over it ends in a `never` check, so a new
 * kind fails to compile until every place handles it.
 * - plenary: a plenary meeting (closing and opening ceremonies included);
 * - committee: a numbered committee ("COMMITTEE 5", "COM 6");
 * - working-group: the working group of the plenary, or a numbered working group;
 * - panel: a panel discussion or other side session of a forum;
 * - other: a title that names none of these.
 */
export type BodyKind = "plenary" | "committee" | "working-group" | "panel" | "other";

/** Every body kind, in display order: the one list of the fact. */
export const BODY_KINDS: readonly BodyKind[] = [
  "plenary",
  "committee",
  "working-group",
  "panel",
  "other",
];

/**
 * The body that held a session, as an id used in session ids, filters (`body:committee-5`) and
 * URLs: "plenary", "committee-<n>", "working-group" (of the plenary), "working-group-<n>",
 * "panel", "other".
 */
export type Body =
  | "plenary"
  | `committee-${number}`
  | "working-group"
  | `working-group-${number}`
  | "panel"
  | "other";

/** A body a conference had, with the names pages and citations give it. */
export interface BodyProfile {
  id: Body;
  /** "Committee 5", "Working Group of the Plenary". */
  name: string;
  /** What it did, one line, for lists and the conference page ("Drafted the text of the ITRs"). */
  description?: string;
  /** Short chart label prefix: "P", "C5·", "WG·". */
  shortLabel: string;
}

/**
 * A title line and what it must classify as: the profile's own evidence for its title rules,
 * checked by the contract test (the title round-trips to its body and number).
 */
export interface TitleExample {
  title: string;
  body: Body;
  number: number | null;
}

/**
 * A title rule of one conference, applied after the generic rules of ingest/parse/title.ts: where
 * a conference titles its meetings in its own way ("COMMITTEE 5 MEETING", with no number, was
 * WCIT-12's first meeting of Committee 5, the second being "COMMITTEE 5 MEETING 2").
 */
export interface TitleRule {
  /** Tested on the title in capitals, spaces collapsed. */
  pattern: RegExp;
  /** The body the title names, when the generic rules read another one. */
  body?: Body;
  /** The meeting number of a matching title that writes none. */
  number?: number;
  /** Why the rule holds, one line. */
  note: string;
}

/** How a header's conference line, city line and dates identify the conference. */
export interface ConferenceRecognition {
  /**
   * Patterns a conference line matches (tested on the line in capitals, spaces collapsed; they
   * must also match with the spaces removed, as flattened headers glue words: give `\s*`).
   */
  conferenceLines: readonly RegExp[];
  /** Patterns a city line matches ("DUBAI, UNITED ARAB EMIRATES"), same conventions. */
  cityLines: readonly RegExp[];
  /**
   * The lines as the headers write them, with their spacing: the contract test checks the
   * patterns against them, and a line read glued ("CONFERENCEON") is given back in this spacing.
   */
  examples: { conferenceLines: readonly string[]; cityLines: readonly string[] };
}

/** Where the scraper finds a conference's transcripts. */
export interface ConferenceSources {
  /** Pages the crawl starts from. */
  startUrls: readonly string[];
  /**
   * URL prefixes (scheme-less, as the Wayback CDX API takes them: "www.itu.int/en/wcit-12/Documents/")
   * under which the archive's captures are listed with `matchType=prefix`, so files whose pages
   * are gone are still found.
   */
  archivePrefixes: readonly string[];
  /** Bodies the scraper keeps by default (the rest needs --all). */
  keptBodies: readonly Body[];
}

/** Everything that belongs to one conference. */
export interface ConferenceProfile {
  /** Stable id used in session ids, filters (`conference:pp-14`) and URLs: "wcit-12". */
  id: string;
  /** "World Conference on International Telecommunications (WCIT-12)". */
  name: string;
  /** "WCIT-12": the name in lists, chart groups and short citations. */
  shortName: string;
  /** The word-form used in export file names: "wcit12". */
  fileStem: string;
  /** The organiser: "ITU". */
  organiser: string;
  /** "Dubai, United Arab Emirates". */
  place: string;
  /** "Dubai": the city local times are given in ("session began 18:30 (Dubai)"). */
  city: string;
  /** First and last day, YYYY-MM-DD. */
  dates: { from: string; to: string };
  /** IANA time zone of the venue: "Asia/Dubai". */
  timeZone: string;
  /**
   * Prefix of the session ids of this conference ("pp-14-" gives "pp-14-plenary-3"). The first
   * corpus's permalinks predate conferences, so its prefix is "" and they keep working.
   */
  sessionIdPrefix: string;
  /** The bodies that met, with their names. */
  bodies: readonly BodyProfile[];
  /** Titles seen on this conference's transcripts and what they classify as. */
  titleExamples: readonly TitleExample[];
  /** Its own title rules (none when the generic rules read all its titles). */
  titleRules: readonly TitleRule[];
  /**
   * Officials by name with the role their turns are attributed to ("MOHAMED NASSER AL GHANIM").
   * A turn label naming one (honorific or not, one or two letters misspelt as in a rough live
   * version) gets the role: kind "chair" for a chair's role, "secretariat" for the secretariat's,
   * else "official" (ingest/parse/speakers/officials.ts).
   */
  officials: readonly { name: string; role: string }[];
  recognition: ConferenceRecognition;
  sources: ConferenceSources;
}

/**
 * "PLENIPOTENTIARY CONFERENCE" with no year after it (a year names one conference: the line then
 * belongs to the profile of that year only). Every Plenipotentiary profile lists it; the city
 * line or the date tells them apart.
 */
export const YEARLESS_PLENIPOTENTIARY =
  /PLENIPOTENTIARY\s*CONFERENCE(?!\s*(?:\(?PP[\s-]*\d\d\)?\s*)?(?:19|20)\d\d)/;
