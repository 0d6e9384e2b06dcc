/**
 * phraseTester (the fast containment test used to verify phrase hits) must agree with findPhrase
 * (which highlighting uses) on every text: texts and phrases are drawn from pieces chosen to hit
 * the fast path's edges — white space that folding joins, characters whose lower case is or
 * contains ASCII (Kelvin sign, dotted capital I), combining marks, digits and punctuation.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { SpacingCache, findPhrase, phraseTester } from "../../src/search/text";
import { check } from "./seed";

const WORDS = ["human", "Human", "HUMAN", "rights", "RIGHTS", "in", "i", "km", "we", "s", "x1"];
const ODD = ["\u212a", "\u0130", "\u017f", "e\u0301", "\u00e9", "\u03a3", "-", ",", "'", "2"];
const SPACES = [" ", " ", " ", "  ", "\n", "\t", "\u00a0", " \n ", "\u2028", ""];

const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD) },
  { weight: 4, arbitrary: fc.constantFrom(...SPACES) },
);
const text = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(""));
const phrase = fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(""));

const withPhrase = fc.tuple(text, fc.constantFrom("  ", "\n", " \t", "\u00a0"), fc.boolean());

describe("phraseTester", () => {
  test("agrees with findPhrase on 3,000 generated texts and phrases", () => {
    check(
      "phrase-tester",
      fc.property(text, phrase, (t, p) => {
        expect(phraseTester(p)(t)).toBe(findPhrase(t, p).length > 0);
      }),
      3000,
    );
  });

  test("agrees with findPhrase through a SpacingCache, on first and later checks of a text", () => {
    check(
      "phrase-tester-spacing",
      fc.property(fc.array(withPhrase, { minLength: 1, maxLength: 8 }), phrase, (made, p) => {
        // Half the texts hold the phrase with its spaces replaced by white space that folds.
        const texts = made.map(([t, space, inject]) =>
          inject ? `${t}${space}${p.replace(/ /g, space)}${space}${t}` : t,
        );
        const spacing = new SpacingCache(texts.length);
        const contains = phraseTester(p, spacing);
        for (let round = 0; round < 2; round++) {
          texts.forEach((t, key) => {
            expect(contains(t, key)).toBe(findPhrase(t, p).length > 0);
          });
        }
        // A key outside the cache is checked without it.
        expect(contains(texts[0]!, texts.length + 5)).toBe(findPhrase(texts[0]!, p).length > 0);
      }),
      1000,
    );
  });

  test.each<[string, string, boolean]>([
    ["We speak of human  rights.", "human rights", true],
    ["human\nrights", "HUMAN RIGHTS", true],
    ["inhuman rights", "human rights", false],
    ["human rightsholders", "human rights", false],
    ["\u212am away", "km", true],
    ["anything", "   ", false],
  ])("%j contains %j: %s", (t, p, expected) => {
    expect(phraseTester(p)(t)).toBe(expected);
  });
});
