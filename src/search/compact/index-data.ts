/**
 * A loaded compact index: the dictionary, the field lengths and the posting offsets as typed
 * arrays over the parsed file, and the postings still encoded, decoded term by term when a query
 * asks for them (./evaluate.ts). Loading is a JSON.parse of a few long strings plus one pass over
 * the per-document and per-term numbers.
 *
 * Runtime-free.
 */
import { CONTINUATION_RADIX, DIGIT_OF, FINAL_RADIX, NumberReader } from "./codec";
import { TermDictionary } from "./dictionary";
import { parseIndexFile } from "./format";

// Local copies: the hot decoding loop reads plain module constants, not imported bindings.
const DIGITS = DIGIT_OF;
const FINAL = FINAL_RADIX;
const CONTINUATION = CONTINUATION_RADIX;

/** BM25+ parameters: MiniSearch's defaults (k, b, d), written down so the scores agree. */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

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
  ) {}

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
    return new CompactIndexData(
      dictionary,
      lengths,
      postingStarts,
      file.postings,
      file.documentCount,
      file.averageLength,
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
    const { k, b, d } = BM25;
    const total = this.documentCount;
    const average = this.averageLength;
    const documents = this.frequencies ? (this.frequencies[id] ?? count) : count;
    const inverseDocumentFrequency = Math.log(1 + (total - documents + 0.5) / (documents + 0.5));
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
      scores[i] =
        weight *
        (inverseDocumentFrequency *
          (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / average))));
    }
    if (position !== end) throw new RangeError(`compact index: postings of term ${id} run long`);
    return { ordinals, scores };
  }
}
