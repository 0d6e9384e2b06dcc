/**
 * The judged query set of bench/relevance.ts: nDCG arithmetic on a hand-worked table, every
 * judged utterance exists in the bundled sample and matches its query (so the judgements cannot
 * silently go stale), and the ranking-of-substance rule does not make any query worse.
 */
import { beforeAll, describe, expect, test } from "vitest";
import {
  JUDGED,
  type Judged,
  bundledCorpus,
  dcg,
  ndcg,
  ranking,
  relevanceReport,
} from "../../bench/relevance";
import type { Corpus } from "../../src/search/corpus";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await bundledCorpus();
});

describe("nDCG", () => {
  const judged: Judged = { q: "x", grades: { a: 2, b: 1 } };
  test.each([
    [["a", "b"], 1],
    [["b", "a"], (1 + 3 / Math.log2(3)) / (3 + 1 / Math.log2(3))],
    [["c", "a"], 3 / Math.log2(3) / (3 + 1 / Math.log2(3))],
    [[], 0],
  ])("%j -> %d", (ids, expected) => {
    expect(ndcg(ids, judged)).toBeCloseTo(expected, 10);
  });

  test("dcg stops at the cut-off", () => {
    expect(dcg([0, 0, 2], 2)).toBe(0);
  });
});

describe("the judged set over the bundled sample", () => {
  test.each(JUDGED.map((j) => [j.q, j] as const))(
    "%s: every judged utterance matches it",
    (q, j) => {
      const matched = new Set(ranking(corpus, q, true));
      for (const id of Object.keys(j.grades)) expect(matched.has(id), id).toBe(true);
    },
  );

  test("the rule raises the mean nDCG@10 and lowers no query", () => {
    const report = relevanceReport(corpus);
    expect(report.mean.after).toBeGreaterThan(report.mean.before);
    for (const row of report.queries) expect(row.after, row.q).toBeGreaterThanOrEqual(row.before);
  });
});
