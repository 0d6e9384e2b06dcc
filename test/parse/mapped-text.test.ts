/** MappedText: edits and whitespace collapsing keep every character's input span. */
import { describe, expect, test } from "vitest";
import {
  LineIndex,
  applyEdits,
  collapseWhitespace,
  identityText,
  sliceText,
  sourceSpanOf,
} from "../../ingest/parse/mapped-text";

describe("MappedText", () => {
  test("edits replace, delete and insert; overlapping edits keep the first", () => {
    const m = applyEdits(identityText("abcdef"), [
      { start: 1, end: 3, replacement: "X" },
      { start: 2, end: 4, replacement: "Y" },
      { start: 4, end: 5, replacement: "" },
      { start: 6, end: 6, replacement: "!" },
    ]);
    expect(m.text).toBe("aXdf!");
    expect(sourceSpanOf(m, 1, 2)).toEqual({ start: 1, end: 3 });
    expect(sourceSpanOf(m, 2, 4)).toEqual({ start: 3, end: 6 });
    expect(sourceSpanOf(m, 4, 5)).toEqual({ start: 6, end: 6 });
    const nested = applyEdits(identityText("abcdef"), [
      { start: 1, end: 2, replacement: "" },
      { start: 1, end: 5, replacement: "" },
    ]);
    expect(nested.text).toBe("af");
  });

  test("collapsing whitespace joins wraps and trims, keeping offsets", () => {
    const input = "  one\n  two\t\tthree \n";
    const m = collapseWhitespace(identityText(input));
    expect(m.text).toBe("one two three");
    const at = m.text.indexOf("three");
    expect(sourceSpanOf(m, at, at + 5)).toEqual({
      start: input.indexOf("three"),
      end: input.indexOf("three") + 5,
    });
    expect(collapseWhitespace(identityText(" \n\t ")).text).toBe("");
  });

  test("slices are views into the same maps", () => {
    const m = sliceText(identityText("hello world"), 6, 11);
    expect(m.text).toBe("world");
    expect(sourceSpanOf(m, 0, 5)).toEqual({ start: 6, end: 11 });
    expect(sourceSpanOf(m, 5, 5)).toEqual({ start: 11, end: 11 });
  });

  test("lone surrogates survive collapsing", () => {
    expect(collapseWhitespace(identityText("a \ud800  b")).text).toBe("a \ud800 b");
  });

  test("line numbers are 1-based and CRLF counts once", () => {
    const lines = new LineIndex("a\r\nb\nc");
    expect([0, 1, 2, 3, 4, 5, 6].map((o) => lines.lineOf(o))).toEqual([1, 1, 1, 2, 2, 3, 3]);
  });
});
