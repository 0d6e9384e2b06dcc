/**
 * `npx tsx bench/sharded.ts [--scale 10]`: measures serving a corpus larger than one Workers
 * isolate with shards (src/search/backend/shards.ts): the generated corpus is cut into shards of
 * whole sessions (at most --shard-utterances each), every shard is built with the collection's
 * statistics through the real asset build, and then, per shard, in fresh child processes of the
 * main harness (bench/child.ts, system "ours"): cold starts (time, peak heap), the 128 MB isolate
 * check (load the shard and answer every query under --max-old-space-size=120) and timed query
 * rounds. The latency of a query served by a router fanning out to one Worker per shard is
 * modelled as the slowest shard it is routed to (date filters skip shards) plus the measured
 * merge. With --check (default on) every query is also answered by the merged shards and by one
 * index over the whole corpus in this process, and the pages must be identical.
 *
 * Then, unless --no-served, the same shards are served for real (bench/served.ts): one shard
 * Worker per shard and the router Worker in workerd (`wrangler dev --local`, as
 * `npm run start:shards`), every query sent over HTTP to the router and, as the baseline of the
 * same run, to one shard Worker directly; fan-out p50/p99 per class, and the router's pages
 * checked against one index.
 *
 * Also measures the unsharded build of the same corpus under the isolate check, for comparison.
 * Progress on stderr, a table on stdout, --json FILE for the figures.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import { buildAssets } from "../ingest/build-index";
import { buildShards, writeShards } from "../ingest/shards";
import { writeJsonAtomic } from "../ingest/io/atomic";
import { listSpeakerAliases } from "../ingest/parse/speakers";
import {
  DEFAULT_SHARD_UTTERANCES,
  type ShardSummary,
  mergePages,
  shardsFor,
} from "../src/search/backend/shards";
import type { Corpus } from "../src/search/corpus";
import { openCorpus } from "../src/search/load";
import { search } from "../src/search/search";
import type { SearchPage } from "../src/search/types";
import type { ChildJob } from "./child";
import { generateCorpus } from "./corpus";
import { artifactSize, MIB, type ColdStart, type QueryRun } from "./measure";
import { DEFAULT_LIMIT, generateQueries } from "./queries";
import { expectOk, runChild } from "./spawn";
import { type ServedFigures, measureServed } from "./served";
import { median, percentiles } from "./stats";
import { QUERY_CLASSES, type BenchQuery, type ReportedClass } from "./types";

const ISOLATE = { limitMB: 128, oldSpaceMB: 120, semiSpaceMB: 2 } as const;
const REEXEC_ENV = "WCIT_SHARDED_REEXEC";
const USAGE = `usage: npx tsx bench/sharded.ts [options]
  --scale N               corpus size (default 10: about 300,000 utterances)
  --seed N                generator seed (default: the harness's)
  --shard-utterances N    utterances per shard at most (default ${DEFAULT_SHARD_UTTERANCES})
  --queries N             queries per class (default 100)
  --rounds N              timed passes per shard (default 3)
  --cold-starts N         cold starts per shard (default 3)
  --no-check              skip comparing merged pages with one index over everything
  --no-served             skip serving the shards in workerd through the router
  --served-rounds N       timed passes over HTTP (default 2: workerd under wrangler dev grows
                          ~0.1 MB per request and a shard Worker stops near 4,000 requests)
  --json FILE             write the figures as JSON
  --help                  this text`;

interface Options {
  scale: number;
  seed: number | undefined;
  shardUtterances: number;
  queriesPerClass: number;
  rounds: number;
  coldStarts: number;
  check: boolean;
  served: boolean;
  servedRounds: number;
  json: string | null;
}

function parseArgs(argv: readonly string[]): Options | null {
  const options: Options = {
    scale: 10,
    seed: undefined,
    shardUtterances: DEFAULT_SHARD_UTTERANCES,
    queriesPerClass: 100,
    rounds: 3,
    coldStarts: 3,
    check: true,
    served: true,
    servedRounds: 2,
    json: null,
  };
  const number = (name: string, value: string | undefined, integer = true): number => {
    const parsed = Number(value);
    if (
      value === undefined ||
      !Number.isFinite(parsed) ||
      parsed <= 0 ||
      (integer && !Number.isInteger(parsed))
    )
      throw new Error(
        `bench/sharded: ${name} needs a positive ${integer ? "integer" : "number"}\n${USAGE}`,
      );
    return parsed;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case "--help":
        return null;
      case "--scale":
        options.scale = number(arg, argv[++i], false);
        break;
      case "--seed":
        options.seed = number(arg, argv[++i]);
        break;
      case "--shard-utterances":
        options.shardUtterances = number(arg, argv[++i]);
        break;
      case "--queries":
        options.queriesPerClass = number(arg, argv[++i]);
        break;
      case "--rounds":
        options.rounds = number(arg, argv[++i]);
        break;
      case "--cold-starts":
        options.coldStarts = number(arg, argv[++i]);
        break;
      case "--no-check":
        options.check = false;
        break;
      case "--no-served":
        options.served = false;
        break;
      case "--served-rounds":
        options.servedRounds = number(arg, argv[++i]);
        break;
      case "--json": {
        const file = argv[++i];
        if (file === undefined) throw new Error(`bench/sharded: --json needs a file\n${USAGE}`);
        options.json = file;
        break;
      }
      default:
        throw new Error(`bench/sharded: unknown option ${JSON.stringify(arg)}\n${USAGE}`);
    }
  }
  return options;
}

const log = (message: string): void => {
  process.stderr.write(`bench/sharded: ${message}\n`);
};

const ROOT = resolve(import.meta.dirname, "..");

/** Writes built assets as an artifact directory the harness children read. */
function writeArtifact(dir: string, files: Map<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
}

function textReader(files: Map<string, string>): (name: string) => Promise<string> {
  return async (name) => {
    const text = files.get(name);
    if (text === undefined) throw new Error(`bench/sharded: no asset ${name}`);
    return text;
  };
}

interface ShardFigures {
  index: number;
  sessions: number;
  utterances: number;
  from: string | null;
  to: string | null;
  indexBytes: number;
  storeBytes: number;
  gzipBytes: number;
  coldStartMs: number;
  peakHeapMB: number;
  heapMB: number;
  fitsIsolate: boolean;
  isolatePeakMB: number | null;
}

/** Isolate check of one artifact directory (system "ours"). */
async function isolateCheck(
  artifactDir: string,
  queriesFile: string,
  work: string,
  out: string,
): Promise<{ fits: boolean; peakMB: number | null; how: string }> {
  const job: ChildJob = { mode: "isolate", system: "ours", artifactDir, queriesFile, out };
  const outcome = await runChild<{ peakBytes: number }>(job, work, {
    heapMB: ISOLATE.oldSpaceMB,
    flags: [`--max-semi-space-size=${ISOLATE.semiSpaceMB}`],
  });
  if (!outcome.ok)
    return { fits: false, peakMB: null, how: outcome.signal ?? `exit ${String(outcome.code)}` };
  const peakMB = outcome.result.peakBytes / MIB;
  return { fits: peakMB <= ISOLATE.limitMB, peakMB, how: `peak ${peakMB.toFixed(1)} MB` };
}

function routedShards(plan: readonly ShardSummary[], query: BenchQuery): number[] {
  return shardsFor(plan, { from: query.filter?.from ?? null, to: query.filter?.to ?? null }).map(
    (shard) => shard.index,
  );
}

/** What a run reports (and --json writes). */
interface ShardedReport {
  utterances: number;
  sessions: number;
  scale: number;
  seed: number;
  shardUtterances: number;
  machine: { cpu: string; cpus: number; node: string; loadAverage: { start: number; end: number } };
  settings: {
    coldStarts: number;
    rounds: number;
    queriesPerClass: number;
    isolate: typeof ISOLATE;
  };
  buildMs: number;
  shards: ShardFigures[];
  unsharded: { fitsIsolate: boolean; isolatePeakMB: number | null; outcome: string };
  fanOut: { query: Record<ReportedClass, { p50: number; p99: number }>; mergeMsP50: number };
  check: { queries: number; identical: number } | null;
  /** Served for real through the router Worker (null with --no-served). */
  served: ServedFigures | null;
}

async function run(options: Options, work: string, heapMB: number): Promise<ShardedReport> {
  const loadAtStart = os.loadavg()[0] ?? 0;
  const corpus = generateCorpus({ scale: options.scale, seed: options.seed });
  const { records } = corpus;
  log(`corpus: ${corpus.utterances} utterances in ${records.length} sessions`);
  const queries = generateQueries(corpus, {
    perClass: options.queriesPerClass,
    limit: DEFAULT_LIMIT,
  });
  const queriesFile = join(work, "queries.json");
  writeFileSync(queriesFile, JSON.stringify(queries));

  const aliases = listSpeakerAliases();
  let started = performance.now();
  // The shard build of `npm run build:shards`: the collection's statistics, speakers and reuse.
  const built = buildShards(records, aliases, { maxUtterances: options.shardUtterances });
  const plan = built.plan.shards;
  const servedDir = join(work, "served");
  const configs = await writeShards(servedDir, built, {
    prefix: `wcit-bench-${process.pid}`,
    root: ROOT,
  });
  const shardFiles = built.shards.map((shard) => shard.files);
  const buildMs = performance.now() - started;
  log(
    `built ${plan.length} shards of at most ${options.shardUtterances} utterances in ${(buildMs / 1000).toFixed(1)} s`,
  );

  const figures: ShardFigures[] = [];
  const latencies: number[][] = []; // [shard][query] median over rounds
  const encoder = new TextEncoder();
  for (const shard of plan) {
    const dir = join(servedDir, `shard-${shard.index}`, "data");
    const files = shardFiles[shard.index]!;
    const bytes = Object.fromEntries(
      [...files].map(([name, text]) => [name, encoder.encode(text)]),
    );
    const size = artifactSize(bytes);
    const storeBytes = Object.entries(size.files)
      .filter(([name]) => name.startsWith("store."))
      .reduce((sum, [, f]) => sum + f.bytes, 0);
    const indexBytes = Object.entries(size.files)
      .filter(([name]) => name.startsWith("index."))
      .reduce((sum, [, f]) => sum + f.bytes, 0);
    const colds: ColdStart[] = [];
    for (let i = 0; i < options.coldStarts; i++) {
      const job: ChildJob = {
        mode: "cold",
        system: "ours",
        artifactDir: dir,
        queriesFile,
        out: join(work, `cold-${shard.index}-${i}.json`),
      };
      colds.push(
        expectOk(
          await runChild<ColdStart>(job, work, { heapMB }),
          `cold start of shard ${shard.index}`,
        ),
      );
    }
    const isolate = await isolateCheck(
      dir,
      queriesFile,
      work,
      join(work, `isolate-${shard.index}.json`),
    );
    const job: ChildJob = {
      mode: "queries",
      system: "ours",
      artifactDir: dir,
      queriesFile,
      rounds: options.rounds,
      seed: corpus.seed,
      out: join(work, `queries-${shard.index}.json`),
    };
    const queryRun = expectOk(
      await runChild<QueryRun>(job, work, { heapMB }),
      `queries of shard ${shard.index}`,
    );
    latencies.push(queries.map((q) => median(queryRun.latencies.map((round) => round[q.index]!))));
    const entry: ShardFigures = {
      index: shard.index,
      sessions: shard.sessionIds.length,
      utterances: shard.utterances,
      from: shard.from,
      to: shard.to,
      indexBytes,
      storeBytes,
      gzipBytes: size.gzipBytes,
      coldStartMs: median(colds.map((c) => c.loadMs)),
      peakHeapMB: median(colds.map((c) => c.peakHeapBytes / MIB)),
      heapMB: median(colds.map((c) => c.residentHeapBytes / MIB)),
      fitsIsolate: isolate.fits,
      isolatePeakMB: isolate.peakMB,
    };
    figures.push(entry);
    log(
      `shard ${shard.index}: ${shard.utterances} utterances, cold start ${entry.coldStartMs.toFixed(0)} ms, peak ${entry.peakHeapMB.toFixed(1)} MB, isolate ${isolate.fits ? "fits" : "does not fit"} (${isolate.how})`,
    );
  }

  // One index over everything, for the isolate comparison and the check.
  started = performance.now();
  const whole = buildAssets(records, aliases);
  writeArtifact(join(work, "whole"), whole.files);
  const wholeIsolate = await isolateCheck(
    join(work, "whole"),
    queriesFile,
    work,
    join(work, "isolate-whole.json"),
  );
  log(`unsharded: isolate ${wholeIsolate.fits ? "fits" : "does not fit"} (${wholeIsolate.how})`);

  let checked = 0;
  let identical = 0;
  const mergeMs: number[] = [];
  const wholeCorpus = await openCorpus(textReader(whole.files));
  if (options.check) {
    const shards: Corpus[] = [];
    for (const files of shardFiles) shards.push(await openCorpus(textReader(files)));
    for (const q of queries) {
      const expected = search(wholeCorpus, { q: q.text, sort: q.sort, limit: q.limit });
      const pages: SearchPage[] = routedShards(plan, q).map((i) =>
        search(shards[i]!, { q: q.text, sort: q.sort, limit: q.limit }),
      );
      const at = performance.now();
      const merged = mergePages(pages, { sort: expected.sort, offset: 0, limit: q.limit });
      mergeMs.push(performance.now() - at);
      checked++;
      const same =
        merged.total === expected.total &&
        merged.results.length === expected.results.length &&
        merged.results.every(
          (hit, i) =>
            hit.id === expected.results[i]?.id && hit.score === expected.results[i]?.score,
        );
      if (same) identical++;
      else
        log(
          `check: query ${q.index} ${JSON.stringify(q.text)}: merged ${merged.total}, one index ${expected.total}`,
        );
    }
    log(`check: ${identical}/${checked} queries give identical pages (totals, ids, scores)`);
  }
  const mergeP50 = mergeMs.length > 0 ? median(mergeMs) : 0;
  const served = options.served
    ? await measureServed({
        configs,
        dir: join(work, "workers"),
        queries,
        rounds: options.servedRounds,
        expected: (q) => {
          const page = search(wholeCorpus, { q: q.text, sort: q.sort, limit: q.limit });
          return { total: page.total, ids: page.results.map((hit) => hit.id) };
        },
        log,
      })
    : null;

  // Fan-out latency model: the slowest shard the query is routed to, plus the merge.
  const fanOut = queries.map((q) => {
    const routed = routedShards(plan, q);
    return Math.max(0, ...routed.map((i) => latencies[i]![q.index]!)) + mergeP50;
  });
  const query = {} as Record<ReportedClass, { p50: number; p99: number }>;
  for (const cls of [...QUERY_CLASSES, "all"] as const) {
    query[cls] = percentiles(
      queries.filter((q) => cls === "all" || q.class === cls).map((q) => fanOut[q.index]!),
    );
  }
  return {
    utterances: corpus.utterances,
    sessions: records.length,
    scale: options.scale,
    seed: corpus.seed,
    shardUtterances: options.shardUtterances,
    machine: {
      cpu: os.cpus()[0]?.model ?? "unknown",
      cpus: os.cpus().length,
      node: process.version,
      loadAverage: { start: loadAtStart, end: os.loadavg()[0] ?? 0 },
    },
    settings: {
      coldStarts: options.coldStarts,
      rounds: options.rounds,
      queriesPerClass: options.queriesPerClass,
      isolate: ISOLATE,
    },
    buildMs,
    shards: figures,
    unsharded: {
      fitsIsolate: wholeIsolate.fits,
      isolatePeakMB: wholeIsolate.peakMB,
      outcome: wholeIsolate.how,
    },
    fanOut: { query, mergeMsP50: mergeP50 },
    check: options.check ? { queries: checked, identical } : null,
    served,
  };
}

function table(r: ShardedReport): string {
  const lines = [
    `shard  sessions  utterances  dates                    index MB  store MB  cold start ms  peak MB  resident MB  128 MB isolate`,
  ];
  for (const s of r.shards) {
    lines.push(
      `${String(s.index).padStart(5)}  ${String(s.sessions).padStart(8)}  ${String(s.utterances).padStart(10)}  ${`${s.from ?? "-"}..${s.to ?? "-"}`.padEnd(23)}  ${(s.indexBytes / MIB).toFixed(1).padStart(8)}  ${(s.storeBytes / MIB).toFixed(1).padStart(8)}  ${s.coldStartMs.toFixed(0).padStart(13)}  ${s.peakHeapMB.toFixed(1).padStart(7)}  ${s.heapMB.toFixed(1).padStart(11)}  ${s.fitsIsolate ? `yes (peak ${s.isolatePeakMB?.toFixed(1)} MB)` : "no"}`,
    );
  }
  lines.push("");
  lines.push(
    `one index over all ${r.utterances} utterances in one isolate: ${r.unsharded.fitsIsolate ? "fits" : "does not fit"} (${r.unsharded.outcome})`,
  );
  lines.push("");
  lines.push(
    `fan-out latency (slowest routed shard + merge ${r.fanOut.mergeMsP50.toFixed(3)} ms), ms:`,
  );
  for (const [cls, f] of Object.entries(r.fanOut.query))
    lines.push(
      `  ${cls.padEnd(14)} p50 ${f.p50.toFixed(2).padStart(7)}   p99 ${f.p99.toFixed(2).padStart(7)}`,
    );
  if (r.check)
    lines.push(
      `\nmerged pages identical to one index: ${r.check.identical}/${r.check.queries} queries`,
    );
  if (r.served) lines.push("", ...servedTable(r.served));
  return lines.join("\n");
}

function servedTable(served: ServedFigures): string[] {
  const ms = (value: number) => value.toFixed(2).padStart(7);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`.padStart(6);
  const lines = [
    `served in workerd: ${served.workers} Workers (wrangler dev --local) ready in ${(served.startMs / 1000).toFixed(1)} s; ms over HTTP, median of the rounds per query:`,
    `  class          router p50  router p99   one shard Worker p50  p99    router/one p50  p99`,
  ];
  for (const [cls, f] of Object.entries(served.router)) {
    const d = served.direct[cls as keyof typeof served.direct];
    lines.push(
      `  ${cls.padEnd(14)} ${ms(f.p50)}     ${ms(f.p99)}      ${ms(d.p50)}          ${ms(d.p99)}    ${ratio(f.p50, d.p50)}  ${ratio(f.p99, d.p99)}`,
    );
  }
  lines.push(
    `router pages identical to one index: ${served.check.identical}/${served.check.queries} queries; ${served.retries} requests sent again after a reset connection`,
  );
  return lines;
}

async function main(argv: string[]): Promise<number> {
  const options = parseArgs(argv);
  if (options === null) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const heapMB = Math.min(16_384, Math.round(2048 + 600 * options.scale));
  if (
    process.env[REEXEC_ENV] !== "1" &&
    (typeof (globalThis as { gc?: unknown }).gc !== "function" ||
      v8.getHeapStatistics().heap_size_limit < heapMB * MIB * 0.95)
  ) {
    const result = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        "--expose-gc",
        `--max-old-space-size=${heapMB}`,
        process.argv[1]!,
        ...argv,
      ],
      { stdio: "inherit", env: { ...process.env, [REEXEC_ENV]: "1" } },
    );
    return result.status ?? 1;
  }
  const work = mkdtempSync(join(os.tmpdir(), "wcit-sharded-"));
  try {
    const report = await run(options, work, heapMB);
    process.stdout.write(`${table(report)}\n`);
    if (options.json !== null) {
      await writeJsonAtomic(options.json, report);
      log(`wrote ${options.json}`);
    }
    const differ = [report.check, report.served?.check].some(
      (check) => check && check.identical !== check.queries,
    );
    return differ ? 1 : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
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
