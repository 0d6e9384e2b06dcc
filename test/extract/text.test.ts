/** Text decoding, junk detection and the shared normalisation. */
import { describe, expect, test } from "vitest";
import { extractText, normaliseText } from "../../ingest/extract";
import {
  binaryProblem,
  decodeText,
  decodeWindows1252,
  MAX_CONTROL_CHAR_RATIO,
} from "../../ingest/extract/txt";

describe("normaliseText", () => {
  test.each([
    ["CRLF and CR become LF", "a\r\nb\rc\n", "a\nb\nc\n"],
    ["NUL is removed", "a\u0000b\n", "ab\n"],
    ["no-break spaces become spaces", "a\u00a0b\u202fc\n", "a b c\n"],
    ["trailing spaces and tabs go, leading ones stay", "  a \t\n\tb  \n", "  a\n\tb\n"],
    ["a final newline is added when missing", "a\nb", "a\nb\n"],
    [
      "blank lines, inner spacing and other characters stay",
      "a  b\n\n\n>> C:  d\u2019\f\n\n",
      "a  b\n\n\n>> C:  d\u2019\f\n\n",
    ],
    [
      "lines are never joined",
      "We support the text in\nDT/30 rev 3\n",
      "We support the text in\nDT/30 rev 3\n",
    ],
  ])("%s", (_, input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });
});

describe("decodeText", () => {
  test("strict UTF-8 with the BOM stripped", () => {
    expect(decodeText(new TextEncoder().encode("\ufeffcafé"))).toEqual({
      text: "café",
      encoding: "utf-8",
      bom: true,
    });
  });

  test("invalid UTF-8 falls back to Windows-1252", () => {
    expect(decodeText(Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x92]))).toEqual({
      text: "café’",
      encoding: "windows-1252",
      bom: false,
    });
  });

  test("UTF-16 with a BOM, both byte orders", () => {
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x19, 0x20]))).toMatchObject({
      text: "A’",
      encoding: "utf-16le",
    });
    expect(decodeText(Uint8Array.from([0xfe, 0xff, 0x00, 0x41, 0x20, 0x19]))).toMatchObject({
      text: "A’",
      encoding: "utf-16be",
    });
  });
});

describe("decodeWindows1252 (works around Node's latin1 decoding of windows-1252)", () => {
  const WHATWG_C1: [number, number][] = [
    [0x80, 0x20ac], [0x81, 0x81], [0x82, 0x201a], [0x83, 0x192], [0x84, 0x201e], [0x85, 0x2026],
    [0x86, 0x2020], [0x87, 0x2021], [0x88, 0x2c6], [0x89, 0x2030], [0x8a, 0x160], [0x8b, 0x2039],
    [0x8c, 0x152], [0x8d, 0x8d], [0x8e, 0x17d], [0x8f, 0x8f], [0x90, 0x90], [0x91, 0x2018],
    [0x92, 0x2019], [0x93, 0x201c], [0x94, 0x201d], [0x95, 0x2022], [0x96, 0x2013], [0x97, 0x2014],
    [0x98, 0x2dc], [0x99, 0x2122], [0x9a, 0x161], [0x9b, 0x203a], [0x9c, 0x153], [0x9d, 0x9d],
    [0x9e, 0x17e], [0x9f, 0x178],
  ]; // prettier-ignore
  test.each(WHATWG_C1)("0x%s", (byte, codePoint) => {
    expect(decodeWindows1252(Uint8Array.of(byte)).codePointAt(0)).toBe(codePoint);
  });

  test("ASCII and Latin-1 letters are unchanged", () => {
    expect(decodeWindows1252(Uint8Array.from([0x41, 0xe9, 0xff, 0xa0]))).toBe("Aéÿ\u00a0");
  });
});

describe("binaryProblem", () => {
  const check = (text: string): string | null => {
    const bytes = new TextEncoder().encode(text);
    return binaryProblem(bytes, decodeText(bytes));
  };

  test("text with tabs, form feeds and a stray control character is text", () => {
    const text = `${"FINISHED TRANSCRIPT\t>> CHAIR: a.\f\n".repeat(20)}\u001a`;
    expect(check(text)).toBeNull();
  });

  test("more control characters than the limit is binary", () => {
    const controls = Math.ceil(1000 * MAX_CONTROL_CHAR_RATIO) + 1;
    expect(check("a".repeat(1000 - controls) + "\u0001".repeat(controls))).toMatch(
      /control characters/,
    );
  });

  test("a NUL byte is binary, except as half of a UTF-16 character", () => {
    expect(check("a\u0000b")).toMatch(/NUL bytes/);
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]);
    expect(binaryProblem(utf16, decodeText(utf16))).toBeNull();
  });
});

describe("txt through extractText", () => {
  test("the Windows-1252 fallback is reported to the logger", async () => {
    const warnings: string[] = [];
    const logger = { info: () => {}, warn: (m: string) => warnings.push(m), error: () => {} };
    const result = await extractText(Uint8Array.from([0x61, 0x92, 0x62]), {
      fileName: "a.txt",
      logger,
    });
    expect(result).toEqual({
      format: "txt",
      text: "a’b\n",
      warnings: ["extract: a.txt: not valid UTF-8; decoded as Windows-1252"],
    });
    expect(warnings).toEqual(result.warnings);
  });
});
