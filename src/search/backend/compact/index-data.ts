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
import type { AssetContent } from "../../asset-content";
import { type LazySection, type LoadedIndexFile, loadIndexFile } from "./format";
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

/** The sections of one list of terms that stay encoded, each decoded on first use. */
export interface TermSource {
  postings: LazySection;
  /** Block entries of the long posting lists (./blocks.ts), and their size per term. */
  blocks: LazySection;
  blockSizes: LazySection;
  /** Word positions of every posting (./format.ts), and their size per term. */
  positions: LazySection;
  positionSizes: LazySection;
}

export class CompactIndexData {
  constructor(
    readonly dictionary: TermDictionary,
    /** Field length by ordinal (0: not indexed). */
    readonly lengths: Uint32Array,
    /** Start of each term's postings in `postings`, plus the end. */
    readonly postingStarts: Float64Array,
    private readonly source: TermSource,
    readonly documentCount: number,
    readonly averageLength: number,
    /** Collection-wide document frequency of each term (a shard), or null: the postings' counts. */
    readonly frequencies: Uint32Array | null = null,
    /** Loads the pairs of common words (./pairs.ts) on first use; null: the index has none. */
    private readonly loadPairs: ((index: CompactIndexData) => PairIndex) | null = null,
  ) {}

  #postings: string | undefined;
  #positions: string | undefined;
  #pairs: PairIndex | null | undefined;
  /** Start of each term's block entries, plus the end; decoded on first use. */
  private blockStarts: Float64Array | undefined;
  /** Start of each term's positions, plus the end; decoded on first use. */
  private positionStartsOf: Float64Array | undefined;

  /** Every term's postings, encoded (./format.ts); decoded from the asset on first use. */
  get postings(): string {
    return (this.#postings ??= this.source.postings.text());
  }

  /** Every posting's word positions, encoded; decoded from the asset on first use. */
  get positions(): string {
    return (this.#positions ??= this.source.positions.text());
  }

  /** The pairs of common words (./pairs.ts), over the same documents; loaded on first use. */
  get pairs(): PairIndex | null {
    if (this.#pairs === undefined) this.#pairs = this.loadPairs ? this.loadPairs(this) : null;
    return this.#pairs;
  }

  /** Size of the ordinal space. */
  get ordinals(): number {
    return this.lengths.length;
  }

  /**
   * Loads a serialised compact index: its header, the dictionary, the field lengths and the
   * posting offsets; every other section is decoded when a query first reads it. Throws an Error
   * saying what is wrong.
   */
  static parse(content: AssetContent): CompactIndexData {
    const file = loadIndexFile(content);
    const { header } = file;
    const dictionary = TermDictionary.fromText(file.section("dictionary").text(), header.terms);
    const lengths = new Uint32Array(header.ordinals);
    const lengthReader = new NumberReader(file.section("lengths").text());
    for (let ordinal = 0; ordinal < header.ordinals; ordinal++)
      lengths[ordinal] = lengthReader.next();
    if (!lengthReader.done)
      throw new Error("compact index: lengths has more numbers than ordinals");
    const source = fileTermSource(file, "");
    const postingStarts = sectionStarts(
      file.section("postingSizes").text(),
      header.terms,
      source.postings.length,
      "posting",
    );
    let frequencies: Uint32Array | null = null;
    if (file.has("frequencies")) {
      frequencies = new Uint32Array(header.terms);
      const reader = new NumberReader(file.section("frequencies").text());
      for (let id = 0; id < header.terms; id++) frequencies[id] = reader.next();
      if (!reader.done) throw new Error("compact index: frequencies has more numbers than terms");
    }
    return new CompactIndexData(
      dictionary,
      lengths,
      postingStarts,
      source,
      header.documentCount,
      header.averageLength,
      frequencies,
      (index) => loadPairIndex(file, index),
    );
  }

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
      return readBlocks(
        this.source.blocks.text(),
        starts[id] ?? 0,
        starts[id + 1] ?? 0,
        count,
        first,
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
    return blocks;
  }

  private entryStarts(): Float64Array {
    this.blockStarts ??= sectionStarts(
      this.source.blockSizes.text(),
      this.dictionary.size,
      this.source.blocks.length,
      "block",
    );
    return this.blockStarts;
  }

  /** Where a term's positions start and end in `positions`. */
  positionRange(id: number): [number, number] {
    this.positionStartsOf ??= sectionStarts(
      this.source.positionSizes.text(),
      this.dictionary.size,
      this.source.positions.length,
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

/** The term sections of the index (prefix "") or of its pairs ("pairs."), read on demand. */
function fileTermSource(file: LoadedIndexFile, prefix: "" | "pairs."): TermSource {
  const section = (name: keyof TermSource) => file.section(`${prefix}${name}`);
  return {
    postings: section("postings"),
    blocks: section("blocks"),
    blockSizes: section("blockSizes"),
    positions: section("positions"),
    positionSizes: section("positionSizes"),
  };
}

/** Loads the pairs of common words over the index's documents (its lengths and statistics). */
function loadPairIndex(file: LoadedIndexFile, index: CompactIndexData): PairIndex {
  const section = file.header.pairs;
  const words = section.words === "" ? [] : section.words.split(TERM_SEPARATOR);
  if (words.length !== section.wordCount)
    throw new Error(
      `compact index: pairs.words has ${words.length} words, pairs.wordCount says ${section.wordCount}`,
    );
  if (section.openCount > words.length)
    throw new Error(`compact index: pairs.openCount ${section.openCount} is above pairs.wordCount`);
  const dictionary = TermDictionary.fromText(
    file.section("pairs.dictionary").text(),
    section.terms,
  );
  const source = fileTermSource(file, "pairs.");
  const postingStarts = sectionStarts(
    file.section("pairs.postingSizes").text(),
    section.terms,
    source.postings.length,
    "pair posting",
  );
  const data = new CompactIndexData(
    dictionary,
    index.lengths,
    postingStarts,
    source,
    index.documentCount,
    index.averageLength,
  );
  return { rule: pairRule(words, section.openCount), data };
}

/**
 * Start of each term's part of a section of `length` characters from the sizes per term, plus
 * the end; checked.
 */
function sectionStarts(sizes: string, terms: number, length: number, name: string): Float64Array {
  const starts = new Float64Array(terms + 1);
  const reader = new NumberReader(sizes);
  let at = 0;
  for (let id = 0; id < terms; id++) {
    starts[id] = at;
    at += reader.next();
  }
  starts[terms] = at;
  if (!reader.done || at !== length)
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
