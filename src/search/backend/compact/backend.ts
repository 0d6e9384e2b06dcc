/**
 * The compact backend, the default: the same documents, terms and BM25+ ranking as the MiniSearch
 * backend (../minisearch/backend.ts, ../ranking.ts), in a serialised form that loads without
 * building an object graph (./format.ts) and answers from a sorted dictionary and lazily decoded
 * postings (./evaluate.ts).
 *
 * Why it exists: MiniSearch rebuilds its index as objects per term and per posting when it
 * loads. At scale 1 (30,000 utterances; `npm run bench`, README "Performance",
 * docs/performance.md) stock MiniSearch takes 1,360 ms from bytes to ready and peaks at 280 MB
 * of heap: it runs out of memory in a 128 MB Worker isolate. This index loaded with one JSON.parse
 * of a few long strings: 152 ms (0.11x) and a 54.5 MB peak heap (0.19x) in the same run; since
 * format 4 it reads a header and decodes each section when a query first reads it (./format.ts;
 * with the store, 31 ms from bytes to the first answer, docs/performance.md). Its block-max top-k
 * (./top-k.ts) took term p99 from 12.8 to 4.66 ms.
 *
 * Differences from MiniSearch, all documented:
 * - a fuzzy distance is an edit distance (a fraction below 1 is not read as a share of the term
 *   length as MiniSearch would); terms longer than 254 characters never match fuzzily;
 * - hits come in ascending ordinal order, not sorted by score (the search core sorts them),
 *   but `searchTop` gives the first hits of a one-word query sorted, without scoring every
 *   posting (block-max evaluation, ./top-k.ts), and of a query with phrases or proximity
 *   without making a hit of every match;
 * - it keeps word positions (`positions`) and pairs of common words (./pairs.ts): phrases and
 *   proximity are answered from them (./positions.ts), no text read, where the MiniSearch
 *   backend's candidates are checked on their texts;
 * - a query may have at most MAX_QUERY_LEAVES positive terms (the query language allows 10);
 * - scores of prefix and fuzzy matches are sums over the matched terms in dictionary order, so
 *   they may differ from MiniSearch's in the last bits.
 *
 * Runtime-free.
 */
import type { AssetContent } from "../../asset-content";
import type { BackendFactory, BackendQuery, ScoreWeight, SearchBackend } from "../interface";
import { buildCompactIndex } from "./build";
import { BM25, MATCH_WEIGHTS } from "../ranking";
import { QueryEvaluator } from "./evaluate";
import { COMPACT_FORMAT, COMPACT_FORMAT_VERSION } from "./format";
import { CompactIndexData } from "./index-data";
import { TopKSearch } from "./top-k";

/** Loads a serialised compact index as a SearchBackend. */
export function loadCompactIndex(serialised: AssetContent): SearchBackend {
  const data = CompactIndexData.parse(serialised);
  const evaluator = new QueryEvaluator(data);
  const top = new TopKSearch(data, () => evaluator.scratchSpace());
  return {
    positions: true,
    search: (query, filter) => evaluator.search(query, filter),
    searchSteps: (query, filter, pace) => evaluator.searchSteps(query, filter, pace),
    searchTop: (query, filter, count, order, weight = UNWEIGHTED) =>
      top.search(query, filter, count, order, weight) ??
      (answeredWhole(query) ? evaluator.top(query, filter, count, order, weight) : null),
  };
}

const UNWEIGHTED: ScoreWeight = () => 1;

/**
 * True for a query the evaluator's top (./evaluate.ts) takes: one with a phrase or near node and
 * no prefix or fuzzy word (whose expansions may be long enough to want pauses).
 */
export function answeredWhole(query: BackendQuery): boolean {
  let positional = false;
  const visit = (node: BackendQuery): boolean => {
    switch (node.kind) {
      case "term":
        return !node.prefix && node.fuzzy === 0;
      case "and":
      case "or":
        return node.queries.every(visit);
      case "and_not":
        return visit(node.include) && node.exclude.every(visit);
      case "phrase":
      case "near":
        positional = true;
        return true;
      default:
        return node satisfies never;
    }
  };
  return visit(query) && positional;
}

/** Builds and loads compact indexes. */
export const compactBackend: BackendFactory = {
  name: "compact",
  options: {
    format: COMPACT_FORMAT,
    version: COMPACT_FORMAT_VERSION,
    fields: ["text"],
    fieldLength: "distinct-raw-tokens",
    bm25: BM25,
    weights: MATCH_WEIGHTS,
  },
  build: (documents) => buildCompactIndex(documents),
  load: (serialised) => loadCompactIndex(serialised),
};
