/** Text encodings the .txt renderer can write. */
export type TxtEncoding = "utf-8" | "windows-1252";

/** Options of {@link renderTxt}. */
export interface TxtOptions {
  /** Byte encoding; default utf-8. */
  encoding?: TxtEncoding;
  /** Line ending; default "\n". */
  eol?: "\n" | "\r\n";
}

/** Windows-1252 bytes 0x80-0x9F, by the character they stand for (the rest is Latin-1). */
const CP1252_HIGH: Record<string, number> = {
  "\u20ac": 0x80,
  "\u201a": 0x82,
  "\u0192": 0x83,
  "\u201e": 0x84,
  "\u2026": 0x85,
  "\u2020": 0x86,
  "\u2021": 0x87,
  "\u02c6": 0x88,
  "\u2030": 0x89,
  "\u0160": 0x8a,
  "\u2039": 0x8b,
  "\u0152": 0x8c,
  "\u017d": 0x8e,
  "\u2018": 0x91,
  "\u2019": 0x92,
  "\u201c": 0x93,
  "\u201d": 0x94,
  "\u2022": 0x95,
  "\u2013": 0x96,
  "\u2014": 0x97,
  "\u02dc": 0x98,
  "\u2122": 0x99,
  "\u0161": 0x9a,
  "\u203a": 0x9b,
  "\u0153": 0x9c,
  "\u017e": 0x9e,
  "\u0178": 0x9f,
};

/** Encodes a string as Windows-1252; throws on a character the code page does not have. */
export function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let i = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const high = CP1252_HIGH[ch];
    if (high !== undefined) out[i++] = high;
    else if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) out[i++] = code;
    else
      throw new Error(
        `render-txt: character U+${code.toString(16).toUpperCase().padStart(4, "0")} has no Windows-1252 byte`,
      );
  }
  return out.slice(0, i);
}

/** Renders laid-out lines as a plain-text file. */
export function renderTxt(lines: readonly string[], options: TxtOptions = {}): Uint8Array {
  const eol = options.eol ?? "\n";
  const text = lines.join(eol) + eol;
  return options.encoding === "windows-1252"
    ? encodeWindows1252(text)
    : new TextEncoder().encode(text);
}
