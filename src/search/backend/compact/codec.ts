/**
 * Text-safe variable-length integers for the compact index. The index is an ASCII asset whose
 * sections are decoded to strings where a query reads them (./format.ts,
 * ../../asset-content.ts), so its numbers are printable ASCII that needs no escaping: 93 symbols
 * (0x20-0x7e but `"` and `\`). A decoder reads them with charCodeAt, which on a one-byte (ASCII)
 * V8 string is as cheap as reading a Uint8Array.
 *
 * A number is written most significant digit first: zero or more continuation digits (radix
 * CONTINUATION_RADIX) and one final digit (radix FINAL_RADIX). 0-63 take one character, up to
 * 1,855 two, up to 53,823 three, up to 1,560,895 four.
 *
 * Runtime-free.
 */

/** Values of a final digit (the last character of a number). */
export const FINAL_RADIX = 64;
/** Values of a continuation digit (every character before the last). */
export const CONTINUATION_RADIX = 29;

/** The 93 symbols, in value order: final digits 0-63, then continuation digits 0-28. */
const ALPHABET = (() => {
  let symbols = "";
  for (let code = 0x20; code <= 0x7e; code++) {
    if (code !== 0x22 && code !== 0x5c) symbols += String.fromCharCode(code);
  }
  return symbols;
})();

/**
 * Char code -> digit: 0-63 a final digit, 64-92 a continuation digit (value + 64), -1 for a
 * character outside the alphabet.
 */
export const DIGIT_OF: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let value = 0; value < ALPHABET.length; value++) table[ALPHABET.charCodeAt(value)] = value;
  return table;
})();

/** Largest number the encoder accepts (well inside exact double arithmetic). */
export const MAX_ENCODED = 2 ** 40;

/** Appends numbers to a text buffer (chunks joined once at the end). */
export class NumberWriter {
  private readonly chunks: string[] = [];
  private current = "";
  private written = 0;

  /** Writes one non-negative integer. */
  write(value: number): void {
    if (!Number.isInteger(value) || value < 0 || value > MAX_ENCODED) {
      throw new RangeError(`compact index: cannot encode ${value} (integers 0..${MAX_ENCODED})`);
    }
    const final = value % FINAL_RADIX;
    let rest = (value - final) / FINAL_RADIX;
    let digits = ALPHABET[final] ?? "";
    while (rest > 0) {
      const digit = rest % CONTINUATION_RADIX;
      digits = (ALPHABET[FINAL_RADIX + digit] ?? "") + digits;
      rest = (rest - digit) / CONTINUATION_RADIX;
    }
    this.current += digits;
    this.written += digits.length;
    if (this.current.length >= 1 << 16) {
      this.chunks.push(this.current);
      this.current = "";
    }
  }

  /** Characters written so far. */
  get length(): number {
    return this.written;
  }

  toString(): string {
    return this.chunks.join("") + this.current;
  }
}

/** Encodes a list of numbers (convenience for tests and small sections). */
export function encodeNumbers(values: Iterable<number>): string {
  const writer = new NumberWriter();
  for (const value of values) writer.write(value);
  return writer.toString();
}

/**
 * Reads numbers from a string, starting at `position`. `next()` throws on a character outside
 * the alphabet or past the end, so a truncated or corrupted section is reported, not misread.
 */
export class NumberReader {
  constructor(
    private readonly text: string,
    public position = 0,
    private readonly end = text.length,
  ) {}

  /** True when every character up to the end was read. */
  get done(): boolean {
    return this.position >= this.end;
  }

  next(): number {
    const { text, end } = this;
    let position = this.position;
    let value = 0;
    for (;;) {
      if (position >= end) throw new RangeError("compact index: number runs past its section");
      const code = text.charCodeAt(position++);
      const digit = code < 128 ? (DIGIT_OF[code] ?? -1) : -1;
      if (digit < 0) {
        throw new RangeError(
          `compact index: character ${JSON.stringify(text[position - 1])} is not a digit`,
        );
      }
      if (digit < FINAL_RADIX) {
        this.position = position;
        return value * FINAL_RADIX + digit;
      }
      value = value * CONTINUATION_RADIX + (digit - FINAL_RADIX);
    }
  }
}

/** Decodes every number of a string (tests, small sections). */
export function decodeNumbers(text: string): number[] {
  const reader = new NumberReader(text);
  const values: number[] = [];
  while (!reader.done) values.push(reader.next());
  return values;
}
