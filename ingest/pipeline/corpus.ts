import { readFile, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import {
  CORPUS_ID,
  CORPUS_SCHEMA_VERSION,
  SYNTHETIC_NOTICE,
  silentLogger,
  type Logger,
  type IdConflict,
  type Manifest,
  type ManifestEntry,
  type RetiredSession,
  type SessionRecord,
} from "../../src/domain";
import { writeFileAtomic } from "../io/atomic";
import { IdAssigner, type PreviousCorpus } from "./identity";
import { claimedId, sessionKey } from "./session-id";
import type { ProcessedSource } from "./source";
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
  /** Ids removed (replace mode only); they are retired, never given to other words. */
  removed: string[];
  /** Sources that claimed an id another source holds (also in the manifest). */
  conflicts: IdConflict[];
}

/** The sessions of one run, and the sources that claimed an id someone else holds. */
export interface Assembly {
  sessions: ProcessedSource[];
  conflicts: IdConflict[];
}

/**
 * Makes the set of processed sources into a consistent corpus: the same bytes reached twice are
 * kept once; ids stay with the sources that had them in `previous` and a source claiming a held
 * id never displaces its holder (identity.ts); a headerless rough transcript is matched to its
 * finished twin (twins.ts); the versions of one session (rough live and finished) list each other
 * in `variants`.
 */
export function assembleSessions(
  processed: ProcessedSource[],
  previous: PreviousCorpus | null = null,
  logger: Logger = silentLogger,
): Assembly {
  const earlierFile = new Map(previous?.sessions.map((e) => [e.source.sha256, e.source.file]));
  const bySha = new Map<string, ProcessedSource>();
  for (const item of processed) {
    const sha = item.record.source.sha256;
    const kept = bySha.get(sha);
    // Of two copies of the same bytes, the one under the file that had them before stays.
    if (kept === undefined || item.record.source.file === earlierFile.get(sha)) {
      bySha.set(sha, item);
    }
  }
  // Deterministic order: by file name, so ids do not depend on download order.
  const unique = [...bySha.values()]
    .map((item) => item.record)
    .sort((a, b) => a.source.file.localeCompare(b.source.file));
  const texts = new Map([...bySha.values()].map((item) => [item.record.source.sha256, item.text]));
  const assigner = new IdAssigner(previous, logger);
  const twinCandidate = (r: SessionRecord): boolean => r.version === "rough" && r.date === null;
  const direct = assigner.assign(unique.filter((r) => !twinCandidate(r)));
  const matched = matchRoughTwins([...direct, ...unique.filter(twinCandidate)]);
  const records = [...direct, ...assigner.assign(matched.slice(direct.length))];

  const groups = new Map<string, string[]>();
  for (const { id } of records) {
    const key = sessionKey(claimedId(id));
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  const sessions = records.map((record) => {
    const ids = groups.get(sessionKey(claimedId(record.id))) ?? [];
    return {
      record: { ...record, variants: ids.filter((other) => other !== record.id) },
      text: texts.get(record.source.sha256) ?? "",
    };
  });
  return { sessions, conflicts: assigner.conflicts };
}

/** The manifest line of a session. */
export function manifestEntry(record: SessionRecord): ManifestEntry {
  return {
    id: record.id,
    file: `${record.id}.json`,
    conference: record.conference,
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
 * The earlier records a source of this run may have to be compared with: those of earlier
 * sessions whose id a source with other bytes now claims.
 */
async function previousCorpus(
  outDir: string,
  manifest: Manifest | null,
  processed: readonly ProcessedSource[],
): Promise<PreviousCorpus> {
  const claims = new Set(processed.map((p) => p.record.id));
  const shas = new Set(processed.map((p) => p.record.source.sha256));
  const records = new Map<string, SessionRecord>();
  for (const entry of manifest?.sessions ?? []) {
    if (!claims.has(entry.id) || shas.has(entry.source.sha256)) continue;
    const raw = await readIfExists(join(outDir, entry.file));
    if (raw !== null) records.set(entry.id, JSON.parse(raw) as SessionRecord);
  }
  return { sessions: manifest?.sessions ?? [], retired: manifest?.retired ?? [], records };
}

/**
 * Writes the sessions (transcripts/<id>.json), their extracted texts (transcripts/text/<id>.txt)
 * and the manifest, each atomically. Earlier good output is never lost to a failure: a session
 * whose source failed this time keeps its earlier files and manifest entry. Ids are stable (see
 * identity.ts): the conflicts are in the result and the manifest.
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
  const { sessions, conflicts } = assembleSessions(
    processed,
    await previousCorpus(outDir, previous, processed),
    logger,
  );
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
  const retired = new Map<string, RetiredSession>(
    (previous?.retired ?? []).filter((r) => !entries.has(r.id)).map((r) => [r.id, r]),
  );
  if (mode === "replace") {
    for (const entry of previous?.sessions ?? []) {
      if (entries.has(entry.id)) continue;
      await rm(join(outDir, entry.file), { force: true });
      await rm(join(outDir, entry.source.textFile), { force: true });
      removed.push(entry.id);
      retired.set(entry.id, {
        id: entry.id,
        file: entry.source.file,
        sha256: entry.source.sha256,
      });
    }
  }

  const list = [...entries.values()].sort(byDateThenId);
  const synthetic = list.some((e) => e.synthetic);
  const manifest: Manifest = {
    schemaVersion: CORPUS_SCHEMA_VERSION,
    corpus: CORPUS_ID,
    synthetic,
    notice: synthetic ? SYNTHETIC_NOTICE : null,
    sessions: list,
    failures: failures.map(({ file, error }) => ({ file, error })),
    ...(conflicts.length > 0 ? { conflicts } : {}),
    ...(retired.size > 0
      ? { retired: [...retired.values()].sort((a, b) => a.id.localeCompare(b.id)) }
      : {}),
  };
  await writeIfChanged(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, written, removed, conflicts };
}

/** Lists the session JSON files of a corpus directory (every *.json but the manifest). */
export async function listSessionFiles(outDir: string): Promise<string[]> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith(".json") && n !== MANIFEST_FILE).sort();
}
