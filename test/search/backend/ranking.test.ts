/**
 * The shared ranking constants (src/search/backend/ranking.ts) are MiniSearch's defaults.
 * MiniSearch keeps its default search options internal (getDefault has none to give), so they
 * are read by their effect: a stock MiniSearch and one given our constants score every query
 * alike, and changing any one constant changes the scores (so each one is checked).
 */
import MiniSearch, { type SearchOptions } from "minisearch";
import { describe, expect, test } from "vitest";
import { BM25, MATCH_WEIGHTS } from "../../../src/search/backend/ranking";

/** Documents of different lengths and term frequencies, so k, b and d all matter. */
const DOCUMENTS = [
  "internet governance internet",
  "the governance of the internet and of telecommunications",
  "telecommunication regulations telecommunication regulations telecommunication",
  "internal rules",
  "governments govern governance in governing bodies of many member states",
  "security",
].map((text, id) => ({ id, text }));

const QUERIES: Array<[string, SearchOptions]> = [
  ["internet", {}],
  ["governance internet", {}],
  ["inter", { prefix: true }],
  ["govern", { prefix: true }],
  ["telecommunications", { fuzzy: 2 }],
  ["regulation", { fuzzy: 1, prefix: true }],
];

function scores(searchOptions?: SearchOptions): number[][] {
  const index = new MiniSearch({ fields: ["text"], searchOptions });
  index.addAll(DOCUMENTS);
  return QUERIES.map(([q, options]) => index.search(q, options).map((result) => result.score));
}

const ours = (changes: Partial<SearchOptions> = {}): SearchOptions => ({
  weights: { ...MATCH_WEIGHTS },
  bm25: { ...BM25 },
  ...changes,
});

describe("ranking constants", () => {
  test("MiniSearch has no default search options to read", () => {
    expect(MiniSearch.getDefault("searchOptions")).toBeUndefined();
  });

  test("a stock MiniSearch scores every query as our constants do", () => {
    const stock = scores();
    expect(stock.every((list) => list.length > 0)).toBe(true);
    expect(scores(ours())).toEqual(stock);
  });

  test.each([
    ["k", ours({ bm25: { ...BM25, k: BM25.k * 1.1 } })],
    ["b", ours({ bm25: { ...BM25, b: BM25.b * 1.1 } })],
    ["d", ours({ bm25: { ...BM25, d: BM25.d * 1.1 } })],
    ["prefix weight", ours({ weights: { ...MATCH_WEIGHTS, prefix: MATCH_WEIGHTS.prefix * 1.1 } })],
    ["fuzzy weight", ours({ weights: { ...MATCH_WEIGHTS, fuzzy: MATCH_WEIGHTS.fuzzy * 1.1 } })],
  ])("a different %s would be caught", (_name, changed) => {
    expect(scores(changed)).not.toEqual(scores());
  });
});
