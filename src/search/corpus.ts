/**
 * A loaded corpus: the asset manifest, the utterance store and the search backend, with the
 * lookups built once on load. Runtime-free.
 */
import { type AssetContent, assetString } from "./asset-content";
import type { SearchBackend } from "./backend/interface";
import type { AssetManifest, CorpusStore, StoreSession, StoreSpeaker } from "./schema";
import { SpacingCache } from "./text";

export interface Corpus {
  manifest: AssetManifest;
  store: CorpusStore;
  backend: SearchBackend;
  /** Session id -> index into store.sessions. */
  sessionIndex: Map<string, number>;
  /** Speaker id -> index into store.speakers. */
  speakerIndex: Map<string, number>;
  /** Number of utterances. */
  size: number;
  /** Ordinals of empty turns. */
  empty: Set<number>;
  /** Ordinals of procedural turns (rule R-SUBSTANCE, ./substance.ts). */
  procedural: Set<number>;
  /** Document id -> ordinals of the utterances that mention it (chronological). Built on first use. */
  documentIndex?: Map<string, number[]>;
  /** Which utterance texts have white space that phrase folding changes (by ordinal, filled as checked). */
  spacing: SpacingCache;
  /**
   * A session's extracted source text (what offsets, lines and columns refer to), read on first
   * use; null when the build has none for it.
   */
  sourceText(sessionId: string): Promise<string | null>;
}

/** How many sessions' extracted texts are kept in memory once read. */
export const SOURCE_TEXTS_KEPT = 16;

/** Reads one asset by name (src/search/load.ts ReadAsset). */
type ReadText = (name: string) => Promise<AssetContent>;

/** Wraps loaded parts into a Corpus. */
export function createCorpus(
  manifest: AssetManifest,
  store: CorpusStore,
  backend: SearchBackend,
  read?: ReadText,
): Corpus {
  const texts = new Map<string, Promise<string | null>>();
  const sourceText = (sessionId: string): Promise<string | null> => {
    const name = manifest.files.texts?.[sessionId];
    if (!read || name === undefined) return Promise.resolve(null);
    let text = texts.get(sessionId);
    if (!text) {
      if (texts.size >= SOURCE_TEXTS_KEPT) texts.clear();
      text = read(name).then(assetString, (error: unknown) => {
        texts.delete(sessionId);
        throw error;
      });
      texts.set(sessionId, text);
    }
    return text;
  };
  return {
    sourceText,
    manifest,
    store,
    backend,
    sessionIndex: new Map(store.sessions.map((session, index) => [session.id, index])),
    speakerIndex: new Map(store.speakers.map((speaker, index) => [speaker.id, index])),
    size: store.utterances.text.length,
    empty: new Set(store.empty),
    procedural: new Set(store.procedural),
    spacing: new SpacingCache(store.utterances.text.length),
  };
}

/** The ordinal of an utterance id (`${sessionId}.${seq}`), or undefined. */
export function ordinalOf(corpus: Corpus, utteranceId: string): number | undefined {
  const dot = utteranceId.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const sessionAt = corpus.sessionIndex.get(utteranceId.slice(0, dot));
  const seqText = utteranceId.slice(dot + 1);
  if (sessionAt === undefined || !/^\d+$/.test(seqText)) return undefined;
  const session = corpus.store.sessions[sessionAt];
  if (!session) return undefined;
  const seq = Number(seqText);
  const { seq: seqs } = corpus.store.utterances;
  const guess = session.first + seq;
  if (seq < session.count && seqs[guess] === seq) return guess;
  for (let ordinal = session.first; ordinal < session.first + session.count; ordinal++) {
    if (seqs[ordinal] === seq) return ordinal;
  }
  return undefined;
}

/** The session an utterance belongs to (throws for an ordinal outside the store). */
export function sessionOfUtterance(corpus: Corpus, ordinal: number): StoreSession {
  const session = corpus.store.sessions[corpus.store.utterances.session[ordinal] ?? -1];
  if (!session) throw new Error(`search: utterance ${ordinal} has no session`);
  return session;
}

/** The utterance id of an ordinal. */
export function utteranceId(corpus: Corpus, ordinal: number): string {
  const { session, seq } = corpus.store.utterances;
  const sessionId = corpus.store.sessions[session[ordinal] ?? -1]?.id ?? "?";
  return `${sessionId}.${seq[ordinal] ?? -1}`;
}

/** Document id -> ordinals mentioning it, built once. */
export function documentIndex(corpus: Corpus): Map<string, number[]> {
  if (corpus.documentIndex) return corpus.documentIndex;
  const index = new Map<string, number[]>();
  const ordinals = Object.keys(corpus.store.documents)
    .map(Number)
    .sort((a, b) => a - b);
  for (const ordinal of ordinals) {
    for (const ref of corpus.store.documents[String(ordinal)] ?? []) {
      const list = index.get(ref.id) ?? [];
      if (list[list.length - 1] !== ordinal) list.push(ordinal);
      index.set(ref.id, list);
    }
  }
  corpus.documentIndex = index;
  return index;
}

/** The speaker with this id, or undefined when the corpus has none. */
export function speakerById(corpus: Corpus, id: string | null): StoreSpeaker | undefined {
  const index = id === null ? undefined : corpus.speakerIndex.get(id);
  return index === undefined ? undefined : corpus.store.speakers[index];
}

/** True for a label as the transcripts wrote it ("REPUBLIC OF KOREA"), not an alias-table key. */
export function isCaptionedLabel(corpus: Corpus, label: string): boolean {
  return corpus.store.labels.includes(label);
}
