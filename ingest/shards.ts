/**
 * The shard build: the sessions cut into shards (src/search/backend/shards.ts planShards), each
 * shard's assets built with the collection's statistics, the plan file the router reads
 * (src/router/plan.ts), and the wrangler configs that serve them: one shard Worker per shard
 * (src/shard-worker.ts) and the router Worker (src/router-worker.ts) bound to each shard by a
 * service binding. `buildShards` is pure; `writeShards` writes a folder:
 *
 *   <out>/shard-<i>/data/...        each shard's assets (as `npm run build` writes them)
 *   <out>/router/data/shard-plan.json
 *   <out>/wrangler.shard-<i>.toml   <out>/wrangler.router.toml
 */
import { readdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { SessionRecord } from "../src/domain";
import type { SpeakerAlias } from "../src/search/schema";
import {
  DEFAULT_SHARD_UTTERANCES,
  planShards,
  shardBackend,
  shardStatistics,
} from "../src/search/backend/shards";
import { DATA_DIR } from "../src/search/schema";
import {
  SHARD_PLAN_FILE,
  type ShardPlanFile,
  shardBinding,
  shardPlanFile,
} from "../src/router/plan";
import {
  type BuiltAssets,
  buildAssets,
  collectionSpeakers,
  reusable,
  writeAssets,
} from "./build-index";
import { inSessionOrder } from "../src/search/session-order";
import { type ReuseLink, type ReuseTable, buildReuse } from "../src/search/variants/reuse";
import { writeFileAtomic } from "./io/atomic";

/** Where `npm run build:shards` writes by default. */
export const DEFAULT_SHARDS_DIR = "dist/shards";

/** The Workers' compatibility date (as wrangler.toml's). */
const COMPATIBILITY_DATE = "2026-04-01";

export interface BuiltShards {
  plan: ShardPlanFile;
  shards: BuiltAssets[];
}

/** Builds every shard's assets and the plan. Pure. */
export function buildShards(
  records: readonly SessionRecord[],
  aliases: readonly SpeakerAlias[],
  options: { maxUtterances?: number; texts?: ReadonlyMap<string, string> } = {},
): BuiltShards {
  const maxUtterances = options.maxUtterances ?? DEFAULT_SHARD_UTTERANCES;
  const plan = planShards(records, maxUtterances);
  const backend = shardBackend(shardStatistics(records));
  const speakers = collectionSpeakers(records, aliases);
  const reuse = collectionReuse(records);
  let first = 0;
  const shards = plan.map((shard) => {
    const cut = { table: shardReuse(reuse, first, shard.utterances), stats: reuse.stats };
    first += shard.utterances;
    return buildAssets(shard.sessions, aliases, backend, options.texts, { speakers, reuse: cut });
  });
  const manifest = shards[0]?.manifest;
  if (manifest === undefined) throw new Error("build-shards: no sessions to build shards of");
  return {
    plan: shardPlanFile(plan, {
      synthetic: shards.some((shard) => shard.manifest.synthetic),
      notice: manifest.notice,
      maxUtterances,
    }),
    shards,
  };
}

/** The reuse table of the whole collection (as one index builds it), with every utterance's id. */
function collectionReuse(records: readonly SessionRecord[]) {
  const texts: string[] = [];
  const include: boolean[] = [];
  const ids: string[] = [];
  for (const record of inSessionOrder(records)) {
    for (const utterance of record.utterances) {
      texts.push(utterance.text);
      include.push(reusable(record, utterance));
      ids.push(`${record.id}.${utterance.seq}`);
    }
  }
  return { ...buildReuse(texts, (ordinal) => include[ordinal] === true), ids };
}

/**
 * The collection's links of one shard's utterances (ordinals [first, first + count)), in the
 * shard's ordinals; a link to another shard's utterance names it by id.
 */
function shardReuse(
  reuse: ReturnType<typeof collectionReuse>,
  first: number,
  count: number,
): ReuseTable {
  const table: ReuseTable = {};
  for (let ordinal = first; ordinal < first + count; ordinal++) {
    const links = reuse.table[String(ordinal)];
    if (links === undefined) continue;
    table[String(ordinal - first)] = links.map(([other, ...rest]): ReuseLink => {
      const at = Number(other);
      const inside = at >= first && at < first + count;
      return [inside ? at - first : (reuse.ids[at] ?? String(other)), ...rest];
    });
  }
  return table;
}

/** How the written configs name and configure the Workers. */
export interface ShardConfigOptions {
  /** Prefix of the Worker names: "<prefix>-router", "<prefix>-shard-<i>" (default wcit-search). */
  prefix?: string;
  /** CANONICAL_ORIGIN of every shard (citations are built there); default "". */
  canonicalOrigin?: string;
  /** The project root the configs point `main` at (default: the working directory). */
  root?: string;
}

/** The Worker name of shard `index`, or of the router. */
export function workerName(prefix: string, index: number | "router"): string {
  return index === "router" ? `${prefix}-router` : `${prefix}-shard-${index}`;
}

function toml(lines: (string | false)[]): string {
  return `${lines.filter((line): line is string => line !== false).join("\n")}\n`;
}

function workerConfig(name: string, main: string, assets: string, extra: string[]): string {
  return toml([
    "# Written by `npm run build:shards` (ingest/shards.ts); rebuilt with the shards.",
    `name = ${JSON.stringify(name)}`,
    `main = ${JSON.stringify(main)}`,
    `compatibility_date = ${JSON.stringify(COMPATIBILITY_DATE)}`,
    "send_metrics = false",
    "workers_dev = false",
    "[assets]",
    `directory = ${JSON.stringify(assets)}`,
    'binding = "ASSETS"',
    "run_worker_first = true",
    ...extra,
  ]);
}

/** The config files of a plan: file name -> TOML. */
export function shardConfigs(
  outDir: string,
  plan: ShardPlanFile,
  options: ShardConfigOptions = {},
): Map<string, string> {
  const prefix = options.prefix ?? "wcit-search";
  const root = resolve(options.root ?? ".");
  const out = resolve(outDir);
  const configs = new Map<string, string>();
  for (const shard of plan.shards) {
    configs.set(
      `wrangler.shard-${shard.index}.toml`,
      workerConfig(
        workerName(prefix, shard.index),
        join(root, "src/shard-worker.ts"),
        join(out, `shard-${shard.index}`),
        ["[vars]", `CANONICAL_ORIGIN = ${JSON.stringify(options.canonicalOrigin ?? "")}`],
      ),
    );
  }
  const services = plan.shards.flatMap((shard) => [
    "[[services]]",
    `binding = ${JSON.stringify(shardBinding(shard.index))}`,
    `service = ${JSON.stringify(workerName(prefix, shard.index))}`,
  ]);
  configs.set(
    "wrangler.router.toml",
    workerConfig(
      workerName(prefix, "router"),
      join(root, "src/router-worker.ts"),
      join(out, "router"),
      services,
    ),
  );
  return configs;
}

/**
 * Writes the shards, the plan (last, so a router never reads a plan whose shards are not all
 * written) and the configs, each file atomically; removes the shard folders and configs of an
 * earlier build with more shards. Returns the config file paths, router last.
 */
export async function writeShards(
  outDir: string,
  built: BuiltShards,
  options: ShardConfigOptions = {},
): Promise<string[]> {
  for (const [index, shard] of built.shards.entries())
    await writeAssets(join(outDir, `shard-${index}`), shard);
  const configs = shardConfigs(outDir, built.plan, options);
  for (const [name, text] of configs) await writeFileAtomic(join(outDir, name), text);
  await writeFileAtomic(
    join(outDir, "router", DATA_DIR, SHARD_PLAN_FILE),
    `${JSON.stringify(built.plan, null, 2)}\n`,
  );
  await removeStale(outDir, built.shards.length);
  return [...configs.keys()].map((name) => join(outDir, name));
}

async function removeStale(outDir: string, count: number): Promise<void> {
  for (const name of await readdir(outDir)) {
    const match = /^(?:shard-(\d+)|wrangler\.shard-(\d+)\.toml)$/.exec(name);
    const index = Number(match?.[1] ?? match?.[2] ?? -1);
    if (match && index >= count) await rm(join(outDir, name), { recursive: true, force: true });
  }
}
