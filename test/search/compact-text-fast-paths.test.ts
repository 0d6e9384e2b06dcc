/**
 * The fast paths added for the compact backend's query speed (src/search/text.ts findPhrase and
 * normaliseTerm, src/search/search.ts highlightSpans) give exactly what the general paths give:
 * generated texts mix plain ASCII, accents, capitals, odd white space and punctuation.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { highlightSpans } from "../../src/search/search";
import { parseQuery } from "../../src/search/query";
import { findPhrase, foldText, normaliseTerm, tokenizeWithOffsets } from "../../src/search/text";

const PIECES = [
  "the",
  "The",
  "THE",
  "security",
  "Security",
  "sécurité",
  "Égypte",
  "egypte",
  "robustness",
  "of",
  "networks",
  "ITU-T",
  "Σ",
  "ΣΑΣ",
  "İstanbul",
  "naïve",
  "42",
  "x2",
  ",",
  ".",
  "(Applause)",
  "-",
  "'",
];
const SPACES = [" ", " ", " ", "  ", "\n", "\t", " \n ", ""];

const text = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SPACES)), { maxLength: 14 })
  .map((parts) => parts.map(([piece, space]) => piece + space).join(""));
const phrase = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join(" "));

/** The general path of highlightSpans' word part: every token, normalised. */
function referenceWordSpans(source: string, terms: readonly string[]): [number, number][] {
  const wanted = new Set(terms);
  return tokenizeWithOffsets(source)
    .filter((token) => wanted.has(normaliseTerm(token.word)))
    .map((token) => [token.start, token.end]);
}

describe("fast paths agree with the general paths", () => {
  test("findPhrase without a folded text = with foldText's", () => {
    fc.assert(
      fc.property(text, phrase, (source, needle) => {
        expect(findPhrase(source, needle)).toEqual(findPhrase(source, needle, foldText(source)));
      }),
      { numRuns: 3000 },
    );
  });

  test("findPhrase finds a phrase cut out of a plain ASCII text, at its place", () => {
    const source = "We support the security and robustness of networks, Chair.";
    const at = source.indexOf("robustness");
    expect(findPhrase(source, "Robustness of  NETWORKS")).toEqual([{ start: at, end: at + 22 }]);
    expect(findPhrase(source, "robust")).toEqual([]);
    const comma = source.indexOf("networks,");
    expect(findPhrase(source, "networks, chair.")).toEqual([{ start: comma, end: comma + 16 }]);
  });

  test("normaliseTerm: ASCII words are only lower-cased, others lose their marks", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (word) => {
        expect(normaliseTerm(word)).toBe(
          word
            .normalize("NFD")
            .replace(/\p{M}+/gu, "")
            .toLowerCase(),
        );
      }),
      { numRuns: 3000 },
    );
    expect(normaliseTerm("Égypte")).toBe("egypte");
    expect(normaliseTerm("ROBUSTNESS")).toBe("robustness");
  });

  test("highlightSpans marks the same words as a token-by-token scan", () => {
    const query = parseQuery("security");
    fc.assert(
      fc.property(
        text,
        fc.array(fc.constantFrom(...PIECES.map(normaliseTerm).filter((t) => /^\p{L}/u.test(t))), {
          maxLength: 3,
        }),
        (source, terms) => {
          expect(highlightSpans(source, query, terms)).toEqual(
            referenceWordSpans(source, terms)
              .sort((a, b) => a[0] - b[0])
              .reduce<[number, number][]>((merged, span) => {
                const last = merged[merged.length - 1];
                if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
                else merged.push([...span]);
                return merged;
              }, []),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });
});
