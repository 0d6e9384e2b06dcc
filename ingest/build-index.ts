/**
 * Builds the search assets from the parsed sessions: transcripts/<id>.json -> dist/assets/data/
 * (manifest.json, store.<hash>.json, utterances.<hash>.jsonl, index.<hash>.json, text.<hash>.txt).
 * The format is src/search/schema.ts (the texts asset: src/search/text-column.ts).
 *
 * buildAssets is pure (records in, files out); readSessionRecords and writeAssets do the I/O.
 */
import { createHash } from "node:crypto";
import { readFile, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import {
  CORPUS_ID,
  CORPUS_SCHEMA_VERSION,
  SYNTHETIC_NOTICE,
  type Logger,
  type Manifest,
  type Attribution,
  type SessionRecord,
  type Utterance,
  silentLogger,
} from "../src/domain";
import type { BackendFactory } from "../src/search/backend/interface";
import { DEFAULT_BACKEND } from "../src/search/backend/registry";
import {
  type AssetManifest,
  type CorpusStore,
  DATA_DIR,
  INDEX_FORMAT_VERSION,
  MANIFEST_FILE,
  type SpeakerAlias,
  type StoreFile,
  type StoreSession,
  type StoreSpeaker,
  indexOptionsHash,
} from "../src/search/schema";
import { inSessionOrder } from "../src/search/session-order";
import { proceduralTurns } from "../src/search/substance";
import { writeStoreFile } from "../src/search/store-file";
import { textArray, writeTextChunks } from "../src/search/text-column";
import { buildReuse } from "../src/search/variants/reuse";
import { writeFileAtomic } from "./io/atomic";

/** Where the parsed sessions are read from. */
export const DEFAULT_TRANSCRIPTS_DIR = "transcripts";

/** The built assets: file name (inside DATA_DIR) -> contents, and the manifest. */
export interface BuiltAssets {
  manifest: AssetManifest;
  files: Map<string, string>;
}

function contentHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 12);
}

/** The store as it is filled, with the lookups that keep speakers and labels unique. */
interface StoreBuild {
  store: CorpusStore;
  /** The texts by ordinal (the store's text column reads them). */
  texts: string[];
  aliasById: Map<string, SpeakerAlias>;
  speakerAt: Map<string, number>;
  labelAt: Map<string, number>;
  /**
   * The speakers of the whole collection (collectionSpeakers) when this store is one shard of
   * it: a speaker gets the collection's name and aliases, not those of its first turn in the shard.
   */
  known: ReadonlyMap<string, StoreSpeaker>;
}

/** Throws when two records claim one session id. */
function checkUniqueIds(records: readonly SessionRecord[]): void {
  const seen = new Set<string>();
  for (const record of records) {
    if (seen.has(record.id))
      throw new Error(`build: session id ${JSON.stringify(record.id)} appears twice`);
    seen.add(record.id);
  }
}

/** An empty store for these sessions, flagged synthetic when any of them is. */
function emptyStore(
  synthetic: boolean,
  aliases: readonly SpeakerAlias[],
  texts: readonly string[],
): CorpusStore {
  return {
    formatVersion: INDEX_FORMAT_VERSION,
    corpus: CORPUS_ID,
    synthetic,
    notice: synthetic ? SYNTHETIC_NOTICE : null,
    sessions: [],
    speakers: [],
    labels: [],
    utterances: {
      session: [],
      seq: [],
      speaker: [],
      label: [],
      text: textArray(texts),
      start: [],
      end: [],
      line: [],
      endLine: [],
      column: [],
      endColumn: [],
    },
    annotations: {},
    documents: {},
    attributions: {},
    reuse: {},
    empty: [],
    procedural: [],
    aliases: [...aliases],
  };
}

/** The store index of a speaker, added on first sight with its aliases. */
function speakerEntry(
  build: StoreBuild,
  speaker: Pick<StoreSpeaker, "id" | "name" | "kind" | "country">,
): number {
  const { speakers } = build.store;
  let index = build.speakerAt.get(speaker.id);
  if (index === undefined) {
    const alias = build.aliasById.get(speaker.id);
    const known = build.known.get(speaker.id);
    index = speakers.length;
    speakers.push(
      known
        ? { ...known, aliases: [...known.aliases] }
        : { ...speaker, aliases: alias ? [...alias.aliases] : [] },
    );
    build.speakerAt.set(speaker.id, index);
  }
  return index;
}

/** The speaker of a turn, its label as captioned added to its aliases on first sight. */
function noteSpeaker(build: StoreBuild, speaker: Utterance["speaker"]): number {
  const index = speakerEntry(build, speaker);
  const entry = build.store.speakers[index];
  if (entry && speaker.raw !== null && !entry.aliases.includes(speaker.raw))
    entry.aliases.push(speaker.raw);
  return index;
}

/** A store build with nothing in it yet. */
function startBuild(
  records: readonly SessionRecord[],
  aliases: readonly SpeakerAlias[],
  known: ReadonlyMap<string, StoreSpeaker>,
): StoreBuild {
  const texts: string[] = [];
  return {
    store: emptyStore(
      records.some((session) => session.synthetic),
      aliases,
      texts,
    ),
    texts,
    aliasById: new Map(aliases.map((alias) => [alias.id, alias])),
    speakerAt: new Map(),
    labelAt: new Map(),
    known,
  };
}

/**
 * The speakers of a whole collection as its store would name them (the name of their first
 * turn, the aliases of the table and every label they were captioned under), for building its
 * shards (ingest/shards.ts) so that every shard names a speaker as one index would.
 */
export function collectionSpeakers(
  records: readonly SessionRecord[],
  aliases: readonly SpeakerAlias[],
): Map<string, StoreSpeaker> {
  const build = startBuild(records, aliases, new Map());
  for (const record of inSessionOrder(records)) {
    for (const utterance of record.utterances) {
      noteSpeaker(build, utterance.speaker);
      if (utterance.attribution) attributionSpeakers(build, utterance.attribution);
    }
  }
  return new Map(build.store.speakers.map((speaker) => [speaker.id, speaker]));
}

/** The store index of a label as written, added on first sight; -1 for an unlabelled turn. */
function labelEntry(build: StoreBuild, raw: string | null): number {
  if (raw === null) return -1;
  const { labels } = build.store;
  const index = build.labelAt.get(raw) ?? labels.length;
  if (index === labels.length) {
    labels.push(raw);
    build.labelAt.set(raw, index);
  }
  return index;
}

/** A session's facts as the store keeps them, its utterances from `first` on. */
function storeSessionOf(record: SessionRecord, first: number): StoreSession {
  return {
    id: record.id,
    conference: record.conference,
    title: record.title,
    body: record.body,
    number: record.number,
    spokenNumber: record.spokenNumber,
    date: record.date,
    time: record.time,
    endTime: record.endTime,
    timeZone: record.timeZone,
    statusLine: record.statusLine,
    status: record.status,
    version: record.version,
    variants: record.variants,
    synthetic: record.synthetic,
    source: record.source,
    first,
    count: record.utterances.length,
  };
}

/** Appends one utterance to the store's columns and its sparse tables. */
function addUtterance(build: StoreBuild, sessionIndex: number, utterance: Utterance): void {
  const { store } = build;
  const columns = store.utterances;
  const ordinal = build.texts.length;
  const { speaker } = utterance;
  const speakerIndex = noteSpeaker(build, speaker);
  columns.session.push(sessionIndex);
  columns.seq.push(utterance.seq);
  columns.speaker.push(speakerIndex);
  columns.label.push(labelEntry(build, speaker.raw));
  build.texts.push(utterance.text);
  columns.start.push(utterance.source.start);
  columns.end.push(utterance.source.end);
  columns.line.push(utterance.source.line);
  columns.endLine.push(utterance.source.endLine);
  columns.column.push(utterance.source.column);
  columns.endColumn.push(utterance.source.endColumn);
  if (utterance.annotations.length > 0) store.annotations[ordinal] = utterance.annotations;
  if (utterance.documents.length > 0) store.documents[ordinal] = utterance.documents;
  if (utterance.attribution) addAttribution(build, ordinal, utterance.attribution);
  if (utterance.empty) store.empty.push(ordinal);
}

/** Keeps an attribution; both speakers a note ties together get a record, words or not. */
function addAttribution(build: StoreBuild, ordinal: number, attribution: Attribution): void {
  build.store.attributions[ordinal] = attribution;
  attributionSpeakers(build, attribution);
}

/** The speakers an attribution ties together get a record, words or not. */
function attributionSpeakers(build: StoreBuild, attribution: Attribution): void {
  for (const id of [attribution.labelledId, attribution.namedId]) {
    const alias = build.aliasById.get(id);
    if (alias)
      speakerEntry(build, { id, name: alias.name, kind: alias.kind, country: alias.country });
  }
}

/** What a shard takes from its whole collection (ingest/shards.ts) instead of its own sessions. */
export interface CollectionFacts {
  /** The collection's speakers (collectionSpeakers): names and aliases as one index has them. */
  speakers: ReadonlyMap<string, StoreSpeaker>;
  /** The collection's reuse table cut to the shard (its ordinals; other shards' as ids). */
  reuse: ReturnType<typeof buildReuse>;
}

/** The utterances the reuse table links: finished sessions, turns with words. */
export function reusable(record: SessionRecord, utterance: Utterance): boolean {
  return record.version === "finished" && !utterance.empty;
}

/** The store of the sessions, in session order, with the reuse table. */
function buildStore(
  records: readonly SessionRecord[],
  aliases: readonly SpeakerAlias[],
  collection: CollectionFacts | undefined,
): { store: CorpusStore; texts: string[]; reuse: ReturnType<typeof buildReuse> } {
  checkUniqueIds(records);
  const sessions = inSessionOrder(records);
  const build = startBuild(records, aliases, collection?.speakers ?? new Map());
  const { store, texts } = build;
  const include: boolean[] = [];
  for (const [sessionIndex, record] of sessions.entries()) {
    store.sessions.push(storeSessionOf(record, texts.length));
    for (const utterance of record.utterances) {
      addUtterance(build, sessionIndex, utterance);
      include.push(reusable(record, utterance));
    }
  }
  const columns = store.utterances;
  const reuse = collection?.reuse ?? buildReuse(texts, (ordinal) => include[ordinal] === true);
  store.reuse = reuse.table;
  store.procedural = proceduralTurns(
    store.speakers.map((speaker) => speaker.kind),
    columns.speaker,
    texts,
  );
  return { store, texts, reuse };
}

/**
 * Builds the store and the index from session records, with each session's extracted text
 * (`texts`: session id -> text; sessions without one get no text asset). `collection`: the
 * whole collection's speakers and reuse when these sessions are one shard of it.
 * Pure.
 */
export function buildAssets(
  records: readonly SessionRecord[],
  aliases: readonly SpeakerAlias[] = [],
  backend: BackendFactory = DEFAULT_BACKEND,
  texts: ReadonlyMap<string, string> = new Map(),
  collection?: CollectionFacts,
): BuiltAssets {
  const { store, texts: utteranceTexts, reuse } = buildStore(records, aliases, collection);
  const documents = utteranceTexts
    .map((text, ordinal) => ({ ordinal, text }))
    .filter((document) => document.text.trim().length > 0);
  const indexText = backend.build(documents);
  const storeText = writeStoreFile(storeFileOf(store));
  const textsText = writeTextChunks(utteranceTexts);
  const indexName = `index.${contentHash(indexText)}.json`;
  const storeName = `store.${contentHash(storeText)}.json`;
  const textsName = `utterances.${contentHash(textsText)}.jsonl`;
  const textFiles = textAssets(store.sessions, texts);
  const manifest: AssetManifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    optionsHash: indexOptionsHash(backend.options),
    backend: backend.name,
    corpus: CORPUS_ID,
    synthetic: store.synthetic,
    notice: store.notice,
    files: {
      index: indexName,
      store: storeName,
      utteranceTexts: textsName,
      texts: Object.fromEntries([...textFiles].map(([id, file]) => [id, file.name])),
    },
    counts: {
      sessions: store.sessions.length,
      utterances: utteranceTexts.length,
      speakers: store.speakers.length,
    },
    reuse: reuse.stats,
  };
  const files = new Map<string, string>([
    [indexName, indexText],
    [storeName, storeText],
    [textsName, textsText],
    ...[...textFiles.values()].map((file) => [file.name, file.text] as [string, string]),
    [MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`],
  ]);
  return { manifest, files };
}

/** The store as its file holds it: without the texts, which have their own asset. */
function storeFileOf(store: CorpusStore): StoreFile {
  const { text: _texts, ...columns } = store.utterances;
  return { ...store, utterances: columns };
}

/** The extracted-text assets of the stored sessions: session id -> content-hashed file. */
function textAssets(
  sessions: readonly StoreSession[],
  texts: ReadonlyMap<string, string>,
): Map<string, { name: string; text: string }> {
  const out = new Map<string, { name: string; text: string }>();
  for (const session of sessions) {
    const text = texts.get(session.id);
    if (text !== undefined) out.set(session.id, { name: `text.${contentHash(text)}.txt`, text });
  }
  return out;
}

/**
 * The extracted texts of the records (transcripts/text/<id>.txt, as each record's
 * source.textFile names it, relative to the transcripts folder). A missing one is reported and
 * left out: its session's text view says so, its search works.
 */
export async function readSourceTexts(
  transcriptsDir: string,
  records: readonly SessionRecord[],
  logger: Logger = silentLogger,
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const record of records) {
    const path = join(transcriptsDir, record.source.textFile);
    try {
      texts.set(record.id, await readFile(path, "utf8"));
    } catch (error) {
      logger.warn(
        `build: ${path}: ${(error as Error).message}; its extracted-text view is left out`,
      );
    }
  }
  return texts;
}

/**
 * Writes built assets under `<assetsDir>/data/`: the data files first, the manifest last (each
 * atomically), then removes index/store files no manifest names any more.
 */
export async function writeAssets(assetsDir: string, built: BuiltAssets): Promise<string[]> {
  const dataDir = join(assetsDir, DATA_DIR);
  const written: string[] = [];
  for (const [name, text] of built.files) {
    if (name === MANIFEST_FILE) continue;
    await writeFileAtomic(join(dataDir, name), text);
    written.push(join(dataDir, name));
  }
  const manifestText = built.files.get(MANIFEST_FILE);
  if (manifestText === undefined) throw new Error("build: built assets have no manifest");
  await writeFileAtomic(join(dataDir, MANIFEST_FILE), manifestText);
  written.push(join(dataDir, MANIFEST_FILE));
  const keep = new Set(built.files.keys());
  for (const name of await readdir(dataDir)) {
    if (
      /^(?:(?:index|store)\.[0-9a-f]+\.json|utterances\.[0-9a-f]+\.jsonl|text\.[0-9a-f]+\.txt)$/.test(
        name,
      ) &&
      !keep.has(name)
    ) {
      await rm(join(dataDir, name), { force: true });
    }
  }
  return written;
}

function fail(file: string, message: string): never {
  throw new Error(`build: ${file}: ${message}`);
}

/** Reads transcripts/manifest.json and the session files it lists. */
export async function readSessionRecords(
  transcriptsDir: string,
  logger: Logger = silentLogger,
): Promise<{ manifest: Manifest; records: SessionRecord[] }> {
  const manifestPath = join(transcriptsDir, "manifest.json");
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(manifestPath, "utf8")) as Manifest;
  } catch (error) {
    fail(manifestPath, (error as Error).message);
  }
  if (manifest.schemaVersion !== CORPUS_SCHEMA_VERSION) {
    fail(
      manifestPath,
      `schema version ${String(manifest.schemaVersion)} is not ${CORPUS_SCHEMA_VERSION}: run npm run ingest`,
    );
  }
  if (!Array.isArray(manifest.sessions)) fail(manifestPath, "has no sessions list");
  const records: SessionRecord[] = [];
  for (const entry of manifest.sessions) {
    const path = join(transcriptsDir, entry.file.replace(/^transcripts\//, ""));
    let record: SessionRecord;
    try {
      record = JSON.parse(await readFile(path, "utf8")) as SessionRecord;
    } catch (error) {
      fail(path, (error as Error).message);
    }
    if (record.schemaVersion !== CORPUS_SCHEMA_VERSION) {
      fail(
        path,
        `schema version ${String(record.schemaVersion)} is not ${CORPUS_SCHEMA_VERSION}: run npm run ingest`,
      );
    }
    if (record.id !== entry.id)
      fail(
        path,
        `id ${JSON.stringify(record.id)} does not match the manifest's ${JSON.stringify(entry.id)}`,
      );
    if (!Array.isArray(record.utterances)) fail(path, "has no utterances list");
    records.push(record);
  }
  for (const failure of manifest.failures ?? [])
    logger.warn(`build: ingest failed for ${failure.file}: ${failure.error}`);
  return { manifest, records };
}
