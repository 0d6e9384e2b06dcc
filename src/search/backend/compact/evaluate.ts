/**
 * Runs a BackendQuery over a compact index with MiniSearch's semantics and scores:
 * - a term is re-tokenized and normalised as MiniSearch does with a query string (several words
 *   become an AND of them, none matches nothing);
 * - a term's documents: the exact term (weight 1), with `prefix` the longer terms starting with
 *   it (weight PREFIX * len / (len + 0.3 * extra)), with `fuzzy` the terms within that edit
 *   distance (weight FUZZY * len / (len + distance)), the prefix ones not counted twice;
 * - AND intersects and adds scores, OR unites and adds, AND_NOT subtracts;
 * - a phrase or near node is the AND of its terms narrowed by their word positions
 *   (./positions.ts);
 * - the final score is multiplied by the number of distinct query terms the document matched
 *   (MiniSearch's "quality"); the filter is applied last.
 * Result sets are sorted ordinal arrays with scores and a bit mask of the matched leaves, so the
 * combinations are linear merges.
 *
 * Runtime-free.
 */
import type { BackendHit, BackendQuery, ScoreWeight, TopHits } from "../interface";
import type { SortOrder } from "../../types";
import { type Pace, type Steps, NEVER_PAUSE, checkpoint, runToEnd } from "../../pace";
import { normaliseTerm, tokenize } from "../../text";
import { MATCH_WEIGHTS } from "../ranking";
import type { TermDictionary } from "./dictionary";
import type { CompactIndexData } from "./index-data";
import { type NodeTerm, type PositionTest, positionalSet } from "./positions";
import { TopList } from "./top-list";

/** Most positive query terms one query may have (one bit each in a 32-bit mask). */
export const MAX_QUERY_LEAVES = 31;

/** A set of matching documents: ordinals ascending, scores, and the leaves each matched. */
interface ResultSet {
  size: number;
  ordinals: Int32Array;
  scores: Float64Array;
  masks: Int32Array;
  /** A phrase node's set (alone, or as the only child of and/or): times each document says it. */
  counts?: Int32Array;
}

/** A positive query term (leaf) and what it matched, for the hits' terms and queryTerms. */
interface Leaf {
  /** The query term (after normalisation): a hit's queryTerms entry. */
  source: string;
  /** Bit of `source` among the distinct query terms. */
  sourceBit: number;
  /** Term ids matched; when only one, every document of the leaf matched that term. */
  termIds: number[];
  /** With several terms: ordinals (ascending) and, per ordinal, the range of `docTerms`. */
  ordinals?: Int32Array;
  docTermStarts?: Int32Array;
  docTerms?: Int32Array;
}

const EMPTY: ResultSet = {
  size: 0,
  ordinals: new Int32Array(0),
  scores: new Float64Array(0),
  masks: new Int32Array(0),
};

/** Scratch space for merging the documents of several terms (one per index). */
class Scratch {
  readonly scores: Float64Array;
  /** Slot + 1 of each ordinal in the current merge, 0 when untouched. */
  readonly slots: Int32Array;
  constructor(size: number) {
    this.scores = new Float64Array(size);
    this.slots = new Int32Array(size);
  }
}

export class QueryEvaluator {
  private scratch: Scratch | undefined;

  constructor(private readonly index: CompactIndexData) {}

  /**
   * Runs a query; hits in ascending ordinal order. Hits that matched the same query terms share
   * their (frozen) `queryTerms` array, and their `terms` too unless a prefix or fuzzy word is
   * among them (those hits work out their terms when first read).
   */
  search(query: BackendQuery, filter?: (ordinal: number) => boolean): BackendHit[] {
    return runToEnd(this.searchSteps(query, filter, NEVER_PAUSE));
  }

  /** search as pausable steps: pauses between the query's terms and while listing hits. */
  *searchSteps(
    query: BackendQuery,
    filter: ((ordinal: number) => boolean) | undefined,
    pace: Pace,
  ): Steps<BackendHit[]> {
    const run = new QueryRun(this, pace);
    const result = yield* run.evaluate(query, true);
    return yield* run.hits(result, filter);
  }

  /**
   * The first `count` hits in `order` and the total, as SearchBackend.searchTop gives them, found
   * by evaluating the whole query but making hits of those `count` only: for the queries block-max
   * search (./top-k.ts) does not take whose cost is in the hits, not the evaluation (phrase and
   * near nodes, whose positions leave few postings to score but may leave thousands of hits).
   * Runs straight through (no pauses): for queries without prefix or fuzzy words.
   */
  top(
    query: BackendQuery,
    filter: ((ordinal: number) => boolean) | undefined,
    count: number,
    order: SortOrder,
    weight: ScoreWeight,
  ): TopHits {
    const run = new QueryRun(this, NEVER_PAUSE);
    const result = runToEnd(run.evaluate(query, true));
    const best = new TopList(count);
    let total = 0;
    let mask = -1;
    let quality = 1;
    for (let i = 0; i < result.size; i++) {
      const ordinal = result.ordinals[i]!;
      if (filter && !filter(ordinal)) continue;
      total++;
      if (order === "chronological") {
        if (!best.full) best.offer(ordinal, -i); // in ordinal order
        continue;
      }
      if (result.masks[i] !== mask) {
        mask = result.masks[i]!;
        quality = run.quality(mask);
      }
      const score = result.scores[i]! * quality * weight(ordinal);
      if (score >= best.threshold) best.offer(ordinal, score);
    }
    const hits = best.ordinals.map((ordinal) => {
      const i = indexOf(result, ordinal);
      const hit = run.hit(result, i);
      const score = hit.score * weight(ordinal);
      return hit instanceof LazyTermsHit ? hit.weighted(score) : { ...hit, score };
    });
    return { total, hits };
  }

  /** @internal */
  get data(): CompactIndexData {
    return this.index;
  }

  /** @internal */
  scratchSpace(): Scratch {
    this.scratch ??= new Scratch(this.index.ordinals);
    return this.scratch;
  }
}

/** A term of the index a query term matched, and the weight of that match. */
export interface WeightedTerm {
  id: number;
  weight: number;
}

/**
 * The index terms one query term matches, with their weights, in the order their scores are
 * added up: the exact term (weight 1), then with `prefix` the longer terms starting with it, then
 * with `fuzzy` the terms within that edit distance not already counted.
 */
export function weightedTerms(
  dictionary: TermDictionary,
  term: string,
  prefix: boolean,
  fuzzy: number,
): WeightedTerm[] {
  const weighted: WeightedTerm[] = [];
  const exact = dictionary.find(term);
  if (exact >= 0) weighted.push({ id: exact, weight: 1 });
  const seen = new Set<number>();
  if (prefix) {
    const [from, to] = dictionary.prefixRange(term);
    for (let id = from; id < to; id++) {
      const length = dictionary.termLength(id);
      const extra = length - term.length;
      seen.add(id);
      if (extra === 0) continue;
      weighted.push({ id, weight: (MATCH_WEIGHTS.prefix * length) / (length + 0.3 * extra) });
    }
  }
  if (fuzzy > 0) {
    for (const { id, distance } of dictionary.fuzzy(term, fuzzy)) {
      if (distance === 0 || seen.has(id)) continue;
      const length = dictionary.termLength(id);
      weighted.push({ id, weight: (MATCH_WEIGHTS.fuzzy * length) / (length + distance) });
    }
  }
  return weighted;
}

/** Splits a query term as MiniSearch splits a query string. */
export function queryTerms(term: string): string[] {
  return tokenize(term)
    .map(normaliseTerm)
    .filter((t) => t.length > 0);
}

class QueryRun {
  private readonly leaves: Leaf[] = [];
  private readonly sourceBits = new Map<string, number>();

  constructor(
    private readonly evaluator: QueryEvaluator,
    private readonly pace: Pace,
  ) {}

  /** The documents of a query; may pause before each term and each combination. */
  *evaluate(query: BackendQuery, positive: boolean): Steps<ResultSet> {
    switch (query.kind) {
      case "term": {
        const parts = queryTerms(query.term);
        if (parts.length === 0) return EMPTY;
        const fuzzy = Math.floor(query.fuzzy);
        if (this.pace.due()) yield;
        let result = this.leaf(parts[0] ?? "", query.prefix, fuzzy, positive);
        for (const part of parts.slice(1)) {
          if (this.pace.due()) yield;
          result = and(result, this.leaf(part, query.prefix, fuzzy, positive));
        }
        return result;
      }
      case "and": {
        if (query.queries.length === 0) return EMPTY;
        let result: ResultSet | undefined;
        for (const sub of query.queries) {
          if (result !== undefined && result.size === 0) break;
          const next = yield* this.evaluate(sub, positive);
          if (this.pace.due()) yield;
          result = result === undefined ? next : and(result, next);
        }
        return result ?? EMPTY;
      }
      case "or": {
        let result = EMPTY;
        for (const sub of query.queries) {
          const next = yield* this.evaluate(sub, positive);
          if (this.pace.due()) yield;
          result = or(result, next);
        }
        return result;
      }
      case "and_not": {
        let result = yield* this.evaluate(query.include, positive);
        for (const sub of query.exclude) {
          if (result.size === 0) break;
          const excluded = yield* this.evaluate(sub, false);
          if (this.pace.due()) yield;
          result = andNot(result, excluded);
        }
        return result;
      }
      case "phrase":
      case "near": {
        if (this.pace.due()) yield;
        return this.positional(query, positive);
      }
      default:
        return query satisfies never;
    }
  }

  /** The documents of one query term, scored; registers the leaf when positive. */
  private leaf(term: string, prefix: boolean, fuzzy: number, positive: boolean): ResultSet {
    const index = this.evaluator.data;
    const weighted = weightedTerms(index.dictionary, term, prefix, fuzzy);
    const { bit, leaf } = this.register(term, weighted, positive);
    if (weighted.length === 0) return EMPTY;
    if (weighted.length === 1) {
      const only = weighted[0]!;
      const { ordinals, scores } = index.scoredPostings(only.id, only.weight);
      return {
        size: ordinals.length,
        ordinals,
        scores,
        masks: new Int32Array(ordinals.length).fill(bit),
      };
    }
    return this.mergeTerms(weighted, bit, leaf);
  }

  /** Registers a positive query term as a leaf: its bit (0 when not positive) and record. */
  private register(
    term: string,
    weighted: readonly WeightedTerm[],
    positive: boolean,
  ): { bit: number; leaf: Leaf | undefined } {
    if (!positive) return { bit: 0, leaf: undefined };
    if (this.leaves.length >= MAX_QUERY_LEAVES)
      throw new Error(`compact index: a query may have at most ${MAX_QUERY_LEAVES} terms`);
    let sourceBit = this.sourceBits.get(term);
    if (sourceBit === undefined) {
      sourceBit = 1 << this.sourceBits.size;
      this.sourceBits.set(term, sourceBit);
    }
    const bit = 1 << this.leaves.length;
    const leaf: Leaf = { source: term, sourceBit, termIds: weighted.map((w) => w.id) };
    this.leaves.push(leaf);
    return { bit, leaf };
  }

  /**
   * The documents of a phrase or near node: its words as leaves (one exact term each, as the AND
   * of its words would register them), narrowed by positions (./positions.ts).
   */
  private positional(query: PositionTest, positive: boolean): ResultSet {
    const index = this.evaluator.data;
    const words: NodeTerm[] = [];
    let missing = false;
    for (const term of query.terms) {
      const parts = queryTerms(term);
      if (parts.length !== 1 || parts[0] !== term)
        throw new Error(`compact index: ${JSON.stringify(term)} is not one index term`);
      const weighted = weightedTerms(index.dictionary, term, false, 0);
      const { bit } = this.register(term, weighted, positive);
      const only = weighted[0];
      if (only) words.push({ term, id: only.id, bit });
      else missing = true;
    }
    if (missing || words.length === 0) return EMPTY;
    return positionalSet(index, words, query);
  }

  /** Adds up the documents of several terms of one leaf, keeping which terms each matched. */
  private mergeTerms(
    weighted: { id: number; weight: number }[],
    bit: number,
    leaf: Leaf | undefined,
  ): ResultSet {
    const index = this.evaluator.data;
    const { scores: sums, slots } = this.evaluator.scratchSpace();
    const lists = weighted.map(({ id, weight }) => index.scoredPostings(id, weight));
    let pairs = 0;
    let low = index.ordinals;
    let high = -1;
    for (const list of lists) {
      const count = list.ordinals.length;
      pairs += count;
      if (count > 0) {
        low = Math.min(low, list.ordinals[0]!);
        high = Math.max(high, list.ordinals[count - 1]!);
      }
    }
    // Sum the scores in the scratch space; `slots` counts the terms of each document.
    let size = 0;
    for (const list of lists) {
      const { ordinals, scores } = list;
      for (let i = 0; i < ordinals.length; i++) {
        const ordinal = ordinals[i]!;
        if (slots[ordinal] === 0) {
          size++;
          sums[ordinal] = scores[i]!;
        } else {
          sums[ordinal] = sums[ordinal]! + scores[i]!;
        }
        slots[ordinal] = slots[ordinal]! + 1;
      }
    }
    // Collect in ordinal order: a scan of the range when dense, a sort when sparse.
    const ordinals = new Int32Array(size);
    if (high - low + 1 <= pairs * 8) {
      let n = 0;
      for (let ordinal = low; ordinal <= high; ordinal++)
        if (slots[ordinal] !== 0) ordinals[n++] = ordinal;
    } else {
      let n = 0;
      for (const list of lists) {
        for (const ordinal of list.ordinals) {
          if (slots[ordinal]! > 0) {
            ordinals[n++] = ordinal;
            slots[ordinal] = -slots[ordinal]!; // collected once
          }
        }
      }
      for (let i = 0; i < size; i++) slots[ordinals[i]!] = -slots[ordinals[i]!]!;
      ordinals.sort();
    }
    const scores = new Float64Array(size);
    for (let i = 0; i < size; i++) scores[i] = sums[ordinals[i]!]!;
    if (leaf) {
      // Terms per document, by position in the sorted ordinals: starts from the counts, then fill.
      const starts = new Int32Array(size + 1);
      for (let i = 0; i < size; i++) {
        const ordinal = ordinals[i]!;
        starts[i + 1] = starts[i]! + slots[ordinal]!;
        slots[ordinal] = starts[i]!; // next free place of this document
      }
      const docTerms = new Int32Array(pairs);
      for (let n = 0; n < lists.length; n++) {
        const id = weighted[n]!.id;
        for (const ordinal of lists[n]!.ordinals) {
          docTerms[slots[ordinal]!] = id;
          slots[ordinal] = slots[ordinal]! + 1;
        }
      }
      leaf.ordinals = ordinals;
      leaf.docTermStarts = starts;
      leaf.docTerms = docTerms;
    }
    for (let i = 0; i < size; i++) slots[ordinals[i]!] = 0;
    return { size, ordinals, scores, masks: new Int32Array(size).fill(bit) };
  }

  /** Term names by id, for this query. */
  private readonly names = new Map<number, string>();
  /** Per leaf mask: quality, query terms, and the terms when no leaf of the mask has several. */
  private readonly byMask = new Map<number, MaskInfo>();

  private termName(id: number): string {
    let name = this.names.get(id);
    if (name === undefined) {
      name = this.evaluator.data.dictionary.term(id);
      this.names.set(id, name);
    }
    return name;
  }

  private describe(mask: number): MaskInfo {
    let cached = this.byMask.get(mask);
    if (cached) return cached;
    let sources = 0;
    const queryTerms: string[] = [];
    let terms: string[] | null = [];
    for (let n = 0; n < this.leaves.length; n++) {
      if ((mask & (1 << n)) === 0) continue;
      const leaf = this.leaves[n]!;
      if ((sources & leaf.sourceBit) === 0) {
        sources |= leaf.sourceBit;
        queryTerms.push(leaf.source);
      }
      if (leaf.termIds.length === 1 && terms) {
        const name = this.termName(leaf.termIds[0]!);
        if (!terms.includes(name)) terms.push(name);
      } else {
        terms = null;
      }
    }
    cached = {
      quality: queryTerms.length || 1,
      queryTerms: Object.freeze(queryTerms) as string[],
      terms: terms ? (Object.freeze(terms) as string[]) : null,
    };
    this.byMask.set(mask, cached);
    return cached;
  }

  /** Hits of a result set: filtered, scores multiplied by the number of query terms matched. */
  *hits(result: ResultSet, filter?: (ordinal: number) => boolean): Steps<BackendHit[]> {
    const hits: BackendHit[] = [];
    for (let i = 0; i < result.size; i++) {
      if (checkpoint(this.pace, i)) yield;
      if (filter && !filter(result.ordinals[i]!)) continue;
      hits.push(this.hit(result, i));
    }
    return hits;
  }

  /** The number of distinct query terms of a leaf mask (MiniSearch's "quality"). */
  quality(mask: number): number {
    return this.describe(mask).quality;
  }

  /** The hit of a result set's i-th document: its score multiplied by the quality. */
  hit(result: ResultSet, i: number): BackendHit {
    const ordinal = result.ordinals[i]!;
    const mask = result.masks[i]!;
    const info = this.describe(mask);
    const score = result.scores[i]! * info.quality;
    const hit: BackendHit = info.terms
      ? { ordinal, score, terms: info.terms, queryTerms: info.queryTerms }
      : new LazyTermsHit(ordinal, score, info.queryTerms, this, mask);
    if (result.counts) hit.occurrences = result.counts[i]!;
    return hit;
  }

  /** Position of `ordinal` in a several-term leaf's ordinals, or -1. */
  private locate(n: number, ordinal: number): number {
    const ordinals = this.leaves[n]!.ordinals;
    if (!ordinals) return -1;
    let lo = 0;
    let hi = ordinals.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ordinals[mid]! < ordinal) lo = mid + 1;
      else hi = mid;
    }
    return lo < ordinals.length && ordinals[lo] === ordinal ? lo : -1;
  }

  /** The terms a document matched, over the leaves in `mask` (for leaves with several terms). */
  documentTerms(ordinal: number, mask: number): string[] {
    const terms: string[] = [];
    for (let n = 0; n < this.leaves.length; n++) {
      if ((mask & (1 << n)) === 0) continue;
      const leaf = this.leaves[n]!;
      if (leaf.termIds.length === 1) {
        pushUnique(terms, this.termName(leaf.termIds[0]!));
        continue;
      }
      const at = this.locate(n, ordinal);
      const { docTermStarts, docTerms } = leaf;
      if (at < 0 || !docTermStarts || !docTerms) continue;
      for (let k = docTermStarts[at]!; k < docTermStarts[at + 1]!; k++)
        pushUnique(terms, this.termName(docTerms[k]!));
    }
    return terms;
  }
}

/**
 * A hit of a document that matched a prefix or fuzzy word: which of the word's terms it matched
 * is worked out when `terms` is first read (only the hits shown are highlighted, out of
 * thousands).
 */
class LazyTermsHit implements BackendHit {
  occurrences?: number;
  readonly #run: QueryRun;
  readonly #mask: number;
  #terms: string[] | undefined;

  constructor(
    readonly ordinal: number,
    readonly score: number,
    readonly queryTerms: string[],
    run: QueryRun,
    mask: number,
  ) {
    this.#run = run;
    this.#mask = mask;
  }

  get terms(): string[] {
    this.#terms ??= this.#run.documentTerms(this.ordinal, this.#mask);
    return this.#terms;
  }

  /** The same hit with another score (weighted). */
  weighted(score: number): LazyTermsHit {
    return new LazyTermsHit(this.ordinal, score, this.queryTerms, this.#run, this.#mask);
  }
}

interface MaskInfo {
  quality: number;
  queryTerms: string[];
  terms: string[] | null;
}

function pushUnique(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}

function and(a: ResultSet, b: ResultSet): ResultSet {
  const capacity = Math.min(a.size, b.size);
  const ordinals = new Int32Array(capacity);
  const scores = new Float64Array(capacity);
  const masks = new Int32Array(capacity);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.size && j < b.size) {
    const x = a.ordinals[i]!;
    const y = b.ordinals[j]!;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      ordinals[n] = x;
      scores[n] = a.scores[i]! + b.scores[j]!;
      masks[n] = a.masks[i]! | b.masks[j]!;
      n++;
      i++;
      j++;
    }
  }
  return { size: n, ordinals, scores, masks };
}

function or(a: ResultSet, b: ResultSet): ResultSet {
  if (a.size === 0) return b;
  if (b.size === 0) return a;
  const capacity = a.size + b.size;
  const ordinals = new Int32Array(capacity);
  const scores = new Float64Array(capacity);
  const masks = new Int32Array(capacity);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.size || j < b.size) {
    const x = i < a.size ? a.ordinals[i]! : Infinity;
    const y = j < b.size ? b.ordinals[j]! : Infinity;
    if (x < y) {
      ordinals[n] = x;
      scores[n] = a.scores[i]!;
      masks[n] = a.masks[i]!;
      i++;
    } else if (y < x) {
      ordinals[n] = y;
      scores[n] = b.scores[j]!;
      masks[n] = b.masks[j]!;
      j++;
    } else {
      ordinals[n] = x;
      scores[n] = a.scores[i]! + b.scores[j]!;
      masks[n] = a.masks[i]! | b.masks[j]!;
      i++;
      j++;
    }
    n++;
  }
  return { size: n, ordinals, scores, masks };
}

/** Where an ordinal of the set is (binary search over its ascending ordinals). */
function indexOf(set: ResultSet, ordinal: number): number {
  let lo = 0;
  let hi = set.size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (set.ordinals[mid]! < ordinal) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function andNot(a: ResultSet, b: ResultSet): ResultSet {
  if (b.size === 0) return a;
  const ordinals = new Int32Array(a.size);
  const scores = new Float64Array(a.size);
  const masks = new Int32Array(a.size);
  let j = 0;
  let n = 0;
  for (let i = 0; i < a.size; i++) {
    const x = a.ordinals[i]!;
    while (j < b.size && b.ordinals[j]! < x) j++;
    if (j < b.size && b.ordinals[j] === x) continue;
    ordinals[n] = x;
    scores[n] = a.scores[i]!;
    masks[n] = a.masks[i]!;
    n++;
  }
  return { size: n, ordinals, scores, masks };
}
