import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  containsFuzzy,
  containsFuzzyByTokens,
  containsPrefix,
  containsWords,
  withinEditDistance,
} from "../../bench/systems/text-match";

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return d[a.length]![b.length]!;
}

describe("text matching on token boundaries", () => {
  it.each([
    ["the port is open", "port", true],
    ["we support it", "port", false],
    ["ports, and more", "port", false],
    ["(port)", "port", true],
    ["end of text.port", "port", true],
    ["security and robustness of networks, indeed", "security and robustness of networks", true],
    ["insecurity and robustness of networks", "security and robustness of networks", false],
  ])("containsWords(%j, %j) = %s", (text, words, expected) => {
    expect(containsWords(text, words)).toBe(expected);
  });

  it.each([
    ["regulations apply", "regul", true],
    ["deregulation", "regul", false],
    ["the re-regulation", "regul", true],
  ])("containsPrefix(%j, %j) = %s", (text, prefix, expected) => {
    expect(containsPrefix(text, prefix)).toBe(expected);
  });

  it.each([
    ["the regulatoins", "regulations", 2, true],
    ["the regulation", "regulations", 1, true],
    ["the regime", "regulations", 2, false],
    ["telecom, spam.", "spams", 1, true],
  ])("containsFuzzy(%j, %j, %d) = %s", (text, term, edits, expected) => {
    expect(containsFuzzy(text, term, edits)).toBe(expected);
  });

  it("withinEditDistance agrees with a plain Levenshtein distance", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "b", "c"), maxLength: 9 }),
        fc.string({ unit: fc.constantFrom("a", "b", "c"), maxLength: 9 }),
        fc.integer({ min: 0, max: 3 }),
        (a, b, k) => {
          expect(withinEditDistance(a, 0, a.length, b, k)).toBe(levenshtein(a, b) <= k);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("the pigeonhole filter of containsFuzzy loses no match", () => {
    const letters = fc.constantFrom("a", "b", "c", " ", ",");
    fc.assert(
      fc.property(
        fc.string({ unit: letters, maxLength: 40 }),
        fc.string({ unit: fc.constantFrom("a", "b", "c"), minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 2 }),
        (text, term, k) => {
          expect(containsFuzzy(text, term, k)).toBe(containsFuzzyByTokens(text, term, k));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
