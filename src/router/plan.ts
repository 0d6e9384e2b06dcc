/**
 * The shard plan file a router reads (written by the shard build, ingest/shards.ts): which
 * sessions and dates each shard holds, a few KB. Versioned: a router refuses a plan of another
 * format version, as the index loader refuses a mismatched index. Runtime-free.
 */
import type { ShardSummary } from "../search/backend/shards";

/** The plan file's name, beside the router's other assets (under data/). */
export const SHARD_PLAN_FILE = "shard-plan.json";

/** Bumped whenever the plan file's shape changes. */
export const SHARD_PLAN_VERSION = 1;

/** The name of shard `index`'s service binding in the router Worker. */
export function shardBinding(index: number): `SHARD_${number}` {
  return `SHARD_${index}`;
}

/** The plan file. */
export interface ShardPlanFile {
  format: "wcit-shard-plan";
  version: number;
  /** True when the shards hold the SYNTHETIC sample (every answer says so too). */
  synthetic: boolean;
  /** The corpus notice every answer carries (the shards' store notice). */
  notice: string | null;
  /** Utterances per shard at most, as built. */
  maxUtterances: number;
  shards: ShardSummary[];
}

/** The plan file of shards (what the build writes). */
export function shardPlanFile(
  shards: readonly ShardSummary[],
  options: { synthetic: boolean; notice: string | null; maxUtterances: number },
): ShardPlanFile {
  return {
    format: "wcit-shard-plan",
    version: SHARD_PLAN_VERSION,
    synthetic: options.synthetic,
    notice: options.notice,
    maxUtterances: options.maxUtterances,
    shards: shards.map(({ index, utterances, sessionIds, from, to, undated }) => ({
      index,
      utterances,
      sessionIds,
      from,
      to,
      undated,
    })),
  };
}

function fail(name: string, message: string): never {
  throw new Error(`router: ${name}: ${message}`);
}

function isSummary(value: unknown, index: number): value is ShardSummary {
  if (typeof value !== "object" || value === null) return false;
  const s = value as Record<string, unknown>;
  const date = (d: unknown) =>
    d === null || (typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d));
  return (
    s.index === index &&
    Number.isInteger(s.utterances) &&
    Array.isArray(s.sessionIds) &&
    s.sessionIds.every((id) => typeof id === "string") &&
    date(s.from) &&
    date(s.to) &&
    typeof s.undated === "boolean"
  );
}

/** Reads a plan file; throws naming the file when it is not a plan of this version. */
export function parseShardPlan(text: string, name: string = SHARD_PLAN_FILE): ShardPlanFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    fail(name, `not JSON (${(error as Error).message})`);
  }
  const plan = value as Partial<ShardPlanFile> | null;
  if (typeof plan !== "object" || plan === null || plan.format !== "wcit-shard-plan")
    fail(name, "not a shard plan (format is not wcit-shard-plan)");
  if (plan.version !== SHARD_PLAN_VERSION)
    fail(name, `plan version ${String(plan.version)}; this router reads ${SHARD_PLAN_VERSION}`);
  if (!Array.isArray(plan.shards) || plan.shards.length === 0) fail(name, "no shards in the plan");
  plan.shards.forEach((shard, i) => {
    if (!isSummary(shard, i)) fail(name, `shard ${i} is malformed`);
  });
  if (typeof plan.synthetic !== "boolean" || !Number.isInteger(plan.maxUtterances))
    fail(name, "synthetic or maxUtterances is missing");
  if (plan.notice !== null && typeof plan.notice !== "string") fail(name, "notice is malformed");
  return plan as ShardPlanFile;
}
