import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { findDocumentRefs } from "../../src/document-refs";

/**
 * Golden files: test/fixtures/documents/<name>.txt beside <name>.expected.json (the refs found in
 * the whole text). UPDATE_GOLDEN=1 rewrites the expected files; review the diff.
 */
const dir = join(import.meta.dirname, "../fixtures/documents");
const fixtures = readdirSync(dir).filter((f) => f.endsWith(".txt"));

describe("golden document-reference fixtures", () => {
  test("there are fixtures, each flagged synthetic", () => {
    expect(fixtures.length).toBeGreaterThan(0);
    for (const f of fixtures)
      expect(readFileSync(join(dir, f), "utf8")).toMatch(/^SYNTHETIC SAMPLE/);
  });

  test.each(fixtures)("%s", (file) => {
    const text = readFileSync(join(dir, file), "utf8");
    const actual = findDocumentRefs(text);
    for (const r of actual) expect(text.slice(r.start, r.end)).toBe(r.raw);
    const expectedPath = join(dir, file.replace(/\.txt$/, ".expected.json"));
    if (process.env.UPDATE_GOLDEN === "1")
      writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, "utf8")));
  });
});

describe("malformed text", () => {
  test.each([
    ["series prefixes without numbers", "DT/ ADM/ DL/ DT/ rev rev rev ".repeat(200)],
    ["numbers too long to be documents", "ADM/99999 Document 123456 rule 5555 Article 12345"],
    ["unbalanced brackets", "DT/30(Rev.1 DT/31 (Rev. (Add. 2"],
    ["control characters and lone surrogates", "DT/\u00003 \ud800 Document\u0007 65"],
    ["a flattened transcript", "Document 1. ".repeat(3000)],
  ])("%s: no throw, offsets slice to raw", (_what, text) => {
    const refs = findDocumentRefs(text);
    let last = 0;
    for (const r of refs) {
      expect(r.start).toBeGreaterThanOrEqual(last);
      expect(text.slice(r.start, r.end)).toBe(r.raw);
      last = r.end;
    }
  });

  test("over-long numbers are not cut into shorter ids", () => {
    expect(findDocumentRefs("ADM/99999 Document 123456 rule 5555 Article 12345")).toEqual([]);
  });

  test("a flattened transcript yields every reference", () => {
    expect(findDocumentRefs("Document 1. ".repeat(3000))).toHaveLength(3000);
  });
});
