/**
 * The cases every search backend must pass (hono's common.case.test.ts pattern): a backend's
 * test file calls runBackendCases with its factory, so a new backend gets the whole contract of
 * src/search/backend/interface.ts by adding one line. The expected answers come from a plain
 * reading of the contract over the documents' terms (src/search/text.ts), not from another
 * backend.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type {
  BackendDocument,
  BackendFactory,
  BackendHit,
  BackendQuery,
  SearchBackend,
  ScoreWeight,
} from "../../../src/search/backend/interface";
import type { Pace } from "../../../src/search/pace";
import { runToEnd } from "../../../src/search/pace";
import { terms } from "../../../src/search/text";
import type { SortOrder } from "../../../src/search/types";
import {
  type OrdinalFilter,
  backendQuery,
  corpusTexts,
  oneWordQuery,
  ordinalFilter,
  ordinalFilterSpec,
} from "../../support/arbitraries";

/** What the contract says a hit of a document is: its matched terms and query terms. */
interface Expected {
  terms: Set<string>;
  queryTerms: Set<string>;
}

/** Plain Levenshtein distance (insertions, deletions, substitutions), code unit by code unit. */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

function termMatches(query: Extract<BackendQuery, { kind: "term" }>, word: string) {
  return (docTerm: string) =>
    docTerm === word ||
    (query.prefix && docTerm.startsWith(word)) ||
    (query.fuzzy > 0 && levenshtein(word, docTerm) <= query.fuzzy);
}

/** One word of a term node, over every document. */
function expectedWord(
  index: ReadonlyMap<number, readonly string[]>,
  query: Extract<BackendQuery, { kind: "term" }>,
  word: string,
): Map<number, Expected> {
  const out = new Map<number, Expected>();
  const matches = termMatches(query, word);
  for (const [ordinal, docTerms] of index) {
    const matched = docTerms.filter(matches);
    if (matched.length > 0)
      out.set(ordinal, { terms: new Set(matched), queryTerms: new Set([word]) });
  }
  return out;
}

function merged(parts: Expected[]): Expected {
  return {
    terms: new Set(parts.flatMap((part) => [...part.terms])),
    queryTerms: new Set(parts.flatMap((part) => [...part.queryTerms])),
  };
}

/** Documents in every one of the results (and: of them all; a term of several words). */
function intersection(results: Map<number, Expected>[]): Map<number, Expected> {
  const [first, ...rest] = results;
  const out = new Map<number, Expected>();
  if (!first) return out;
  for (const ordinal of first.keys()) {
    if (rest.every((result) => result.has(ordinal)))
      out.set(ordinal, merged(results.map((result) => result.get(ordinal)!)));
  }
  return out;
}

function union(results: Map<number, Expected>[]): Map<number, Expected> {
  const out = new Map<number, Expected>();
  for (const result of results) {
    for (const [ordinal, hit] of result) {
      const seen = out.get(ordinal);
      out.set(ordinal, seen ? merged([seen, hit]) : hit);
    }
  }
  return out;
}

/** The hits the contract gives a query: the documents and, for each, what it matched. */
function expectedHits(
  index: ReadonlyMap<number, readonly string[]>,
  query: BackendQuery,
): Map<number, Expected> {
  switch (query.kind) {
    case "term":
      return intersection(terms(query.term).map((word) => expectedWord(index, query, word)));
    case "and":
      return intersection(query.queries.map((q) => expectedHits(index, q)));
    case "or":
      return union(query.queries.map((q) => expectedHits(index, q)));
    case "and_not": {
      const excluded = union(query.exclude.map((q) => expectedHits(index, q)));
      const include = expectedHits(index, query.include);
      return new Map([...include].filter(([ordinal]) => !excluded.has(ordinal)));
    }
    case "phrase":
    case "near":
      // Their contract is read on texts, for backends with positions: test/search/positions.test.ts.
      throw new Error(`common cases: no ${query.kind} nodes here`);
    default:
      return query satisfies never;
  }
}

function sorted<T>(values: Iterable<T>): T[] {
  return [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Expects the backend's hits to be exactly the contract's, with positive scores. */
function expectContract(
  hits: BackendHit[],
  index: ReadonlyMap<number, readonly string[]>,
  query: BackendQuery,
  filter: OrdinalFilter,
): void {
  const want = expectedHits(index, query);
  const ordinals = hits.map((hit) => hit.ordinal);
  expect(new Set(ordinals).size, "one hit per document").toBe(ordinals.length);
  expect(sorted(ordinals)).toEqual(sorted([...want.keys()].filter((o) => !filter || filter(o))));
  for (const hit of hits) {
    const expected = want.get(hit.ordinal)!;
    expect(sorted(hit.terms)).toEqual(sorted(expected.terms));
    expect(sorted(hit.queryTerms)).toEqual(sorted(expected.queryTerms));
    expect(hit.score).toBeGreaterThan(0);
    expect(Number.isFinite(hit.score)).toBe(true);
  }
}

/** A term node. */
export function term(t: string, prefix = false, fuzzy = 0): BackendQuery {
  return { kind: "term", term: t, prefix, fuzzy };
}

/** Documents with ordinals `gap + 1` apart (ordinals need not be dense). */
function documentsOf(texts: readonly string[], gap = 1): BackendDocument[] {
  return texts.map((text, i) => ({ ordinal: i * (gap + 1), text }));
}

function termIndex(documents: readonly BackendDocument[]): Map<number, string[]> {
  return new Map(documents.map((document) => [document.ordinal, terms(document.text)]));
}

/** A pace that asks for a pause at every checkpoint. */
const ALWAYS_PAUSE: Pace = { due: () => true };

/** search's hits sorted in `order` (relevance: score descending, ties by ordinal), weighted. */
function ranked(hits: BackendHit[], order: SortOrder, weight?: ScoreWeight): BackendHit[] {
  const weighed = hits.map((hit) => ({
    ...hit,
    score: weight ? hit.score * weight(hit.ordinal) : hit.score,
  }));
  return weighed.sort((a, b) =>
    order === "chronological" ? a.ordinal - b.ordinal : b.score - a.score || a.ordinal - b.ordinal,
  );
}

/** Runs the contract of a SearchBackend over the backend `factory` builds and loads. */
export function runBackendCases(factory: BackendFactory): void {
  const open = (documents: readonly BackendDocument[]): SearchBackend =>
    factory.load(factory.build(documents));

  describe(`the ${factory.name} backend keeps the SearchBackend contract`, () => {
    const documents = documentsOf([
      "Alpha beta, the gamma.",
      "alps also",
      "",
      "better bet état",
      "ÉTAT alpha alpha",
    ]);
    const backend = open(documents);

    test("a term finds the documents holding it, case and accents folded", () => {
      const hits = backend.search(term("ETAT"));
      expect(sorted(hits.map((hit) => hit.ordinal))).toEqual([6, 8]);
      for (const hit of hits) expect(hit).toMatchObject({ terms: ["etat"], queryTerms: ["etat"] });
    });

    test("a prefix and a fuzzy word find their neighbours, and say which terms matched", () => {
      const found = (query: BackendQuery): number[] => {
        const hits = backend.search(query);
        expectContract(hits, termIndex(documents), query, undefined);
        return sorted(hits.map((hit) => hit.ordinal));
      };
      expect(found(term("al", true))).toEqual([0, 2, 8]);
      expect(found(term("betta", false, 1))).toEqual([0]);
      expect(found(term("zzz", true, 2))).toEqual([]);
    });

    test("the filter drops documents before they are returned", () => {
      const seen: number[] = [];
      const hits = backend.search(term("alpha"), (ordinal) => {
        seen.push(ordinal);
        return ordinal !== 0;
      });
      expect(hits.map((hit) => hit.ordinal)).toEqual([8]);
      expect(seen).toContain(0);
    });

    test("build is deterministic; a loaded index refuses what is not one", () => {
      expect(factory.build(documents)).toBe(factory.build([...documents]));
      expect(() => factory.load("{")).toThrow();
      expect(() => factory.load("[]")).toThrow();
    });

    test("any corpus and query: the contract's documents, terms and query terms (property)", () => {
      fc.assert(
        fc.property(
          corpusTexts(25, 10),
          fc.integer({ min: 0, max: 2 }),
          fc.array(fc.tuple(backendQuery, ordinalFilterSpec), { minLength: 1, maxLength: 4 }),
          (texts, gap, queries) => {
            const docs = documentsOf(texts, gap);
            const index = termIndex(docs);
            const loaded = open(docs);
            for (const [query, spec] of queries) {
              const filter = ordinalFilter(spec);
              expectContract(loaded.search(query, filter), index, query, filter);
            }
          },
        ),
        { numRuns: 150 },
      );
    });

    test("searchSteps, where the backend has it, gives search's hits while pausing", () => {
      fc.assert(
        fc.property(corpusTexts(40, 8), backendQuery, ordinalFilterSpec, (texts, query, spec) => {
          const loaded = open(documentsOf(texts));
          if (!loaded.searchSteps) return;
          const filter = ordinalFilter(spec);
          const steps = runToEnd(loaded.searchSteps(query, filter, ALWAYS_PAUSE));
          expect(steps).toEqual(loaded.search(query, filter));
        }),
        { numRuns: 60 },
      );
    });

    test("searchTop, where the backend has it, is search sorted and cut (null: not for this query)", () => {
      fc.assert(
        fc.property(
          corpusTexts(120, 8),
          oneWordQuery,
          ordinalFilterSpec,
          fc.integer({ min: 1, max: 30 }),
          fc.constantFrom<SortOrder>("relevance", "chronological"),
          fc.boolean(),
          (texts, query, spec, count, order, weighted) => {
            const loaded = open(documentsOf(texts));
            if (!loaded.searchTop) return;
            const filter = ordinalFilter(spec);
            const weight: ScoreWeight | undefined = weighted
              ? (ordinal) => (ordinal % 3 === 0 ? 0.5 : 1)
              : undefined;
            const top = loaded.searchTop(query, filter, count, order, weight);
            if (top === null) return;
            const all = ranked(loaded.search(query, filter), order, weight);
            expect(top.total).toBe(all.length);
            expect(top.hits.map((hit) => hit.ordinal)).toEqual(
              all.slice(0, count).map((hit) => hit.ordinal),
            );
          },
        ),
        { numRuns: 100 },
      );
    });
  });
}
