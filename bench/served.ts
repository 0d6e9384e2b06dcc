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
  /** Requests that failed on the network (not with an HTTP error) and were sent again, once. */
  retries: number;
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
    throw new Error(
      `bench/served: ${base}${searchPath(query)}: ${String(error)} (${String(cause)})`,
    );
  });
  const text = await response.text();
  const ms = performance.now() - at;
  if (!response.ok)
    throw new Error(`bench/served: ${base}${searchPath(query)}: HTTP ${response.status}: ${text}`);
  const body = JSON.parse(text) as { total: number; results: { id: string }[] };
  return { ms, page: { total: body.total, ids: body.results.map((hit) => hit.id) } };
}

/** A warm-up request: the first to a Worker may fail while its isolates start; tried 3 times. */
async function warm(base: string, query: BenchQuery, log: (message: string) => void) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await timed(base, query);
    } catch (error) {
      if (attempt === WARM_ATTEMPTS) throw error;
      log(`served: warm-up ${attempt} failed, again in 2 s: ${(error as Error).message}`);
      await new Promise((done) => setTimeout(done, 2_000));
    }
  }
}

const WARM_ATTEMPTS = 3;

/**
 * A timed request sent again once if the connection failed (wrangler dev's local proxy now and
 * then resets a kept-alive connection); the retry's time is the one kept, and counted.
 */
async function retried(
  base: string,
  query: BenchQuery,
  retries: { count: number },
  log: (message: string) => void,
) {
  try {
    return await timed(base, query);
  } catch (error) {
    if ((error as Error).message.includes(": HTTP ")) throw error;
    retries.count++;
    log(`served: sent again: ${(error as Error).message}`);
    return timed(base, query);
  }
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
      await warm(dev.router.base, first, options.log);
      await warm(direct.base, first, options.log);
    }
    const routed: number[][] = options.queries.map(() => []);
    const alone: number[][] = options.queries.map(() => []);
    let identical = 0;
    const retries = { count: 0 };
    for (let round = 0; round < options.rounds; round++) {
      for (const query of options.queries) {
        const viaRouter = await retried(dev.router.base, query, retries, options.log);
        routed[query.index]?.push(viaRouter.ms);
        alone[query.index]?.push((await retried(direct.base, query, retries, options.log)).ms);
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
      retries: retries.count,
    };
  } catch (error) {
    // What the Workers printed last says why one stopped answering.
    const tails = [dev.router, ...dev.shards].map(
      (worker) => `--- ${worker.base}:\n${worker.output().slice(-1500)}`,
    );
    throw new Error(`${(error as Error).message}\n${tails.join("\n")}`);
  } finally {
    await dev.stop();
  }
}
