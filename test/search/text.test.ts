import { describe, expect, test } from "vitest";
import {
  escapeHtml,
  findPhrase,
  foldName,
  foldText,
  normaliseTerm,
  terms,
} from "../../src/search/text";

describe("terms", () => {
  test.each([
    ["Internet governance", ["internet", "governance"]],
    ["DT/30 rev 3", ["dt", "30", "rev", "3"]],
    ["Côte d'Ivoire", ["cote", "d", "ivoire"]],
    ["  --  & ", []],
    ["HUMAN   RIGHTS", ["human", "rights"]],
  ])("%j -> %j", (text, expected) => {
    expect(terms(text)).toEqual(expected);
  });

  test("normaliseTerm strips accents and case", () => {
    expect(normaliseTerm("Égalité")).toBe("egalite");
  });
});

describe("findPhrase", () => {
  test.each<[string, string, [number, number][]]>([
    ["We speak of human rights today.", "human rights", [[12, 24]]],
    ["The HUMAN   RIGHTS of users", "human rights", [[4, 18]]],
    [
      "human\nrights and Human Rights",
      "human rights",
      [
        [0, 12],
        [17, 29],
      ],
    ],
    ["inhuman rights", "human rights", []],
    ["human rightsholders", "human rights", []],
    ["human, rights", "human rights", []],
    ["digital divide", "  Digital   DIVIDE ", [[0, 14]]],
    ["İstanbul human rights", "human rights", [[9, 21]]],
    ["anything", "   ", []],
  ])("%j in %j", (text, phrase, spans) => {
    const found = findPhrase(text, phrase).map((s) => [s.start, s.end]);
    expect(found).toEqual(spans);
    for (const [start, end] of found as [number, number][]) {
      expect(foldText(text.slice(start, end)).folded).toBe(foldText(phrase).folded);
    }
  });
});

describe("foldText", () => {
  test("maps folded offsets back to the original", () => {
    const folded = foldText("  A  b\tC ");
    expect(folded.folded).toBe("a b c");
    expect(folded.starts).toEqual([2, 3, 5, 6, 7]);
  });
});

describe("escapeHtml", () => {
  test("escapes the five special characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
    );
  });
});

describe("foldName (mirrors the alias table's key form)", () => {
  test.each([
    ["ISLAMIC REPUBLIC OF IRAN", "islamic republic of iran"],
    ["Trinidad & Tobago", "trinidad and tobago"],
    ["The Gambia", "gambia"],
    ["Côte d'Ivoire", "cote divoire"],
    ["official:jane-doe", "official jane doe"],
    ["COM5", "com 5"],
  ])("%j -> %j", (name, key) => {
    expect(foldName(name)).toBe(key);
  });
});
