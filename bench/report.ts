/**
 * Turns raw measurements into the figures of the report (medians over runs, p50/p99 per query
 * class, ratios against the baseline), prints them as a table, and gives the JSON shape written
 * by `--json`.
 */
import type { ColdStart, QueryRun } from "./measure";
import { MIB } from "./measure";
import { median, percentiles } from "./stats";
import { QUERY_CLASSES, type BenchQuery, type ReportedClass } from "./types";
import type { ReuseFigures, VariantFigures } from "./variants";

/** p50 and p99 latency of a class, in ms (medians over the timed rounds). */
export interface LatencyFigures {
  p50: number;
  p99: number;
}

/** The figures of one system. Times in ms, sizes in bytes, heaps in MiB. */
export interface SystemFigures {
  description: string;
  /** Median build time, records to serialized bytes. */
  buildMs: number;
  indexBytes: number;
  indexGzipBytes: number;
  indexBytesPerUtterance: number;
  indexGzipBytesPerUtterance: number;
  /** Median cold start: bytes in memory to a ready instance. */
  coldStartMs: number;
  /** Median peak of heap + external memory during a cold start, net of the process before it. */
  peakHeapMB: number;
  /** Median peak of live heap + external memory during a cold start (after GCs): a lower bound of what loading needs. */
  peakLiveHeapMB: number;
  /** Median heap + external memory held after loading, collected, net as above. */
  heapMB: number;
  query: Record<ReportedClass, LatencyFigures>;
  /** Mean matches per query, per class. */
  meanTotal: Record<ReportedClass, number>;
  /** Share of queries whose total equals the baseline's, per class (1 for the baseline). */
  agreement: Record<ReportedClass, number> | null;
  /** Loaded and answered every query under the tight isolate heap; null when not checked. */
  fitsIsolate: boolean | null;
  /** Peak heap + external memory (absolute, runtime included) during the isolate check. */
  isolatePeakMB: number | null;
  files: Record<string, { bytes: number; gzipBytes: number }>;
  runs: {
    buildMs: number[];
    coldStartMs: number[];
    peakHeapMB: number[];
    peakLiveHeapMB: number[];
    heapMB: number[];
    baseHeapMB: number[];
  };
}

/** The JSON report. */
export interface BenchReport {
  utterances: number;
  sessions: number;
  scale: number;
  seed: number;
  baseline: string;
  generatedAt: string;
  machine: {
    cpu: string;
    cpus: number;
    memoryGB: number;
    node: string;
    platform: string;
    /** 1-minute load average when the run started and ended: other work on the machine skews timings. */
    loadAverage: { start: number; end: number };
  };
  settings: {
    coldStarts: number;
    rounds: number;
    queriesPerClass: number;
    builds: number;
    limit: number;
    isolateHeap: string;
  };
  systems: Record<string, SystemFigures>;
  /** system -> figure -> system / baseline (lower is better everywhere). */
  ratios: Record<string, Record<string, number>>;
  /** The variant finder against aligning every utterance (bench/variants.ts); null when not run. */
  variants: VariantFigures | null;
  /** The build of the "where else" reuse table; null when not run. */
  reuse: ReuseFigures | null;
}

const REPORTED: readonly ReportedClass[] = [...QUERY_CLASSES, "all"];

/** Latency figures from the timed rounds: per round p50/p99 of each class, then the median over rounds. */
export function latencyFigures(
  queries: readonly BenchQuery[],
  run: QueryRun,
): Record<ReportedClass, LatencyFigures> {
  const out = {} as Record<ReportedClass, LatencyFigures>;
  for (const cls of REPORTED) {
    const members = queries.filter((q) => cls === "all" || q.class === cls).map((q) => q.index);
    const perRound = run.latencies.map((times) => percentiles(members.map((i) => times[i]!)));
    out[cls] = { p50: median(perRound.map((p) => p.p50)), p99: median(perRound.map((p) => p.p99)) };
  }
  return out;
}

/** Mean total per class. */
export function meanTotals(
  queries: readonly BenchQuery[],
  totals: readonly number[],
): Record<ReportedClass, number> {
  const out = {} as Record<ReportedClass, number>;
  for (const cls of REPORTED) {
    const members = queries.filter((q) => cls === "all" || q.class === cls);
    out[cls] =
      members.reduce((sum, q) => sum + (totals[q.index] ?? 0), 0) / Math.max(1, members.length);
  }
  return out;
}

/** Share of queries per class whose totals agree with the baseline's. */
export function agreement(
  queries: readonly BenchQuery[],
  totals: readonly number[],
  baseline: readonly number[],
): Record<ReportedClass, number> {
  const out = {} as Record<ReportedClass, number>;
  for (const cls of REPORTED) {
    const members = queries.filter((q) => cls === "all" || q.class === cls);
    out[cls] =
      members.filter((q) => totals[q.index] === baseline[q.index]).length /
      Math.max(1, members.length);
  }
  return out;
}

/** Median cold-start figures. */
export function coldFigures(runs: readonly ColdStart[]): Pick<
  SystemFigures,
  "coldStartMs" | "peakHeapMB" | "peakLiveHeapMB" | "heapMB"
> & {
  runs: Pick<
    SystemFigures["runs"],
    "coldStartMs" | "peakHeapMB" | "peakLiveHeapMB" | "heapMB" | "baseHeapMB"
  >;
} {
  const coldStartMs = runs.map((r) => r.loadMs);
  const peakHeapMB = runs.map((r) => r.peakHeapBytes / MIB);
  const peakLiveHeapMB = runs.map((r) => r.peakLiveHeapBytes / MIB);
  const heapMB = runs.map((r) => r.residentHeapBytes / MIB);
  const baseHeapMB = runs.map((r) => r.baseHeapBytes / MIB);
  return {
    coldStartMs: median(coldStartMs),
    peakHeapMB: median(peakHeapMB),
    peakLiveHeapMB: median(peakLiveHeapMB),
    heapMB: median(heapMB),
    runs: { coldStartMs, peakHeapMB, peakLiveHeapMB, heapMB, baseHeapMB },
  };
}

/** The figures compared in ratios and in the table, with their labels. */
function comparedFigures(f: SystemFigures): [key: string, label: string, value: number][] {
  const rows: [string, string, number][] = [
    ["buildMs", "build (ms)", f.buildMs],
    ["indexBytesPerUtterance", "index bytes / utterance", f.indexBytesPerUtterance],
    ["indexGzipBytesPerUtterance", "gzipped bytes / utterance", f.indexGzipBytesPerUtterance],
    ["coldStartMs", "cold start (ms)", f.coldStartMs],
    ["peakHeapMB", "peak heap while loading (MB)", f.peakHeapMB],
    ["peakLiveHeapMB", "peak live heap while loading (MB)", f.peakLiveHeapMB],
    ["heapMB", "resident heap (MB)", f.heapMB],
  ];
  for (const cls of REPORTED) {
    rows.push([`query.${cls}.p50`, `${cls} p50 (ms)`, f.query[cls].p50]);
    rows.push([`query.${cls}.p99`, `${cls} p99 (ms)`, f.query[cls].p99]);
  }
  return rows;
}

/** system / baseline for every compared figure. */
export function ratios(
  systems: Record<string, SystemFigures>,
  baseline: string,
): Record<string, Record<string, number>> {
  const base = systems[baseline];
  const out: Record<string, Record<string, number>> = {};
  if (base === undefined) return out;
  const baseRows = new Map(comparedFigures(base).map(([key, , value]) => [key, value]));
  for (const [name, figures] of Object.entries(systems)) {
    const row: Record<string, number> = {};
    for (const [key, , value] of comparedFigures(figures)) {
      const b = baseRows.get(key);
      if (b !== undefined && b > 0) row[key] = value / b;
    }
    out[name] = row;
  }
  return out;
}

function formatNumber(value: number): string {
  if (value === 0) return "0";
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  if (Math.abs(value) >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}

function formatRatio(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return "";
  return ` (${ratio >= 10 ? ratio.toFixed(0) : ratio >= 1 ? ratio.toFixed(1) : ratio.toFixed(2)}x)`;
}

/** The report as a plain-text table: one row per figure, one column per system, ratios to the baseline. */
export function formatTable(report: BenchReport): string {
  const names = Object.keys(report.systems);
  const header = ["figure", ...names.map((n) => (n === report.baseline ? `${n} (baseline)` : n))];
  const rows: string[][] = [];
  const first = report.systems[names[0]!];
  if (first === undefined) return "(no systems)";
  const labels = comparedFigures(first).map(([key, label]) => [key, label] as const);
  for (const [key, label] of labels) {
    const row = [label];
    for (const name of names) {
      const figures = report.systems[name]!;
      const value = comparedFigures(figures).find(([k]) => k === key)![2];
      row.push(
        formatNumber(value) +
          (name === report.baseline ? "" : formatRatio(report.ratios[name]?.[key])),
      );
    }
    rows.push(row);
  }
  rows.push([
    "index MB (gzip MB)",
    ...names.map((n) => {
      const f = report.systems[n]!;
      return `${formatNumber(f.indexBytes / MIB)} (${formatNumber(f.indexGzipBytes / MIB)})`;
    }),
  ]);
  rows.push([
    "fits 128 MB isolate",
    ...names.map((n) => {
      const f = report.systems[n]!;
      return f.fitsIsolate === null
        ? "not checked"
        : `${f.fitsIsolate ? "yes" : "no"}${f.isolatePeakMB !== null ? ` (peak ${formatNumber(f.isolatePeakMB)} MB)` : ""}`;
    }),
  ]);
  for (const cls of REPORTED) {
    rows.push([
      `${cls}: mean hits (agree)`,
      ...names.map((n) => {
        const f = report.systems[n]!;
        const agree = f.agreement === null ? "" : ` (${Math.round(f.agreement[cls] * 100)}%)`;
        return `${formatNumber(f.meanTotal[cls])}${agree}`;
      }),
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
