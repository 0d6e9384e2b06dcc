import { readFile, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import {
  CONFERENCE,
  CORPUS_SCHEMA_VERSION,
  SYNTHETIC_NOTICE,
  silentLogger,
  type Logger,
  type Manifest,
  type ManifestEntry,
  type SessionRecord,
} from "../../src/domain";
import { writeFileAtomic } from "../io/atomic";
import { sessionKey } from "./session-id";
import { withSessionId, type ProcessedSource } from "./source";
import { matchRoughTwins } from "./twins";

export const MANIFEST_FILE = "manifest.json";

/** A source that could not be ingested, and why. */
export interface SourceFailure {
  file: string;
  url?: string;
  error: string;
}

export interface WriteCorpusOptions {
  logger?: Logger;
  /**
   * "replace": the corpus is exactly what was processed now, plus earlier sessions whose source
   * failed this time (kept, never lost); sessions of sources that are gone are removed.
   * "merge": earlier sessions are all kept, and what was processed now replaces or adds to them
   * (the scraper's mode: a site that is down today costs nothing already ingested).
   */
  mode?: "replace" | "merge";
}

export interface WriteCorpusResult {
  manifest: Manifest;
  /** Ids whose files were written (new or changed) in this call. */
  written: string[];
  /** Ids removed (replace mode only). */
  removed: string[];
}

/**
 * Makes the set of processed sources into a consistent corpus: the same bytes reached twice are
 * kept once; a headerless rough transcript is matched to its finished twin (see twins.ts); two
 * different files claiming one id are told apart by a hash suffix; the versions of one session
 * (rough live and finished) list each other in `variants`.
 */
export function assembleSessions(processed: ProcessedSource[]): ProcessedSource[] {
  const bySha = new Map<string, ProcessedSource>();
  for (const item of processed) {
    if (!bySha.has(item.record.source.sha256)) bySha.set(item.record.source.sha256, item);
  }
  const byId = new Map<string, ProcessedSource>();
  // Deterministic order: by file name, so ids do not depend on download order.
  const unique = [...bySha.values()].sort((a, b) =>
    a.record.source.file.localeCompare(b.record.source.file),
  );
  const texts = new Map(unique.map((item) => [item.record.source.sha256, item.text]));
  for (let record of matchRoughTwins(unique.map((item) => item.record))) {
    if (byId.has(record.id)) {
      record = withSessionId(record, `${record.id}-${record.source.sha256.slice(0, 8)}`);
    }
    byId.set(record.id, { record, text: texts.get(record.source.sha256) ?? "" });
  }
  const groups = new Map<string, string[]>();
  for (const id of byId.keys()) {
    const key = sessionKey(id.replace(/-[0-9a-f]{8}$/, ""));
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  for (const ids of groups.values()) {
    for (const id of ids) {
      const item = byId.get(id);
      if (item) item.record = { ...item.record, variants: ids.filter((other) => other !== id) };
    }
  }
  return [...byId.values()];
}

/** The manifest line of a session. */
export function manifestEntry(record: SessionRecord): ManifestEntry {
  return {
    id: record.id,
    file: `${record.id}.json`,
    title: record.title,
    body: record.body,
    number: record.number,
    date: record.date,
    time: record.time,
    status: record.status,
    version: record.version,
    utterances: record.utterances.length,
    source: record.source,
    synthetic: record.synthetic,
  };
}

function byDateThenId(a: ManifestEntry, b: ManifestEntry): number {
  const ka = `${a.date ?? "9999"} ${a.time ?? "99:99"} ${a.id}`;
  const kb = `${b.date ?? "9999"} ${b.time ?? "99:99"} ${b.id}`;
  return ka.localeCompare(kb);
}

/** Reads the manifest of a corpus directory, or null when there is none yet. */
export async function readManifest(outDir: string): Promise<Manifest | null> {
  const path = join(outDir, MANIFEST_FILE);
  let raw: string;
  try {
    raw = await readFile(path, "utf8");
  } catch {
    return null;
  }
  const manifest = JSON.parse(raw) as Manifest;
  if (manifest.schemaVersion !== CORPUS_SCHEMA_VERSION) {
    throw new Error(
      `pipeline: ${path}: schema version ${String(manifest.schemaVersion)} is not ${CORPUS_SCHEMA_VERSION}; delete it and ingest again`,
    );
  }
  return manifest;
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return null;
  }
}

/** Writes a file only when its content changed, so re-runs are idempotent and cheap. */
async function writeIfChanged(path: string, content: string): Promise<boolean> {
  if ((await readIfExists(path)) === content) return false;
  await writeFileAtomic(path, content);
  return true;
}

/**
 * Writes the sessions (transcripts/<id>.json), their extracted texts (transcripts/text/<id>.txt)
 * and the manifest, each atomically. Earlier good output is never lost to a failure: a session
 * whose source failed this time keeps its earlier files and manifest entry.
 */
export async function writeCorpus(
  outDir: string,
  processed: ProcessedSource[],
  failures: SourceFailure[],
  options: WriteCorpusOptions = {},
): Promise<WriteCorpusResult> {
  const logger = options.logger ?? silentLogger;
  const mode = options.mode ?? "replace";
  const previous = await readManifest(outDir);
  const sessions = assembleSessions(processed);
  const written: string[] = [];
  for (const { record, text } of sessions) {
    const changedJson = await writeIfChanged(
      join(outDir, `${record.id}.json`),
      `${JSON.stringify(record, null, 2)}\n`,
    );
    const changedText = await writeIfChanged(join(outDir, record.source.textFile), text);
    if (changedJson || changedText) written.push(record.id);
  }

  const entries = new Map(sessions.map(({ record }) => [record.id, manifestEntry(record)]));
  const failedFiles = new Set(failures.map((f) => f.file));
  for (const entry of previous?.sessions ?? []) {
    if (entries.has(entry.id)) continue;
    const keep = mode === "merge" || failedFiles.has(entry.source.file);
    if (keep) {
      entries.set(entry.id, entry);
      if (mode === "replace") logger.warn(`kept earlier ${entry.id}: its source failed this time`);
    }
  }

  const removed: string[] = [];
  if (mode === "replace") {
    for (const entry of previous?.sessions ?? []) {
      if (entries.has(entry.id)) continue;
      await rm(join(outDir, entry.file), { force: true });
      await rm(join(outDir, entry.source.textFile), { force: true });
      removed.push(entry.id);
    }
  }

  const list = [...entries.values()].sort(byDateThenId);
  const synthetic = list.some((e) => e.synthetic);
  const manifest: Manifest = {
    schemaVersion: CORPUS_SCHEMA_VERSION,
    corpus: CONFERENCE.id,
    synthetic,
    notice: synthetic ? SYNTHETIC_NOTICE : null,
    sessions: list,
    failures: failures.map(({ file, error }) => ({ file, error })),
  };
  await writeIfChanged(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, written, removed };
}

/** Lists the session JSON files of a corpus directory (every *.json but the manifest). */
export async function listSessionFiles(outDir: string): Promise<string[]> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith(".json") && n !== MANIFEST_FILE).sort();
}
