/**
 * Proximity "a b"~N (src/search/proximity.ts, Lucene's slop): the convention's cases, a
 * brute-force reference on random texts, and the search path (verified on the text, excluded,
 * highlighted like a phrase) on the SYNTHETIC fixture corpus.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { containsProximity, findProximity } from "../../src/search/proximity";
import { search } from "../../src/search/search";
import { normaliseTerm, tokenize } from "../../src/search/text";
import { fixtureCorpus } from "../fixtures/corpus";

describe("Lucene's slop", () => {
  test.each([
    ["a b", ["a", "b"], 0, true],
    ["a x b", ["a", "b"], 0, false],
    ["a x b", ["a", "b"], 1, true],
    ["b a", ["a", "b"], 1, false],
    ["b a", ["a", "b"], 2, true],
    ["b x a", ["a", "b"], 2, false],
    ["b x a", ["a", "b"], 3, true],
    ["a", ["a", "a"], 5, false],
    ["a y a", ["a", "a"], 1, true],
    ["Member States, shall take", ["member", "take"], 2, true],
    ["Member States, shall take", ["member", "take"], 1, false],
    ["Égypte régulation", ["egypte", "regulation"], 0, true],
  ])("%j has %j within %i: %s", (text, terms, slop, expected) => {
    expect(containsProximity(text, terms, slop)).toBe(expected);
  });

  test("spans run from the first to the last matched word", () => {
    const text = "We say that spam, in short, is unsolicited.";
    const [span] = findProximity(text, ["unsolicited", "spam"], 6);
    expect(span && text.slice(span[0], span[1])).toBe("spam, in short, is unsolicited");
  });

  test("agrees with a brute-force reading of the convention", () => {
    const vocabulary = ["a", "b", "c", "d"];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...vocabulary), { maxLength: 9 }),
        fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 3 }),
        fc.nat(6),
        (words, terms, slop) => {
          expect(containsProximity(words.join(" "), terms, slop)).toBe(
            bruteForce(words, terms, slop),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});

/** Some distinct positions p_i with words[p_i] = terms[i] and max(p_i - i) - min(p_i - i) <= slop. */
function bruteForce(words: string[], terms: string[], slop: number): boolean {
  const pick = (i: number, used: number[]): boolean => {
    if (i === terms.length) {
      const values = used.map((p, k) => p - k);
      return Math.max(...values) - Math.min(...values) <= slop;
    }
    return words.some(
      (word, p) => word === terms[i] && !used.includes(p) && pick(i + 1, [...used, p]),
    );
  };
  return pick(0, []);
}

describe("proximity in search (fixture corpus)", () => {
  test("finds the words within N positions in any order, checked on the text", async () => {
    const corpus = await fixtureCorpus();
    const ids = (q: string) =>
      search(corpus, { q, sort: "chronological", limit: 100 }).results.map((r) => r.id);
    // "human rights must be respected": rights .. respected are 3 apart.
    expect(ids('"rights respected"~1')).toEqual([]);
    expect(ids('"rights respected"~2')).toEqual(["plenary-1.2"]);
    expect(ids('"respected rights"~4')).toEqual(["plenary-1.2"]);
    // Every phrase match is a ~0 match.
    for (const id of ids('"human rights"')) expect(ids('"human rights"~0')).toContain(id);
    expect(ids('rights -"rights respected"~2')).not.toContain("plenary-1.2");
  });

  test("is highlighted like a phrase: one mark from the first word to the last", async () => {
    const corpus = await fixtureCorpus();
    const [hit] = search(corpus, { q: '"respected rights"~4' }).results;
    expect(hit?.snippet).toContain("<mark>rights must be respected</mark>");
    const [start, end] = hit!.highlights[0]!;
    expect(tokenize(hit!.text.slice(start, end)).map(normaliseTerm)).toEqual([
      "rights",
      "must",
      "be",
      "respected",
    ]);
  });
});
