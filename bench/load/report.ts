/**
 * Figures of a load run from the tallies of bench/load/drive.ts, the checks they must pass, and
 * the printed table. Latency percentiles are exact (sorted samples, interpolated between closest
 * ranks, bench/stats.ts), in milliseconds.
 */
import { quantile } from "../stats";
import type { DriveResult, Unexpected } from "./drive";

/** The goal: the p99 of ordinary queries under the mixed load, as a multiple of the clean run's. */
export const P99_RATIO_GOAL = 3;

export interface Latency {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

/** The server's event-loop delay over a run (perf_hooks.monitorEventLoopDelay, 1 ms resolution). */
export interface EventLoopDelay {
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export interface ClassFigures extends Latency {
  expect: number;
  /** Status -> count. */
  statuses: Record<string, number>;
}

export interface RunFigures {
  durationS: number;
  /** Requests written. */
  requests: number;
  /** Responses received. */
  responses: number;
  /** Responses per second. */
  throughput: number;
  /** Response bytes per second. */
  bytesPerSecond: number;
  socketErrors: number;
  timeouts: number;
  untagged: number;
  /** 5xx answers, any request. */
  status5xx: number;
  /**
   * How long the server's event loop was kept from turning during the run, in ms: how long a
   * request that arrived at a random moment waited before the server could read it.
   */
  eventLoopDelay: EventLoopDelay | null;
  ordinary: Latency & { non2xx: number; perClass: Record<string, ClassFigures> };
  adversarial: Latency & {
    /** Accepted adversarial requests answered 200. */
    accepted: number;
    /** Requests that had to be refused, and were, with a 400 naming the parameter. */
    refused: number;
    /** Latency of the refusals. */
    refusals: Latency;
    perClass: Record<string, ClassFigures>;
  };
  /** Responses that were not what their request had to get (any kind). */
  unexpected: number;
  unexpectedExamples: Unexpected[];
}

export function latency(values: readonly number[]): Latency {
  if (values.length === 0) return { n: 0, p50: NaN, p99: NaN, max: NaN };
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    max: sorted[sorted.length - 1] as number,
  };
}

/** Figures of one run. */
export function runFigures(
  result: DriveResult,
  eventLoopDelay: EventLoopDelay | null = null,
): RunFigures {
  const tallies = [...result.tallies.values()];
  const perClass = (kind: "ordinary" | "adversarial"): Record<string, ClassFigures> =>
    Object.fromEntries(
      tallies
        .filter((t) => t.kind === kind)
        .sort((a, b) => (a.cls < b.cls ? -1 : 1))
        .map((t) => [
          t.cls,
          {
            ...latency(t.latencies),
            expect: t.expect,
            statuses: Object.fromEntries([...t.statuses.entries()].sort((a, b) => a[0] - b[0])),
          },
        ]),
    );
  const ordinary = tallies.filter((t) => t.kind === "ordinary");
  const adversarial = tallies.filter((t) => t.kind === "adversarial");
  const count = (list: typeof tallies, test: (status: number) => boolean): number =>
    list.reduce(
      (sum, t) => sum + [...t.statuses.entries()].reduce((s, [st, n]) => s + (test(st) ? n : 0), 0),
      0,
    );
  const refusing = adversarial.filter((t) => t.expect === 400);
  return {
    durationS: result.durationS,
    requests: result.sent,
    responses: result.completed,
    throughput: result.completed / result.durationS,
    bytesPerSecond: result.bytes / result.durationS,
    socketErrors: result.socketErrors,
    timeouts: result.timeouts,
    untagged: result.untagged,
    status5xx: count(tallies, (s) => s >= 500),
    eventLoopDelay,
    ordinary: {
      ...latency(ordinary.flatMap((t) => t.latencies)),
      non2xx: count(ordinary, (s) => s < 200 || s > 299),
      perClass: perClass("ordinary"),
    },
    adversarial: {
      ...latency(adversarial.flatMap((t) => t.latencies)),
      accepted: count(
        adversarial.filter((t) => t.expect === 200),
        (s) => s === 200,
      ),
      refused:
        count(refusing, (s) => s === 400) - refusing.reduce((sum, t) => sum + t.unnamed400, 0),
      refusals: latency(refusing.flatMap((t) => t.latencies)),
      perClass: perClass("adversarial"),
    },
    unexpected: result.unexpectedCount,
    unexpectedExamples: result.unexpected,
  };
}

/** Why a run is not clean (empty when it is). `mixed` runs may carry adversarial requests. */
export function runProblems(name: string, run: RunFigures): string[] {
  const problems: string[] = [];
  if (run.ordinary.n === 0) problems.push(`${name}: no ordinary request completed`);
  if (run.ordinary.non2xx > 0)
    problems.push(`${name}: ${run.ordinary.non2xx} ordinary requests got a non-2xx answer`);
  if (run.status5xx > 0) problems.push(`${name}: ${run.status5xx} answers were 5xx`);
  if (run.socketErrors > 0)
    problems.push(`${name}: ${run.socketErrors} socket errors (${run.timeouts} timeouts)`);
  if (run.untagged > 0) problems.push(`${name}: ${run.untagged} responses could not be paired`);
  if (run.unexpected > 0)
    problems.push(
      `${name}: ${run.unexpected} answers were not the expected status or named no parameter`,
    );
  return problems;
}

const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(1) : "-");
const int = (value: number): string => Math.round(value).toLocaleString("en-US");

function loopDelay(delay: EventLoopDelay | null): string {
  return delay ? `${ms(delay.p99)} / ${ms(delay.max)}` : "-";
}

/** The printed table: both runs side by side, then the classes. */
export function formatReport(clean: RunFigures, mixed: RunFigures, ratio: number): string {
  const rows: [string, string, string][] = [
    ["requests sent", int(clean.requests), int(mixed.requests)],
    ["responses", int(clean.responses), int(mixed.responses)],
    ["throughput (req/s)", int(clean.throughput), int(mixed.throughput)],
    [
      "throughput (MB/s)",
      (clean.bytesPerSecond / 1e6).toFixed(2),
      (mixed.bytesPerSecond / 1e6).toFixed(2),
    ],
    [
      "socket errors / timeouts",
      `${clean.socketErrors} / ${clean.timeouts}`,
      `${mixed.socketErrors} / ${mixed.timeouts}`,
    ],
    ["5xx", int(clean.status5xx), int(mixed.status5xx)],
    ["ordinary: responses", int(clean.ordinary.n), int(mixed.ordinary.n)],
    ["ordinary: non-2xx", int(clean.ordinary.non2xx), int(mixed.ordinary.non2xx)],
    ["ordinary: p50 (ms)", ms(clean.ordinary.p50), ms(mixed.ordinary.p50)],
    ["ordinary: p99 (ms)", ms(clean.ordinary.p99), ms(mixed.ordinary.p99)],
    ["ordinary: max (ms)", ms(clean.ordinary.max), ms(mixed.ordinary.max)],
    ["adversarial: responses", "-", int(mixed.adversarial.n)],
    ["adversarial: accepted (200)", "-", int(mixed.adversarial.accepted)],
    ["adversarial: refused (400 naming the parameter)", "-", int(mixed.adversarial.refused)],
    [
      "adversarial: p50 / p99 (ms)",
      "-",
      `${ms(mixed.adversarial.p50)} / ${ms(mixed.adversarial.p99)}`,
    ],
    [
      "refusals: p50 / p99 (ms)",
      "-",
      `${ms(mixed.adversarial.refusals.p50)} / ${ms(mixed.adversarial.refusals.p99)}`,
    ],
    ["unexpected answers", int(clean.unexpected), int(mixed.unexpected)],
    [
      "server event-loop delay: p99 / max (ms)",
      loopDelay(clean.eventLoopDelay),
      loopDelay(mixed.eventLoopDelay),
    ],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  const col = Math.max(12, ...rows.map((r) => Math.max(r[1].length, r[2].length)));
  const line = (a: string, b: string, c: string) =>
    `${a.padEnd(width)}  ${b.padStart(col)}  ${c.padStart(col)}`;
  const out = [line("", "clean", "mixed"), ...rows.map((r) => line(...r))];
  out.push(
    "",
    `ordinary p99, mixed / clean: ${ratio.toFixed(2)}x (goal <= ${P99_RATIO_GOAL}x: ${ratio <= P99_RATIO_GOAL ? "met" : "MISSED"})`,
    "",
    "per class (mixed run; ordinary classes also clean)",
  );
  const classRows: string[][] = [
    ["class", "expect", "n", "p50 ms", "p99 ms", "max ms", "clean p99"],
  ];
  for (const [cls, figures] of Object.entries(mixed.ordinary.perClass)) {
    const c = clean.ordinary.perClass[cls];
    classRows.push([
      cls,
      String(figures.expect),
      int(figures.n),
      ms(figures.p50),
      ms(figures.p99),
      ms(figures.max),
      c ? ms(c.p99) : "-",
    ]);
  }
  for (const [cls, figures] of Object.entries(mixed.adversarial.perClass)) {
    classRows.push([
      `! ${cls}`,
      String(figures.expect),
      int(figures.n),
      ms(figures.p50),
      ms(figures.p99),
      ms(figures.max),
      "-",
    ]);
  }
  const widths = classRows[0]!.map((_, i) =>
    Math.max(...classRows.map((r) => (r[i] ?? "").length)),
  );
  for (const r of classRows)
    out.push(
      r
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join("  "),
    );
  out.push("(! = adversarial)");
  return out.join("\n");
}
