/**
 * The variant finder's section of `npm run bench` (issue 10): latency of findVariants (the API
 * path: candidates from the index, alignment, a presented page) against a baseline in the same
 * process on the same queries, the obvious way without the index: aligning the query with every
 * finished utterance. The baseline also tells how many of its variants the finder found (recall).
 * And the build-time cost of "where else was this said?" (the all-pairs reuse table): time and
 * size. Queries are passages cut from the generated corpus, half of them edited (words replaced,
 * dropped, inserted) as a draft is amended.
 */
import { gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import type { SessionRecord } from "../src/domain";
import type { Corpus } from "../src/search/corpus";
import { filterPredicate, resolveFilters } from "../src/search/resolve";
import { emptyFilters } from "../src/search/filters";
import { align, similarity, termIds, wordsOf } from "../src/search/variants/align";
import {
  MAX_VARIANT_WORDS,
  MIN_EQUAL_WORDS,
  MIN_SIMILARITY,
  findVariants,
  matchVariantsSteps,
} from "../src/search/variants/find";
import { NEVER_PAUSE, runToEnd } from "../src/search/pace";
import { buildReuse } from "../src/search/variants/reuse";
import { MIB, collectGarbage, withPeakHeap } from "./measure";
import { createRandom, deriveSeed } from "./random";
import { median, percentiles } from "./stats";

/** Variant queries per run by default. */
export const DEFAULT_VARIANT_QUERIES = 40;

export interface VariantFigures {
  queries: number;
  rounds: number;
  /** ms, medians over rounds of each round's p50 / p99. */
  finder: { p50: number; p99: number };
  baseline: { p50: number; p99: number };
  /** finder / baseline (lower is better). */
  ratio: { p50: number; p99: number };
  /** Mean variants per query (finder, all of them; baseline, one best per utterance). */
  meanVariants: { finder: number; baseline: number };
  /** Share of the baseline's utterances the finder also found (direct variants). */
  recall: number;
  /** The same over the queries on which the finder hit no bound. */
  recallWithinBounds: number;
  /** Queries on which the finder hit a bound. */
  truncated: number;
  /** Peak heap + external memory (MiB, absolute: the loaded corpus included) while the finder answered every query once. */
  finderPeakHeapMB: number;
  /** Loaded and answered every passage once under the isolate heap flags (bench/run.ts ISOLATE); null when not checked. */
  isolate: { fits: boolean; peakMB: number | null } | null;
}

export interface ReuseFigures {
  /** Median build time of the table, ms. */
  buildMs: number;
  runs: number[];
  bytes: number;
  gzipBytes: number;
  stats: ReturnType<typeof buildReuse>["stats"];
}

/** Passages cut from random utterances (8 to 40 words), half of them edited. */
export function variantQueries(
  records: readonly SessionRecord[],
  count: number,
  seed: number,
): string[] {
  const random = createRandom(deriveSeed(seed, "variant-queries"));
  const texts = records
    .filter((record) => record.version === "finished")
    .flatMap((record) => record.utterances.map((u) => u.text))
    .filter((text) => wordsOf(text).length >= 12);
  const vocabulary = ["should", "endeavour", "necessary", "appropriate", "operators", "measures"];
  const queries: string[] = [];
  while (queries.length < count && texts.length > 0) {
    const words = wordsOf(random.pick(texts));
    const length = random.int(8, Math.min(40, words.length, MAX_VARIANT_WORDS));
    const from = random.int(0, words.length - length);
    const picked = words.slice(from, from + length).map((word) => word.term);
    if (queries.length % 2 === 1) {
      for (let edit = random.int(1, 3); edit > 0; edit--) {
        const at = random.int(0, picked.length - 1);
        const kind = random.int(0, 2);
        if (kind === 0) picked[at] = random.pick(vocabulary);
        else if (kind === 1 && picked.length > 8) picked.splice(at, 1);
        else picked.splice(at, 0, random.pick(vocabulary));
      }
    }
    queries.push(picked.join(" "));
  }
  return queries;
}

/** The baseline: the best local alignment with every utterance the default filters keep. */
function alignEverything(corpus: Corpus, query: string): Set<number> {
  const keep = filterPredicate(corpus, resolveFilters(corpus, emptyFilters()));
  const queryWords = wordsOf(query);
  const minEqual = Math.min(queryWords.length, MIN_EQUAL_WORDS);
  const found = new Set<number>();
  const texts = corpus.store.utterances.text;
  for (let ordinal = 0; ordinal < corpus.size; ordinal++) {
    if (!keep(ordinal)) continue;
    const words = wordsOf(texts.get(ordinal) ?? "");
    const { q, p } = termIds(queryWords, words);
    const best = align(q, p, 0, p.length);
    if (!best || best.equal < minEqual) continue;
    if (similarity(best.equal, q.length, best.to - best.from) >= MIN_SIMILARITY) found.add(ordinal);
  }
  return found;
}

/** Times both on every query, `rounds` times (after one untimed pass that also checks recall). */
export async function measureVariants(
  corpus: Corpus,
  queries: readonly string[],
  rounds: number,
): Promise<VariantFigures> {
  collectGarbage();
  const { peakBytes } = await withPeakHeap(() => {
    for (const q of queries) findVariants(corpus, { q });
  });
  let finderTotal = 0;
  let baselineTotal = 0;
  let recalled = 0;
  let truncated = 0;
  let withinBounds = { found: 0, of: 0 };
  const keep = filterPredicate(corpus, resolveFilters(corpus, emptyFilters()));
  for (const q of queries) {
    const { found, work } = runToEnd(
      matchVariantsSteps(corpus, wordsOf(q), { keep, chainFrom: keep }, NEVER_PAUSE),
    );
    const brute = alignEverything(corpus, q);
    finderTotal += found.length;
    baselineTotal += brute.size;
    if (work.truncated) truncated++;
    const direct = new Set(found.filter((v) => v.via === null).map((v) => v.ordinal));
    const hits = [...brute].filter((ordinal) => direct.has(ordinal)).length;
    recalled += hits;
    if (!work.truncated)
      withinBounds = { found: withinBounds.found + hits, of: withinBounds.of + brute.size };
  }
  const finderRounds: { p50: number; p99: number }[] = [];
  const baselineRounds: { p50: number; p99: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    collectGarbage();
    const finder: number[] = [];
    const baseline: number[] = [];
    for (const q of queries) {
      let start = performance.now();
      findVariants(corpus, { q });
      finder.push(performance.now() - start);
      start = performance.now();
      alignEverything(corpus, q);
      baseline.push(performance.now() - start);
    }
    finderRounds.push(percentiles(finder));
    baselineRounds.push(percentiles(baseline));
  }
  const medianOf = (list: { p50: number; p99: number }[]) => ({
    p50: median(list.map((r) => r.p50)),
    p99: median(list.map((r) => r.p99)),
  });
  const finder = medianOf(finderRounds);
  const baseline = medianOf(baselineRounds);
  return {
    queries: queries.length,
    rounds,
    finder,
    baseline,
    ratio: { p50: finder.p50 / baseline.p50, p99: finder.p99 / baseline.p99 },
    meanVariants: {
      finder: finderTotal / queries.length,
      baseline: baselineTotal / queries.length,
    },
    recall: baselineTotal === 0 ? 1 : recalled / baselineTotal,
    recallWithinBounds: withinBounds.of === 0 ? 1 : withinBounds.found / withinBounds.of,
    finderPeakHeapMB: peakBytes / MIB,
    isolate: null,
    truncated,
  };
}

/** Times the reuse table's build on the finished utterances, `runs` times. */
export function measureReuse(records: readonly SessionRecord[], runs: number): ReuseFigures {
  const texts = records
    .filter((record) => record.version === "finished")
    .flatMap((record) => record.utterances.map((u) => u.text));
  const times: number[] = [];
  let last: ReturnType<typeof buildReuse> | null = null;
  for (let run = 0; run < runs; run++) {
    last = null;
    collectGarbage();
    const start = performance.now();
    last = buildReuse(texts);
    times.push(performance.now() - start);
  }
  if (!last) throw new Error("bench: reuse: no run");
  const json = JSON.stringify(last.table);
  return {
    buildMs: median(times),
    runs: times,
    bytes: Buffer.byteLength(json),
    gzipBytes: gzipSync(json).length,
    stats: last.stats,
  };
}

/** The section as printed after the main table. */
export function formatVariantSection(variants: VariantFigures, reuse: ReuseFigures): string {
  const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
  const ratio = (n: number) => (n >= 0.1 ? `${n.toFixed(2)}x` : `${n.toFixed(3)}x`);
  return [
    `variant finder (issue 10): ${variants.queries} passages of 8-40 words (half edited), medians of ${variants.rounds} rounds`,
    `  findVariants (API path, index candidates)  p50 ${ms(variants.finder.p50)} ms  p99 ${ms(variants.finder.p99)} ms`,
    `  baseline: align with every utterance       p50 ${ms(variants.baseline.p50)} ms  p99 ${ms(variants.baseline.p99)} ms`,
    `  ratio finder / baseline                    p50 ${ratio(variants.ratio.p50)}  p99 ${ratio(variants.ratio.p99)}`,
    `  mean variants per query: finder ${variants.meanVariants.finder.toFixed(1)}, baseline ${variants.meanVariants.baseline.toFixed(1)}; recall of the baseline's ${(variants.recall * 100).toFixed(1)}% (${(variants.recallWithinBounds * 100).toFixed(1)}% on the queries within the bounds); queries at a bound ${variants.truncated}`,
    `  peak heap while answering them ${variants.finderPeakHeapMB.toFixed(1)} MB in the harness's large heap (garbage included, the loaded corpus too); ${
      variants.isolate === null
        ? "128 MB isolate not checked"
        : `128 MB isolate: ${variants.isolate.fits ? "fits" : "does not fit"}${variants.isolate.peakMB !== null ? ` (peak ${variants.isolate.peakMB.toFixed(1)} MB)` : ""}`
    }`,
    `where else was this said (build time): ${ms(reuse.buildMs)} ms (median of ${reuse.runs.length}); table ${(reuse.bytes / 1024).toFixed(0)} KiB (${(reuse.gzipBytes / 1024).toFixed(0)} KiB gzipped); ${reuse.stats.candidatePairs} candidate pairs, ${reuse.stats.alignedPairs} aligned, ${reuse.stats.links / 2} kept, ${(reuse.stats.cells / 1e6).toFixed(1)}M cells${reuse.stats.truncated ? ", cut at its bounds" : ""}`,
  ].join("\n");
}
