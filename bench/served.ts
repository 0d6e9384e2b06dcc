/**
 * The sharded corpus served for real (bench/sharded.ts): the shard build's Workers started in
 * workerd (scripts/wrangler-dev.ts, one `wrangler dev --local` per shard and one for the
 * router), and every benchmark query sent over HTTP, one at a time, to
 * - the router (src/router-worker.ts), which fans out through its service bindings and merges;
 * - the first shard Worker directly (its own /api/search over its shard only): the baseline, one
 *   Worker's round trip for the same query in the same run, so the ratio is the cost of fanning
 *   out and merging.
 * After an untimed warm-up (one query per class, which starts every isolate), each query's
 * latency is its median over the rounds (client-side, fetch to last byte). The
 * router's pages are checked against one index over everything (totals and ids).
 */
import { performance } from "node:perf_hooks";
import { startShardedDev } from "../scripts/wrangler-dev";
import { median, percentiles } from "./stats";
import { QUERY_CLASSES, type BenchQuery, type BenchResult, type ReportedClass } from "./types";

/** p50 and p99 per class, ms. */
export type ClassLatency = Record<ReportedClass, { p50: number; p99: number }>;

export interface ServedFigures {
  /** Time to start every Worker until the router answered through all shards, ms. */
  startMs: number;
  workers: number;
  router: ClassLatency;
  /** The same queries to shard 0's Worker directly. */
  direct: ClassLatency;
  check: { queries: number; identical: number };
}

export interface ServedOptions {
  configs: readonly string[];
  /** Working folder of the Workers (their state, the dev registry). */
  dir: string;
  queries: readonly BenchQuery[];
  rounds: number;
  /** One index's answer to a query (the check). */
  expected: (query: BenchQuery) => BenchResult;
  log: (message: string) => void;
}

function searchPath(query: BenchQuery): string {
  const q = encodeURIComponent(query.text);
  return `/api/search?q=${q}&sort=${query.sort}&limit=${query.limit}`;
}

/** One request, timed to its last byte; the page read as a BenchResult. */
async function timed(base: string, query: BenchQuery): Promise<{ ms: number; page: BenchResult }> {
  const at = performance.now();
  const response = await fetch(`${base}${searchPath(query)}`).catch((error: unknown) => {
    const cause = (error as { cause?: unknown }).cause;
    throw new Error(`bench/served: ${base}${searchPath(query)}: ${String(error)} (${String(cause)})`);
  });
  const text = await response.text();
  const ms = performance.now() - at;
  if (!response.ok)
    throw new Error(`bench/served: ${base}${searchPath(query)}: HTTP ${response.status}: ${text}`);
  const body = JSON.parse(text) as { total: number; results: { id: string }[] };
  return { ms, page: { total: body.total, ids: body.results.map((hit) => hit.id) } };
}

function byClass(queries: readonly BenchQuery[], ms: readonly number[]): ClassLatency {
  const out = {} as ClassLatency;
  for (const cls of [...QUERY_CLASSES, "all"] as const)
    out[cls] = percentiles(
      queries.filter((q) => cls === "all" || q.class === cls).map((q) => ms[q.index] ?? 0),
    );
  return out;
}

function samePage(a: BenchResult, b: BenchResult): boolean {
  return (
    a.total === b.total && a.ids.length === b.ids.length && a.ids.every((id, i) => id === b.ids[i])
  );
}

/** Starts the Workers, measures, stops them. */
export async function measureServed(options: ServedOptions): Promise<ServedFigures> {
  const started = performance.now();
  const dev = await startShardedDev(options.configs, options.dir);
  const startMs = performance.now() - started;
  options.log(
    `served: ${options.configs.length} Workers ready in ${(startMs / 1000).toFixed(1)} s`,
  );
  try {
    const direct = dev.shards[0];
    if (direct === undefined) throw new Error("bench/served: no shard Worker");
    // Untimed: the first request to a Worker starts its isolate and loads its shard.
    for (const cls of QUERY_CLASSES) {
      const first = options.queries.find((q) => q.class === cls);
      if (first === undefined) continue;
      await timed(dev.router.base, first);
      await timed(direct.base, first);
    }
    const routed: number[][] = options.queries.map(() => []);
    const alone: number[][] = options.queries.map(() => []);
    let identical = 0;
    for (let round = 0; round < options.rounds; round++) {
      for (const query of options.queries) {
        const viaRouter = await timed(dev.router.base, query);
        routed[query.index]?.push(viaRouter.ms);
        alone[query.index]?.push((await timed(direct.base, query)).ms);
        if (round === 0 && samePage(viaRouter.page, options.expected(query))) identical++;
      }
      options.log(`served: round ${round + 1}/${options.rounds} done`);
    }
    return {
      startMs,
      workers: options.configs.length,
      router: byClass(options.queries, routed.map(median)),
      direct: byClass(options.queries, alone.map(median)),
      check: { queries: options.queries.length, identical },
    };
  } finally {
    await dev.stop();
  }
}
