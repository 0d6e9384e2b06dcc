import { describe, expect, test } from "vitest";
import type { SessionSource } from "../../src/domain";
import { locatorText, sourceLocation } from "../../src/search/locator";

const source = (format: SessionSource["format"], file: string): SessionSource => ({
  file,
  sha256: "0".repeat(64),
  format,
  bytes: 1,
  textFile: "text/plenary-2.txt",
});

describe("locatorText (L1, L2)", () => {
  test.each([
    [{ line: 12, endLine: 12, column: 1, endColumn: 40 }, false, "line 12"],
    [{ line: 12, endLine: 14, column: 1, endColumn: 9 }, false, "lines 12-14"],
    [{ line: 4, endLine: 4, column: 220, endColumn: 487 }, true, "line 4, characters 220-487"],
    [
      { line: 4, endLine: 5, column: 900, endColumn: 12 },
      true,
      "line 4, character 900 to line 5, character 12",
    ],
  ])("%j shared=%s -> %s", (span, shared, expected) => {
    expect(locatorText(span, shared)).toBe(expected);
  });
});

describe("sourceLocation (L3)", () => {
  test("a plain-text source: its own line", () => {
    expect(sourceLocation(source("txt", "transcripts/sources/com5-4.txt"), "line 12")).toBe(
      "transcripts/sources/com5-4.txt, line 12",
    );
  });

  test.each(["pdf", "docx", "doc", "html"] as const)(
    "a %s source: the line of its extracted text, naming that file",
    (format) => {
      expect(sourceLocation(source(format, `transcripts/sources/x.${format}`), "line 49")).toBe(
        `transcripts/sources/x.${format} (extracted text text/plenary-2.txt, line 49)`,
      );
    },
  );
});
