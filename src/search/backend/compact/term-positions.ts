/**
 * A cursor over one term's postings and word positions (./format.ts `positions`), walked in
 * ascending ordinal order, for phrase and near nodes (./positions.ts).
 *
 * Runtime-free.
 */
import type { TermBlocks } from "./blocks";
import { CONTINUATION_RADIX, DIGIT_OF, FINAL_RADIX } from "./codec";
import type { CompactIndexData } from "./index-data";

const DIGITS = DIGIT_OF;
const FINAL = FINAL_RADIX;
const CONTINUATION = CONTINUATION_RADIX;

/**
 * The postings of one term with their occurrences, walked in ascending ordinal order block by
 * block (./blocks.ts): a block without a document sought is passed over whole, neither its
 * postings nor its positions decoded, and a block is decoded only as far as the documents sought.
 */
export class TermPositions {
  private readonly blocks: TermBlocks;
  private block = -1;
  private done = false;
  /** Where the next posting of the block starts in the postings, and where the block ends. */
  private postingAt = 0;
  private postingEnd = 0;
  /** The current posting: its ordinal and term frequency. */
  private current = -1;
  private currentFrequency = 0;
  /** True while the current posting's positions are not read nor skipped. */
  private pending = false;
  /** Where the term's positions start and end. */
  private readonly positionBase: number;
  private readonly positionEnd: number;
  /** Where the next positions to read start, and where the block's end. */
  private at = 0;
  private end = 0;
  /** The last document's occurrences read, packed (src/search/positions.ts), ascending. */
  occurrences = new Int32Array(16);
  /** How many occurrences the last read gave, and of which document (-1: none yet). */
  count = 0;
  lastRead = -1;
  /** The numbers before each posting's occurrences (a pair's words' frequencies), last read. */
  readonly header: Int32Array;

  /**
   * `withPositions` false: a cursor for term frequencies only, its positions never read.
   * `headers`: how many numbers come before each posting's occurrences (2 for a pair: ./pairs.ts).
   */
  constructor(
    private readonly data: CompactIndexData,
    readonly id: number,
    private readonly withPositions = true,
    private readonly headers = 0,
  ) {
    this.blocks = data.blocks(id);
    this.header = new Int32Array(headers);
    [this.positionBase, this.positionEnd] = withPositions ? data.positionRange(id) : [0, 0];
  }

  /** Moves to the first posting at or after `ordinal`; true when it is `ordinal`'s. */
  seek(ordinal: number): boolean {
    if (this.done) return false;
    const { blocks } = this;
    if (this.block < 0 || blocks.last[this.block]! < ordinal) {
      let b = this.block + 1;
      while (b < blocks.count && blocks.last[b]! < ordinal) b++;
      if (b >= blocks.count) {
        this.done = true;
        return false;
      }
      this.enter(b);
    }
    // The block's last ordinal is at least `ordinal`: a posting at or after it is in the block.
    while (this.current < ordinal) {
      if (this.pending) this.skip(this.currentFrequency + this.headers);
      this.nextPosting();
    }
    return this.current === ordinal;
  }

  /** The term frequency of the current posting. */
  get frequency(): number {
    return this.currentFrequency;
  }

  /** Moves to block `b`: its first posting and positions. */
  private enter(b: number): void {
    const { blocks } = this;
    this.block = b;
    this.postingAt = blocks.start[b]!;
    this.postingEnd = blocks.end[b]!;
    this.current = b === 0 ? -1 : blocks.last[b - 1]!;
    this.pending = false;
    this.at = this.positionBase + blocks.positionStart[b]!;
    this.end =
      b + 1 < blocks.count ? this.positionBase + blocks.positionStart[b + 1]! : this.positionEnd;
    this.nextPosting();
  }

  /** Decodes the block's next posting (as ./index-data.ts decodePostings does). */
  private nextPosting(): void {
    const text = this.data.postings;
    const end = this.postingEnd;
    let at = this.postingAt;
    // Numbers decoded inline (./codec.ts): continuation digits, then one final digit.
    let value = 0;
    for (;;) {
      const digit = at < end ? (DIGITS[text.charCodeAt(at++)] ?? -1) : -1;
      if (digit < 0) throw new RangeError(`compact index: postings of term ${this.id} are corrupt`);
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
        const digit = at < end ? (DIGITS[text.charCodeAt(at++)] ?? -1) : -1;
        if (digit < 0)
          throw new RangeError(`compact index: postings of term ${this.id} are corrupt`);
        if (digit < FINAL) {
          frequency = frequency * FINAL + digit + 2;
          break;
        }
        frequency = frequency * CONTINUATION + (digit - FINAL);
      }
    }
    this.currentFrequency = frequency;
    this.current = this.current + 1 + Math.floor(value / 2);
    this.postingAt = at;
    this.pending = true;
  }

  /** Reads the current posting's occurrences into `occurrences` and moves past it; how many. */
  read(): number {
    const count = this.currentFrequency;
    if (!this.pending) throw new Error(`compact index: positions of term ${this.id} read twice`);
    this.pending = false;
    if (this.occurrences.length < count) this.occurrences = new Int32Array(count * 2);
    const occurrences = this.occurrences;
    const text = this.data.positions;
    const end = this.end;
    let at = this.at;
    let previous = -1;
    const headers = this.headers;
    // Numbers decoded inline (./codec.ts): continuation digits, then one final digit.
    for (let k = -headers; k < count; k++) {
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
      if (k < 0) {
        this.header[k + headers] = value;
        continue;
      }
      const position = previous + 1 + Math.floor(value / 4);
      occurrences[k] = position * 4 + (value % 4);
      previous = position;
    }
    this.at = at;
    this.count = count;
    this.lastRead = this.current;
    return count;
  }

  /** Skips `count` numbers: each ends with its one final digit. */
  private skip(count: number): void {
    if (!this.withPositions) return;
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
