/**
 * Block-max metadata of the compact index: a term's postings are cut into blocks of
 * BLOCK_SIZE documents, and each block records where it ends (its last ordinal and the end of its
 * characters, so it can be decoded on its own) and the posting of the block that scores highest
 * (its term frequency and ordinal). The block's bound for a query is that posting's score,
 * computed with the same arithmetic as every score, so no posting of the block scores more: a
 * top-k search skips the blocks whose bound cannot reach its threshold (./top-k.ts), as Lucene's
 * and PISA's block-max evaluation does.
 *
 * Only terms with more than BLOCK_SIZE documents have entries in the file's `blocks` section;
 * a shorter list is one block, worked out by decoding it when a query needs it.
 *
 * Entries, per block: `last - previousLast` (the first block's previous last is -1), the number of
 * characters of the block's postings, `frequency - 1` and `last - ordinal` of its best posting,
 * and the number of characters of the block's word positions (version 3), so that a phrase
 * skips whole blocks of a frequent word (./positions.ts).
 *
 * Runtime-free.
 */
import type { NumberWriter } from "./codec";
import { NumberReader } from "./codec";

/** Documents per block. */
export const BLOCK_SIZE = 64;

/** One posting (ordinal, term frequency) of a term being written. */
export interface PostingEntry {
  ordinal: number;
  frequency: number;
}

/**
 * Writes the block entries of one term's postings (ascending ordinals), given the characters each
 * posting took and the saturation (./index-data.ts) of each posting, used to pick each block's
 * best. Writes nothing for a list of BLOCK_SIZE documents or fewer.
 */
export function writeBlocks(
  writer: NumberWriter,
  postings: readonly PostingEntry[],
  characters: readonly number[],
  saturation: (entry: PostingEntry) => number,
  positionCharacters: readonly number[],
): void {
  if (postings.length <= BLOCK_SIZE) return;
  let previousLast = -1;
  for (let from = 0; from < postings.length; from += BLOCK_SIZE) {
    const to = Math.min(postings.length, from + BLOCK_SIZE);
    let best = from;
    let bestValue = -Infinity;
    let chars = 0;
    let positionChars = 0;
    for (let i = from; i < to; i++) {
      chars += characters[i] ?? 0;
      positionChars += positionCharacters[i] ?? 0;
      const value = saturation(postings[i]!);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    const last = postings[to - 1]!.ordinal;
    writer.write(last - previousLast);
    writer.write(chars);
    writer.write(postings[best]!.frequency - 1);
    writer.write(last - postings[best]!.ordinal);
    writer.write(positionChars);
    previousLast = last;
  }
}

/** The blocks of one term, decoded. */
export interface TermBlocks {
  count: number;
  /** Last ordinal of each block. */
  last: Int32Array;
  /** Start and end (exclusive) of each block's characters in the postings. */
  start: Float64Array;
  end: Float64Array;
  /** Term frequency and ordinal of each block's best posting. */
  bestFrequency: Int32Array;
  bestOrdinal: Int32Array;
  /**
   * Start of each block's characters in the term's word positions, from the term's first (a
   * block's end is the next one's start; the last block's, the term's end): a term query reads
   * no position offsets.
   */
  positionStart: Float64Array;
}

/** Decodes `blocks` entries of a term whose postings (after the count) start at `first`. */
export function readBlocks(
  entries: string,
  from: number,
  to: number,
  documents: number,
  first: number,
): TermBlocks {
  const count = Math.ceil(documents / BLOCK_SIZE);
  const blocks = emptyBlocks(count);
  const reader = new NumberReader(entries, from, to);
  let previousLast = -1;
  let at = first;
  let positionAt = 0;
  for (let b = 0; b < count; b++) {
    const last = previousLast + reader.next();
    blocks.last[b] = last;
    blocks.start[b] = at;
    at += reader.next();
    blocks.end[b] = at;
    blocks.bestFrequency[b] = reader.next() + 1;
    blocks.bestOrdinal[b] = last - reader.next();
    blocks.positionStart[b] = positionAt;
    positionAt += reader.next();
    previousLast = last;
  }
  if (!reader.done) throw new RangeError("compact index: block entries run long");
  return blocks;
}

/** Blocks for `count` entries, zeroed. */
export function emptyBlocks(count: number): TermBlocks {
  return {
    count,
    last: new Int32Array(count),
    start: new Float64Array(count),
    end: new Float64Array(count),
    bestFrequency: new Int32Array(count),
    bestOrdinal: new Int32Array(count),
    positionStart: new Float64Array(count),
  };
}
