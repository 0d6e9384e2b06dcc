/**
 * Measurement primitives, run inside the process that holds the system: sizes of the built
 * artifact (raw and gzipped), a build timer, a cold-start meter (time from bytes to a ready
 * instance, and the peak of the heap meanwhile, then the first query), the resident heap and RSS,
 * and the query loop.
 *
 * How the peak heap is measured: V8's used heap only shrinks during a garbage collection, so its
 * peak over an interval is the larger of its value at the end and its value just before each
 * collection inside the interval. node:v8's GCProfiler records the heap statistics before and
 * after every collection, so the peak is exact (no sampling gaps), and costs nothing between
 * collections. "Heap" here is V8's used heap plus external memory (ArrayBuffers such as the
 * artifact bytes themselves), i.e. what counts against a Worker isolate's memory, and is given
 * net of the process's heap before the artifact was read. The peak includes garbage V8 had not
 * yet collected (it depends on the heap limit the process runs with); the live peak (after each
 * collection) is reported beside it as a lower bound of what the load needs.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import { gzipSync } from "node:zlib";
import type { SessionRecord } from "../src/domain";
import { createRandom } from "./random";
import {
  expresses,
  type Artifact,
  type BenchQuery,
  type BenchResult,
  type BenchSystem,
  type LoadedArtifact,
} from "./types";

/** Bytes in a MiB. */
export const MIB = 1024 * 1024;

/** V8 used heap plus external memory, in bytes. */
export function heapNow(): number {
  const stats = v8.getHeapStatistics();
  return stats.used_heap_size + stats.external_memory;
}

/** Runs full garbage collections (needs --expose-gc); throws without it, so figures are never silently wrong. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== "function")
    throw new Error("bench: run with --expose-gc (global gc() is missing)");
  gc();
  gc();
}

/** The artifact as bytes, file by file. */
export function artifactBytes(artifact: Artifact): LoadedArtifact {
  const encoder = new TextEncoder();
  const out: LoadedArtifact = {};
  for (const [name, value] of Object.entries(artifact))
    out[name] = typeof value === "string" ? encoder.encode(value) : value;
  return out;
}

/** Sizes of an artifact: raw bytes and gzipped bytes (node:zlib, default level), per file and in all. */
export interface ArtifactSize {
  bytes: number;
  gzipBytes: number;
  files: Record<string, { bytes: number; gzipBytes: number }>;
}

export function artifactSize(artifact: LoadedArtifact): ArtifactSize {
  const files: ArtifactSize["files"] = {};
  let bytes = 0;
  let gzipBytes = 0;
  for (const [name, data] of Object.entries(artifact)) {
    const gz = gzipSync(data).byteLength;
    files[name] = { bytes: data.byteLength, gzipBytes: gz };
    bytes += data.byteLength;
    gzipBytes += gz;
  }
  return { bytes, gzipBytes, files };
}

/** Builds an artifact, timing records-to-bytes (serialization included) after a full GC. */
export async function timeBuild(
  system: BenchSystem,
  records: readonly SessionRecord[],
): Promise<{ artifact: LoadedArtifact; buildMs: number }> {
  collectGarbage();
  const start = performance.now();
  const built = await system.build(records);
  const bytes = artifactBytes(built);
  return { artifact: bytes, buildMs: performance.now() - start };
}

/** Reads an artifact written under `dir` (file names relative to it, "/"-separated). */
export function readArtifact(dir: string): LoadedArtifact {
  const out: LoadedArtifact = {};
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const buffer = readFileSync(path);
        out[relative(dir, path).split(sep).join("/")] = new Uint8Array(
          buffer.buffer,
          buffer.byteOffset,
          buffer.byteLength,
        );
      }
    }
  };
  walk(dir);
  if (Object.keys(out).length === 0) throw new Error(`bench: ${dir}: artifact directory is empty`);
  return out;
}

/** Heap figures over an interval, from GC statistics (see the module comment). */
export interface PeakHeap<T> {
  value: T;
  ms: number;
  /** Peak of heapNow(): garbage not yet collected included (what the heap really reached). */
  peakBytes: number;
  /** Largest heapNow() right after a GC inside the interval: live data only (0 when no GC ran). */
  peakLiveBytes: number;
  gcs: number;
}

/** Runs `work`, timing it and recording the peak of heapNow() and the largest live heap after a GC. */
export async function withPeakHeap<T>(work: () => Promise<T> | T): Promise<PeakHeap<T>> {
  const profiler = new v8.GCProfiler();
  profiler.start();
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  const end = heapNow();
  const { statistics } = profiler.stop();
  let peakBytes = end;
  let peakLiveBytes = 0;
  for (const gc of statistics) {
    const before = gc.beforeGC.heapStatistics;
    const after = gc.afterGC.heapStatistics;
    peakBytes = Math.max(peakBytes, before.usedHeapSize + before.externalMemory);
    peakLiveBytes = Math.max(peakLiveBytes, after.usedHeapSize + after.externalMemory);
  }
  return { value, ms, peakBytes, peakLiveBytes, gcs: statistics.length };
}

/** One cold start: bytes to a ready instance, then its first answer. */
export interface ColdStart {
  /** Time from the bytes in memory to a ready instance. */
  loadMs: number;
  /** Time of the first query right after the load (`loadMs + firstQueryMs`: the first answer). */
  firstQueryMs: number;
  /** Peak of heap + external memory during the load, net of the process before the bytes were read. */
  peakHeapBytes: number;
  /**
   * Peak of live heap + external memory during the load (after each GC, and at the end with the
   * bytes still held), net as above: a lower bound of the memory the load needs.
   */
  peakLiveHeapBytes: number;
  /** Heap + external memory held after the first query, collected, bytes dropped, net as above. */
  residentHeapBytes: number;
  /** The process's own heap before the bytes were read (runtime, harness and system code). */
  baseHeapBytes: number;
  /**
   * Resident set size after the first query, collected, bytes dropped, net of the RSS before
   * the bytes were read: the memory a system holds outside V8's heap too (SQLite's page cache
   * and its copy of the database are native).
   */
  residentRssBytes: number;
  /** Peak RSS of the process (getrusage maxrss) net of the RSS before the bytes were read. */
  peakRssBytes: number;
  /** RSS before the bytes were read. */
  baseRssBytes: number;
  /** Garbage collections during the load. */
  gcs: number;
}

/** The process's resident set size now and at its peak, in bytes. */
function rss(): { now: number; peak: number } {
  return { now: process.memoryUsage.rss(), peak: process.resourceUsage().maxRSS * 1024 };
}

/**
 * Measures one cold start of `system` from the artifact under `dir`, then times `first` (the
 * first query a fresh instance answers). Call once per fresh process: a second load in the same
 * process would not be cold. Returns the instance too, kept alive until memory is measured.
 */
export async function measureColdStart<I>(
  system: BenchSystem<I>,
  dir: string,
  first: BenchQuery,
): Promise<{ cold: ColdStart; instance: I }> {
  collectGarbage();
  const base = heapNow();
  const baseRss = rss().now;
  const loaded = readArtifact(dir);
  const {
    value: instance,
    ms,
    peakBytes,
    peakLiveBytes,
    gcs,
  } = await withPeakHeap(() => system.load(loaded));
  const started = performance.now();
  await system.query(instance, first);
  const firstQueryMs = performance.now() - started;
  collectGarbage();
  const liveAtEnd = heapNow();
  // Drop the bytes (unless the instance kept them): the resident figure is what stays.
  for (const name of Object.keys(loaded)) delete loaded[name];
  collectGarbage();
  const resident = heapNow() - base;
  const after = rss();
  return {
    cold: {
      loadMs: ms,
      firstQueryMs,
      peakHeapBytes: peakBytes - base,
      peakLiveHeapBytes: Math.max(peakLiveBytes, liveAtEnd) - base,
      residentHeapBytes: resident,
      baseHeapBytes: base,
      residentRssBytes: after.now - baseRss,
      peakRssBytes: after.peak - baseRss,
      baseRssBytes: baseRss,
      gcs,
    },
    instance,
  };
}

/** Latency of each query (ms), round by round, and what the warm-up pass found. */
export interface QueryRun {
  /** latencies[round][query.index]; null for a query of a class the system cannot express. */
  latencies: (number | null)[][];
  /** Total matches per query (warm-up pass); null where not expressible. */
  totals: (number | null)[];
  /** Result ids per query (warm-up pass); null where not expressible. */
  ids: (string[] | null)[];
  /** Digest of the full result set per query (see matchDigest); null where not expressible. */
  digests: (string | null)[];
}

/** A digest of a set of ids: equal for equal sets, whatever their order. */
export function matchDigest(ids: readonly string[]): string {
  const hash = createHash("sha1");
  for (const id of [...ids].sort()) hash.update(id).update("\n");
  return `${ids.length}:${hash.digest("hex")}`;
}

async function warmUp<I>(
  system: BenchSystem<I>,
  instance: I,
  query: BenchQuery,
): Promise<{ result: BenchResult; digest: string }> {
  try {
    const result = await system.query(instance, query);
    const all = await system.matches(instance, query);
    return { result, digest: matchDigest(all) };
  } catch (error) {
    throw new Error(
      `bench: ${system.name}: query ${query.index} (${query.class}) ${JSON.stringify(query.text)}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

/**
 * Runs every query the system can express once untimed (warm-up: the answers and the digest of
 * the full result set are kept for cross-checks), then `rounds` timed passes, each in its own
 * seeded shuffled order so no class always runs warm after another.
 */
export async function runQueries<I>(
  system: BenchSystem<I>,
  instance: I,
  queries: readonly BenchQuery[],
  rounds: number,
  seed: number,
): Promise<QueryRun> {
  const totals: (number | null)[] = queries.map(() => null);
  const ids: (string[] | null)[] = queries.map(() => null);
  const digests: (string | null)[] = queries.map(() => null);
  const timed = queries.filter((query) => expresses(system, query));
  for (const query of timed) {
    const { result, digest } = await warmUp(system, instance, query);
    totals[query.index] = result.total;
    ids[query.index] = result.ids;
    digests[query.index] = digest;
  }
  const random = createRandom(seed);
  const latencies: (number | null)[][] = [];
  for (let round = 0; round < rounds; round++) {
    const order = timed.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random.next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    collectGarbage();
    const times: (number | null)[] = queries.map(() => null);
    for (const at of order) {
      const query = timed[at]!;
      const start = performance.now();
      const result = system.query(instance, query);
      if (isPromise(result)) await result;
      times[query.index] = performance.now() - start;
    }
    latencies.push(times);
  }
  return { latencies, totals, ids, digests };
}
