/**
 * Pairs of common words (as Lucene's CommonGrams): the most frequent words of an index make the
 * costliest phrases ("thank you", "the floor to"), since every one of their thousands of
 * candidates must have its positions read. So the index also keeps, for every two of its
 * PAIR_WORDS commonest words, and every OPEN_PAIR_WORDS commonest word with any word, standing
 * next to each other as a phrase needs them (the second joined to the first, both exact:
 * src/search/positions.ts), the pair as a term of its own, with
 * postings and positions: "the+to" is in the documents where "the to" is said, at the position
 * of its "the", with that "the"'s joined flag. A phrase then reads the pair instead of the two
 * words (./positions.ts), and its candidates are the pair's few documents.
 *
 * Runtime-free.
 */
import type { BackendDocument } from "../interface";
import { packOccurrence, wordPositions } from "../../positions";

/** How many of the most frequent words (by document frequency) make pairs with each other. */
export const PAIR_WORDS = 32;

/**
 * How many of those (the most frequent first) also make pairs with any word next to them: "the
 * right", "robustness of". These are the words whose positions cost most to read.
 */
export const OPEN_PAIR_WORDS = 8;

/**
 * Documents an open word's pair with a word outside the common ones needs to be kept: rarer
 * pairs would fill the dictionary with "the+..." of every word, for phrases that are cheap anyway
 * (their other word is rare). Pairs of two common words are all kept.
 */
export const OPEN_PAIR_MIN_DOCUMENTS = 16;

/** Which words pair: the common ones with each other, the open ones with any word. */
export interface PairRule {
  common: ReadonlySet<string>;
  open: ReadonlySet<string>;
}

/** The rule for a list of common words, most frequent first, the first `open` of them open. */
export function pairRule(words: readonly string[], open: number): PairRule {
  return { common: new Set(words), open: new Set(words.slice(0, open)) };
}

/** True when both words are common: their pair is kept wherever they stand together. */
export function commonPair(rule: PairRule, first: string, second: string): boolean {
  return rule.common.has(first) && rule.common.has(second);
}

/**
 * True when the index may keep the pair of these two words (standing as a phrase needs them):
 * always for two common words, when in OPEN_PAIR_MIN_DOCUMENTS documents for an open word.
 */
export function keepsPair(rule: PairRule, first: string, second: string): boolean {
  return (
    rule.open.has(first) ||
    rule.open.has(second) ||
    (rule.common.has(first) && rule.common.has(second))
  );
}

/** Joins the two words of a pair term (never in a word, nor the dictionary's separator). */
export const PAIR_JOINER = "+";

/** Postings of one term being built: ordinals, frequencies and packed occurrences per posting. */
export interface TermPostings {
  ordinals: number[];
  frequencies: number[];
  /** Per posting, the term's occurrences in the document, packed (src/search/positions.ts). */
  occurrences: number[][];
  /**
   * Per posting, numbers written before its occurrences: for a pair, its two words' term
   * frequencies minus one, so a phrase read through the pair scores without the words' postings.
   */
  headers?: number[][];
}

/** Numbers before each occurrence list of a pair term (its words' frequencies). */
export const PAIR_HEADERS = 2;

/** The pair term of two words. */
export function pairTerm(first: string, second: string): string {
  return first + PAIR_JOINER + second;
}

/** The PAIR_WORDS terms with the most documents (ties: the first in code unit order). */
export function commonWords(postings: ReadonlyMap<string, TermPostings>): string[] {
  return [...postings]
    .sort(([a, x], [b, y]) => y.ordinals.length - x.ordinals.length || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, PAIR_WORDS)
    .map(([term]) => term);
}

/** The postings of the pairs of common words in the documents. */
export function invertPairs(
  documents: readonly BackendDocument[],
  rule: PairRule,
): Map<string, TermPostings> {
  const inverted = new Map<string, TermPostings>();
  for (const { ordinal, text } of documents) {
    const words = wordPositions(text);
    const frequency = new Map<string, number>();
    for (const word of words) frequency.set(word.term, (frequency.get(word.term) ?? 0) + 1);
    const byPair = new Map<string, number[]>();
    for (let i = 1; i < words.length; i++) {
      const first = words[i - 1]!;
      const second = words[i]!;
      if (!second.joined || !first.exact || !second.exact) continue;
      if (!keepsPair(rule, first.term, second.term)) continue;
      const term = pairTerm(first.term, second.term);
      const packed = packOccurrence(first);
      const list = byPair.get(term);
      if (list) list.push(packed);
      else byPair.set(term, [packed]);
    }
    for (const [term, occurrences] of byPair) {
      let entry = inverted.get(term);
      if (!entry) {
        entry = { ordinals: [], frequencies: [], occurrences: [], headers: [] };
        inverted.set(term, entry);
      }
      const [first = "", second = ""] = term.split(PAIR_JOINER);
      entry.ordinals.push(ordinal);
      entry.frequencies.push(occurrences.length);
      entry.occurrences.push(occurrences);
      entry.headers?.push([(frequency.get(first) ?? 1) - 1, (frequency.get(second) ?? 1) - 1]);
    }
  }
  for (const [term, entry] of inverted) {
    const [first = "", second = ""] = term.split(PAIR_JOINER);
    if (!commonPair(rule, first, second) && entry.ordinals.length < OPEN_PAIR_MIN_DOCUMENTS)
      inverted.delete(term);
  }
  return inverted;
}
