/**
 * Pairs of common words (as Lucene's CommonGrams): the most frequent words of an index make the
 * costliest phrases ("thank you", "the floor to"), since every one of their thousands of
 * candidates must have its positions read. So the index also keeps, for every two of its
 * PAIR_WORDS commonest words standing next to each other as a phrase needs them (the second
 * joined to the first, both exact: src/search/positions.ts), the pair as a term of its own, with
 * postings and positions: "the+to" is in the documents where "the to" is said, at the position
 * of its "the", with that "the"'s joined flag. A phrase then reads the pair instead of the two
 * words (./positions.ts), and its candidates are the pair's few documents.
 *
 * Runtime-free.
 */
import type { BackendDocument } from "../interface";
import { packOccurrence, wordPositions } from "../../positions";

/** How many of the most frequent words (by document frequency) make pairs. */
export const PAIR_WORDS = 32;

/** Joins the two words of a pair term (never in a word, nor the dictionary's separator). */
export const PAIR_JOINER = "+";

/** Postings of one term being built: ordinals, frequencies and packed occurrences per posting. */
export interface TermPostings {
  ordinals: number[];
  frequencies: number[];
  /** Per posting, the term's occurrences in the document, packed (src/search/positions.ts). */
  occurrences: number[][];
}

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
  common: ReadonlySet<string>,
): Map<string, TermPostings> {
  const pairs = new Map<string, TermPostings>();
  for (const { ordinal, text } of documents) {
    const words = wordPositions(text);
    const byPair = new Map<string, number[]>();
    for (let i = 1; i < words.length; i++) {
      const first = words[i - 1]!;
      const second = words[i]!;
      if (!second.joined || !first.exact || !second.exact) continue;
      if (!common.has(first.term) || !common.has(second.term)) continue;
      const term = pairTerm(first.term, second.term);
      const packed = packOccurrence(first);
      const list = byPair.get(term);
      if (list) list.push(packed);
      else byPair.set(term, [packed]);
    }
    for (const [term, occurrences] of byPair) {
      let entry = pairs.get(term);
      if (!entry) {
        entry = { ordinals: [], frequencies: [], occurrences: [] };
        pairs.set(term, entry);
      }
      entry.ordinals.push(ordinal);
      entry.frequencies.push(occurrences.length);
      entry.occurrences.push(occurrences);
    }
  }
  return pairs;
}
