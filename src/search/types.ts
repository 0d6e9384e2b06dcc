/**
 * What the search core returns: the JSON shapes of the API. Runtime-free.
 */
import type {
  Annotation,
  Attribution,
  Body,
  DocumentRef,
  SessionSource,
  SpeakerKind,
  TranscriptStatus,
} from "../domain";

/** A session as named in a result. */
export interface SessionRef {
  id: string;
  /** Id of the session's conference ("wcit-12", "pp-14"), null when the engine knows none. */
  conference: string | null;
  /** The conference's short name ("WCIT-12", "PP-14"), null with `conference`. */
  conferenceShortName: string | null;
  /** Human name, as citations and pages say it: "Committee 5, 1st meeting" (session-name.ts). */
  name: string;
  title: string | null;
  body: Body | null;
  number: number | null;
  /** YYYY-MM-DD. */
  date: string | null;
  /** HH:MM. */
  time: string | null;
  status: TranscriptStatus | null;
  version: "finished" | "rough";
  synthetic: boolean;
}

/** A session in the session list: everything from its header, with its utterance count. */
export interface SessionSummary extends SessionRef {
  spokenNumber: number | null;
  endTime: string | null;
  timeZone: string | null;
  statusLine: string | null;
  variants: string[];
  source: SessionSource;
  utterances: number;
}

/** Who spoke: the label as captioned and what it was recognised as. */
export interface SpeakerRef {
  /** The label exactly as captioned; null for an unlabelled turn. */
  raw: string | null;
  id: string;
  name: string;
  kind: SpeakerKind;
  country: string | null;
}

/** Where an utterance came from: a source file and a line in its extracted text. */
export interface SourceRef {
  /** The source file (transcripts/sources/... or the fetch cache). */
  file: string;
  url: string | null;
  sha256: string;
  /** The extracted text the line numbers and offsets refer to. */
  textFile: string;
  line: number;
  endLine: number;
  /** 1-based columns of the first character in `line` and of the last in `endLine`. */
  column: number;
  endColumn: number;
  start: number;
  end: number;
  /**
   * Where the words stand, as a person reads it: "line 12", "lines 12-14", or, where the turn
   * shares its line with other turns (a one-paragraph copy), "line 4, characters 220-487".
   * Never the same for two turns of a session.
   */
  locator: string;
}

/** A citation ready to paste: the parts, and `text`, one line with all of them. */
export interface Citation {
  /** Canonical speaker name ("Egypt", "Chair"): who the words are attributed to. */
  speaker: string;
  /** Label as captioned (for words moved by a note: the name the note gives). */
  speakerLabel: string | null;
  speakerKind: SpeakerKind;
  conference: string;
  place: string;
  /** The session's human name: "Committee 5, 1st meeting" (session-name.ts). */
  session: string;
  /** The title line as in the header, null when there is none. */
  sessionTitle: string | null;
  sessionId: string;
  date: string | null;
  /** When the session began (HH:MM), not when the words were said. */
  time: string | null;
  /** "session began 18:30 (Dubai)" (the city of the session's conference), null with no time. */
  began: string | null;
  /** 1-based number of the turn in its session. */
  turn: number;
  /** Normalised status: "finished", "final", "rough live", "status not stated". */
  status: string;
  /** The status line as written in the header ("FINISHED TRANSCRIPT"), or null. */
  statusLine: string | null;
  /**
   * Set when a captioner's note moved these words, or might have: "Captioned under the label
   * LEBANON; attributed to Egypt by the captioner's note "(That was Egypt speaking)"."
   */
  attribution: string | null;
  /** True when who said these words is uncertain (the utterance's attribution.uncertain). */
  uncertain: boolean;
  /** CAPTION_CAVEAT: captions are not a verbatim record. */
  caveat: string;
  synthetic: boolean;
  /** SYNTHETIC_NOTICE for the synthetic sample, else null. */
  notice: string | null;
  /** "file, line N" (with the extracted text named for Word, PDF and HTML sources). */
  source: string;
  permalink: string;
  /** Everything above as one line. */
  text: string;
}

/** One utterance, ready to show and cite. */
export interface UtteranceView {
  /** `${sessionId}.${seq}`. */
  id: string;
  seq: number;
  session: SessionRef;
  speaker: SpeakerRef;
  /** 1-based number of the turn in its session (seq + 1). */
  turn: number;
  /** The full text as captioned, the captioner's notes included (not HTML-escaped). */
  text: string;
  /**
   * The words to put between quotation marks: only the speaker's words, notes taken out or
   * turned into editorial brackets (src/search/quote.ts, rules Q1-Q6). "" when nothing was said.
   */
  quote: string;
  annotations: Annotation[];
  documents: DocumentRef[];
  attribution: Attribution | null;
  empty: boolean;
  source: SourceRef;
  /** URL of the utterance's page (absolute when a base URL was given, else a path). */
  permalink: string;
  citation: Citation;
}

/** A search result. */
export interface SearchHit extends UtteranceView {
  /** Relevance score (0 when there were no search terms). */
  score: number;
  /** A window of the text around the matches: HTML-escaped, matches in <mark>. */
  snippet: string;
  /** Match offsets in `text` (UTF-16 code units, end exclusive), in order. */
  highlights: [number, number][];
}

/** A page of search results. */
export interface SearchPage {
  total: number;
  offset: number;
  limit: number;
  sort: SortOrder;
  results: SearchHit[];
  synthetic: boolean;
  notice: string | null;
}

export type SortOrder = "relevance" | "chronological";
export const SORT_ORDERS: readonly SortOrder[] = ["relevance", "chronological"];
