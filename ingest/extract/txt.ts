/**
 * Plain text: bytes -> string. UTF-8 (BOM stripped) when the bytes are valid UTF-8, UTF-16 when a
 * UTF-16 BOM says so, else Windows-1252 (what old Windows tools and many "Latin-1" pages really
 * use: byte 0x92 is a right single quote, 0xE9 is "é"). Binary junk is refused, not decoded.
 */
import { ExtractError } from "./errors";
import type { RawExtraction } from "./extractor";

/** The encodings the text decoder can report. */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** Text decoded from bytes, and how. */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** True when a byte-order mark was found (and stripped). */
  bom: boolean;
}

/**
 * Largest share of control characters (other than tab, LF, VT, FF, CR) that text may contain
 * before it is called binary. Real transcripts have none or a stray few; random bytes decoded as
 * Windows-1252 have about 12%.
 */
export const MAX_CONTROL_CHAR_RATIO = 0.01;

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** Decodes bytes as text: BOM first, then strict UTF-8, then Windows-1252. Never throws. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: decodeWith("utf-16le", bytes.subarray(2)), encoding: "utf-16le", bom: true };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: decodeWith("utf-16be", bytes.subarray(2)), encoding: "utf-16be", bom: true };
  }
  const bom = startsWith(bytes, UTF8_BOM);
  const body = bom ? bytes.subarray(UTF8_BOM.length) : bytes;
  const utf8 = decodeUtf8Strict(body);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8", bom };
  return { text: decodeWindows1252(body), encoding: "windows-1252", bom };
}

/** What Windows-1252 puts at 0x80-0x9F (WHATWG index; 0x81 0x8D 0x8F 0x90 0x9D stay C1). */
const WINDOWS_1252_C1 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * Windows-1252 via TextDecoder("windows-1252"), with bytes 0x80-0x9F mapped here: Node 20.18.3+
 * (20.20.2 included) decodes that label as ISO-8859-1, so 0x92 comes out as U+0092 instead of
 * "’" (nodejs/node#56542, #60888). The fix-up is a no-op where the decoder is right.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return decodeWith("windows-1252", bytes).replace(
    /[\u0080-\u009f]/g,
    (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c,
  );
}

/** Strict UTF-8: null when the bytes are not valid UTF-8. */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeWith(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

/** Control characters that do not belong in text (C0 except \t \n \v \f \r, DEL, C1). */
// eslint-disable-next-line no-control-regex
const CONTROL_CHAR = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

/**
 * Why decoded bytes are binary junk rather than text, or null when they look like text:
 * a NUL byte (text files never have one, except UTF-16, whose NULs are decoded away), or more
 * than MAX_CONTROL_CHAR_RATIO control characters.
 */
export function binaryProblem(bytes: Uint8Array, decoded: DecodedText): string | null {
  const utf16 = decoded.encoding === "utf-16le" || decoded.encoding === "utf-16be";
  if (utf16 ? decoded.text.includes("\u0000") : bytes.includes(0)) {
    return "binary data (it contains NUL bytes)";
  }
  const controls = decoded.text.match(CONTROL_CHAR)?.length ?? 0;
  if (decoded.text.length > 0 && controls / decoded.text.length > MAX_CONTROL_CHAR_RATIO) {
    const percent = ((100 * controls) / decoded.text.length).toFixed(1);
    return `binary data (${percent}% of its characters are control characters)`;
  }
  return null;
}

/** CRLF and lone CR -> LF. */
export function toLf(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/** Extracts a plain-text file. `source` names it in errors and warnings. */
export function extractTxt(bytes: Uint8Array, source: string): RawExtraction {
  const decoded = decodeText(bytes);
  const problem = binaryProblem(bytes, decoded);
  if (problem !== null) throw new ExtractError(source, `not text: ${problem}`);
  const warnings: string[] = [];
  if (decoded.encoding === "windows-1252") {
    warnings.push(`extract: ${source}: not valid UTF-8; decoded as Windows-1252`);
  }
  return { text: toLf(decoded.text), warnings };
}
