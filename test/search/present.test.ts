import { describe, expect, test } from "vitest";
import type { SessionSource } from "../../src/domain";
import { sourceLine } from "../../src/search/present";

const source = (format: SessionSource["format"], file: string): SessionSource => ({
  file,
  sha256: "0".repeat(64),
  format,
  bytes: 1,
  textFile: "text/plenary-2.txt",
});

describe("sourceLine (where a citation says the words stand)", () => {
  test("a plain-text source: its own line", () => {
    expect(sourceLine(source("txt", "transcripts/sources/com5-4.txt"), 12)).toBe(
      "transcripts/sources/com5-4.txt, line 12",
    );
  });

  test.each(["pdf", "docx", "doc", "html"] as const)(
    "a %s source: the line of its extracted text, naming that file",
    (format) => {
      expect(sourceLine(source(format, `transcripts/sources/x.${format}`), 49)).toBe(
        `transcripts/sources/x.${format} (extracted text text/plenary-2.txt, line 49)`,
      );
    },
  );
});
