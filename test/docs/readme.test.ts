/**
 * The README's generated sections are up to date (`npm run docs` rewrites them), and the query
 * syntax table explains every clause type and filter key.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { FILTER_KEYS } from "../../src/search/filters";
import type { QueryTerm } from "../../src/search/query";
import { QUERY_SYNTAX, type SyntaxFeature, syntaxMarkdown } from "../../src/search/syntax";
import { README, sectionOf, withGeneratedSections } from "../../scripts/docs";

/** Every clause type (a new one does not compile until it is listed here). */
const CLAUSE_TYPES = {
  word: true,
  phrase: true,
  proximity: true,
} satisfies Record<QueryTerm["type"], true>;

describe("README.md", () => {
  const readme = readFileSync(README, "utf8");

  test("its query table is the one src/search/syntax.ts generates (run npm run docs)", () => {
    expect(sectionOf(readme, "syntax")).toBe(syntaxMarkdown());
    expect(withGeneratedSections(readme)).toBe(readme);
  });

  test("a stale section is rewritten, the text around it kept", () => {
    const stale = readme.replace("| syntax | meaning |", "| old | table |");
    expect(stale).not.toBe(readme);
    expect(withGeneratedSections(stale)).toBe(readme);
  });

  test("missing markers are an error naming the section", () => {
    expect(() => withGeneratedSections("no markers")).toThrow(/docs: .*syntax:start/);
  });
});

describe("the query syntax table", () => {
  const explained = new Set(QUERY_SYNTAX.flatMap((row) => row.features));

  test.each([...Object.keys(CLAUSE_TYPES), "or", "exclude", ...FILTER_KEYS])(
    "has a row for %s",
    (feature) => {
      expect(explained.has(feature as SyntaxFeature)).toBe(true);
    },
  );
});
