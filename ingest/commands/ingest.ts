import { readFile, readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { conferenceById, conferenceIds } from "../../src/conferences/registry";
import { silentLogger, type Logger, type Manifest } from "../../src/domain";
import { consoleLogger } from "../../src/node/console-logger";
import { printable } from "../../src/node/printable";
import { collectNotes } from "../io/notes";
import { processSource, writeCorpus, type ProcessedSource, type SourceFailure } from "../pipeline";
import { parseLimitArg, type SourceLimits } from "../sandbox/limits";
import { workerRunner, type SourceRunner } from "../sandbox/runner";

/** Defaults of the offline ingest. */
export const DEFAULT_SOURCES_DIR = "transcripts/sources";
export const DEFAULT_OUT_DIR = "transcripts";

/** Files in the sources folder that are not transcripts (left out without a word). */
const NOT_A_SOURCE = /^(\.|readme)/i;

export interface IngestOptions {
  sourcesDir?: string;
  outDir?: string;
  logger?: Logger;
  /** Limits each source is extracted and parsed within (defaults: sandbox/limits.ts). */
  limits?: Partial<SourceLimits>;
  /**
   * Where sources are extracted and parsed (default: a worker held to `limits`, ended at the
   * end). One given here is left running, for the caller to reuse and close.
   */
  runner?: SourceRunner;
  /**
   * Id of the conference the files directly in the sources folder belong to when their headers
   * name none (`--conference`); files in a subfolder named after a conference id belong to it.
   */
  conference?: string | null;
}

/** An entry of the sources folder that was not read, and why. */
export interface SkippedFile {
  /** The name, control characters escaped. */
  file: string;
  reason: string;
}

export interface IngestResult {
  manifest: Manifest;
  ingested: string[];
  failures: SourceFailure[];
  skipped: SkippedFile[];
}

/** A source file to read: its path below the sources folder and the conference it belongs to. */
interface SourceEntry {
  /** "plenary1.docx", or "pp-14/plenary-3.docx" in a conference's subfolder. */
  name: string;
  conference: string | null;
}

/**
 * The sources to read, and the entries of the folder that are not read, with the reason. Files
 * directly in the folder belong to `conference`; a subfolder named after a conference id
 * (transcripts/sources/pp-14/) holds that conference's files; other subfolders are skipped.
 */
async function listSources(
  sourcesDir: string,
  conference: string | null,
): Promise<{ sources: SourceEntry[]; skipped: SkippedFile[] }> {
  const top = await listFolder(sourcesDir);
  const sources = top.files.map((name) => ({ name, conference }));
  const skipped = [...top.skipped];
  for (const folder of top.folders) {
    if (conferenceById(folder) === null) {
      skipped.push({
        file: printable(folder),
        reason: `a folder not named after a conference (known: ${conferenceIds().join(", ")}): not read`,
      });
      continue;
    }
    const inner = await listFolder(join(sourcesDir, folder));
    sources.push(...inner.files.map((name) => ({ name: `${folder}/${name}`, conference: folder })));
    skipped.push(...inner.skipped.map((s) => ({ ...s, file: `${folder}/${s.file}` })));
    skipped.push(
      ...inner.folders.map((f) => ({
        file: printable(`${folder}/${f}`),
        reason: "a folder inside a conference's folder: not read",
      })),
    );
  }
  return { sources, skipped };
}

/** The files and subfolders of one folder, and the entries that are neither, with the reason. */
async function listFolder(
  sourcesDir: string,
): Promise<{ files: string[]; folders: string[]; skipped: SkippedFile[] }> {
  let entries;
  try {
    entries = await readdir(sourcesDir, { withFileTypes: true, encoding: "buffer" });
  } catch (error) {
    throw new Error(
      `ingest: ${sourcesDir}: cannot read the sources folder: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const names: string[] = [];
  const folders: string[] = [];
  const skipped: SkippedFile[] = [];
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  for (const entry of entries) {
    const raw = Buffer.from(entry.name);
    let name: string;
    try {
      name = utf8.decode(raw);
    } catch {
      const shown = printable(raw.toString("latin1"));
      skipped.push({ file: shown, reason: "its name is not valid UTF-8: rename it" });
      continue;
    }
    const skip = (reason: string): number => skipped.push({ file: printable(name), reason });
    if (entry.isSymbolicLink()) skip("a symbolic link: not followed (copy the file here instead)");
    else if (entry.isDirectory()) folders.push(name);
    else if (!entry.isFile()) skip("not a regular file");
    else if (!NOT_A_SOURCE.test(name)) names.push(name);
  }
  return { files: names.sort(), folders: folders.sort(), skipped };
}

/**
 * The offline ingest: every file in the sources folder is extracted and parsed (in a worker held
 * to the limits); the sessions, their texts and the manifest are written to the out folder. One
 * bad source is reported and neither stops the others nor damages earlier output.
 */
export async function runIngest(options: IngestOptions = {}): Promise<IngestResult> {
  const sourcesDir = options.sourcesDir ?? DEFAULT_SOURCES_DIR;
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const logger = options.logger ?? silentLogger;
  const { sources, skipped } = await listSources(sourcesDir, options.conference ?? null);
  for (const s of skipped) logger.info(`skipped ${s.file}: ${s.reason}`);
  const processed: ProcessedSource[] = [];
  const failures: SourceFailure[] = [];
  const runner = options.runner ?? workerRunner(options.limits);
  try {
    for (const { name, conference } of sources) {
      const file = relative(process.cwd(), join(sourcesDir, name)) || name;
      try {
        const bytes = new Uint8Array(await readFile(join(sourcesDir, name)));
        const result = await processSource({ bytes, file, conference }, { logger, runner });
        processed.push(result);
        logger.info(
          `ingested ${file} -> ${result.record.id} (${result.record.utterances.length} utterances)`,
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        failures.push({ file, error: message });
        logger.error(message);
      }
    }
  } finally {
    if (options.runner === undefined) await runner.close();
  }
  const { manifest, conflicts } = await writeCorpus(outDir, processed, failures, {
    logger,
    mode: "replace",
  });
  const idBySha = new Map(manifest.sessions.map((s) => [s.source.sha256, s.id]));
  const ingested = [
    ...new Set(processed.flatMap((p) => idBySha.get(p.record.source.sha256) ?? [])),
  ];
  for (const c of conflicts.filter((c) => c.outcome === "held")) {
    failures.push({
      file: c.file,
      error: `ingest: ${c.file}: held back: it claims ${c.claimed}, held by ${c.owner.file}, and ${Math.round(c.similarity * 100)}% of its words are that session's`,
    });
  }
  return { manifest, ingested, failures, skipped };
}

export const HELP = `usage: npm run ingest -- [--sources DIR] [--out DIR] [--conference ID] [--limit NAME=VALUE]... [--quiet] [--verbose] | --fetch [fetch options]
  Extracts and parses every file in the sources folder into transcripts/<id>.json, their texts
  and transcripts/manifest.json (atomically; a bad source is reported and damages nothing).
  Files in a subfolder named after a conference id (${DEFAULT_SOURCES_DIR}/pp-14/) belong to that
  conference when their headers name none.
  --sources DIR       the source files (default ${DEFAULT_SOURCES_DIR})
  --conference ID     the conference of the files directly in the sources folder whose headers
                      name none (one of ${conferenceIds().join(", ")}; default: none, placed by date)
  --out DIR           where the sessions go (default ${DEFAULT_OUT_DIR})
  --limit NAME=VALUE  a per-source limit (see the README's table of limits); repeatable
  --quiet             no progress lines
  --verbose           every parse note (header facts missing, text dropped...) instead of a one-line summary
  --fetch             download the transcripts first (npm run ingest -- --fetch --help)
  --help              this text`;
const USAGE = HELP.split("\n")[0]!;

interface IngestArgs {
  sourcesDir?: string;
  conference?: string;
  outDir?: string;
  limits: Partial<SourceLimits>;
  quiet: boolean;
  verbose: boolean;
}

/** The value of --conference: a known conference id. */
function conferenceArg(id: string): string {
  if (conferenceById(id) !== null) return id;
  throw new Error(
    `ingest: --conference ${JSON.stringify(id)} is no known conference (known: ${conferenceIds().join(", ")})\n${USAGE}`,
  );
}

function parseArgs(args: string[]): IngestArgs {
  const options: IngestArgs = { quiet: false, verbose: false, limits: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string => {
      const next = args[++i];
      if (next === undefined || next.startsWith("--")) {
        throw new Error(`ingest: ${arg} needs a value\n${USAGE}`);
      }
      return next;
    };
    if (arg === "--sources") options.sourcesDir = value();
    else if (arg === "--out") options.outDir = value();
    else if (arg === "--conference") options.conference = conferenceArg(value());
    else if (arg === "--limit") Object.assign(options.limits, parseLimitArg(arg, value()));
    else if (arg === "--quiet") options.quiet = true;
    else if (arg === "--verbose") options.verbose = true;
    else throw new Error(`ingest: unknown option ${JSON.stringify(arg)}\n${USAGE}`);
  }
  return options;
}

export async function run(args: string[]): Promise<number> {
  if (args.includes("--fetch")) {
    const { runFetchCommand } = await import("../fetch/command");
    return runFetchCommand(args.filter((a) => a !== "--fetch"));
  }
  const { verbose, ...options } = parseArgs(args);
  const logger = consoleLogger({ quiet: options.quiet });
  const notes = verbose ? null : collectNotes(logger);
  const result = await runIngest({ ...options, logger: notes?.logger ?? logger });
  const summary = notes?.summary() ?? null;
  if (summary !== null) logger.info(`ingest: ${summary}`);
  const total = result.manifest.sessions.reduce((n, s) => n + s.utterances, 0);
  logger.info(
    `ingest: ${result.ingested.length} sources ingested, ${result.failures.length} failed; ` +
      `corpus: ${result.manifest.sessions.length} sessions, ${total} utterances` +
      (result.manifest.synthetic ? " (SYNTHETIC SAMPLE)" : ""),
  );
  for (const s of result.skipped) process.stderr.write(`skipped: ${s.file}: ${s.reason}\n`);
  if (result.failures.length > 0) {
    for (const f of result.failures) {
      process.stderr.write(`failed: ${printable(f.file)}: ${printable(f.error)}\n`);
    }
    return 1;
  }
  return 0;
}
