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

/** How a header's conference line, city line and dates identify the conference. */
export interface ConferenceRecognition {
  /**
   * Patterns a conference line matches (tested on the line in capitals, spaces collapsed; they
   * must also match with the spaces removed, as flattened headers glue words: give `\s*`).
   */
  conferenceLines: readonly RegExp[];
  /** Patterns a city line matches ("DUBAI, UNITED ARAB EMIRATES"), same conventions. */
  cityLines: readonly RegExp[];
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
  /** Officials by name with the role their turns are attributed to ("MOHAMED NASSER AL GHANIM"). */
  officials: readonly { name: string; role: string }[];
  recognition: ConferenceRecognition;
  sources: ConferenceSources;
}
