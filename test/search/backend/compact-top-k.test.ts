/**
 * Block-max top-k of the compact backend (src/search/backend/compact/top-k.ts, blocks.ts): its first hits
 * are exactly the exhaustive evaluator's sorted and cut (same documents, same scores to the last
 * bit, ties by ordinal, same terms and total), with filters, in both orders, on generated
 * corpora whose posting lists span many blocks; and the search path gives the same pages with it
 * as without it; and the search core hands it no filter only when every utterance passes.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { generateCorpus } from "../../../bench/corpus";
import { generateQueries } from "../../../bench/queries";
import { buildAssets } from "../../../ingest/build-index";
import type {
  BackendHit,
  BackendQuery,
  ScoreWeight,
  SearchBackend,
} from "../../../src/search/backend/interface";
import { compactBackend } from "../../../src/search/backend/compact/backend";
import { BLOCK_SIZE } from "../../../src/search/backend/compact/blocks";
import { buildCompactIndex, collectionStatistics } from "../../../src/search/backend/compact/build";
import { COMPACT_FORMAT_VERSION } from "../../../src/search/backend/compact/format";
import { CompactIndexData } from "../../../src/search/backend/compact/index-data";
import { singleWord } from "../../../src/search/backend/compact/top-k";
import { TopList } from "../../../src/search/backend/compact/top-list";
import type { Corpus } from "../../../src/search/corpus";
import { openCorpus } from "../../../src/search/load";
import { search } from "../../../src/search/search";
import type { SortOrder } from "../../../src/search/types";
import { emptyFilters, type FilterSpec } from "../../../src/search/filters";
import {
  filterPredicate,
  filterPredicateOrNone,
  resolveFilters,
} from "../../../src/search/resolve";
import { fixtureCorpus, memoryReader } from "../../fixtures/corpus";
import {
  type OrdinalFilter,
  corpusTexts,
  oneWordQuery,
  ordinalFilter,
  ordinalFilterSpec,
} from "../../support/arbitraries";

type Filter = OrdinalFilter;

/** The exhaustive answer: every hit, sorted as the search core sorts, cut to `count`. */
function exhaustive(
  backend: SearchBackend,
  query: BackendQuery,
  filter: Filter,
  count: number,
  order: SortOrder,
  weight?: ScoreWeight,
): { total: number; hits: BackendHit[] } {
  const all = backend.search(query, filter).map((hit) =>
    weight
      ? {
          ordinal: hit.ordinal,
          score: hit.score * weight(hit.ordinal),
          terms: [...hit.terms],
          queryTerms: [...hit.queryTerms],
        }
      : hit,
  );
  const sorted = [...all].sort((a, b) =>
    order === "chronological" ? a.ordinal - b.ordinal : b.score - a.score || a.ordinal - b.ordinal,
  );
  return { total: all.length, hits: sorted.slice(0, count) };
}

/** Hits as plain data (terms read, so lazily computed ones are compared too). */
function plain(hits: readonly BackendHit[]) {
  return hits.map((hit) => ({
    ordinal: hit.ordinal,
    score: hit.score,
    terms: [...hit.terms],
    queryTerms: [...hit.queryTerms],
  }));
}

function expectSameTop(
  backend: SearchBackend,
  query: BackendQuery,
  filter: Filter,
  count: number,
  order: SortOrder,
  weight?: ScoreWeight,
): void {
  const top = backend.searchTop!(query, filter, count, order, weight);
  expect(top).not.toBeNull();
  const want = exhaustive(backend, query, filter, count, order, weight);
  expect(top!.total).toBe(want.total);
  expect(plain(top!.hits)).toEqual(plain(want.hits));
}

// Few words, many documents: frequent terms have lists of many blocks, and many documents have
// the same text, so the same score (ties).
const corpus = corpusTexts(400, 8);

/** Up to `max` top-k requests: a word, a filter, a page size, an order. */
const topQueries = (max: number) =>
  fc.array(
    fc.tuple(
      oneWordQuery,
      ordinalFilterSpec,
      fc.integer({ min: 1, max: 40 }),
      fc.constantFrom<SortOrder>("relevance", "chronological"),
    ),
    { minLength: 1, maxLength: max },
  );

describe("block-max top-k = the exhaustive evaluator, sorted and cut (property)", () => {
  test("one word, any filter, both orders, any page size, ties included", () => {
    fc.assert(
      fc.property(corpus, fc.integer({ min: 0, max: 3 }), topQueries(5), (texts, gap, queries) => {
        const documents = texts.map((text, i) => ({ ordinal: i * (gap + 1), text }));
        const backend = compactBackend.load(compactBackend.build(documents));
        for (const [query, spec, count, order] of queries)
          expectSameTop(backend, query, ordinalFilter(spec), count, order);
      }),
      { numRuns: 300 },
    );
  });

  test("with a score weight of at most 1 (the ranking of substance): the weighted exhaustive answer", () => {
    fc.assert(
      fc.property(
        corpus,
        fc.array(fc.constantFrom(1, 1, 0.25, 0.5), { minLength: 1, maxLength: 7 }),
        topQueries(4),
        (texts, factors, queries) => {
          const documents = texts.map((text, i) => ({ ordinal: i, text }));
          const backend = compactBackend.load(compactBackend.build(documents));
          const weight: ScoreWeight = (ordinal) => factors[ordinal % factors.length]!;
          for (const [query, spec, count, order] of queries)
            expectSameTop(backend, query, ordinalFilter(spec), count, order, weight);
        },
      ),
      { numRuns: 200 },
    );
  });

  test("in a shard scored with its collection's statistics", () => {
    fc.assert(
      fc.property(corpus, fc.integer({ min: 1, max: 399 }), oneWordQuery, (texts, cut, query) => {
        const documents = texts.map((text, i) => ({ ordinal: i, text }));
        const statistics = collectionStatistics(documents);
        const shard = documents.slice(0, Math.min(cut, documents.length));
        const backend = compactBackend.load(buildCompactIndex(shard, statistics));
        expectSameTop(backend, query, undefined, 20, "relevance");
        expectSameTop(backend, query, (o) => o % 3 !== 0, 7, "relevance");
      }),
      { numRuns: 100 },
    );
  });

  test("a block whose bound only equals the threshold is still read: its ties come first", () => {
    // Block 0: documents scoring s. Block 1: one better document, then documents scoring s.
    // Block 1 is read first (higher bound); after it the threshold is s, and block 0, bound s,
    // holds the tie with the smallest ordinal.
    const documents = Array.from({ length: 2 * BLOCK_SIZE }, (_, i) => ({
      ordinal: i,
      text: i === BLOCK_SIZE ? "alpha alpha alpha x" : "alpha x",
    }));
    const backend = compactBackend.load(compactBackend.build(documents));
    const query: BackendQuery = { kind: "term", term: "alpha", prefix: false, fuzzy: 0 };
    const top = backend.searchTop!(query, undefined, 2, "relevance")!;
    expect(top.hits.map((hit) => hit.ordinal)).toEqual([BLOCK_SIZE, 0]);
    expectSameTop(backend, query, undefined, 2, "relevance");
  });

  test("answers null for what it does not evaluate: several words, exclusions", () => {
    const backend = compactBackend.load(compactBackend.build([{ ordinal: 0, text: "alpha beta" }]));
    const alpha: BackendQuery = { kind: "term", term: "alpha", prefix: false, fuzzy: 0 };
    const beta: BackendQuery = { kind: "term", term: "beta", prefix: false, fuzzy: 0 };
    expect(
      backend.searchTop!({ kind: "and", queries: [alpha, beta] }, undefined, 5, "relevance"),
    ).toBeNull();
    expect(
      backend.searchTop!(
        { kind: "and_not", include: alpha, exclude: [beta] },
        undefined,
        5,
        "relevance",
      ),
    ).toBeNull();
    expect(
      backend.searchTop!({ ...alpha, term: "alpha beta" }, undefined, 5, "relevance"),
    ).toBeNull();
    expect(singleWord({ kind: "or", queries: [] })).toBeNull();
    expect(backend.searchTop!({ ...alpha, term: "zzz" }, undefined, 5, "relevance")).toEqual({
      total: 0,
      hits: [],
    });
  });
});

describe("blocks", () => {
  test("a frequent term's postings are cut into blocks whose bound no posting exceeds", () => {
    const documents = Array.from({ length: 5 * BLOCK_SIZE + 3 }, (_, i) => ({
      ordinal: i * 3,
      text: `the ${"alpha ".repeat(1 + (i % 5))}${"beta ".repeat(i % 11)}`,
    }));
    const data = CompactIndexData.parse(buildCompactIndex(documents));
    const id = data.dictionary.find("alpha");
    const blocks = data.blocks(id);
    expect(blocks.count).toBe(6);
    const { ordinals, scores } = data.scoredPostings(id, 1);
    const idf = data.inverseDocumentFrequency(id, ordinals.length);
    let at = 0;
    for (let b = 0; b < blocks.count; b++) {
      const decoded = new Int32Array(BLOCK_SIZE);
      const n = data.decodeBlock(blocks, b, decoded, null);
      expect(Array.from(decoded.subarray(0, n))).toEqual(Array.from(ordinals.subarray(at, at + n)));
      expect(blocks.last[b]).toBe(ordinals[at + n - 1]);
      const best = ordinals.indexOf(blocks.bestOrdinal[b]!);
      expect(best).toBeGreaterThanOrEqual(at);
      expect(best).toBeLessThan(at + n);
      for (let i = at; i < at + n; i++) expect(scores[i]!).toBeLessThanOrEqual(scores[best]!);
      expect(idf).toBeGreaterThan(0);
      at += n;
    }
    expect(at).toBe(ordinals.length);
  });

  test("a stale index without blocks (format 1) refuses to load, naming what is missing", () => {
    const text = buildCompactIndex([{ ordinal: 0, text: "alpha" }]);
    const header = JSON.parse(text.slice(0, text.indexOf("\n"))) as Record<string, unknown>;
    const rest = text.slice(text.indexOf("\n"));
    expect(() =>
      compactBackend.load(`${JSON.stringify({ ...header, version: 1 })}${rest}`),
    ).toThrow(`version 1 does not match ${COMPACT_FORMAT_VERSION}`);
    const sections = (header.sections as [string, number][]).filter(([name]) => name !== "blocks");
    expect(() => compactBackend.load(`${JSON.stringify({ ...header, sections })}${rest}`)).toThrow(
      /no blocks section/,
    );
  });
});

describe("TopList", () => {
  test("keeps the best by score, ties by ordinal, whatever the order of the offers", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(50), fc.constantFrom(0.5, 1, 1, 2, 3)), { maxLength: 60 }),
        fc.integer({ min: 1, max: 10 }),
        (offers, capacity) => {
          const unique = [...new Map(offers.map(([o, s]) => [o, s])).entries()];
          const list = new TopList(capacity);
          for (const [ordinal, score] of unique) list.offer(ordinal, score);
          const want = [...unique].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, capacity);
          expect(list.ordinals).toEqual(want.map(([o]) => o));
          expect(list.scores).toEqual(want.map(([, s]) => s));
        },
      ),
    );
  });
});

describe("the search path with and without the top-k path: identical pages", () => {
  const generated = generateCorpus({ scale: 0.03, seed: 11 });
  const { files } = buildAssets(generated.records, [], compactBackend);
  const queries = generateQueries(generated, { perClass: 25 });
  const hide = (corpus: Corpus): Corpus => ({
    ...corpus,
    backend: { search: (q, f) => corpus.backend.search(q, f) },
  });
  const page = (corpus: Corpus, q: string, sort: SortOrder, offset: number, limit: number) => {
    const result = search(corpus, { q, sort, offset, limit });
    return {
      total: result.total,
      results: result.results.map((hit) => [hit.id, hit.score, hit.highlights]),
    };
  };

  test("every bench query, both orders, several pages", async () => {
    const corpus = await openCorpus(memoryReader(new Map(files)));
    const exhaustiveCorpus = hide(corpus);
    const texts = [
      ...queries.map((q) => q.text),
      "the",
      "the speaker:chair",
      "sec*",
      "security~1 body:plenary",
    ];
    for (const q of texts) {
      for (const sort of ["relevance", "chronological"] as const) {
        for (const [offset, limit] of [
          [0, 20],
          [20, 20],
          [0, 100],
          [95, 7],
        ] as const) {
          expect({ q, sort, offset, ...page(corpus, q, sort, offset, limit) }).toEqual({
            q,
            sort,
            offset,
            ...page(exhaustiveCorpus, q, sort, offset, limit),
          });
        }
      }
    }
  });
});

describe("filterPredicateOrNone", () => {
  test("no predicate only when every utterance passes; else filterPredicate's answers", async () => {
    const corpus = await fixtureCorpus();
    const resolved = (spec: Partial<FilterSpec>) =>
      resolveFilters(corpus, { ...emptyFilters(), ...spec });
    // The fixture has a rough session, which is left out without a filter.
    expect(corpus.store.sessions.some((s) => s.version === "rough")).toBe(true);
    for (const spec of [{}, { body: ["plenary"] }] satisfies Partial<FilterSpec>[]) {
      const predicate = filterPredicateOrNone(corpus, resolved(spec));
      const reference = filterPredicate(corpus, resolved(spec));
      expect(predicate).toBeDefined();
      for (let ordinal = 0; ordinal < corpus.size; ordinal++)
        expect(predicate!(ordinal)).toBe(reference(ordinal));
    }
    const finished: Corpus = {
      ...corpus,
      store: {
        ...corpus.store,
        sessions: corpus.store.sessions.map((s) => ({ ...s, version: "finished" as const })),
      },
    };
    expect(filterPredicateOrNone(finished, resolveFilters(finished, emptyFilters()))).toBe(
      undefined,
    );
    expect(
      filterPredicateOrNone(
        finished,
        resolveFilters(finished, { ...emptyFilters(), body: ["plenary"] }),
      ),
    ).toBeDefined();
  });
});
