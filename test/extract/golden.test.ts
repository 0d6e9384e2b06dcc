/**
 * Golden files: each synthetic fixture beside the text its extraction must give. The expected
 * texts were written from the same lines the fixtures were made from (by
 * scripts/make-extract-fixtures.ts), not from extractor output.
 */
import { describe, expect, test } from "vitest";
import type { SourceFormat } from "../../src/domain";
import { extractText } from "../../ingest/extract";
import { expectedText, fixture, goldenFixtureNames } from "./support/fixtures";

const GOLDEN: { file: string; format: SourceFormat; warnings: RegExp[] }[] = [
  { file: "utf8-bom-crlf.txt", format: "txt", warnings: [] },
  {
    file: "windows-1252.txt",
    format: "txt",
    warnings: [/^extract: windows-1252\.txt: not valid UTF-8; decoded as Windows-1252$/],
  },
  { file: "utf16le-bom-cr.txt", format: "txt", warnings: [] },
  { file: "flattened.txt", format: "txt", warnings: [] },
  { file: "site-page.html", format: "html", warnings: [] },
  { file: "legacy-1252.html", format: "html", warnings: [] },
  { file: "transcript.docx", format: "docx", warnings: [] },
  { file: "transcript.pdf", format: "pdf", warnings: [] },
  { file: "transcript.doc", format: "doc", warnings: [] },
  { file: "transcript-ministream.doc", format: "doc", warnings: [] },
];

describe("golden fixtures", () => {
  test("every fixture in the folder has a row in the table", () => {
    expect(GOLDEN.map((row) => row.file).sort()).toEqual(goldenFixtureNames());
  });

  test.each(GOLDEN)("$file -> $format", async ({ file, format, warnings }) => {
    const result = await extractText(fixture(file), { fileName: file });
    expect(result.format).toBe(format);
    expect(result.text).toBe(expectedText(file));
    expect(result.warnings).toHaveLength(warnings.length);
    warnings.forEach((pattern, i) => expect(result.warnings[i]).toMatch(pattern));
  });

  test.each(GOLDEN)("$file: the text is normalised", async ({ file }) => {
    const { text } = await extractText(fixture(file), { fileName: file });
    expect(text).not.toMatch(/[\r\u00a0]/);
    expect(text.includes("\u0000")).toBe(false);
    expect(text).not.toMatch(/[ \t]$/m);
    expect(text.endsWith("\n")).toBe(true);
    expect(text).toContain("SYNTHETIC SAMPLE");
  });

  test.each(GOLDEN)(
    "$file: the format comes from the bytes, not the name",
    async ({ file, format }) => {
      const result = await extractText(fixture(file), { fileName: "download" });
      expect(result.format).toBe(format);
      expect(result.text).toBe(expectedText(file));
    },
  );
});
