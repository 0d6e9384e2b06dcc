/**
 * Help that works: every example of the syntax table (QUERY_SYNTAX, COMBINED_EXAMPLE) and of the
 * README's list finds something in the bundled sample, through the search page itself. The
 * README examples are read from the file, between its examples markers.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { bundledCorpus } from "../../bench/relevance";
import { createApp } from "../../src/web/app";
import { COMBINED_EXAMPLE, QUERY_SYNTAX } from "../../src/search/syntax";

const app = createApp({ loadCorpus: () => bundledCorpus() });

/** The `code` spans of README.md between <!-- examples:start --> and <!-- examples:end -->. */
function readmeExamples(): string[] {
  const readme = readFileSync("README.md", "utf8");
  const block = /<!-- examples:start -->([\s\S]*?)<!-- examples:end -->/.exec(readme)?.[1] ?? "";
  return [...block.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}

async function resultCount(q: string): Promise<number> {
  const response = await app.request(`/api/search?q=${encodeURIComponent(q)}`);
  expect(response.status, q).toBe(200);
  const body = (await response.json()) as { total: number; suggestion: { total: number } | null };
  // A misspelt example counts by what the page shows: the corrected results.
  return body.total > 0 ? body.total : (body.suggestion?.total ?? 0);
}

describe("examples find something in the bundled sample", () => {
  test("the README has examples", () => {
    expect(readmeExamples().length).toBeGreaterThanOrEqual(8);
  });

  test.each([...QUERY_SYNTAX.map((row) => row.example), COMBINED_EXAMPLE])(
    "help: %s",
    async (q) => {
      expect(await resultCount(q)).toBeGreaterThan(0);
    },
  );

  test.each(readmeExamples())("README: %s", async (q) => {
    expect(await resultCount(q)).toBeGreaterThan(0);
  });
});
