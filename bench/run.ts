/**
 * `npm run bench`: generates a corpus, builds every system's artifact, then measures cold starts,
 * query latencies and the isolate check in fresh child processes, and prints one table with
 * ratios against the baseline (stock MiniSearch), then ours against the best peer per figure.
 * `--json FILE` writes the figures.
 * Progress goes to stderr, the table to stdout. See bench/README.md.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import { writeJsonAtomic } from "../ingest/io/atomic";
import type { ChildJob } from "./child";
import { generateCorpus } from "./corpus";
import { artifactSize, MIB, timeBuild, type ColdStart, type QueryRun } from "./measure";
import { parseOptions, USAGE, type BenchOptions } from "./options";
import { DEFAULT_LIMIT, generateQueries } from "./queries";
import {
  agreement,
  coldFigures,
  formatBestPeer,
  formatTable,
  latencyFigures,
  meanTotals,
  ratios,
  type BenchReport,
  type SystemFigures,
  versusBestPeer,
} from "./report";
import { expectOk, runChild } from "./spawn";
import { bundledCorpus, formatRelevance, relevanceReport } from "./relevance";
import { median } from "./stats";
import { AGREEMENT_REFERENCE, BASELINE, loadSystem, PEERS } from "./systems/registry";
import type { BenchQuery, Unsupported } from "./types";
import {
  type ReuseFigures,
  type VariantFigures,
  formatVariantSection,
  measureReuse,
  variantQueries,
} from "./variants";

/** Heap (MB) for the harness and its children: stock MiniSearch needs about 1.4 GB at scale 10. */
export function heapBudgetMB(scale: number): number {
  return Math.min(16_384, Math.round(2048 + 600 * scale));
}
/** The isolate check: V8 heap flags approximating a 128 MB Workers isolate, and the limit on the observed peak. */
export const ISOLATE = { limitMB: 128, oldSpaceMB: 120, semiSpaceMB: 2 } as const;
const REEXEC_ENV = "WCIT_BENCH_REEXEC";

const log = (message: string): void => {
  process.stderr.write(`bench: ${message}\n`);
};

/** Re-runs this script with --expose-gc and a heap large enough for the scale; returns its exit code. */
function reexec(heapMB: number): number {
  const result = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      "--expose-gc",
      `--max-old-space-size=${heapMB}`,
      process.argv[1]!,
      ...process.argv.slice(2),
    ],
    { stdio: "inherit", env: { ...process.env, [REEXEC_ENV]: "1" } },
  );
  if (result.error)
    throw new Error(`bench: cannot re-run with a larger heap: ${result.error.message}`);
  return result.status ?? 1;
}

/** The system full result sets are compared with: ours when measured, else the baseline. */
function agreementReference(names: readonly string[]): string | null {
  if (names.includes(AGREEMENT_REFERENCE)) return AGREEMENT_REFERENCE;
  return names.includes(BASELINE) ? BASELINE : null;
}

async function measure(options: BenchOptions, work: string, heapMB: number): Promise<BenchReport> {
  const loadAtStart = os.loadavg()[0] ?? 0;
  let started = performance.now();
  let corpus: ReturnType<typeof generateCorpus> | null = generateCorpus({
    scale: options.scale,
    seed: options.seed,
  });
  const { utterances, records } = corpus;
  const sessions = records.length;
  log(
    `corpus: ${utterances} utterances in ${sessions} sessions (scale ${options.scale}, seed ${options.seed}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const queries: BenchQuery[] = generateQueries(corpus, {
    perClass: options.queriesPerClass,
    limit: DEFAULT_LIMIT,
  });
  const queriesFile = join(work, "queries.json");
  writeFileSync(queriesFile, JSON.stringify(queries));
  log(`queries: ${queries.length} (${options.queriesPerClass} per class)`);

  const built = new Map<
    string,
    {
      description: string;
      unsupported: Unsupported;
      buildMs: number[];
      size: ReturnType<typeof artifactSize>;
      dir: string;
    }
  >();
  for (const name of options.systems) {
    const system = await loadSystem(name);
    const times: number[] = [];
    let last: Awaited<ReturnType<typeof timeBuild>>["artifact"] | null = null;
    for (let b = 0; b < options.builds; b++) {
      last = null;
      const { artifact, buildMs } = await timeBuild(system, records);
      times.push(buildMs);
      last = artifact;
    }
    if (last === null) throw new Error(`bench: ${name}: no build`);
    const dir = join(work, "artifacts", name);
    for (const [file, bytes] of Object.entries(last)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), bytes);
    }
    const size = artifactSize(last);
    built.set(name, {
      description: system.description,
      unsupported: system.unsupported ?? {},
      buildMs: times,
      size,
      dir,
    });
    log(
      `build ${name}: ${times.map((t) => t.toFixed(0)).join(", ")} ms; ${(size.bytes / MIB).toFixed(1)} MB (${(size.gzipBytes / MIB).toFixed(1)} MB gzipped)`,
    );
  }
  let reuse: ReuseFigures | null = null;
  let variantQueriesFile: string | null = null;
  if (options.systems.includes("ours") && options.variantQueries > 0) {
    reuse = measureReuse(records, options.builds);
    log(`where else (reuse table): ${reuse.runs.map((t) => t.toFixed(0)).join(", ")} ms`);
    variantQueriesFile = join(work, "variant-queries.json");
    writeFileSync(
      variantQueriesFile,
      JSON.stringify(variantQueries(records, options.variantQueries, options.seed)),
    );
  }
  corpus = null; // the children work from the artifacts; let the records go

  const colds = new Map<string, ColdStart[]>(options.systems.map((n) => [n, []]));
  for (let i = 0; i < options.coldStarts; i++) {
    for (const name of options.systems) {
      const out = join(work, `cold-${name}-${i}.json`);
      const job: ChildJob = {
        mode: "cold",
        system: name,
        artifactDir: built.get(name)!.dir,
        queriesFile,
        out,
      };
      const cold = expectOk(
        await runChild<ColdStart>(job, work, { heapMB }),
        `cold start ${i + 1} of ${name}`,
      );
      colds.get(name)!.push(cold);
      log(
        `cold start ${i + 1}/${options.coldStarts} ${name}: ${cold.loadMs.toFixed(0)} ms (+ first query ${cold.firstQueryMs.toFixed(1)} ms), peak ${(cold.peakHeapBytes / MIB).toFixed(1)} MB (live ${(cold.peakLiveHeapBytes / MIB).toFixed(1)} MB), resident ${(cold.residentHeapBytes / MIB).toFixed(1)} MB, RSS ${(cold.residentRssBytes / MIB).toFixed(1)} MB (peak ${(cold.peakRssBytes / MIB).toFixed(1)} MB)`,
      );
    }
  }

  const runs = new Map<string, QueryRun>();
  for (const name of options.systems) {
    started = performance.now();
    const out = join(work, `queries-${name}.json`);
    const job: ChildJob = {
      mode: "queries",
      system: name,
      artifactDir: built.get(name)!.dir,
      queriesFile,
      rounds: options.rounds,
      seed: options.seed,
      out,
    };
    runs.set(name, expectOk(await runChild<QueryRun>(job, work, { heapMB }), `queries of ${name}`));
    log(
      `queries ${name}: ${options.rounds} rounds in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }

  let variants: VariantFigures | null = null;
  if (variantQueriesFile !== null) {
    started = performance.now();
    const job: ChildJob = {
      mode: "variants",
      system: "ours",
      artifactDir: built.get("ours")!.dir,
      queriesFile: variantQueriesFile,
      rounds: options.rounds,
      out: join(work, "variants-ours.json"),
    };
    variants = expectOk(
      await runChild<VariantFigures>(job, work, { heapMB }),
      "variant finder of ours",
    );
    log(
      `variants ours: ${options.rounds} rounds in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    if (options.isolate) {
      const outcome = await runChild<{ peakBytes: number }>(
        {
          mode: "variants-isolate",
          system: "ours",
          artifactDir: built.get("ours")!.dir,
          queriesFile: variantQueriesFile,
          out: join(work, "variants-isolate-ours.json"),
        },
        work,
        {
          heapMB: ISOLATE.oldSpaceMB,
          flags: [`--max-semi-space-size=${ISOLATE.semiSpaceMB}`],
        },
      );
      const peakMB = outcome.ok ? outcome.result.peakBytes / MIB : null;
      variants.isolate = {
        fits: outcome.ok && peakMB !== null && peakMB <= ISOLATE.limitMB,
        peakMB,
      };
      log(`variants ours in the isolate heap: ${variants.isolate.fits ? "fits" : "does not fit"}`);
    }
  }

  const isolate = new Map<string, { fits: boolean; peakMB: number | null }>();
  if (options.isolate) {
    for (const name of options.systems) {
      const out = join(work, `isolate-${name}.json`);
      const job: ChildJob = {
        mode: "isolate",
        system: name,
        artifactDir: built.get(name)!.dir,
        queriesFile,
        out,
      };
      const outcome = await runChild<{ peakBytes: number }>(job, work, {
        heapMB: ISOLATE.oldSpaceMB,
        flags: [`--max-semi-space-size=${ISOLATE.semiSpaceMB}`],
      });
      const peakMB = outcome.ok ? outcome.result.peakBytes / MIB : null;
      const fits = outcome.ok && peakMB !== null && peakMB <= ISOLATE.limitMB;
      isolate.set(name, { fits, peakMB });
      log(
        `isolate ${name}: ${fits ? "fits" : "does not fit"}${peakMB !== null ? ` (peak ${peakMB.toFixed(1)} MB)` : ` (${outcome.ok ? "" : `${outcome.signal ?? `exit ${String(outcome.code)}`}`})`}`,
      );
    }
  }

  const reference = agreementReference(options.systems);
  const referenceDigests = reference === null ? undefined : runs.get(reference)?.digests;
  const systems: Record<string, SystemFigures> = {};
  for (const name of options.systems) {
    const b = built.get(name)!;
    const run = runs.get(name)!;
    const cold = coldFigures(colds.get(name)!);
    systems[name] = {
      description: b.description,
      unsupported: b.unsupported,
      buildMs: median(b.buildMs),
      indexBytes: b.size.bytes,
      indexGzipBytes: b.size.gzipBytes,
      indexBytesPerUtterance: b.size.bytes / utterances,
      indexGzipBytesPerUtterance: b.size.gzipBytes / utterances,
      coldStartMs: cold.coldStartMs,
      coldFirstQueryMs: cold.coldFirstQueryMs,
      peakHeapMB: cold.peakHeapMB,
      peakLiveHeapMB: cold.peakLiveHeapMB,
      heapMB: cold.heapMB,
      rssMB: cold.rssMB,
      peakRssMB: cold.peakRssMB,
      query: latencyFigures(queries, run),
      meanTotal: meanTotals(queries, run.totals),
      agreement:
        referenceDigests === undefined ? null : agreement(queries, run.digests, referenceDigests),
      fitsIsolate: isolate.get(name)?.fits ?? null,
      isolatePeakMB: isolate.get(name)?.peakMB ?? null,
      files: b.size.files,
      runs: { buildMs: b.buildMs, ...cold.runs },
    };
  }
  const cpus = os.cpus();
  return {
    utterances,
    sessions,
    scale: options.scale,
    seed: options.seed,
    baseline: BASELINE,
    generatedAt: new Date().toISOString(),
    machine: {
      cpu: cpus[0]?.model ?? "unknown",
      cpus: cpus.length,
      memoryGB: Math.round(os.totalmem() / 1024 ** 3),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverage: { start: loadAtStart, end: os.loadavg()[0] ?? 0 },
    },
    settings: {
      coldStarts: options.coldStarts,
      rounds: options.rounds,
      queriesPerClass: options.queriesPerClass,
      builds: options.builds,
      limit: DEFAULT_LIMIT,
      isolateHeap: options.isolate
        ? `--max-old-space-size=${ISOLATE.oldSpaceMB} --max-semi-space-size=${ISOLATE.semiSpaceMB}, peak <= ${ISOLATE.limitMB} MB`
        : "not checked",
    },
    systems,
    ratios: ratios(systems, BASELINE),
    agreementWith: reference,
    versusBestPeer: versusBestPeer(systems, AGREEMENT_REFERENCE, PEERS),
    variants,
    reuse,
  };
}

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const heapMB = heapBudgetMB(options.scale);
  const hasGc = typeof (globalThis as { gc?: unknown }).gc === "function";
  if (
    process.env[REEXEC_ENV] !== "1" &&
    (!hasGc || v8.getHeapStatistics().heap_size_limit < heapMB * MIB * 0.95)
  ) {
    return reexec(heapMB);
  }
  const relevance = relevanceReport(await bundledCorpus());
  if (options.relevanceOnly) {
    process.stdout.write(`${formatRelevance(relevance)}\n`);
    if (options.json !== null) await writeJsonAtomic(options.json, { relevance });
    return 0;
  }
  const work = mkdtempSync(join(os.tmpdir(), "wcit-bench-"));
  try {
    const report = { ...(await measure(options, work, heapMB)), relevance };
    process.stdout.write(
      `\n${report.utterances} utterances, ${report.sessions} sessions; medians of ${options.coldStarts} cold starts and ${options.rounds} query rounds; ${report.machine.cpu} x${report.machine.cpus}, Node ${report.machine.node}, load average ${report.machine.loadAverage.start.toFixed(1)} -> ${report.machine.loadAverage.end.toFixed(1)}\n\n`,
    );
    process.stdout.write(`${formatTable(report)}\n\n${formatRelevance(relevance)}\n`);
    const best = formatBestPeer(report);
    if (best !== "")
      process.stdout.write(
        `\n${AGREEMENT_REFERENCE} against the best peer per figure:\n\n${best}\n`,
      );
    if (report.variants && report.reuse)
      process.stdout.write(`\n${formatVariantSection(report.variants, report.reuse)}\n`);
    if (options.json !== null) {
      await writeJsonAtomic(options.json, report);
      log(`wrote ${options.json}`);
    }
    return 0;
  } finally {
    if (options.keep) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
