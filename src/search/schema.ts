/**
 * The index schema: the format of the built assets under dist/assets/data/, shared by the build
 * (ingest/build-index.ts) and the loader (src/search/load.ts). Anything that changes what the
 * loader expects must change INDEX_FORMAT_VERSION or the options described in INDEX_OPTIONS,
 * so that stale assets refuse to load instead of answering wrongly.
 *
 * Runtime-free.
 */
import type {
  Attribution,
  Annotation,
  Body,
  DocumentRef,
  SessionSource,
  SpeakerKind,
  TranscriptStatus,
} from "../domain";
import { TERM_NORMALISER_NAME, TOKENIZER_NAME } from "./text";
import type { TextColumn } from "./text-column";
import { REUSE, type ReuseStats, type ReuseTable } from "./variants/reuse";

/**
 * Version of the asset format (manifest, store, index envelope). Bump on incompatible change
 * (5: the store as a header line and one line per part, ./store-file.ts).
 */
export const INDEX_FORMAT_VERSION = 5;
// 4: the utterance texts left the store for their own chunked asset (files.utteranceTexts).

/** Folder of the data assets, relative to the assets root (dist/assets). */
export const DATA_DIR = "data";

/** The asset manifest's file name, inside DATA_DIR. Written last, so it only names files that exist. */
export const MANIFEST_FILE = "manifest.json";

/**
 * What the index was built with. Every field here is hashed into `optionsHash`; the loader
 * refuses assets whose hash differs from the one computed from this object.
 */
export const INDEX_OPTIONS = {
  /** The indexed unit: one document per utterance (text only; the text itself is not stored). */
  unit: "utterance",
  fields: ["text"],
  tokenizer: TOKENIZER_NAME,
  termNormaliser: TERM_NORMALISER_NAME,
  /** Utterances of every version (finished and rough) are indexed; rough ones are filtered out at query time. */
  versions: ["finished", "rough"],
  /** How the "where else was this said" table (CorpusStore.reuse) was built. */
  reuse: REUSE,
} as const;

/** A session as kept in the store. `first`/`count` locate its utterances (ordinals). */
export interface StoreSession {
  id: string;
  /** Id of the session's conference ("wcit-12": src/conferences/), null when none is known. */
  conference: string | null;
  title: string | null;
  body: Body | null;
  number: number | null;
  spokenNumber: number | null;
  date: string | null;
  time: string | null;
  endTime: string | null;
  timeZone: string | null;
  statusLine: string | null;
  status: TranscriptStatus | null;
  version: "finished" | "rough";
  variants: string[];
  synthetic: boolean;
  source: SessionSource;
  /** Ordinal of the session's first utterance. */
  first: number;
  /** Number of utterances. */
  count: number;
}

/** A speaker (by id) as kept in the store. */
export interface StoreSpeaker {
  id: string;
  name: string;
  kind: SpeakerKind;
  country: string | null;
  /** Other names the speaker may be searched by (from the speaker table and the labels seen). */
  aliases: string[];
}

/** An entry of the speaker alias table emitted at build time (ingest/parse/speakers.ts). */
export interface SpeakerAlias {
  id: string;
  name: string;
  kind: SpeakerKind;
  country: string | null;
  aliases: string[];
}

/**
 * Utterances, column by column, in ordinal order. Ordinals follow the sessions in chronological
 * order (date, time, id), and each session's utterances in their order, so sorting by ordinal
 * is sorting chronologically.
 */
export interface StoredUtteranceColumns {
  /** Index into `sessions`. */
  session: number[];
  seq: number[];
  /** Index into `speakers`. */
  speaker: number[];
  /** Index into `labels` of the raw label, -1 when the turn was unlabelled. */
  label: number[];
  /** Source span: offsets into the extracted text and 1-based lines. */
  start: number[];
  end: number[];
  line: number[];
  endLine: number[];
  /** 1-based columns of the first character in `line` and the last in `endLine`. */
  column: number[];
  endColumn: number[];
}

/** The columns in memory: the stored ones and the texts (read from their own asset, ./text-column.ts). */
export interface UtteranceColumns extends StoredUtteranceColumns {
  text: TextColumn;
}

/** The utterance store: everything needed to show a result, kept out of the search index. */
export interface CorpusStore {
  formatVersion: typeof INDEX_FORMAT_VERSION;
  corpus: string;
  synthetic: boolean;
  notice: string | null;
  sessions: StoreSession[];
  speakers: StoreSpeaker[];
  labels: string[];
  utterances: UtteranceColumns;
  /** Sparse columns, keyed by ordinal. */
  annotations: Record<string, Annotation[]>;
  documents: Record<string, DocumentRef[]>;
  attributions: Record<string, Attribution>;
  /** Ordinals of empty turns. */
  empty: number[];
  /** Ordinals of procedural turns (rule R-SUBSTANCE, ./substance.ts), ascending. */
  procedural: number[];
  /** The speaker alias table, for resolving speaker: filters to ids. */
  aliases: SpeakerAlias[];
  /** Text reuse between finished utterances, keyed by ordinal (./variants/reuse.ts). */
  reuse: ReuseTable;
}

/**
 * The store file (`files.store`, written and read by ./store-file.ts): the store without its
 * texts (`files.utteranceTexts`).
 */
export interface StoreFile extends Omit<CorpusStore, "utterances"> {
  utterances: StoredUtteranceColumns;
}

/** dist/assets/data/manifest.json. */
export interface AssetManifest {
  formatVersion: number;
  optionsHash: string;
  /** Which search backend built `files.index` (see src/search/backend/registry.ts). */
  backend: string;
  corpus: string;
  synthetic: boolean;
  notice: string | null;
  /** File names inside DATA_DIR; content-hashed, so a new build never overwrites a file in use. */
  /**
   * `texts`: session id -> the asset holding the session's extracted source text (what offsets,
   * lines and columns refer to), read only when a page shows it.
   */
  files: { index: string; store: string; utteranceTexts: string; texts: Record<string, string> };
  counts: { sessions: number; utterances: number; speakers: number };
  /** What building the reuse table found and cost (absent in assets built before it). */
  reuse?: ReuseStats;
}

/** FNV-1a (32 bit) of a string, as 8 hex digits. Pure, the same everywhere. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/** JSON with object keys sorted, so equal values always give equal strings. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The hash of the index options for a backend: stored in the manifest, checked on load. */
export function indexOptionsHash(backendOptions: unknown): string {
  return fnv1a(stableStringify({ index: INDEX_OPTIONS, backend: backendOptions }));
}
