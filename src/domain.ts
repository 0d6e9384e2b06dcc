/**
 * The domain of the corpus: sessions of a conference, and the speaker-attributed utterances
 * captioned in them. These types are shared by the ingest pipeline (which writes them as JSON
 * under transcripts/) and the search core (which reads them from the built assets).
 *
 * Runtime-free: no Node imports here.
 */

/** Version of the per-session JSON files and the manifest. Bump on any incompatible change. */
export const CORPUS_SCHEMA_VERSION = 3;

/**
 * The id of a corpus (manifest.corpus, the asset manifest's corpus): one corpus holds the sessions
 * of any number of conferences, each session naming its own (SessionHeader.conference; the
 * profiles are in src/conferences/).
 */
export const CORPUS_ID = "itu-captions";

/**
 * The captioner's own caveat: CART captions are not a verbatim record. Every quote shown to a
 * person carries it.
 */
export const CAPTION_CAVEAT =
  "Live captions (CART) produced in rough-draft form; not an official verbatim record of the proceedings.";

/** Notice carried by every file, response and page derived from the bundled synthetic sample. */
export const SYNTHETIC_NOTICE =
  "SYNTHETIC SAMPLE: these transcripts were written by the project for testing and demonstration. They are not the proceedings of any real conference, and no words in them were said by any real delegation.";

/** The body that held a session ("plenary", "committee-5"...): see src/conferences/profile.ts. */
export type { Body, BodyKind } from "./conferences/profile";
import type { Body } from "./conferences/profile";

/**
 * Transcript status, from the status line of the header:
 * FINISHED TRANSCRIPT / FINISHED FILE / FINISHED COPY -> "finished";
 * FINAL TRANSCRIPT / FINAL COPY -> "final"; RAW COPY -> "rough".
 * null when the header has no status line (a rough live version may have none).
 */
export type TranscriptStatus = "finished" | "final" | "rough";

/** What kind of speaker a turn label names. */
export type SpeakerKind =
  "delegation" | "chair" | "secretariat" | "interpreter" | "official" | "person" | "unknown";

/** Input formats the extractors read, decided from the bytes (magic numbers). */
export type SourceFormat = "pdf" | "docx" | "doc" | "html" | "txt";

/**
 * A speaker as recognised from a turn label. `raw` is always the label exactly as the captioner
 * wrote it (null for an unlabelled turn).
 */
export interface Speaker {
  /** The label as written, e.g. "ISLAMIC REPUBLIC OF IRAN", "Chair", null when unlabelled. */
  raw: string | null;
  kind: SpeakerKind;
  /** ISO 3166-1 alpha-3 code for a delegation of a Member State, else null. */
  country: string | null;
  /**
   * Stable id used in URLs and filters: the alpha-3 code for delegations ("IRN"), the kind for
   * roles ("chair", "secretariat", "interpreter", "unknown"), "official:<slug>" and
   * "person:<slug>" for named officials and persons.
   */
  id: string;
  /** Canonical display name: "Iran (Islamic Republic of)", "Chair", "Secretary-General"... */
  name: string;
}

/** A span inside an utterance's text that is not the speaker's words: (Applause), (Gavel)... */
export interface Annotation {
  /** The annotation as written, brackets included: "(Applause.)". */
  text: string;
  /** Offsets into Utterance.text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  /**
   * Normalised kind: "applause", "gavel", "laughter", "no-english", "language" ("repeating in
   * French"), "interpretation" (interpretation checks), "inaudible", "stand-by", "unsure" ("(?)"),
   * "attribution" ("That was Egypt speaking"), "other".
   */
  kind: string;
}

/** A document reference spoken in an utterance, normalised for linking across sessions. */
export interface DocumentRef {
  /** Normalised id: "ADM/5", "DT/30-REV3", "DOC/65", "ARTICLE/5B", "RESOLUTION/PLEN-3", "RULE/51". */
  id: string;
  /** As spoken/captioned: "DT/30 rev 3". */
  raw: string;
  /** Offsets into Utterance.text. */
  start: number;
  end: number;
}

/** Where in the extracted source text an utterance came from. */
export interface SourceSpan {
  /** Offsets into the extracted text of the source file (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  /** 1-based line numbers in the extracted text where the turn starts and ends. */
  line: number;
  endLine: number;
  /** 1-based columns: of the turn's first character in `line`, of its last in `endLine`. */
  column: number;
  endColumn: number;
}

/**
 * How far back a captioner's attribution note reaches:
 * "turn": the words since the turn's label (or since the previous note);
 * "after-break": only the words after a line break, where the chair had handed the floor to two
 *   speakers and the second one's words ran on under the first one's label;
 * "none": the evidence does not settle it; the words stay where the captions put them.
 */
export type AttributionReach = "turn" | "after-break" | "none";

/**
 * Set on an utterance whose attribution a captioner's note such as "(That was Egypt speaking)"
 * touched: who the captions labelled, who the note names, how far it reaches and why.
 */
export interface Attribution {
  /** The label the captions gave the words ("LEBANON"); null for an unlabelled turn. */
  labelled: string | null;
  /** Speaker id of that label ("LBN"; "unknown" for an unlabelled turn). */
  labelledId: string;
  /** The note as written, brackets included: "(That was Egypt speaking)". */
  note: string;
  /** Who the note names, as written in it: "Egypt". */
  named: string;
  /** Speaker id of the named speaker ("EGY"). */
  namedId: string;
  reach: AttributionReach;
  /**
   * True when the transcript does not settle who said the words: they stay with the label, and
   * every view and citation of the utterance says the attribution is uncertain.
   */
  uncertain: boolean;
  /** The evidence the reach was decided from, as a sentence a reader can check. */
  evidence: string;
}

/** One speaker turn, as parsed (before session ids are assigned). */
export interface ParsedUtterance {
  speaker: Speaker;
  /**
   * The turn's text: the captioner's words in order, hard wraps joined with single spaces,
   * conversion junk removed, annotations left in place. Nothing reworded.
   */
  text: string;
  /** Annotations found in `text` (not the speaker's words). */
  annotations: Annotation[];
  /** Document references spoken in `text`. */
  documents: DocumentRef[];
  source: SourceSpan;
  /**
   * Set when an attribution note such as "(That was Egypt speaking)" moved these words, or might
   * have (`uncertain`).
   */
  attribution?: Attribution;
  /** True for a label with no words (a button pressed by mistake). */
  empty?: boolean;
}

/** Header facts of a transcript. Every field is null when the header does not give it. */
export interface SessionHeader {
  /** The status line as written: "FINISHED TRANSCRIPT". */
  statusLine: string | null;
  status: TranscriptStatus | null;
  /**
   * Id of the conference the header names ("wcit-12", "pp-14": a profile in src/conferences/),
   * null when it names none the engine knows (the parser then warns).
   */
  conference: string | null;
  /** The conference line as written: "WORLD CONFERENCE ON INTERNATIONAL TELECOMMUNICATIONS". */
  conferenceLine: string | null;
  /** The city line as written: "DUBAI, UNITED ARAB EMIRATES". */
  city: string | null;
  /** The room line as written: "ROOM A", "ROOM CUZA". */
  room: string | null;
  /** YYYY-MM-DD. */
  date: string | null;
  /** Start time, HH:MM (24h). */
  time: string | null;
  /** End time, HH:MM, when a range was given ("1530-1850 LOCAL TIME"). */
  endTime: string | null;
  /** Time zone words as written after the time: "LOCAL TIME", "CET", "EEST". */
  timeZone: string | null;
  /** The title line as written: "THIRD MEETING OF COMMITTEE 5". */
  title: string | null;
  body: Body | null;
  /** Meeting number from the title (digits or ordinal words). */
  number: number | null;
  /**
   * Meeting number as announced in the room when it differs from the title's ("the 17th plenary
   * meeting" under a header saying PLENARY 13). Both are kept; neither is guessed away.
   */
  spokenNumber: number | null;
  /** The provider block (company, address, phones, web) as one string, removed from speech. */
  provider: string | null;
  /** The captioner's disclaimer, removed from speech. */
  disclaimer: string | null;
  /** True when the header carries the SYNTHETIC SAMPLE marker. */
  synthetic: boolean;
}

/** A header with every field unknown: what a transcript with no header yields. */
export function emptySessionHeader(): SessionHeader {
  return {
    statusLine: null,
    status: null,
    conference: null,
    conferenceLine: null,
    city: null,
    room: null,
    date: null,
    time: null,
    endTime: null,
    timeZone: null,
    title: null,
    body: null,
    number: null,
    spokenNumber: null,
    provider: null,
    disclaimer: null,
    synthetic: false,
  };
}

/** What the pure transcript parser returns. */
export interface ParsedTranscript {
  session: SessionHeader;
  utterances: ParsedUtterance[];
  /** Non-fatal oddities found while parsing (unknown label, header field missing...). */
  warnings: string[];
}

/** Provenance of a session file. */
export interface SessionSource {
  /** Path relative to the project root (transcripts/sources/...) or the cache, for fetched files. */
  file: string;
  /** URL it was downloaded from, when fetched. */
  url?: string;
  sha256: string;
  format: SourceFormat;
  bytes: number;
  /** Path of the extracted text the offsets and line numbers refer to (transcripts/text/<id>.txt). */
  textFile: string;
}

/** An utterance as stored: a parsed utterance with its id and place in the session. */
export interface Utterance extends ParsedUtterance {
  /** `${sessionId}.${seq}`, e.g. "plenary-1.12". */
  id: string;
  /** 0-based position in the session. */
  seq: number;
}

/** One session as written to transcripts/<id>.json. */
export interface SessionRecord extends SessionHeader {
  schemaVersion: typeof CORPUS_SCHEMA_VERSION;
  /** SYNTHETIC_NOTICE for a synthetic session, else null: the first thing a reader of the file sees. */
  notice: string | null;
  /** "plenary-1", "committee-5-3", "plenary-2012-12-10-1930"; "-rough" appended to a rough live version. */
  id: string;
  /** "finished" for the version preferred for search, "rough" for a rough live version. */
  version: "finished" | "rough";
  /** Ids of other versions of the same session (the rough one of a finished one, and back). */
  variants: string[];
  source: SessionSource;
  synthetic: boolean;
  /**
   * Set when header facts were not in this transcript but taken from another version of the same
   * session: a rough live transcript with no header is matched to the finished one whose words it
   * shares (`similarity`: the share of its 3-word sequences found in that one).
   */
  inferred?: { from: string; fields: (keyof SessionHeader)[]; similarity: number };
  utterances: Utterance[];
}

/** One line of transcripts/manifest.json. */
export interface ManifestEntry {
  id: string;
  file: string;
  /** Id of the session's conference ("wcit-12", "pp-14"), null when it is none the engine knows. */
  conference: string | null;
  title: string | null;
  body: Body | null;
  number: number | null;
  date: string | null;
  time: string | null;
  status: TranscriptStatus | null;
  version: "finished" | "rough";
  utterances: number;
  source: SessionSource;
  synthetic: boolean;
}

/** transcripts/manifest.json. */
export interface Manifest {
  schemaVersion: typeof CORPUS_SCHEMA_VERSION;
  corpus: typeof CORPUS_ID;
  /** True when any session is synthetic: the whole corpus is then flagged as such. */
  synthetic: boolean;
  notice: string | null;
  sessions: ManifestEntry[];
  /** Sources that failed to extract or parse on the last run, with the error. */
  failures: { file: string; error: string }[];
  /**
   * Sources of the last run that claimed the id of another source's session (written only when
   * there are some): they never displace it; each got a distinct id or was held back.
   */
  conflicts?: IdConflict[];
  /**
   * Ids of sessions whose source is gone (written only when there are some). An id is never given
   * to other words: only the same bytes take it back.
   */
  retired?: RetiredSession[];
}

/** A source that claimed an id already held by another source (see Manifest.conflicts). */
export interface IdConflict {
  /** The id its header asked for. */
  claimed: string;
  file: string;
  sha256: string;
  /** The source that holds the id. */
  owner: { id: string; file: string };
  /**
   * "renamed": ingested under `id` (the claimed id with a hash suffix); "held": not ingested,
   * because its words are those of the owner (a duplicate, or a replacement under another name).
   */
  outcome: "renamed" | "held";
  id?: string;
  /** Share of its 3-word sequences found in the owner's words (0 when not compared). */
  similarity: number;
}

/** An id whose session was removed because its source is gone. */
export interface RetiredSession {
  id: string;
  file: string;
  sha256: string;
}

/** A logger passed into library code instead of using console. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A logger that drops everything: the default in library code. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
