/**
 * "Where else was this said?" (src/search/variants/reuse.ts, where-else.ts) on the SYNTHETIC
 * variant fixture: the re-readings and the quote back find each other, links go both ways with
 * exact spans, rough copies and boilerplate pair nothing, and the bounds are reported.
 */
import { describe, expect, test } from "vitest";
import { buildReuse, REUSE } from "../../src/search/variants/reuse";
import { saidElsewhere } from "../../src/search/variants/where-else";
import { ordinalOf } from "../../src/search/corpus";
import { NotFoundError } from "../../src/search/errors";
import { variantCorpus } from "../fixtures/variants";

describe("where else was this said", () => {
  test("the chair's re-readings and Canada's quote find each other, the rough copy is left out", async () => {
    const corpus = await variantCorpus();
    const ids = (id: string) => saidElsewhere(corpus, id).map((entry) => entry.id);
    expect(ids("committee-5-2.0")).toContain("committee-5-2.2");
    expect(ids("committee-5-2.0")).toContain("plenary-9.0");
    expect(ids("plenary-9.0")).toEqual(["committee-5-2.0", "committee-5-2.2"]);
    for (const id of ["committee-5-2.0", "plenary-9.0"])
      expect(ids(id)).not.toContain("plenary-9-rough.0");
    expect(ids("plenary-9.1")).toEqual([]);
    expect(() => saidElsewhere(corpus, "nowhere.1")).toThrow(NotFoundError);
  });

  test("links go both ways, with exact spans and a similarity", async () => {
    const corpus = await variantCorpus();
    const texts = corpus.store.utterances.text;
    for (const [key, links] of Object.entries(corpus.store.reuse)) {
      const ordinal = Number(key);
      for (const [other, start, end, otherStart, otherEnd, permille] of links) {
        expect(other).not.toBe(ordinal);
        const back = corpus.store.reuse[String(other)]?.find((link) => link[0] === ordinal);
        expect(back).toEqual([ordinal, otherStart, otherEnd, start, end, permille]);
        expect(permille).toBeGreaterThanOrEqual(REUSE.minSimilarity * 1000);
        expect(permille).toBeLessThanOrEqual(1000);
        expect(texts.get(ordinal)!.slice(start, end).length).toBeGreaterThan(0);
      }
    }
    const [first] = saidElsewhere(corpus, "plenary-9.0");
    expect(first?.passage).toContain("Member States should encourage operating agencies");
    expect(first?.here.passage).toBe(
      texts.get(ordinalOf(corpus, "plenary-9.0")!)!.slice(first!.here.start, first!.here.end),
    );
  });

  test("boilerplate and short shared phrases pair nothing; the cost is counted", () => {
    const polite = "Thank you, Chair. We support the proposal of the previous speaker.";
    const texts = [
      polite,
      polite.replace("We", "Egypt"),
      "A different text entirely, about other things.",
    ];
    const { table, stats } = buildReuse(texts);
    expect(table).toEqual({});
    expect(stats).toMatchObject({ utterances: 3, truncated: false });
    const long = "the operating agencies shall publish the charges for mobile roaming every month";
    const reused = buildReuse([`First: ${long}.`, `As read: ${long}, and so on.`]);
    expect(reused.table["0"]?.map((link) => link[0])).toEqual([1]);
    expect(reused.stats.cells).toBeGreaterThan(0);
  });
});
