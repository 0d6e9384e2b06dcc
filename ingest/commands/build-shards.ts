/**
 * `npm run build:shards -- [--transcripts DIR] [--out DIR] [--shard-utterances N]
 * [--prefix NAME] [--origin URL] [--quiet]`: transcripts/<id>.json -> a shard build
 * (ingest/shards.ts): each shard's assets, the router's plan and the wrangler configs of the
 * shard Workers and the router. `npm run start:shards` serves it locally.
 */
import { join } from "node:path";
import type { Logger } from "../../src/domain";
import { DEFAULT_SHARD_UTTERANCES } from "../../src/search/backend/shards";
import { consoleLogger } from "../../src/node/console-logger";
import { DEFAULT_TRANSCRIPTS_DIR } from "../build-index";
import { listSpeakerAliases } from "../parse/speakers";
import { DEFAULT_SHARDS_DIR, type ShardConfigOptions, buildShards, writeShards } from "../shards";
import { parseOptions, readCollection, sessionCount } from "./build";

export interface BuildShardsOptions extends ShardConfigOptions {
  transcriptsDir?: string;
  outDir?: string;
  /** Utterances per shard at most; default DEFAULT_SHARD_UTTERANCES. */
  maxUtterances?: number;
  logger?: Logger;
}

/** Builds and writes the shards; returns the wrangler config files, the router's last. */
export async function runBuildShards(options: BuildShardsOptions = {}): Promise<string[]> {
  const transcriptsDir = options.transcriptsDir ?? DEFAULT_TRANSCRIPTS_DIR;
  const outDir = options.outDir ?? DEFAULT_SHARDS_DIR;
  const logger = options.logger ?? consoleLogger();
  const { records, texts } = await readCollection(transcriptsDir, logger);
  const built = buildShards(records, listSpeakerAliases(), {
    maxUtterances: options.maxUtterances,
    texts,
  });
  const configs = await writeShards(outDir, built, options);
  const sizes = built.plan.shards.map((shard) => shard.utterances).join(", ");
  logger.info(
    `build-shards: ${sessionCount(records)} -> ${built.plan.shards.length} shards of ${sizes} utterances ` +
      `in ${outDir}, plan ${join(outDir, "router")}${built.plan.synthetic ? " (SYNTHETIC SAMPLE)" : ""}`,
  );
  return configs;
}

export const HELP = `usage: npm run build:shards -- [--transcripts DIR] [--out DIR] [--shard-utterances N] [--prefix NAME] [--origin URL] [--quiet]
  Cuts the sessions into shards of whole sessions, builds each shard's assets with the
  collection's statistics, and writes the router's plan and the wrangler configs
  (wrangler.shard-<i>.toml, wrangler.router.toml). \`npm run start:shards\` serves them.
  --transcripts DIR       the parsed sessions (default ${DEFAULT_TRANSCRIPTS_DIR})
  --out DIR               the shard build folder (default ${DEFAULT_SHARDS_DIR})
  --shard-utterances N    utterances per shard at most (default ${DEFAULT_SHARD_UTTERANCES})
  --prefix NAME           Worker names <NAME>-shard-<i>, <NAME>-router (default wcit-search)
  --origin URL            CANONICAL_ORIGIN of the shards (citations); default relative links
  --quiet                 no progress lines
  --help                  this text`;
const USAGE = HELP.split("\n")[0]!;

function positiveInteger(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(
      `build-shards: --shard-utterances must be a positive integer, not ${JSON.stringify(text)}\n${USAGE}`,
    );
  return value;
}

/** The options of the command line (also `npm run start:shards`'s). */
export function parseBuildShardsArgs(args: string[]): BuildShardsOptions {
  const options = parseOptions(
    "build-shards",
    args,
    ["--transcripts", "--out", "--shard-utterances", "--prefix", "--origin"],
    ["--quiet"],
    USAGE,
  );
  if (options.positional.length > 0)
    throw new Error(`build-shards: unexpected ${JSON.stringify(options.positional[0])}\n${USAGE}`);
  return {
    transcriptsDir: options.values.get("--transcripts"),
    outDir: options.values.get("--out"),
    maxUtterances: positiveInteger(options.values.get("--shard-utterances")),
    prefix: options.values.get("--prefix"),
    canonicalOrigin: options.values.get("--origin"),
    logger: consoleLogger({ quiet: options.flags.has("--quiet") }),
  };
}

export async function run(args: string[]): Promise<number> {
  await runBuildShards(parseBuildShardsArgs(args));
  return 0;
}
