/**
 * What the search core returns: the JSON shapes of the API. Runtime-free.
 */
import type {
  Annotation,
  Body,
  DocumentRef,
  SessionSource,
  SpeakerKind,
  TranscriptStatus,
} from "../domain";

/** A session as named in a result. */
export interface SessionRef {
  id: string;
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
  start: number;
  end: number;
}

/** A citation ready to paste: the parts, and `text`, one line with all of them. */
export interface Citation {
  /** Canonical speaker name ("Egypt", "Chair"). */
  speaker: string;
  /** Label as captioned. */
  speakerLabel: string | null;
  speakerKind: SpeakerKind;
  conference: string;
  place: string;
  /** Session title as in the header, or the session id when there is none. */
  session: string;
  sessionId: string;
  date: string | null;
  time: string | null;
  /** Transcript status as written in the header ("FINISHED TRANSCRIPT"), or null. */
  status: string | null;
  /** CAPTION_CAVEAT: captions are not a verbatim record. */
  caveat: string;
  synthetic: boolean;
  /** SYNTHETIC_NOTICE for the synthetic sample, else null. */
  notice: string | null;
  /** "file, line N". */
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
  /** The full text as captioned (not HTML-escaped). */
  text: string;
  annotations: Annotation[];
  documents: DocumentRef[];
  attribution: { labelled: string | null; note: string } | null;
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
