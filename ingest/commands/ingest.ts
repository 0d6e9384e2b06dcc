import { readFile, readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { silentLogger, type Logger, type Manifest } from "../../src/domain";
import { consoleLogger } from "../io/console-logger";
import { collectNotes } from "../io/notes";
import { processSource, writeCorpus, type ProcessedSource, type SourceFailure } from "../pipeline";

/** Defaults of the offline ingest. */
export const DEFAULT_SOURCES_DIR = "transcripts/sources";
export const DEFAULT_OUT_DIR = "transcripts";

/** Files in the sources folder that are not transcripts. */
const NOT_A_SOURCE = /^(\.|readme)/i;

export interface IngestOptions {
  sourcesDir?: string;
  outDir?: string;
  logger?: Logger;
}

export interface IngestResult {
  manifest: Manifest;
  ingested: string[];
  failures: SourceFailure[];
}

/**
 * The offline ingest: every file in the sources folder is extracted and parsed; the sessions,
 * their texts and the manifest are written to the out folder. One bad source is reported and
 * neither stops the others nor damages earlier output.
 */
export async function runIngest(options: IngestOptions = {}): Promise<IngestResult> {
  const sourcesDir = options.sourcesDir ?? DEFAULT_SOURCES_DIR;
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const logger = options.logger ?? silentLogger;
  let names: string[];
  try {
    names = (await readdir(sourcesDir, { withFileTypes: true }))
      .filter((d) => d.isFile() && !NOT_A_SOURCE.test(d.name))
      .map((d) => d.name)
      .sort();
  } catch (error) {
    throw new Error(
      `ingest: ${sourcesDir}: cannot read the sources folder: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  const processed: ProcessedSource[] = [];
  const failures: SourceFailure[] = [];
  for (const name of names) {
    const file = relative(process.cwd(), join(sourcesDir, name)) || name;
    try {
      const bytes = new Uint8Array(await readFile(join(sourcesDir, name)));
      const result = await processSource({ bytes, file }, { logger });
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
  const { manifest } = await writeCorpus(outDir, processed, failures, { logger, mode: "replace" });
  return { manifest, ingested: processed.map((p) => p.record.id), failures };
}

export const HELP = `usage: npm run ingest -- [--sources DIR] [--out DIR] [--quiet] [--verbose] | --fetch [fetch options]
  Extracts and parses every file in the sources folder into transcripts/<id>.json, their texts
  and transcripts/manifest.json (atomically; a bad source is reported and damages nothing).
  --sources DIR   the source files (default ${DEFAULT_SOURCES_DIR})
  --out DIR       where the sessions go (default ${DEFAULT_OUT_DIR})
  --quiet         no progress lines
  --verbose       every parse note (header facts missing, text dropped...) instead of a one-line summary
  --fetch         download the transcripts first (npm run ingest -- --fetch --help)
  --help          this text`;
const USAGE = HELP.split("\n")[0]!;

interface IngestArgs {
  sourcesDir?: string;
  outDir?: string;
  quiet: boolean;
  verbose: boolean;
}

function parseArgs(args: string[]): IngestArgs {
  const options: IngestArgs = { quiet: false, verbose: false };
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
  if (result.failures.length > 0) {
    for (const f of result.failures) process.stderr.write(`failed: ${f.file}: ${f.error}\n`);
    return 1;
  }
  return 0;
}
