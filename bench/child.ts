/**
 * Entry of the child processes the harness starts (bench/spawn.ts), one measurement each, in a
 * fresh process so every load is a cold start and systems never share a heap:
 *
 *   node --import tsx --expose-gc [heap flags] bench/child.ts <job.json>
 *
 * Modes: "cold" (one cold start and the first query of the set the system expresses: times,
 * peak and resident heap, RSS), "queries" (load, warm up, timed rounds), "isolate" (load and
 * answer every query it expresses once under a tight heap; finishing is the result), "variants"
 * (our engine only: the variant finder against aligning every utterance, bench/variants.ts),
 * "variants-isolate" (load and answer every variant passage once under the tight heap). The
 * result is written as JSON to the job's `out` file.
 */
import { readFileSync, writeFileSync } from "node:fs";
import {
  collectGarbage,
  heapNow,
  measureColdStart,
  readArtifact,
  runQueries,
  withPeakHeap,
} from "./measure";
import { loadSystem } from "./systems/registry";
import { expresses, type BenchQuery } from "./types";
import type { Corpus } from "../src/search/corpus";
import { measureVariants } from "./variants";
import { findVariants } from "../src/search/variants/find";

/** A job for one child process. */
export type ChildJob =
  | { mode: "cold"; system: string; artifactDir: string; queriesFile: string; out: string }
  | {
      mode: "queries";
      system: string;
      artifactDir: string;
      queriesFile: string;
      rounds: number;
      seed: number;
      out: string;
    }
  | { mode: "isolate"; system: string; artifactDir: string; queriesFile: string; out: string }
  | {
      mode: "variants-isolate";
      system: string;
      artifactDir: string;
      queriesFile: string;
      out: string;
    }
  | {
      mode: "variants";
      system: string;
      artifactDir: string;
      queriesFile: string;
      rounds: number;
      out: string;
    };

async function main(jobFile: string | undefined): Promise<void> {
  if (jobFile === undefined) throw new Error("bench child: usage: child.ts <job.json>");
  const job = JSON.parse(readFileSync(jobFile, "utf8")) as ChildJob;
  const system = await loadSystem(job.system);
  let result: unknown;
  if (job.mode === "variants-isolate") {
    const queries = JSON.parse(readFileSync(job.queriesFile, "utf8")) as string[];
    collectGarbage();
    const { peakBytes } = await withPeakHeap(async () => {
      const corpus = (await system.load(readArtifact(job.artifactDir))) as Corpus;
      for (const q of queries) findVariants(corpus, { q });
    });
    result = { completed: true, peakBytes };
  } else if (job.mode === "variants") {
    const corpus = (await system.load(readArtifact(job.artifactDir))) as Corpus;
    const queries = JSON.parse(readFileSync(job.queriesFile, "utf8")) as string[];
    result = await measureVariants(corpus, queries, job.rounds);
  } else if (job.mode === "cold") {
    const queries = JSON.parse(readFileSync(job.queriesFile, "utf8")) as BenchQuery[];
    const first = queries.find((query) => expresses(system, query));
    if (first === undefined) throw new Error(`bench child: ${system.name} expresses no query`);
    const { cold, instance } = await measureColdStart(system, job.artifactDir, first);
    (globalThis as { benchInstance?: unknown }).benchInstance = instance;
    result = cold;
  } else {
    const queries = JSON.parse(readFileSync(job.queriesFile, "utf8")) as BenchQuery[];
    if (job.mode === "queries") {
      const instance = await system.load(readArtifact(job.artifactDir));
      collectGarbage();
      result = await runQueries(system, instance, queries, job.rounds, job.seed);
    } else {
      collectGarbage();
      const base = heapNow();
      const { peakBytes, gcs } = await withPeakHeap(async () => {
        const instance = await system.load(readArtifact(job.artifactDir));
        for (const query of queries)
          if (expresses(system, query)) await system.query(instance, query);
      });
      result = { completed: true, peakBytes, baseBytes: base, gcs };
    }
  }
  writeFileSync(job.out, JSON.stringify(result));
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(
    `bench child: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
