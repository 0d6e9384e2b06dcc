/**
 * An asset as a reader gives it (src/search/load.ts ReadAsset): its text, or its bytes, as the
 * Workers ASSETS binding (`Response.arrayBuffer()`) and Node (`readFile`) give them. The large
 * assets (the index, the utterance texts) are pure ASCII, so a byte offset is a character offset
 * and a part of one can be read without decoding the rest: `asciiText` slices the bytes into a
 * string only where a query reads. Opening a corpus then decodes almost nothing (decoding every
 * asset up front was a fifth of a cold start at scale 1, and its garbage another fifth).
 *
 * Runtime-free.
 */

/** An asset's content: text, or bytes (UTF-8). */
export type AssetContent = string | Uint8Array;

/** A pure-ASCII asset, read in parts. */
export interface AsciiText {
  /** Characters (= bytes). */
  readonly length: number;
  /** The characters [start, end) as a string. Throws when they are not ASCII. */
  slice(start: number, end: number): string;
  /** Where the next `charCode` (ASCII) is at or after `from`, or -1. */
  indexOf(charCode: number, from: number): number;
  /** The code of the character at `at` (NaN outside). */
  charCodeAt(at: number): number;
}

const decoder = new TextDecoder();
/** Throws on bytes that are not UTF-8 (a replacement character would hide them). */
const strict = new TextDecoder("utf-8", { fatal: true });

/** The whole content as a string (bytes decoded as UTF-8). */
export function assetString(content: AssetContent): string {
  return typeof content === "string" ? content : decoder.decode(content);
}

/**
 * An ASCII asset over its content, read in parts. `name` names the asset in the error thrown
 * when a part read from bytes is not ASCII (its offsets would then not be characters).
 */
export function asciiText(content: AssetContent, name: string): AsciiText {
  if (typeof content === "string") {
    return {
      length: content.length,
      slice: (start, end) => content.slice(start, end),
      indexOf: (charCode, from) => content.indexOf(String.fromCharCode(charCode), from),
      charCodeAt: (at) => content.charCodeAt(at),
    };
  }
  return {
    length: content.length,
    slice: (start, end) => {
      const from = Math.max(0, Math.min(start, content.length));
      const to = Math.max(from, Math.min(end, content.length));
      let text: string | null;
      try {
        text = strict.decode(content.subarray(from, to));
      } catch {
        text = null;
      }
      if (text === null || text.length !== to - from)
        throw new Error(`${name}: bytes ${from}-${to} are not ASCII: run npm run build`);
      return text;
    },
    indexOf: (charCode, from) => content.indexOf(charCode, from),
    charCodeAt: (at) => (at >= 0 && at < content.length ? content[at]! : NaN),
  };
}
