/**
 * Reading the word positions of the compact index (./format.ts `positions`) to answer phrase and
 * near nodes: the documents of the AND of their terms are narrowed to those where the terms
 * stand as the phrase or the proximity needs (src/search/positions.ts, src/search/proximity.ts),
 * with no text read.
 *
 * Runtime-free.
 */
import { EXACT, JOINED } from "../../positions";
import { proximityWindows } from "../../proximity";
import { CONTINUATION_RADIX, DIGIT_OF, FINAL_RADIX, NumberReader } from "./codec";
import { BLOCK_SIZE, type TermBlocks } from "./blocks";
import { type CompactIndexData, bm25Saturation, decodePostings } from "./index-data";

const DIGITS = DIGIT_OF;
const FINAL = FINAL_RADIX;
const CONTINUATION = CONTINUATION_RADIX;

/**
 * The postings of one term with their occurrences, walked in ascending ordinal order block by
 * block (./blocks.ts): a block without a document sought is passed over whole, neither its
 * postings nor its positions decoded.
 */
export class TermPositions {
  private readonly blocks: TermBlocks;
  private block = -1;
  /** The current block's postings. */
  private readonly ordinals = new Int32Array(BLOCK_SIZE);
  private readonly frequencies = new Int32Array(BLOCK_SIZE);
  private size = 0;
  /** The posting the cursor is at in the block (the first not below the last one sought). */
  private posting = 0;
  private at = 0;
  private end = 0;
  /** The last document's occurrences read, packed (src/search/positions.ts), ascending. */
  occurrences = new Int32Array(16);

  constructor(
    private readonly data: CompactIndexData,
    readonly id: number,
  ) {
    this.blocks = data.blocks(id);
  }

  /** Moves to the first posting at or after `ordinal`; true when it is `ordinal`'s. */
  seek(ordinal: number): boolean {
    const { blocks } = this;
    if (this.block < 0 || blocks.last[this.block]! < ordinal) {
      let b = this.block + 1;
      while (b < blocks.count && blocks.last[b]! < ordinal) b++;
      if (b >= blocks.count) {
        this.block = blocks.count;
        return false;
      }
      this.enter(b);
    }
    const { ordinals, frequencies } = this;
    let posting = this.posting;
    while (posting < this.size && ordinals[posting]! < ordinal) {
      this.skip(frequencies[posting]!);
      posting++;
    }
    this.posting = posting;
    return posting < this.size && ordinals[posting] === ordinal;
  }

  /** The term frequency of the current posting. */
  get frequency(): number {
    return this.frequencies[this.posting] ?? 0;
  }

  /** Decodes block `b`'s postings and moves to its first posting and positions. */
  private enter(b: number): void {
    this.block = b;
    this.size = this.data.decodeBlock(this.blocks, b, this.ordinals, this.frequencies);
    this.posting = 0;
    this.at = this.blocks.positionStart[b]!;
    this.end = this.blocks.positionEnd[b]!;
  }

  /** Reads the current posting's occurrences into `occurrences` and moves past it; how many. */
  read(): number {
    const count = this.frequencies[this.posting] ?? 0;
    this.posting++;
    if (this.occurrences.length < count) this.occurrences = new Int32Array(count * 2);
    const occurrences = this.occurrences;
    const text = this.data.positions;
    const end = this.end;
    let at = this.at;
    let previous = -1;
    // Numbers decoded inline (./codec.ts): continuation digits, then one final digit.
    for (let k = 0; k < count; k++) {
      let value = 0;
      for (;;) {
        const digit = at < end ? (DIGITS[text.charCodeAt(at++)] ?? -1) : -1;
        if (digit < 0)
          throw new RangeError(`compact index: positions of term ${this.id} are corrupt`);
        if (digit < FINAL) {
          value = value * FINAL + digit;
          break;
        }
        value = value * CONTINUATION + (digit - FINAL);
      }
      const position = previous + 1 + Math.floor(value / 4);
      occurrences[k] = position * 4 + (value % 4);
      previous = position;
    }
    this.at = at;
    return count;
  }

  /** Skips `count` numbers: each ends with its one final digit. */
  private skip(count: number): void {
    const text = this.data.positions;
    let at = this.at;
    let left = count;
    while (left > 0) {
      if (at >= this.end)
        throw new RangeError(`compact index: positions of term ${this.id} end early`);
      const digit = DIGITS[text.charCodeAt(at++)] ?? -1;
      if (digit < 0)
        throw new RangeError(`compact index: positions of term ${this.id} are corrupt`);
      if (digit < FINAL) left--;
    }
    this.at = at;
  }
}

/** Documents with scores and the leaves each matched (./evaluate.ts's result sets). */
export interface PositionalSet {
  size: number;
  ordinals: Int32Array;
  scores: Float64Array;
  masks: Int32Array;
}

/** A word of a positional node: its term and the bit of its leaf in the query. */
export interface NodeTerm {
  id: number;
  bit: number;
}

/** What a positional node asks of a document's positions. */
export type PositionTest =
  | { kind: "phrase"; terms: readonly string[] }
  | { kind: "near"; terms: readonly string[]; slop: number };

/**
 * The documents of a phrase or near node: those with every word where the words stand as the
 * node asks, each scored exactly as the AND of the words scores it in ./evaluate.ts (every word's
 * BM25+ score with weight 1, added up in the node's order) with the bits of all its words' leaves.
 * The rarest word's postings are the candidates; the other words are read rarest first, and a
 * phrase stops reading a document as soon as the words read cannot stand in order, so frequent
 * words are read for few documents (and skipped by whole blocks where none is read).
 */
export function positionalSet(
  data: CompactIndexData,
  words: readonly NodeTerm[],
  test: PositionTest,
): PositionalSet {
  const reading = new Reading(data, words);
  const candidates = reading.candidates();
  const out: PositionalSet = {
    size: 0,
    ordinals: new Int32Array(candidates.length),
    scores: new Float64Array(candidates.length),
    masks: new Int32Array(candidates.length),
  };
  const holds = test.kind === "phrase" ? phraseMatcher(reading) : nearMatcher(reading, test);
  const { slots, idfs, frequencies } = reading;
  const average = data.averageLength;
  for (let c = 0; c < candidates.length; c++) {
    const ordinal = candidates[c]!;
    if (!holds(ordinal)) continue;
    const length = data.lengths[ordinal] ?? 0;
    let score = 0;
    let mask = 0;
    for (let i = 0; i < words.length; i++) {
      const slot = slots[i]!;
      const value = idfs[slot]! * bm25Saturation(frequencies[slot]!, length, average);
      score = i === 0 ? value : score + value;
      mask |= words[i]!.bit;
    }
    out.ordinals[out.size] = ordinal;
    out.scores[out.size] = score;
    out.masks[out.size] = mask;
    out.size++;
  }
  return out;
}

/** The distinct words of a node, each with its cursor, and what was read of them per document. */
class Reading {
  readonly ids: number[];
  readonly cursors: TermPositions[];
  /** Per word of the node, its distinct word (cursor). */
  readonly slots: number[];
  readonly sizes: number[];
  readonly idfs: number[];
  /** Per cursor, for the document it last read: its term frequency and occurrences read. */
  readonly frequencies: Int32Array;
  readonly counts: Int32Array;
  private readonly readFor: Int32Array;

  constructor(
    private readonly data: CompactIndexData,
    words: readonly NodeTerm[],
  ) {
    this.ids = [...new Set(words.map((word) => word.id))];
    this.cursors = this.ids.map((id) => new TermPositions(data, id));
    this.slots = words.map((word) => this.ids.indexOf(word.id));
    this.sizes = this.ids.map((id) => data.postingCount(id));
    this.idfs = this.ids.map((id, k) => data.inverseDocumentFrequency(id, this.sizes[k]!));
    this.frequencies = new Int32Array(this.ids.length);
    this.counts = new Int32Array(this.ids.length);
    this.readFor = new Int32Array(this.ids.length).fill(-1);
  }

  /** Every ordinal of the rarest word's postings. */
  candidates(): Int32Array {
    const rarest = this.sizes.indexOf(Math.min(...this.sizes));
    const id = this.ids[rarest]!;
    const ordinals = new Int32Array(this.sizes[rarest]!);
    const { postings, postingStarts } = this.data;
    const reader = new NumberReader(postings, postingStarts[id] ?? 0);
    reader.next();
    decodePostings(postings, reader.position, postingStarts[id + 1] ?? 0, -1, ordinals, null);
    return ordinals;
  }

  /** Reads cursor k's occurrences in `ordinal` (once per document); false when it is not there. */
  read(k: number, ordinal: number): boolean {
    if (this.readFor[k] === ordinal) return true;
    const cursor = this.cursors[k]!;
    if (!cursor.seek(ordinal)) return false;
    this.frequencies[k] = cursor.frequency;
    this.counts[k] = cursor.read();
    this.readFor[k] = ordinal;
    return true;
  }
}

/**
 * The phrase test: start positions (the position of word 0) that every word read so far allows,
 * narrowed word by word, rarest first; word i must stand at start + i, exact, and joined to the
 * word before unless it is the first (src/search/positions.ts).
 */
function phraseMatcher(reading: Reading): (ordinal: number) => boolean {
  const { slots, sizes, cursors, counts } = reading;
  const order = slots
    .map((slot, i) => ({ i, size: sizes[slot]! }))
    .sort((a, b) => a.size - b.size || a.i - b.i)
    .map((entry) => entry.i);
  let starts = new Int32Array(16);
  return (ordinal) => {
    let size = 0;
    for (let step = 0; step < order.length; step++) {
      const i = order[step]!;
      const k = slots[i]!;
      if (!reading.read(k, ordinal)) return false;
      const occurrences = cursors[k]!.occurrences;
      const n = counts[k]!;
      const need = i === 0 ? EXACT : EXACT | JOINED;
      if (step === 0) {
        if (starts.length < n) starts = new Int32Array(n * 2);
        for (let j = 0; j < n; j++) {
          const packed = occurrences[j]!;
          if ((packed & need) === need) starts[size++] = (packed >>> 2) - i;
        }
      } else {
        let kept = 0;
        let j = 0;
        for (let a = 0; a < size; a++) {
          const wanted = starts[a]! + i;
          while (j < n && occurrences[j]! >>> 2 < wanted) j++;
          if (j < n && occurrences[j]! >>> 2 === wanted && (occurrences[j]! & need) === need)
            starts[kept++] = starts[a]!;
        }
        size = kept;
      }
      if (size === 0) return false;
    }
    return true;
  };
}

/** The proximity test: every word read, then Lucene's slop (src/search/proximity.ts). */
function nearMatcher(
  reading: Reading,
  test: Extract<PositionTest, { kind: "near" }>,
): (ordinal: number) => boolean {
  const { slots, cursors, counts } = reading;
  const slotOf = new Map(test.terms.map((term, i) => [term, slots[i]!]));
  const positionsOf = (term: string) => {
    const slot = slotOf.get(term)!;
    const positions = new Int32Array(counts[slot]!);
    const occurrences = cursors[slot]!.occurrences;
    for (let j = 0; j < positions.length; j++) positions[j] = occurrences[j]! >>> 2;
    return positions;
  };
  return (ordinal) => {
    for (let k = 0; k < cursors.length; k++) if (!reading.read(k, ordinal)) return false;
    return proximityWindows(test.terms, positionsOf, test.slop, true).length > 0;
  };
}
