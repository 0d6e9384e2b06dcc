import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/corpus";
import { generateQueries, queryText } from "../../bench/queries";
import { linearScan } from "../../bench/systems/linear-scan";
import { artifactBytes } from "../../bench/measure";
import { QUERY_CLASSES } from "../../bench/types";

const corpus = generateCorpus({ scale: 0.05, seed: 11 });

describe("generateQueries", () => {
  it("is deterministic and gives perClass queries of every class, indexed in order", () => {
    const a = generateQueries(corpus, { perClass: 30 });
    expect(generateQueries(corpus, { perClass: 30 })).toEqual(a);
    expect(a).toHaveLength(30 * QUERY_CLASSES.length);
    a.forEach((q, i) => expect(q.index).toBe(i));
    for (const cls of QUERY_CLASSES) expect(a.filter((q) => q.class === cls)).toHaveLength(30);
  });

  it("respects the query language's bounds and writes the query as typed", () => {
    for (const q of generateQueries(corpus, { perClass: 60 })) {
      for (const t of q.terms) expect(t).toMatch(/^[a-z]+$/);
      expect(q.terms.length).toBeLessThanOrEqual(10);
      expect(q.text.length).toBeLessThanOrEqual(200);
      if (q.class === "prefix") {
        expect(q.terms[0]!.length).toBeGreaterThanOrEqual(3);
        expect(q.text).toBe(`${q.terms[0]}*`);
      }
      if (q.class === "fuzzy") {
        expect(q.terms[0]!.length).toBeGreaterThanOrEqual(5);
        expect(q.fuzzy).toBe(q.terms[0]!.length >= 8 ? 2 : 1);
      }
      if (q.class === "phrase") expect(q.text).toBe(`"${q.phrase}"`);
      if (q.class === "filtered") expect(q.filter).toBeDefined();
      if (q.class === "chronological") expect(q.sort).toBe("chronological");
    }
  });

  it("mixes frequent and rare words: most queries match, not all match the same", () => {
    const queries = generateQueries(corpus, { perClass: 40 });
    const scan = linearScan.load(artifactBytes(linearScan.build(corpus.records)));
    const totals = queries.map((q) => linearScan.query(scan, q).total);
    const matched = totals.filter((t) => t > 0).length / totals.length;
    expect(matched).toBeGreaterThan(0.7);
    const term = queries.filter((q) => q.class === "term").map((q) => totals[q.index]!);
    expect(Math.max(...term)).toBeGreaterThan(100 * Math.max(1, Math.min(...term)));
    // Phrases drawn from utterances always occur.
    const phrases = queries.filter((q) => q.class === "phrase");
    expect(phrases.filter((q) => totals[q.index]! > 0).length).toBeGreaterThanOrEqual(
      phrases.length / 2,
    );
  });

  it("writes filters in the product's syntax", () => {
    expect(
      queryText({
        class: "filtered",
        terms: ["spam"],
        filter: { speaker: "EGY" },
        sort: "relevance",
        limit: 20,
      }),
    ).toBe("spam speaker:EGY");
    expect(
      queryText({
        class: "filtered",
        terms: ["a", "b"],
        filter: { from: "2012-12-03", to: "2012-12-05", body: "plenary" },
        sort: "relevance",
        limit: 20,
      }),
    ).toBe("a b body:plenary date:2012-12-03..2012-12-05");
    expect(
      queryText({ class: "fuzzy", terms: ["regulatoins"], fuzzy: 2, sort: "relevance", limit: 20 }),
    ).toBe("regulatoins~2");
  });

  it("rejects a bad perClass naming it", () => {
    expect(() => generateQueries(corpus, { perClass: 0 })).toThrow(/^queries: perClass/);
  });
});
