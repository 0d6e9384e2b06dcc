/**
 * A loaded compact index: the dictionary, the field lengths and the posting offsets as typed
 * arrays over the parsed file, and the postings still encoded, decoded term by term when a query
 * asks for them (./evaluate.ts). Loading is a JSON.parse of a few long strings plus one pass over
 * the per-document and per-term numbers.
 *
 * Runtime-free.
 */
import { BM25 } from "../ranking";
import { BLOCK_SIZE, emptyBlocks, readBlocks, type TermBlocks } from "./blocks";
import { CONTINUATION_RADIX, DIGIT_OF, FINAL_RADIX, NumberReader } from "./codec";
import { TERM_SEPARATOR, TermDictionary } from "./dictionary";
import { type PairSections, parseIndexFile } from "./format";
import { type PairRule, pairRule } from "./pairs";

// Local copies: the hot decoding loop reads plain module constants, not imported bindings.
const DIGITS = DIGIT_OF;
const FINAL = FINAL_RADIX;
const CONTINUATION = CONTINUATION_RADIX;

/**
 * The term-frequency part of BM25+ for a document of `length` (MiniSearch's expression). A
 * posting scores `weight * (inverseDocumentFrequency * saturation)`; every score and every block
 * bound (./blocks.ts) is computed with this one function, so a bound is an exact score.
 */
export function bm25Saturation(frequency: number, length: number, average: number): number {
  const { k, b, d } = BM25;
  return d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / average));
}

/** Decoded postings of one term, scored for one query. */
export interface ScoredPostings {
  ordinals: Int32Array;
  scores: Float64Array;
}

export class CompactIndexData {
  constructor(
    readonly dictionary: TermDictionary,
    /** Field length by ordinal (0: not indexed). */
    readonly lengths: Uint32Array,
    /** Start of each term's postings in `postings`, plus the end. */
    readonly postingStarts: Float64Array,
    readonly postings: string,
    readonly documentCount: number,
    readonly averageLength: number,
    /** Collection-wide document frequency of each term (a shard), or null: the postings' counts. */
    readonly frequencies: Uint32Array | null = null,
    /** Block entries of the long posting lists (./blocks.ts) and their size per term. */
    private readonly blockEntries = "",
    private readonly blockSizes = "",
    /** Word positions of every posting (./format.ts), and their size per term. */
    readonly positions = "",
    private readonly positionSizes = "",
  ) {}

  /** Start of each term's block entries, plus the end; decoded on first use. */
  private blockStarts: Float64Array | undefined;
  /** Start of each term's positions, plus the end; decoded on first use. */
  private positionStartsOf: Float64Array | undefined;

  /** Size of the ordinal space. */
  get ordinals(): number {
    return this.lengths.length;
  }

  /** Parses a serialised compact index. Throws an Error saying what is wrong. */
  static parse(text: string): CompactIndexData {
    const file = parseIndexFile(text);
    const dictionary = TermDictionary.fromText(file.dictionary, file.terms);
    const lengths = new Uint32Array(file.ordinals);
    const lengthReader = new NumberReader(file.lengths);
    for (let ordinal = 0; ordinal < file.ordinals; ordinal++)
      lengths[ordinal] = lengthReader.next();
    if (!lengthReader.done)
      throw new Error("compact index: lengths has more numbers than ordinals");
    const postingStarts = new Float64Array(file.terms + 1);
    const sizeReader = new NumberReader(file.postingSizes);
    let at = 0;
    for (let id = 0; id < file.terms; id++) {
      postingStarts[id] = at;
      at += sizeReader.next();
    }
    postingStarts[file.terms] = at;
    if (!sizeReader.done)
      throw new Error("compact index: postingSizes has more numbers than terms");
    if (at !== file.postings.length)
      throw new Error(
        `compact index: postings are ${file.postings.length} characters, sizes add up to ${at}`,
      );
    let frequencies: Uint32Array | null = null;
    if (file.frequencies !== undefined) {
      frequencies = new Uint32Array(file.terms);
      const reader = new NumberReader(file.frequencies);
      for (let id = 0; id < file.terms; id++) frequencies[id] = reader.next();
      if (!reader.done) throw new Error("compact index: frequencies has more numbers than terms");
    }
    const data = new CompactIndexData(
      dictionary,
      lengths,
      postingStarts,
      file.postings,
      file.documentCount,
      file.averageLength,
      frequencies,
      file.blocks,
      file.blockSizes,
      file.positions,
      file.positionSizes,
    );
    data.pairs = parsePairs(file.pairs, data);
    return data;
  }

  /** The pairs of common words (./pairs.ts), over the same documents. */
  pairs: PairIndex | null = null;

  /** Documents in a term's postings (in this index). */
  postingCount(id: number): number {
    return new NumberReader(this.postings, this.postingStarts[id] ?? 0).next();
  }

  /** BM25's inverse document frequency of a term with `count` postings here. */
  inverseDocumentFrequency(id: number, count: number): number {
    const documents = this.frequencies ? (this.frequencies[id] ?? count) : count;
    const total = this.documentCount;
    return Math.log(1 + (total - documents + 0.5) / (documents + 0.5));
  }

  /** The blocks of a term's postings (./blocks.ts): from the file, or one block for a short list. */
  blocks(id: number): TermBlocks {
    const reader = new NumberReader(this.postings, this.postingStarts[id] ?? 0);
    const count = reader.next();
    const first = reader.position;
    if (count > BLOCK_SIZE) {
      const starts = this.entryStarts();
      const [firstPosition] = this.positionRange(id);
      return readBlocks(
        this.blockEntries,
        starts[id] ?? 0,
        starts[id + 1] ?? 0,
        count,
        first,
        firstPosition,
      );
    }
    const blocks = emptyBlocks(1);
    const end = this.postingStarts[id + 1] ?? 0;
    const ordinals = new Int32Array(count);
    const frequencies = new Int32Array(count);
    decodePostings(this.postings, first, end, -1, ordinals, frequencies);
    let best = 0;
    let bestValue = -Infinity;
    for (let i = 0; i < count; i++) {
      const value = bm25Saturation(
        frequencies[i]!,
        this.lengths[ordinals[i]!] ?? 0,
        this.averageLength,
      );
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    blocks.last[0] = ordinals[count - 1] ?? -1;
    blocks.start[0] = first;
    blocks.end[0] = end;
    blocks.bestFrequency[0] = frequencies[best] ?? 1;
    blocks.bestOrdinal[0] = ordinals[best] ?? 0;
    [blocks.positionStart[0], blocks.positionEnd[0]] = this.positionRange(id);
    return blocks;
  }

  private entryStarts(): Float64Array {
    this.blockStarts ??= sectionStarts(
      this.blockSizes,
      this.dictionary.size,
      this.blockEntries,
      "block",
    );
    return this.blockStarts;
  }

  /** Where a term's positions start and end in `positions`. */
  positionRange(id: number): [number, number] {
    this.positionStartsOf ??= sectionStarts(
      this.positionSizes,
      this.dictionary.size,
      this.positions,
      "position",
    );
    return [this.positionStartsOf[id] ?? 0, this.positionStartsOf[id + 1] ?? 0];
  }

  /**
   * Decodes block `b` of a term into `ordinals` (and `frequencies` when given); returns the
   * number of postings. `blocks` are the term's, from blocks(id).
   */
  decodeBlock(
    blocks: TermBlocks,
    b: number,
    ordinals: Int32Array,
    frequencies: Int32Array | null,
  ): number {
    const previous = b === 0 ? -1 : blocks.last[b - 1]!;
    return decodePostings(
      this.postings,
      blocks.start[b]!,
      blocks.end[b]!,
      previous,
      ordinals,
      frequencies,
    );
  }

  /** Document frequency of a term (in the collection, for a shard). */
  documentFrequency(id: number): number {
    if (this.frequencies) return this.frequencies[id] ?? 0;
    return new NumberReader(this.postings, this.postingStarts[id] ?? 0).next();
  }

  /**
   * Decodes a term's postings and scores them as MiniSearch's termResults does:
   * `weight * BM25+(frequency, documentFrequency, documentCount, length, averageLength)`.
   */
  scoredPostings(id: number, weight: number): ScoredPostings {
    const text = this.postings;
    let position = this.postingStarts[id] ?? 0;
    const end = this.postingStarts[id + 1] ?? 0;
    const lengths = this.lengths;
    // Numbers are decoded inline (see ./codec.ts): continuation digits, then one final digit.
    let count = 0;
    for (;;) {
      const digit = position < end ? (DIGITS[text.charCodeAt(position++)] ?? -1) : -1;
      if (digit < 0) throw new RangeError(`compact index: postings of term ${id} are corrupt`);
      if (digit < FINAL) {
        count = count * FINAL + digit;
        break;
      }
      count = count * CONTINUATION + (digit - FINAL);
    }
    const ordinals = new Int32Array(count);
    const scores = new Float64Array(count);
    const average = this.averageLength;
    const inverseDocumentFrequency = this.inverseDocumentFrequency(id, count);
    let previous = -1;
    for (let i = 0; i < count; i++) {
      let value = 0;
      for (;;) {
        const digit = position < end ? (DIGITS[text.charCodeAt(position++)] ?? -1) : -1;
        if (digit < 0) throw new RangeError(`compact index: postings of term ${id} are corrupt`);
        if (digit < FINAL) {
          value = value * FINAL + digit;
          break;
        }
        value = value * CONTINUATION + (digit - FINAL);
      }
      let frequency = 1;
      if (value % 2 === 1) {
        frequency = 0;
        for (;;) {
          const digit = position < end ? (DIGITS[text.charCodeAt(position++)] ?? -1) : -1;
          if (digit < 0) throw new RangeError(`compact index: postings of term ${id} are corrupt`);
          if (digit < FINAL) {
            frequency = frequency * FINAL + digit + 2;
            break;
          }
          frequency = frequency * CONTINUATION + (digit - FINAL);
        }
      }
      const ordinal = previous + 1 + Math.floor(value / 2);
      previous = ordinal;
      const length = lengths[ordinal] ?? 0;
      ordinals[i] = ordinal;
      scores[i] = weight * (inverseDocumentFrequency * bm25Saturation(frequency, length, average));
    }
    if (position !== end) throw new RangeError(`compact index: postings of term ${id} run long`);
    return { ordinals, scores };
  }
}

/** The pairs of common words of an index: which words pair, and the pair terms' index. */
export interface PairIndex {
  rule: PairRule;
  data: CompactIndexData;
}

/** Loads the `pairs` section over the index's documents (its lengths and statistics). */
function parsePairs(section: PairSections, index: CompactIndexData): PairIndex {
  const words = section.words === "" ? [] : section.words.split(TERM_SEPARATOR);
  if (words.length !== section.wordCount)
    throw new Error(
      `compact index: pairs.words has ${words.length} words, pairs.wordCount says ${section.wordCount}`,
    );
  const dictionary = TermDictionary.fromText(section.dictionary, section.terms);
  const postingStarts = sectionStarts(
    section.postingSizes,
    section.terms,
    section.postings,
    "pair posting",
  );
  const data = new CompactIndexData(
    dictionary,
    index.lengths,
    postingStarts,
    section.postings,
    index.documentCount,
    index.averageLength,
    null,
    section.blocks,
    section.blockSizes,
    section.positions,
    section.positionSizes,
  );
  if (section.openCount > words.length)
    throw new Error(`compact index: pairs.openCount ${section.openCount} is above pairs.wordCount`);
  return { rule: pairRule(words, section.openCount), data };
}

/** Start of each term's part of a section from the sizes per term, plus the end; checked. */
function sectionStarts(sizes: string, terms: number, section: string, name: string): Float64Array {
  const starts = new Float64Array(terms + 1);
  const reader = new NumberReader(sizes);
  let at = 0;
  for (let id = 0; id < terms; id++) {
    starts[id] = at;
    at += reader.next();
  }
  starts[terms] = at;
  if (!reader.done || at !== section.length)
    throw new RangeError(`compact index: ${name} sizes do not match the ${name} entries`);
  return starts;
}

/**
 * Decodes the postings in text[position, end) (documents after `previous`) into `ordinals` and,
 * when given, `frequencies`; returns how many. Throws on corrupt or overlong input.
 */
export function decodePostings(
  text: string,
  position: number,
  end: number,
  previous: number,
  ordinals: Int32Array,
  frequencies: Int32Array | null,
): number {
  // Numbers are decoded inline, as in scoredPostings (see ./codec.ts).
  let n = 0;
  while (position < end) {
    if (n >= ordinals.length) throw new RangeError("compact index: a block has too many postings");
    let value = 0;
    for (;;) {
      const digit = position < end ? (DIGITS[text.charCodeAt(position++)] ?? -1) : -1;
      if (digit < 0) throw new RangeError("compact index: postings are corrupt");
      if (digit < FINAL) {
        value = value * FINAL + digit;
        break;
      }
      value = value * CONTINUATION + (digit - FINAL);
    }
    let frequency = 1;
    if (value % 2 === 1) {
      frequency = 0;
      for (;;) {
        const digit = position < end ? (DIGITS[text.charCodeAt(position++)] ?? -1) : -1;
        if (digit < 0) throw new RangeError("compact index: postings are corrupt");
        if (digit < FINAL) {
          frequency = frequency * FINAL + digit + 2;
          break;
        }
        frequency = frequency * CONTINUATION + (digit - FINAL);
      }
    }
    previous = previous + 1 + Math.floor(value / 2);
    ordinals[n] = previous;
    if (frequencies) frequencies[n] = frequency;
    n++;
  }
  return n;
}
