/**
 * The ranking both backends share: BM25+ and the weights of prefix and fuzzy matches. These are
 * MiniSearch's defaults, written down so the compact backend scores exactly as MiniSearch does
 * and both backends' options (hashed into the asset manifest) name them. MiniSearch keeps them
 * internal (`MiniSearch.getDefault("searchOptions")` is undefined), so
 * test/search/backend/ranking.test.ts checks them by their effect on a stock MiniSearch.
 *
 * Runtime-free.
 */

/** BM25+ parameters (k, b, d). */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** Relative weights of prefix and fuzzy matches. */
export const MATCH_WEIGHTS = { prefix: 0.375, fuzzy: 0.45 } as const;
