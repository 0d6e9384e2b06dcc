/**
 * Ranking of substance (src/search/substance.ts, rule R-SUBSTANCE): short chair and secretariat
 * turns weigh PROCEDURAL_WEIGHT, long ones and delegations keep their score; relevance order is
 * deterministic, chronological order unchanged, and both backends rank alike.
 */
import { describe, expect, test } from "vitest";
import { buildAssets } from "../../ingest/build-index";
import { openCorpus } from "../../src/search/load";
import { miniSearchBackend } from "../../src/search/backend/minisearch/backend";
import { search } from "../../src/search/search";
import {
  PROCEDURAL_MAX_WORDS,
  PROCEDURAL_WEIGHT,
  isProcedural,
  substanceWeight,
} from "../../src/search/substance";
import { FIXTURE_ALIASES, fixtureCorpus, fixtureSessions, memoryReader } from "../fixtures/corpus";
import { ordinalOf } from "../../src/search/corpus";
import { bundledCorpus } from "../../bench/relevance";

describe("R-SUBSTANCE", () => {
  test.each([
    // [utterance, procedural]: the fixture's chair calling a speaker, a delegation, the secretariat.
    ["plenary-1.7", true], // Chair: "Thank you. Iran, you have the floor."
    ["plenary-1.2", false], // Egypt, a delegation
    ["plenary-1.6", true], // Secretariat, 13 words
  ])("%s procedural: %s", async (id, procedural) => {
    const corpus = await fixtureCorpus();
    const ordinal = ordinalOf(corpus, id)!;
    expect(isProcedural(corpus, ordinal)).toBe(procedural);
    expect(substanceWeight(corpus, ordinal)).toBe(procedural ? PROCEDURAL_WEIGHT : 1);
  });

  test(`on the bundled sample: a chair turn of more than ${PROCEDURAL_MAX_WORDS} words keeps its score`, async () => {
    const sample = await bundledCorpus();
    // Chair, 50 words presenting a new text; Chair, 18 words: "We return now to spam. ... Australia."
    expect(isProcedural(sample, ordinalOf(sample, "committee-5-3.9")!)).toBe(false);
    expect(isProcedural(sample, ordinalOf(sample, "committee-5-2.18")!)).toBe(true);
  });

  test("on the bundled sample: the chair's one-line remark on spam comes after every delegation", async () => {
    const sample = await bundledCorpus();
    const q = "spam conference:wcit-12";
    const ids = search(sample, { q }).results.map((hit) => hit.id);
    expect(ids.at(-1)).toBe("committee-5-2.18");
    expect(ids).toHaveLength(7);
    // Deterministic: the same order every time.
    expect(search(sample, { q }).results.map((hit) => hit.id)).toEqual(ids);
  });

  test("sort=chronological is unchanged: ordinal order whatever the weights", async () => {
    const corpus = await fixtureCorpus();
    const ids = search(corpus, { q: "thank", sort: "chronological", limit: 100 }).results.map(
      (hit) => ordinalOf(corpus, hit.id)!,
    );
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  test("the compact and MiniSearch backends rank alike under the rule", async () => {
    const compact = await fixtureCorpus();
    const reference = await openCorpus(
      memoryReader(buildAssets(fixtureSessions(), FIXTURE_ALIASES, miniSearchBackend).files),
    );
    for (const q of ["thank", "iran", "human rights", "floor", "egypt"]) {
      const a = search(compact, { q, limit: 50 }).results;
      const b = search(reference, { q, limit: 50 }).results;
      expect(
        a.map((h) => h.id),
        q,
      ).toEqual(b.map((h) => h.id));
      for (const [i, hit] of a.entries()) expect(hit.score).toBeCloseTo(b[i]!.score, 6);
    }
  });
});
