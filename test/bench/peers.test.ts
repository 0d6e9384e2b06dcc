/**
 * The peers (SQLite FTS5, FlexSearch, Orama) answer the benchmark's queries with the same
 * meaning as the reference systems: for every class they can express, the same full result set
 * as the linear scan, a total that matches that set, a page of at most `limit` of its ids, in
 * chronological order when asked; the classes they cannot express are declared, with a reason.
 */
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/corpus";
import { artifactBytes, matchDigest } from "../../bench/measure";
import { generateQueries } from "../../bench/queries";
import { linearScan } from "../../bench/systems/linear-scan";
import { loadSystem } from "../../bench/systems/registry";
import { matchExpression } from "../../bench/systems/sqlite-fts5";
import { expresses, QUERY_CLASSES } from "../../bench/types";

const corpus = generateCorpus({ scale: 0.03, seed: 7 });
const queries = generateQueries(corpus, { perClass: 30 });
const scan = linearScan.load(artifactBytes(linearScan.build(corpus.records)));
const chronological = new Map(scan.ids.map((id, rank) => [id, rank] as const));

describe.each([["sqlite-fts5"], ["flexsearch"], ["orama"]])("%s", (name) => {
  it("finds the linear scan's full result set for every query it can express", async () => {
    const system = await loadSystem(name);
    const instance = await system.load(artifactBytes(await system.build(corpus.records)));
    let compared = 0;
    for (const q of queries) {
      if (!expresses(system, q)) continue;
      compared++;
      const all = await system.matches(instance, q);
      expect({ q: q.text, digest: matchDigest(all) }).toEqual({
        q: q.text,
        digest: matchDigest(linearScan.matches(scan, q)),
      });
      const page = await system.query(instance, q);
      expect({ q: q.text, total: page.total }).toEqual({ q: q.text, total: all.length });
      expect(page.ids.length).toBe(Math.min(q.limit, all.length));
      const found = new Set(all);
      expect(page.ids.every((id) => found.has(id))).toBe(true);
      if (q.sort === "chronological") {
        const ranks = page.ids.map((id) => chronological.get(id)!);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it("declares what it cannot express, with a reason, and refuses an empty artifact", async () => {
    const system = await loadSystem(name);
    for (const [cls, reason] of Object.entries(system.unsupported ?? {})) {
      expect(QUERY_CLASSES).toContain(cls);
      expect(reason.length).toBeGreaterThan(10);
    }
    await expect(async () => system.load({})).rejects.toThrow(
      new RegExp(`^${name}: artifact has no`),
    );
  });
});

describe("what the peers cannot express", () => {
  it("SQLite FTS5 and FlexSearch have no edit distance; Orama expresses every class", async () => {
    expect(Object.keys((await loadSystem("sqlite-fts5")).unsupported ?? {})).toEqual(["fuzzy"]);
    expect(Object.keys((await loadSystem("flexsearch")).unsupported ?? {})).toEqual(["fuzzy"]);
    expect((await loadSystem("orama")).unsupported).toBeUndefined();
  });

  it("SQLite MATCH expressions quote every word", () => {
    const base = { index: 0, sort: "relevance" as const, limit: 20, text: "" };
    expect(matchExpression({ ...base, class: "and", terms: ["a", "b"] })).toBe('"a" AND "b"');
    expect(matchExpression({ ...base, class: "prefix", terms: ["sec"], prefix: true })).toBe(
      '"sec"*',
    );
    expect(matchExpression({ ...base, class: "phrase", terms: ["a", 'b"'], phrase: 'a b"' })).toBe(
      '"a b"""',
    );
  });
});
