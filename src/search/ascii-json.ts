/**
 * JSON written as pure ASCII: every character above U+007F as a \u escape. A runtime decodes an
 * ASCII file on its fast path and keeps the parsed strings one byte per character; the same
 * JSON with a few hundred non-ASCII characters among megabytes of text decodes about 3x slower
 * and, before it is parsed, is held as a two-byte string (twice the memory). Used for the big
 * assets: the utterance store and the compact index. Runtime-free.
 */

const NON_ASCII = /[\u0080-\uffff]/g;

function escape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** JSON.stringify(value, null, indent), with every non-ASCII character escaped. */
export function stringifyAscii(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(NON_ASCII, escape);
}
