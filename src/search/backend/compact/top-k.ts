/**
 * The first hits of a query without scoring every posting: block-max evaluation (as in Lucene
 * and PISA) over the blocks of ./blocks.ts, for queries of one word (a term, or a prefix or fuzzy
 * word and the terms it expands to), with a filter, by relevance or chronologically. The answer
 * is exactly the exhaustive evaluator's (./evaluate.ts) sorted and cut: the same documents, the
 * same scores to the last bit (every score is computed with the same arithmetic, in the same
 * order), ties by ordinal, and the total of all matches.
 *
 * - One term, by relevance: blocks are visited best bound first; a block is decoded and scored
 *   only while its bound can still reach the k-th best score found, so most blocks of a frequent
 *   term are never decoded. The total is the term's document count, or with a filter the count of
 *   the postings that pass it (ordinals decoded, nothing scored).
 * - Several terms (a prefix or fuzzy word), by relevance: one pass over the ordinals adds up each
 *   document's block bounds (an upper bound of its score, in the order its score is added up, so
 *   floating-point rounding cannot make a score exceed it) and counts the matches; the k
 *   documents with the highest bounds are scored, the k-th of their scores is a threshold no
 *   result can be below, and only documents whose bound reaches it are scored.
 * - Chronologically: the first k matches by ordinal, scored.
 * Anything else (several words, exclusions) returns null: the caller evaluates exhaustively.
 *
 * Runtime-free.
 */
import type { BackendHit, BackendQuery, ScoreWeight, TopHits } from "../interface";
import type { SortOrder } from "../../types";
import { BLOCK_SIZE, type TermBlocks } from "./blocks";
import { bm25Saturation, type CompactIndexData } from "./index-data";
import { queryTerms, weightedTerms } from "./evaluate";
import { TopList } from "./top-list";

/** Scratch arrays of the evaluator, one slot per ordinal: zero on entry and on return. */
export interface TopScratch {
  scores: Float64Array;
  slots: Int32Array;
}

/** One word of a query: the only kind of query answered here. */
interface Word {
  term: string;
  prefix: boolean;
  fuzzy: number;
}

/** A term of the word with its blocks, idf, weight and the bound of every block. */
interface TermList {
  id: number;
  weight: number;
  idf: number;
  blocks: TermBlocks;
  bounds: Float64Array;
}

/** The word a query consists of (through and/or nodes of one child), or null. */
export function singleWord(query: BackendQuery): Word | null {
  let node = query;
  while ((node.kind === "and" || node.kind === "or") && node.queries.length === 1)
    node = node.queries[0]!;
  if (node.kind !== "term") return null;
  const parts = queryTerms(node.term);
  if (parts.length !== 1) return null;
  return { term: parts[0]!, prefix: node.prefix, fuzzy: Math.floor(node.fuzzy) };
}

/** Appends an entry to a list kept in the order given. */
function keep(list: TopList, ordinal: number, score: number): void {
  list.ordinals.push(ordinal);
  list.scores.push(score);
}

/** No weighting: every score as the index gives it. */
const UNWEIGHTED: ScoreWeight = () => 1;

/** Evaluates one-word queries for their first hits over one index. */
export class TopKSearch {
  private readonly ordinals = new Int32Array(BLOCK_SIZE);
  private readonly frequencies = new Int32Array(BLOCK_SIZE);

  constructor(
    private readonly index: CompactIndexData,
    private readonly scratch: () => TopScratch,
  ) {}

  /** The first `count` hits in `order` and the total, or null for a query of another shape. */
  search(
    query: BackendQuery,
    filter: ((ordinal: number) => boolean) | undefined,
    count: number,
    order: SortOrder,
    weight: ScoreWeight = UNWEIGHTED,
  ): TopHits | null {
    const word = singleWord(query);
    if (word === null) return null;
    const index = this.index;
    const weighted = weightedTerms(index.dictionary, word.term, word.prefix, word.fuzzy);
    if (weighted.length === 0) return { total: 0, hits: [] };
    const lists = weighted.map(({ id, weight }) => this.termList(id, weight));
    const queryTerms = Object.freeze([word.term]) as string[];
    if (lists.length === 1) {
      const list = lists[0]!;
      const top =
        order === "relevance"
          ? this.bestOfOne(list, filter, count, weight)
          : this.firstOfOne(list, filter, count, weight);
      const terms = Object.freeze([index.dictionary.term(list.id)]) as string[];
      return {
        total: top.total,
        hits: top.list.ordinals.map((ordinal, i) => ({
          ordinal,
          score: top.list.scores[i]!,
          terms,
          queryTerms,
        })),
      };
    }
    return this.searchSeveral(lists, filter, count, order, queryTerms, weight);
  }

  private termList(id: number, weight: number): TermList {
    const index = this.index;
    const blocks = index.blocks(id);
    const idf = index.inverseDocumentFrequency(id, index.postingCount(id));
    const bounds = new Float64Array(blocks.count);
    for (let b = 0; b < blocks.count; b++) {
      const best = blocks.bestOrdinal[b]!;
      bounds[b] = this.score(weight, idf, blocks.bestFrequency[b]!, best);
    }
    return { id, weight, idf, blocks, bounds };
  }

  /** A posting's score, as ./index-data.ts scoredPostings computes it. */
  private score(weight: number, idf: number, frequency: number, ordinal: number): number {
    const index = this.index;
    return (
      weight * (idf * bm25Saturation(frequency, index.lengths[ordinal] ?? 0, index.averageLength))
    );
  }

  /** Postings of a term that pass the filter (all of them without one). */
  private countPassing(list: TermList, filter: ((ordinal: number) => boolean) | undefined): number {
    const { blocks } = list;
    if (!filter) return this.index.postingCount(list.id);
    let total = 0;
    for (let b = 0; b < blocks.count; b++) {
      const n = this.index.decodeBlock(blocks, b, this.ordinals, null);
      for (let i = 0; i < n; i++) if (filter(this.ordinals[i]!)) total++;
    }
    return total;
  }

  /** One term by relevance: blocks best bound first, while a bound can reach the k-th score. */
  private bestOfOne(
    list: TermList,
    filter: ((ordinal: number) => boolean) | undefined,
    count: number,
    weight: ScoreWeight,
  ): { total: number; list: TopList } {
    const { blocks, bounds } = list;
    const order = Array.from({ length: blocks.count }, (_, b) => b).sort(
      (a, b) => bounds[b]! - bounds[a]! || a - b,
    );
    const top = new TopList(count);
    const { ordinals, frequencies } = this;
    for (const b of order) {
      // A block whose bound only equals the threshold can add a tie with a smaller ordinal
      // only. Blocks of equal bounds come in ordinal order, so once one starts after the last
      // kept ordinal, so do the rest: stop there too.
      const threshold = top.threshold;
      if (bounds[b]! < threshold) break;
      const first = b === 0 ? 0 : blocks.last[b - 1]! + 1;
      if (bounds[b] === threshold && first > top.thresholdOrdinal) break;
      const n = this.index.decodeBlock(blocks, b, ordinals, frequencies);
      for (let i = 0; i < n; i++) {
        const ordinal = ordinals[i]!;
        if (filter && !filter(ordinal)) continue;
        const score = this.score(list.weight, list.idf, frequencies[i]!, ordinal);
        top.offer(ordinal, score * weight(ordinal));
      }
    }
    return { total: this.countPassing(list, filter), list: top };
  }

  /** One term chronologically: the first `count` postings that pass the filter. */
  private firstOfOne(
    list: TermList,
    filter: ((ordinal: number) => boolean) | undefined,
    count: number,
    weight: ScoreWeight,
  ): { total: number; list: TopList } {
    const { blocks } = list;
    const top = new TopList(count);
    const { ordinals, frequencies } = this;
    const kept: number[] = [];
    const scores: number[] = [];
    for (let b = 0; b < blocks.count && kept.length < count; b++) {
      const n = this.index.decodeBlock(blocks, b, ordinals, frequencies);
      for (let i = 0; i < n && kept.length < count; i++) {
        const ordinal = ordinals[i]!;
        if (filter && !filter(ordinal)) continue;
        kept.push(ordinal);
        scores.push(this.score(list.weight, list.idf, frequencies[i]!, ordinal) * weight(ordinal));
      }
    }
    top.ordinals.push(...kept);
    top.scores.push(...scores);
    return { total: this.countPassing(list, filter), list: top };
  }

  /** Several terms: bounds and count in one pass, then only documents that can make the page are scored. */
  private searchSeveral(
    lists: TermList[],
    filter: ((ordinal: number) => boolean) | undefined,
    count: number,
    order: SortOrder,
    queryTerms: string[],
    weight: ScoreWeight,
  ): TopHits {
    const { scores: bound, slots } = this.scratch();
    let postings = 0;
    for (const list of lists) postings += this.index.postingCount(list.id);
    const touched = new Int32Array(postings);
    const candidates = new Int32Array(postings);
    let touchedCount = 0;
    let total = 0;
    const { ordinals } = this;
    try {
      for (const list of lists) {
        for (let b = 0; b < list.blocks.count; b++) {
          const value = list.bounds[b]!;
          const n = this.index.decodeBlock(list.blocks, b, ordinals, null);
          for (let i = 0; i < n; i++) {
            const ordinal = ordinals[i]!;
            const slot = slots[ordinal]!;
            if (slot === 0) {
              const passes = !filter || filter(ordinal);
              slots[ordinal] = passes ? 1 : -1;
              touched[touchedCount++] = ordinal;
              if (passes) {
                candidates[total++] = ordinal;
                bound[ordinal] = value;
              }
            } else if (slot === 1) {
              bound[ordinal] = bound[ordinal]! + value;
            }
          }
        }
      }
      const all = candidates.subarray(0, total);
      const chosen =
        order === "chronological"
          ? all.sort().subarray(0, count)
          : this.scoredCandidates(lists, all, bound, slots, count, weight);
      // By relevance the best `count`; chronologically all of `chosen`, which come in ordinal order.
      const top = new TopList(order === "relevance" ? count : Infinity);
      this.exactScores(lists, chosen, slots, (ordinal, score) => {
        const weighted = score * weight(ordinal);
        if (order === "relevance") top.offer(ordinal, weighted);
        else keep(top, ordinal, weighted);
      });
      const terms = this.matchedTerms(lists, top.ordinals);
      const hits: BackendHit[] = top.ordinals.map((ordinal, i) => ({
        ordinal,
        score: top.scores[i]!,
        terms: terms[i]!,
        queryTerms,
      }));
      return { total, hits };
    } finally {
      for (let i = 0; i < touchedCount; i++) slots[touched[i]!] = 0;
    }
  }

  /**
   * The candidates that can be among the best `count`: the `count` highest bounds are scored,
   * and the last of them by score is a threshold: a document whose bound does not rank better
   * cannot be a result.
   */
  private scoredCandidates(
    lists: TermList[],
    candidates: Int32Array,
    bound: Float64Array,
    slots: Int32Array,
    count: number,
    weight: ScoreWeight,
  ): Int32Array {
    if (candidates.length <= count) return candidates;
    const byBound = new TopList(count);
    for (const ordinal of candidates) byBound.offer(ordinal, bound[ordinal]!);
    const scored = new TopList(count);
    this.exactScores(lists, Int32Array.from(byBound.ordinals), slots, (ordinal, score) =>
      scored.offer(ordinal, score * weight(ordinal)),
    );
    // `scored` holds `count` real documents: every result ranks at least as well as its last.
    const threshold = scored.threshold;
    const last = scored.thresholdOrdinal;
    return candidates.filter((ordinal) => {
      const value = bound[ordinal]!;
      return value > threshold || (value === threshold && ordinal <= last);
    });
  }

  /** Sums of the chosen documents' scores, by ordinal (allocated once per index). */
  private sums: Float64Array | undefined;

  /**
   * Exact scores of some candidates (slot 1), added up term by term in the order of `lists`,
   * as the exhaustive evaluator adds them, given to `each`. Decodes only blocks holding one.
   */
  private exactScores(
    lists: TermList[],
    chosen: Int32Array,
    slots: Int32Array,
    each: (ordinal: number, score: number) => void,
  ): void {
    const sorted = Int32Array.from(chosen).sort();
    this.sums ??= new Float64Array(this.index.ordinals);
    const sums = this.sums;
    // Slot 2: chosen, no score yet; 3: chosen and scored by some term.
    for (const ordinal of sorted) slots[ordinal] = 2;
    this.forChosenPostings(lists, sorted, slots, (list, ordinal, frequency) => {
      const score = this.score(list.weight, list.idf, frequency, ordinal);
      if (slots[ordinal] === 2) {
        sums[ordinal] = score;
        slots[ordinal] = 3;
      } else {
        sums[ordinal] = sums[ordinal]! + score;
      }
    });
    for (const ordinal of sorted) {
      if (slots[ordinal] === 3) each(ordinal, sums[ordinal]!);
      slots[ordinal] = 1;
    }
  }

  /** The matched terms of each of some candidates, in the order of `lists`. */
  private matchedTerms(lists: TermList[], ordinals: readonly number[]): string[][] {
    const sorted = Int32Array.from(ordinals).sort();
    const terms = new Map<number, string[]>(ordinals.map((o) => [o, []]));
    const { slots } = this.scratch();
    for (const ordinal of sorted) slots[ordinal] = 2;
    this.forChosenPostings(lists, sorted, slots, (list, ordinal) =>
      terms.get(ordinal)!.push(this.index.dictionary.term(list.id)),
    );
    for (const ordinal of sorted) slots[ordinal] = 1;
    return ordinals.map((o) => terms.get(o)!);
  }

  /**
   * Calls `each` for every posting, term by term in the order of `lists`, of the documents in
   * `sorted` (ascending ordinals, marked with a slot of 2 or more), decoding only the blocks
   * that can hold one of them.
   */
  private forChosenPostings(
    lists: TermList[],
    sorted: Int32Array,
    slots: Int32Array,
    each: (list: TermList, ordinal: number, frequency: number) => void,
  ): void {
    const { ordinals, frequencies } = this;
    for (const list of lists) {
      const { blocks } = list;
      let c = 0;
      for (let b = 0; b < blocks.count && c < sorted.length; b++) {
        const first = b === 0 ? 0 : blocks.last[b - 1]! + 1;
        while (c < sorted.length && sorted[c]! < first) c++;
        if (c >= sorted.length || sorted[c]! > blocks.last[b]!) continue;
        const n = this.index.decodeBlock(blocks, b, ordinals, frequencies);
        for (let i = 0; i < n; i++) {
          const ordinal = ordinals[i]!;
          if (slots[ordinal]! >= 2) each(list, ordinal, frequencies[i]!);
        }
      }
    }
  }
}
