/**
 * `npm run build -- [--transcripts DIR] [--out DIR] [--backend NAME] [--quiet]`:
 * transcripts/<id>.json -> dist/assets/data/ (search index, utterance store, manifest). When
 * transcripts/manifest.json is missing, the offline ingest of transcripts/sources runs first.
 * `--backend` picks the search index (src/search/backend/registry.ts; default: the compact index).
 */
import { access } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "../../src/domain";
import type { BackendFactory } from "../../src/search/backend/interface";
import { DEFAULT_BACKEND, backendNames, findBackend } from "../../src/search/backend/registry";
import {
  DEFAULT_TRANSCRIPTS_DIR,
  buildAssets,
  readSessionRecords,
  readSourceTexts,
  writeAssets,
} from "../build-index";
import { consoleLogger } from "../../src/node/console-logger";
import { DEFAULT_ASSETS_DIR } from "../../src/node/assets";
import { listSpeakerAliases } from "../parse/speakers";

export interface BuildOptions {
  transcriptsDir?: string;
  assetsDir?: string;
  logger?: Logger;
  /** The search backend; default DEFAULT_BACKEND. */
  backend?: BackendFactory;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Runs the offline ingest when the transcripts have no manifest yet. */
export async function ensureTranscripts(transcriptsDir: string, logger: Logger): Promise<void> {
  if (await exists(join(transcriptsDir, "manifest.json"))) return;
  logger.info(
    `build: ${join(transcriptsDir, "manifest.json")} is missing: running the offline ingest first`,
  );
  const { runIngest } = await import("./ingest");
  const result = await runIngest({
    sourcesDir: join(transcriptsDir, "sources"),
    outDir: transcriptsDir,
    logger,
  });
  for (const failure of result.failures)
    logger.warn(`build: ingest failed for ${failure.file}: ${failure.error}`);
}

/** The parsed sessions and their source texts (the offline ingest first when needed). */
export async function readCollection(transcriptsDir: string, logger: Logger) {
  await ensureTranscripts(transcriptsDir, logger);
  const { records } = await readSessionRecords(transcriptsDir, logger);
  const texts = await readSourceTexts(transcriptsDir, records, logger);
  return { records, texts };
}

/** Builds the assets; returns the files written. */
export async function runBuild(options: BuildOptions = {}): Promise<string[]> {
  const transcriptsDir = options.transcriptsDir ?? DEFAULT_TRANSCRIPTS_DIR;
  const assetsDir = options.assetsDir ?? DEFAULT_ASSETS_DIR;
  const logger = options.logger ?? consoleLogger();
  const { records, texts } = await readCollection(transcriptsDir, logger);
  const built = buildAssets(
    records,
    listSpeakerAliases(),
    options.backend ?? DEFAULT_BACKEND,
    texts,
  );
  const written = await writeAssets(assetsDir, built);
  const { counts, synthetic } = built.manifest;
  logger.info(
    `build: ${sessionCount(records)}, ${counts.utterances} utterances, ${counts.speakers} speakers -> ` +
      `${join(assetsDir, "data")}${synthetic ? " (SYNTHETIC SAMPLE)" : ""}`,
  );
  return written;
}

/**
 * "16 sessions (14 searched, 2 rough live versions kept apart)": the pages show the searched
 * ones; a rough version is searched only when a session: filter names it.
 */
export function sessionCount(records: readonly { version: "finished" | "rough" }[]): string {
  const rough = records.filter((record) => record.version === "rough").length;
  const total = `${records.length} session${records.length === 1 ? "" : "s"}`;
  if (rough === 0) return total;
  return `${total} (${records.length - rough} searched, ${rough} rough live version${rough === 1 ? "" : "s"} kept apart)`;
}

export const HELP = `usage: npm run build -- [--transcripts DIR] [--out DIR] [--backend ${backendNames().join("|")}] [--quiet]
  Builds the search index and the utterance store from transcripts/*.json into dist/assets/data
  (versioned; they refuse to load on a version or options mismatch).
  --transcripts DIR   the parsed sessions (default ${DEFAULT_TRANSCRIPTS_DIR})
  --out DIR           the assets folder (default ${DEFAULT_ASSETS_DIR})
  --backend NAME      the index backend (default ${DEFAULT_BACKEND.name})
  --quiet             no progress lines
  --help              this text`;
const USAGE = HELP.split("\n")[0]!;

/** Parses `--name value` options; throws on anything unknown. */
export function parseOptions(
  command: string,
  args: string[],
  valued: readonly string[],
  flags: readonly string[],
  usage: string,
): { values: Map<string, string>; flags: Set<string>; positional: string[] } {
  const values = new Map<string, string>();
  const set = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (valued.includes(arg)) {
      const value = args[++i];
      if (value === undefined) throw new Error(`${command}: ${arg} needs a value\n${usage}`);
      values.set(arg, value);
    } else if (flags.includes(arg)) set.add(arg);
    else if (arg.startsWith("--"))
      throw new Error(`${command}: unknown option ${JSON.stringify(arg)}\n${usage}`);
    else positional.push(arg);
  }
  return { values, flags: set, positional };
}

export async function run(args: string[]): Promise<number> {
  const options = parseOptions(
    "build",
    args,
    ["--transcripts", "--out", "--backend"],
    ["--quiet"],
    USAGE,
  );
  if (options.positional.length > 0)
    throw new Error(`build: unexpected ${JSON.stringify(options.positional[0])}\n${USAGE}`);
  const backendName = options.values.get("--backend");
  const backend = backendName === undefined ? undefined : findBackend(backendName);
  if (backendName !== undefined && backend === undefined)
    throw new Error(
      `build: --backend ${JSON.stringify(backendName)} is unknown; known: ${backendNames().join(", ")}\n${USAGE}`,
    );
  await runBuild({
    transcriptsDir: options.values.get("--transcripts"),
    assetsDir: options.values.get("--out"),
    logger: consoleLogger({ quiet: options.flags.has("--quiet") }),
    backend,
  });
  return 0;
}
