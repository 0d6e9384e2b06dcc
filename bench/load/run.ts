/**
 * `npm run bench:load`: the load run of issue 6. Builds the assets of a corpus (the bundled
 * sample, or a generated one with --scale) into a temporary folder, starts the Node server on
 * 127.0.0.1 in a child process, and drives it with autocannon: a warm-up, a clean run of
 * ordinary queries, then a run of the same length with adversarial queries mixed in. Prints a
 * table (stdout; progress on stderr) and writes --json FILE. Exits 1 when a run is not clean or
 * the p99 goal is missed. See bench/load/README.md.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type { Logger } from "../../src/domain";
import { writeJsonAtomic } from "../../ingest/io/atomic";
import { buildLoadAssets, generatedCorpus, type LoadCorpus, sampleCorpus } from "./assets";
import { drive, type DriveOptions, namesParameter } from "./drive";
import { driveOpenLoop } from "./open-loop";
import { LOAD_USAGE, type LoadOptions, parseLoadOptions } from "./options";
import { adversarialRequests, type LoadRequest, mixRequests, ordinaryRequests } from "./queries";
import { P99_RATIO_GOAL, type RunFigures, formatReport, runFigures, runProblems } from "./report";
import { type RunningServer, startServer } from "./server";
import { readCorpusWords } from "./words";

const log = (message: string): void => {
  process.stderr.write(`bench:load: ${message}\n`);
};
const logger: Logger = {
  info: log,
  warn: (m) => log(`warning: ${m}`),
  error: (m) => log(`error: ${m}`),
};

/** One request sent alone (no other load), after the warm-up and before the runs: its status and time. */
export interface Preflight {
  cls: string;
  path: string;
  expect: number;
  status: number;
  named: boolean;
  ms: number;
}

export interface LoadReport {
  generatedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGB: number; node: string; platform: string };
  options: Omit<LoadOptions, "json" | "help" | "transcripts">;
  corpus: LoadCorpus["source"] & { sessions: number; utterances: number; backend: string };
  requests: { ordinary: number; adversarial: number; mixed: number; mixedAdversarial: number };
  /** Every adversarial request once, alone. */
  preflight: Preflight[];
  clean: RunFigures;
  mixed: RunFigures;
  /** p99 of ordinary queries, mixed run / clean run. */
  ordinaryP99Ratio: number;
  goal: number;
  goalMet: boolean;
  problems: string[];
  ok: boolean;
}

/** Heap of the server for a corpus (a generated corpus at scale 10 needs more than the default). */
function serverHeapMB(scale: number | null): number | undefined {
  return scale === null ? undefined : Math.min(16_384, Math.round(2048 + 600 * scale));
}

async function preflight(origin: string, requests: readonly LoadRequest[]): Promise<Preflight[]> {
  const out: Preflight[] = [];
  for (const request of requests) {
    const started = performance.now();
    const response = await fetch(origin + request.path);
    const body = await response.text();
    const elapsed = performance.now() - started;
    out.push({
      cls: request.cls,
      path: request.path,
      expect: request.expect,
      status: response.status,
      named: response.status !== 400 || namesParameter(body),
      ms: Math.round(elapsed * 10) / 10,
    });
  }
  return out;
}

/** A response this fast to /api/corpus means the server has no backlog left. */
export const IDLE_MS = 25;
/** Longest wait for the server to finish the previous run's requests. */
export const SETTLE_TIMEOUT_MS = 60_000;

/**
 * Waits until the server has worked off the requests of the previous phase: when autocannon
 * stops, the server still answers what was in flight (on closed sockets), and that backlog would
 * delay the first requests of the next phase. Polls /api/corpus until it answers quickly twice in
 * a row. Returns how long it took.
 */
async function settle(origin: string): Promise<number> {
  const started = performance.now();
  let fast = 0;
  while (fast < 2 && performance.now() - started < SETTLE_TIMEOUT_MS) {
    const t = performance.now();
    const response = await fetch(`${origin}/api/corpus`);
    await response.arrayBuffer();
    fast = performance.now() - t < IDLE_MS ? fast + 1 : 0;
  }
  return performance.now() - started;
}

async function measure(options: LoadOptions, work: string): Promise<LoadReport> {
  let started = performance.now();
  const corpus =
    options.scale === null
      ? await sampleCorpus(options.transcripts, work, logger)
      : generatedCorpus(options.scale, options.seed);
  const utterances = corpus.records.reduce((sum, r) => sum + r.utterances.length, 0);
  const assetsDir = join(work, "assets");
  const manifest = await buildLoadAssets(corpus.records, assetsDir);
  log(
    `corpus: ${corpus.source.kind}${options.scale === null ? "" : ` (scale ${options.scale}, seed ${options.seed})`}, ${corpus.records.length} sessions, ${utterances} utterances; assets built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const words = readCorpusWords(corpus.records, options.seed);
  const ordinary = ordinaryRequests(words, options.seed);
  const adversarial = adversarialRequests(words, options.seed);
  const mixed = mixRequests(ordinary, adversarial, options.adversarialShare, options.seed);
  log(
    `requests: ${ordinary.length} ordinary, ${adversarial.length} adversarial, a mix of ${mixed.length} (${mixed.filter((r) => r.kind === "adversarial").length} adversarial)`,
  );

  let server: RunningServer | null = null;
  try {
    started = performance.now();
    server = await startServer({
      assetsDir,
      heapMB: serverHeapMB(options.scale),
      sliceMs: options.sliceMs,
      onStderr: (line) => log(`server: ${line}`),
    });
    const warm = await fetch(`${server.origin}/api/corpus`);
    await warm.arrayBuffer();
    if (warm.status !== 200) throw new Error(`bench:load: /api/corpus answered ${warm.status}`);
    log(
      `server pid ${server.pid} on ${server.origin}, corpus loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const driveOptions: DriveOptions = {
      connections: options.connections,
      durationS: options.duration,
      maxRequests: options.maxRequests,
      timeoutS: options.timeout,
    };
    const origin = server.origin;
    // A closed loop (autocannon) by default; with --rate, an open loop: the same seeded arrival
    // times in every run, whatever the server answers.
    const run = (requests: readonly LoadRequest[], durationS: number) =>
      options.rate === null
        ? drive(origin, requests, { ...driveOptions, durationS })
        : driveOpenLoop(origin, requests, {
            rate: options.rate,
            durationS,
            connections: options.connections,
            maxRequests: options.maxRequests,
            timeoutS: options.timeout,
            seed: options.seed,
          });
    if (options.warmup > 0) {
      log(`warm-up: ${options.warmup} s of the mix (not measured)`);
      await run(mixed, options.warmup);
    }
    const settled = async (phase: string) => {
      const ms = await settle(origin);
      if (ms > 100)
        log(
          `${phase}: waited ${(ms / 1000).toFixed(1)} s for the server to finish the previous requests`,
        );
    };
    await settled("preflight");
    const checks = await preflight(server.origin, adversarial);
    const slowest = [...checks].sort((a, b) => b.ms - a.ms)[0];
    log(
      `preflight: ${checks.length} adversarial requests alone; slowest ${slowest?.cls} ${slowest?.ms} ms`,
    );
    log(`clean run: ${options.connections} connections, ${options.duration} s, ordinary queries`);
    await settled("clean run");
    await server.eventLoopDelay(); // resets the server's figures
    const cleanResult = await run(ordinary, options.duration);
    const clean = runFigures(cleanResult, await server.eventLoopDelay());
    log(
      `mixed run: ${options.connections} connections, ${options.duration} s, ${Math.round(options.adversarialShare * 100)} % adversarial`,
    );
    await settled("mixed run");
    await server.eventLoopDelay();
    const mixedResult = await run(mixed, options.duration);
    const mixedRun = runFigures(mixedResult, await server.eventLoopDelay());

    const ratio = mixedRun.ordinary.p99 / clean.ordinary.p99;
    const problems = [...runProblems("clean", clean), ...runProblems("mixed", mixedRun)];
    for (const check of checks) {
      if (check.status !== check.expect || !check.named)
        problems.push(
          `preflight: ${check.path} answered ${check.status}${check.named ? "" : " naming no parameter"}, expected ${check.expect}`,
        );
    }
    const goalMet = ratio <= P99_RATIO_GOAL;
    const cpus = os.cpus();
    return {
      generatedAt: new Date().toISOString(),
      machine: {
        cpus: cpus.length,
        cpuModel: cpus[0]?.model ?? "unknown",
        memoryGB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
      },
      options: {
        duration: options.duration,
        connections: options.connections,
        warmup: options.warmup,
        scale: options.scale,
        seed: options.seed,
        adversarialShare: options.adversarialShare,
        timeout: options.timeout,
        maxRequests: options.maxRequests,
        sliceMs: options.sliceMs,
        rate: options.rate,
      },
      corpus: {
        ...corpus.source,
        sessions: manifest.counts.sessions,
        utterances: manifest.counts.utterances,
        backend: manifest.backend,
      },
      requests: {
        ordinary: ordinary.length,
        adversarial: adversarial.length,
        mixed: mixed.length,
        mixedAdversarial: mixed.filter((r) => r.kind === "adversarial").length,
      },
      preflight: checks,
      clean,
      mixed: mixedRun,
      ordinaryP99Ratio: ratio,
      goal: P99_RATIO_GOAL,
      goalMet,
      problems,
      ok: problems.length === 0 && goalMet,
    };
  } finally {
    await server?.stop();
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  const options = parseLoadOptions(argv);
  if (options.help) {
    process.stdout.write(`${LOAD_USAGE}\n`);
    return 0;
  }
  const work = mkdtempSync(join(os.tmpdir(), "wcit-load-"));
  try {
    const report = await measure(options, work);
    process.stdout.write(
      `\nLoad run: ${report.corpus.kind} corpus, ${report.corpus.utterances} utterances, ${report.options.connections} connections${report.options.rate ? ` at ${report.options.rate} req/s` : ""}, ${report.options.duration} s per run, ${report.options.sliceMs > 0 ? `search slices of ${report.options.sliceMs} ms` : "no search scheduler"}, ${report.machine.cpus} x ${report.machine.cpuModel}, Node ${report.machine.node}\n\n`,
    );
    process.stdout.write(`${formatReport(report.clean, report.mixed, report.ordinaryP99Ratio)}\n`);
    for (const problem of report.problems) process.stdout.write(`PROBLEM: ${problem}\n`);
    for (const example of [...report.clean.unexpectedExamples, ...report.mixed.unexpectedExamples])
      process.stdout.write(
        `  ${example.status} (expected ${example.expected}) ${example.path}: ${example.body}\n`,
      );
    if (options.json !== null) {
      await writeJsonAtomic(resolve(options.json), report);
      log(`wrote ${options.json}`);
    }
    process.stdout.write(report.ok ? "\nclean: yes\n" : "\nclean: NO\n");
    return report.ok ? 0 : 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
