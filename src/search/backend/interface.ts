/**
 * The seam between the search core and the full-text index. Everything that knows about a
 * particular index lives behind this interface, one folder per implementation beside it
 * (./minisearch/, ./compact/), registered in ./registry.ts, so another backend can replace one
 * without touching the query language, filters or results. Every backend passes the same cases
 * (test/search/backend/common.case.ts).
 *
 * Runtime-free.
 */
import type { AssetContent } from "../asset-content";
import type { Pace, Steps } from "../pace";
import type { SortOrder } from "../types";

/**
 * A full-text query over index terms (already tokenized and normalised by src/search/text.ts).
 * - term: one index term; `prefix` also matches longer terms; `fuzzy` is a maximum edit distance.
 * - and / or: all / any of the sub-queries.
 * - and_not: `include` minus every document matching any of `exclude`.
 * - phrase: the terms at consecutive word positions, each spelt as typed and only white space
 *   between them (src/search/positions.ts): an exact phrase, for a backend with `positions`.
 * - near: the terms within `slop` (src/search/proximity.ts, Lucene's convention), for a backend
 *   with `positions`.
 * A phrase or near node matches the documents of the AND of its terms that it holds in and scores
 * them as that AND does, so a backend with positions gives what a text check of the AND would.
 */
export type BackendQuery =
  | { kind: "term"; term: string; prefix: boolean; fuzzy: number }
  | { kind: "and"; queries: BackendQuery[] }
  | { kind: "or"; queries: BackendQuery[] }
  | { kind: "and_not"; include: BackendQuery; exclude: BackendQuery[] }
  | { kind: "phrase"; terms: string[] }
  | { kind: "near"; terms: string[]; slop: number };

/** One matching document. Its arrays are read-only: a backend may share them between hits. */
export interface BackendHit {
  /** The utterance ordinal (the document id given at build time). */
  ordinal: number;
  /** Relevance; higher is better. Only comparable within one search. */
  score: number;
  /** Index terms of the document that matched (after prefix/fuzzy expansion). */
  terms: string[];
  /** Query terms (as given in BackendQuery term nodes) that matched. */
  queryTerms: string[];
  /**
   * For a query that is one phrase node: how many times the document says the phrase, counted
   * as findPhrase counts (not overlapping). Absent when the backend does not know.
   */
  occurrences?: number;
}

/** The first hits of a query in some order, and how many hits it has in all. */
export interface TopHits {
  total: number;
  hits: BackendHit[];
}

/**
 * A factor each document's score is multiplied by before ranking (the search layer's ranking of
 * substance, src/search/substance.ts). At most 1, so a backend's score bounds stay bounds.
 */
export type ScoreWeight = (ordinal: number) => number;

/** A loaded index. */
export interface SearchBackend {
  /**
   * True when the index keeps word positions and answers `phrase` and `near` nodes; without it
   * the search core sends their terms as an AND and checks each candidate's text.
   */
  readonly positions?: boolean;
  /** Runs a query; `filter` (called with ordinals) drops documents before they are returned. */
  search(query: BackendQuery, filter?: (ordinal: number) => boolean): BackendHit[];
  /**
   * The same as pausable steps (see ../pace.ts), for backends whose long queries can pause;
   * without it, `search` runs straight through.
   */
  searchSteps?(
    query: BackendQuery,
    filter: ((ordinal: number) => boolean) | undefined,
    pace: Pace,
  ): Steps<BackendHit[]>;
  /**
   * The first `count` hits in `order` (relevance: score descending, ties by ordinal ascending;
   * chronological: ordinal ascending) and the number of all hits: exactly what sorting
   * `search(query, filter)` and cutting it would give, for backends that can find them without
   * scoring every document. Null when it cannot for this query: the caller then uses `search`.
   * With `weight`, every score is `score * weight(ordinal)`, exactly as the caller would weigh
   * the hits of `search`.
   */
  searchTop?(
    query: BackendQuery,
    filter: ((ordinal: number) => boolean) | undefined,
    count: number,
    order: SortOrder,
    weight?: ScoreWeight,
  ): TopHits | null;
}

/** A document given to a backend's build: the ordinal is its id. */
export interface BackendDocument {
  ordinal: number;
  text: string;
}

/** How to build and load one kind of index. */
export interface BackendFactory {
  /** Name recorded in the asset manifest. */
  readonly name: string;
  /** Options that shape the serialised index; hashed into the manifest's optionsHash. */
  readonly options: unknown;
  /** Builds the serialised index for the documents. */
  build(documents: Iterable<BackendDocument>): string;
  /** Loads a serialised index, as text or as its bytes (../asset-content.ts). Throws when it cannot. */
  load(serialised: AssetContent): SearchBackend;
}
