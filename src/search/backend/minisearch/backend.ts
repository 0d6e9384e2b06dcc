/**
 * The MiniSearch backend, the reference the compact backend is tested against (../compact/), and
 * the only module of src/ that imports MiniSearch. Documents are utterance ordinals with one
 * field, `text`; nothing is stored in the index (the text lives in the columnar store), and
 * filters are applied through MiniSearch's `filter` callback.
 *
 * Runtime-free.
 */
import { assetString } from "../../asset-content";
import MiniSearch, { type Options, type Query, type SearchOptions } from "minisearch";
import type {
  BackendDocument,
  BackendFactory,
  BackendHit,
  BackendQuery,
  SearchBackend,
} from "../interface";
import { normaliseTerm, tokenize } from "../../text";
import { BM25, MATCH_WEIGHTS } from "../ranking";

/** The MiniSearch options. Functions come from src/search/text.ts; their names are hashed. */
function miniSearchOptions(): Options<BackendDocument> {
  return {
    idField: "ordinal",
    fields: ["text"],
    storeFields: [],
    tokenize: (text) => tokenize(text),
    processTerm: (term) => normaliseTerm(term) || null,
    searchOptions: { weights: { ...MATCH_WEIGHTS }, bm25: { ...BM25 } },
  };
}

function toMiniSearchQuery(query: BackendQuery): Query {
  switch (query.kind) {
    case "term":
      return {
        queries: [query.term],
        prefix: query.prefix,
        fuzzy: query.fuzzy > 0 ? query.fuzzy : false,
        combineWith: "AND",
      };
    case "and":
    case "or":
      return {
        combineWith: query.kind === "and" ? "AND" : "OR",
        prefix: false,
        fuzzy: false,
        queries: query.queries.map(toMiniSearchQuery),
      };
    case "and_not":
      return {
        combineWith: "AND_NOT",
        prefix: false,
        fuzzy: false,
        queries: [toMiniSearchQuery(query.include), ...query.exclude.map(toMiniSearchQuery)],
      };
    case "phrase":
    case "near":
      // MiniSearch keeps no positions (the backend has no `positions`): the core never sends these.
      throw new Error(`minisearch backend: a ${query.kind} node needs word positions`);
    default:
      return query satisfies never;
  }
}

class MiniSearchBackend implements SearchBackend {
  constructor(private readonly index: MiniSearch<BackendDocument>) {}

  search(query: BackendQuery, filter?: (ordinal: number) => boolean): BackendHit[] {
    const options: SearchOptions = {};
    if (filter) options.filter = (result) => filter(result.id as number);
    return this.index.search(toMiniSearchQuery(query), options).map((result) => ({
      ordinal: result.id as number,
      score: result.score,
      terms: result.terms,
      queryTerms: result.queryTerms,
    }));
  }
}

/** Builds and loads MiniSearch indexes. */
export const miniSearchBackend: BackendFactory = {
  name: "minisearch",
  options: {
    library: "minisearch@7",
    idField: "ordinal",
    fields: ["text"],
    storeFields: [],
    weights: MATCH_WEIGHTS,
  },
  build(documents) {
    const index = new MiniSearch<BackendDocument>(miniSearchOptions());
    for (const document of documents) index.add(document);
    return JSON.stringify(index);
  },
  load(serialised) {
    return new MiniSearchBackend(
      MiniSearch.loadJSON<BackendDocument>(assetString(serialised), miniSearchOptions()),
    );
  },
};
