/**
 * `tsx ingest/cli.ts ensure-built`: builds the search assets only when they are missing, stale
 * (older than any transcripts/*.json) or made by another format version or index options.
 * `npm start` runs it before serving.
 */
import { readFile, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "../../src/domain";
import { findBackend } from "../../src/search/backend/registry";
import { checkManifest } from "../../src/search/load";
import { type AssetManifest, DATA_DIR, MANIFEST_FILE } from "../../src/search/schema";
import { DEFAULT_TRANSCRIPTS_DIR } from "../build-index";
import { consoleLogger } from "../../src/node/console-logger";
import { DEFAULT_ASSETS_DIR } from "../../src/node/assets";
import { parseOptions, runBuild } from "./build";

/** Why the assets need a build, or null when they are up to date. */
export async function staleReason(
  transcriptsDir: string,
  assetsDir: string,
): Promise<string | null> {
  const dataDir = join(assetsDir, DATA_DIR);
  const manifestPath = join(dataDir, MANIFEST_FILE);
  let manifest: AssetManifest;
  let builtAt: number;
  try {
    manifest = JSON.parse(await readFile(manifestPath, "utf8")) as AssetManifest;
    builtAt = (await stat(manifestPath)).mtimeMs;
  } catch {
    return `${manifestPath} is missing or unreadable`;
  }
  try {
    checkManifest(manifest, findBackend(manifest.backend));
    await Promise.all([
      stat(join(dataDir, manifest.files.index)),
      stat(join(dataDir, manifest.files.store)),
    ]);
  } catch (error) {
    return (error as Error).message;
  }
  let names: string[];
  try {
    names = (await readdir(transcriptsDir)).filter((name) => name.endsWith(".json"));
  } catch {
    return `${transcriptsDir} cannot be read`;
  }
  if (!names.includes("manifest.json"))
    return `${join(transcriptsDir, "manifest.json")} is missing`;
  for (const name of names) {
    if ((await stat(join(transcriptsDir, name))).mtimeMs > builtAt)
      return `${join(transcriptsDir, name)} is newer than the index`;
  }
  return null;
}

export async function ensureBuilt(
  options: { transcriptsDir?: string; assetsDir?: string; logger?: Logger } = {},
): Promise<boolean> {
  const transcriptsDir = options.transcriptsDir ?? DEFAULT_TRANSCRIPTS_DIR;
  const assetsDir = options.assetsDir ?? DEFAULT_ASSETS_DIR;
  const logger = options.logger ?? consoleLogger();
  const reason = await staleReason(transcriptsDir, assetsDir);
  if (reason === null) {
    logger.info(`ensure-built: ${join(assetsDir, DATA_DIR)} is up to date`);
    return false;
  }
  logger.info(`ensure-built: building (${reason})`);
  await runBuild({ transcriptsDir, assetsDir, logger });
  return true;
}

export const HELP = `usage: tsx ingest/cli.ts ensure-built [--transcripts DIR] [--out DIR] [--quiet]
  Builds the search assets only when they are missing, older than a transcript, or made by
  another format version or index options (npm start runs it).
  --transcripts DIR   the parsed sessions (default ${DEFAULT_TRANSCRIPTS_DIR})
  --out DIR           the assets folder (default ${DEFAULT_ASSETS_DIR})
  --quiet             no progress lines
  --help              this text`;
const USAGE = HELP.split("\n")[0]!;

export async function run(args: string[]): Promise<number> {
  const options = parseOptions(
    "ensure-built",
    args,
    ["--transcripts", "--out"],
    ["--quiet"],
    USAGE,
  );
  if (options.positional.length > 0)
    throw new Error(`ensure-built: unexpected ${JSON.stringify(options.positional[0])}\n${USAGE}`);
  await ensureBuilt({
    transcriptsDir: options.values.get("--transcripts"),
    assetsDir: options.values.get("--out"),
    logger: consoleLogger({ quiet: options.flags.has("--quiet") }),
  });
  return 0;
}
