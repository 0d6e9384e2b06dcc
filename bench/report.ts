/**
 * Turns raw measurements into the figures of the report (medians over runs, p50/p99 per query
 * class, ratios against the baseline), prints them as a table, and gives the JSON shape written
 * by `--json`.
 */
import type { ColdStart, QueryRun } from "./measure";
import { MIB } from "./measure";
import { median, percentiles } from "./stats";
import { QUERY_CLASSES, type BenchQuery, type ReportedClass, type Unsupported } from "./types";
import type { ReuseFigures, VariantFigures } from "./variants";

/** p50 and p99 latency of a class, in ms (medians over the timed rounds). */
export interface LatencyFigures {
  p50: number;
  p99: number;
}

/** The figures of one system. Times in ms, sizes in bytes, heaps in MiB; null: n/a. */
export interface SystemFigures {
  description: string;
  /** Classes it cannot express, with the reason; their figures are null. */
  unsupported: Unsupported;
  /** Median build time, records to serialized bytes. */
  buildMs: number;
  indexBytes: number;
  indexGzipBytes: number;
  indexBytesPerUtterance: number;
  indexGzipBytesPerUtterance: number;
  /** Median cold start: bytes in memory to a ready instance. */
  coldStartMs: number;
  /** Median of cold start + the first query of a fresh instance: the first answer. */
  coldFirstQueryMs: number;
  /** Median peak of heap + external memory during a cold start, net of the process before it. */
  peakHeapMB: number;
  /** Median peak of live heap + external memory during a cold start (after GCs): a lower bound of what loading needs. */
  peakLiveHeapMB: number;
  /** Median heap + external memory held after the first query, collected, net as above. */
  heapMB: number;
  /** Median RSS held after the first query (native memory included), net of the process before the load. */
  rssMB: number;
  /** Median peak RSS over the cold start and the first query, net as above. */
  peakRssMB: number;
  query: Record<ReportedClass, LatencyFigures | null>;
  /** Mean matches per query, per class. */
  meanTotal: Record<ReportedClass, number | null>;
  /** Share of queries per class whose full result set equals the reference system's. */
  agreement: Record<ReportedClass, number | null> | null;
  /** Loaded and answered every query under the tight isolate heap; null when not checked. */
  fitsIsolate: boolean | null;
  /** Peak heap + external memory (absolute, runtime included) during the isolate check. */
  isolatePeakMB: number | null;
  files: Record<string, { bytes: number; gzipBytes: number }>;
  runs: {
    buildMs: number[];
    coldStartMs: number[];
    coldFirstQueryMs: number[];
    peakHeapMB: number[];
    peakLiveHeapMB: number[];
    heapMB: number[];
    baseHeapMB: number[];
    rssMB: number[];
    peakRssMB: number[];
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
  /** The system whose full result sets the agreement figures compare with. */
  agreementWith: string | null;
  /** figure -> ours against the best peer measured (lowest figure among the peers). */
  versusBestPeer: Record<string, BestPeer>;
  /** The variant finder against aligning every utterance (bench/variants.ts); null when not run. */
  variants: VariantFigures | null;
  /** The build of the "where else" reuse table; null when not run. */
  reuse: ReuseFigures | null;
}

/** Ours against the best peer on one figure. */
export interface BestPeer {
  ours: number;
  peer: string;
  best: number;
  /** ours / best: below 1, ours is ahead. */
  ratio: number;
}

const REPORTED: readonly ReportedClass[] = [...QUERY_CLASSES, "all"];

/** Latency figures from the timed rounds: per round p50/p99 of each class, then the median over rounds. */
export function latencyFigures(
  queries: readonly BenchQuery[],
  run: QueryRun,
): Record<ReportedClass, LatencyFigures | null> {
  const out = {} as Record<ReportedClass, LatencyFigures | null>;
  for (const cls of REPORTED) {
    const members = queries.filter((q) => cls === "all" || q.class === cls).map((q) => q.index);
    // A class (or "all") with a query the system cannot express has no figure.
    const perRound = run.latencies.map((times) => {
      const values = members.map((i) => times[i] ?? null);
      return values.includes(null) ? null : percentiles(values as number[]);
    });
    if (members.length === 0 || perRound.includes(null)) {
      out[cls] = null;
      continue;
    }
    const known = perRound as { p50: number; p99: number }[];
    out[cls] = { p50: median(known.map((p) => p.p50)), p99: median(known.map((p) => p.p99)) };
  }
  return out;
}

/** Mean total per class. */
export function meanTotals(
  queries: readonly BenchQuery[],
  totals: readonly (number | null)[],
): Record<ReportedClass, number | null> {
  const out = {} as Record<ReportedClass, number | null>;
  for (const cls of REPORTED) {
    const values = queries
      .filter((q) => cls === "all" || q.class === cls)
      .map((q) => totals[q.index] ?? null);
    out[cls] =
      values.length === 0 || values.includes(null)
        ? null
        : (values as number[]).reduce((sum, t) => sum + t, 0) / values.length;
  }
  return out;
}

/**
 * Share of queries per class whose full result set (its digest) equals the reference's; null
 * for a class with a query either system cannot express.
 */
export function agreement(
  queries: readonly BenchQuery[],
  digests: readonly (string | null)[],
  reference: readonly (string | null)[],
): Record<ReportedClass, number | null> {
  const out = {} as Record<ReportedClass, number | null>;
  for (const cls of REPORTED) {
    const members = queries.filter((q) => cls === "all" || q.class === cls);
    const comparable = members.every(
      (q) => (digests[q.index] ?? null) !== null && (reference[q.index] ?? null) !== null,
    );
    out[cls] =
      members.length === 0 || !comparable
        ? null
        : members.filter((q) => digests[q.index] === reference[q.index]).length / members.length;
  }
  return out;
}

type ColdKey =
  | "coldStartMs"
  | "coldFirstQueryMs"
  | "peakHeapMB"
  | "peakLiveHeapMB"
  | "heapMB"
  | "rssMB"
  | "peakRssMB";

/** Median cold-start figures. */
export function coldFigures(runs: readonly ColdStart[]): Pick<SystemFigures, ColdKey> & {
  runs: Pick<SystemFigures["runs"], ColdKey | "baseHeapMB">;
} {
  const all = {
    coldStartMs: runs.map((r) => r.loadMs),
    coldFirstQueryMs: runs.map((r) => r.loadMs + r.firstQueryMs),
    peakHeapMB: runs.map((r) => r.peakHeapBytes / MIB),
    peakLiveHeapMB: runs.map((r) => r.peakLiveHeapBytes / MIB),
    heapMB: runs.map((r) => r.residentHeapBytes / MIB),
    rssMB: runs.map((r) => r.residentRssBytes / MIB),
    peakRssMB: runs.map((r) => r.peakRssBytes / MIB),
  };
  return {
    coldStartMs: median(all.coldStartMs),
    coldFirstQueryMs: median(all.coldFirstQueryMs),
    peakHeapMB: median(all.peakHeapMB),
    peakLiveHeapMB: median(all.peakLiveHeapMB),
    heapMB: median(all.heapMB),
    rssMB: median(all.rssMB),
    peakRssMB: median(all.peakRssMB),
    runs: { ...all, baseHeapMB: runs.map((r) => r.baseHeapBytes / MIB) },
  };
}

/** The figures compared in ratios and in the table, with their labels. */
function comparedFigures(f: SystemFigures): [key: string, label: string, value: number | null][] {
  const rows: [string, string, number | null][] = [
    ["buildMs", "build (ms)", f.buildMs],
    ["indexBytesPerUtterance", "index bytes / utterance", f.indexBytesPerUtterance],
    ["indexGzipBytesPerUtterance", "gzipped bytes / utterance", f.indexGzipBytesPerUtterance],
    ["coldStartMs", "cold start (ms)", f.coldStartMs],
    ["coldFirstQueryMs", "cold start + first query (ms)", f.coldFirstQueryMs],
    ["peakHeapMB", "peak heap while loading (MB)", f.peakHeapMB],
    ["peakLiveHeapMB", "peak live heap while loading (MB)", f.peakLiveHeapMB],
    ["heapMB", "resident heap (MB)", f.heapMB],
    ["peakRssMB", "peak RSS, load + first query (MB)", f.peakRssMB],
    ["rssMB", "resident RSS after first query (MB)", f.rssMB],
  ];
  for (const cls of REPORTED) {
    rows.push([`query.${cls}.p50`, `${cls} p50 (ms)`, f.query[cls]?.p50 ?? null]);
    rows.push([`query.${cls}.p99`, `${cls} p99 (ms)`, f.query[cls]?.p99 ?? null]);
  }
  return rows;
}

/** system / baseline for every compared figure both have. */
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
      if (value !== null && typeof b === "number" && b > 0) row[key] = value / b;
    }
    out[name] = row;
  }
  return out;
}

/**
 * For every figure, `ours` against the lowest figure among the `peers` measured (those that
 * have the figure: a class a peer cannot express does not count for it).
 */
export function versusBestPeer(
  systems: Record<string, SystemFigures>,
  ours: string,
  peers: readonly string[],
): Record<string, BestPeer> {
  const mine = systems[ours];
  const out: Record<string, BestPeer> = {};
  if (mine === undefined) return out;
  const rowsOf = peers
    .filter((name) => systems[name] !== undefined)
    .map(
      (name) => [name, new Map(comparedFigures(systems[name]!).map(([k, , v]) => [k, v]))] as const,
    );
  for (const [key, , value] of comparedFigures(mine)) {
    if (value === null) continue;
    let best: { peer: string; value: number } | null = null;
    for (const [peer, rows] of rowsOf) {
      const v = rows.get(key);
      if (typeof v === "number" && (best === null || v < best.value)) best = { peer, value: v };
    }
    if (best !== null && best.value > 0)
      out[key] = { ours: value, peer: best.peer, best: best.value, ratio: value / best.value };
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

function ratioText(ratio: number): string {
  return `${ratio >= 10 ? ratio.toFixed(0) : ratio >= 1 ? ratio.toFixed(1) : ratio.toFixed(2)}x`;
}

function formatRatio(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return "";
  return ` (${ratioText(ratio)})`;
}

/** A share as a percentage, never rounded up to 100 % (nor down to 0 %) when it is not. */
function formatShare(share: number): string {
  const percent = share * 100;
  if (percent > 99 && percent < 100) return `${percent.toFixed(1)}%`;
  if (percent > 0 && percent < 1) return `${percent.toFixed(1)}%`;
  return `${Math.round(percent)}%`;
}

/** Ours against the best peer, one line per figure. */
export function formatBestPeer(report: BenchReport): string {
  const entries = Object.entries(report.versusBestPeer);
  if (entries.length === 0) return "";
  const labels = new Map(
    comparedFigures(Object.values(report.systems)[0]!).map(([key, label]) => [key, label]),
  );
  const rows = entries.map(([key, b]) => [
    labels.get(key) ?? key,
    formatNumber(b.ours),
    `${formatNumber(b.best)} ${b.peer}`,
    ratioText(b.ratio),
  ]);
  const header = ["figure", "ours", "best peer", "ours / best"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
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
        value === null
          ? "n/a"
          : formatNumber(value) +
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
      `${cls}: mean hits (same set)`,
      ...names.map((n) => {
        const f = report.systems[n]!;
        const total = f.meanTotal[cls];
        if (total === null) return "n/a";
        const share = f.agreement?.[cls] ?? null;
        return `${formatNumber(total)}${share === null ? "" : ` (${formatShare(share)})`}`;
      }),
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
