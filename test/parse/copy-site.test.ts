/** Copy-site repeats (copy-site.ts K1-K3): what is removed, what stays, and the offsets. */
import { describe, expect, test } from "vitest";
import { removeCopyRepeats } from "../../ingest/parse/copy-site";
import { identityText, sourceSpanOf } from "../../ingest/parse/mapped-text";

const clean = (text: string): string => removeCopyRepeats(identityText(text)).text;
const squash = (s: string): string => s.replace(/\s+/g, " ").trim();
const HEADER = "FINISHED TRANSCRIPT\nPLENARY 4\n5 DECEMBER 2012\n14:30";

describe("a second copy of the beginning (K1)", () => {
  test("a header copy mid-turn goes, the turn's words stay", () => {
    expect(squash(clean(`>> CHAIR: One two\n${HEADER}\nthree.\n>> EGYPT: Yes.`))).toBe(
      ">> CHAIR: One two three. >> EGYPT: Yes.",
    );
  });

  test("a flattened copy with a page title goes", () => {
    const copy =
      "FINISHED TRANSCRIPT WORLD CONFERENCE ON INTERNATIONAL TELECOMMUNICATIONS DUBAI, UNITED ARAB EMIRATES PLENARY 4 5 DECEMBER 2012";
    expect(squash(clean(`>> CHAIR: One. ${copy} >> EGYPT: Yes.`))).toBe(
      ">> CHAIR: One. >> EGYPT: Yes.",
    );
  });

  test("a Transcript of <page title> line right above the copy goes with it", () => {
    expect(
      squash(clean(`>> CHAIR: One two\nTranscript of Plenary 4 (copy)\n${HEADER}\nthree.`)),
    ).toBe(">> CHAIR: One two three.");
  });

  test.each([
    ">> CHAIR: We adopt the FINAL COPY of the text.",
    ">> CHAIR: The WORLD CONFERENCE is open.",
    ">> CHAIR: the text was a ROUGH DRAFT on 5 December",
  ])("speech naming one field stays: %j", (text) => {
    expect(clean(text)).toBe(text);
  });
});

describe("the opening turns again (K2)", () => {
  const opening = ">> CHAIR: Good afternoon.\n>> CUBA: Thank you, Chair.\n";

  test("whole repeated turns go, the first turn that differs stays", () => {
    const text = `${opening}>> CHAIR: Thank you. Iran.\n${HEADER}\n${opening}>> CHAIR: Thank you. India.\n>> INDIA: Yes.`;
    expect(squash(clean(text))).toBe(
      ">> CHAIR: Good afternoon. >> CUBA: Thank you, Chair. >> CHAIR: Thank you. Iran. >> CHAIR: Thank you. India. >> INDIA: Yes.",
    );
  });

  test("a stand-by line before the first turn that the copy leaves out does not hide the repeat", () => {
    const text = `(Please stand by)\n${opening}>> CHAIR: Iran.\n${HEADER}\n${opening}>> IRAN: Yes.`;
    expect(squash(clean(text))).toBe(
      "(Please stand by) >> CHAIR: Good afternoon. >> CUBA: Thank you, Chair. >> CHAIR: Iran. >> IRAN: Yes.",
    );
  });

  test("a preview cut mid-turn continues into its remainder, and the offsets still point at the input", () => {
    const text = `>> CHAIR: One two\n${HEADER}\n>> CHAIR: One two three four.\n>> CUBA: Yes.`;
    const m = removeCopyRepeats(identityText(text));
    expect(squash(m.text)).toBe(">> CHAIR: One two three four. >> CUBA: Yes.");
    const at = m.text.indexOf("three");
    expect(sourceSpanOf(m, at, at + 5)).toEqual({
      start: text.indexOf("three"),
      end: text.indexOf("three") + 5,
    });
  });

  test("words said only after the copy are kept even when the opening is not repeated", () => {
    const text = `${opening}${HEADER}\n>> INDIA: New words.`;
    expect(squash(clean(text))).toBe(`${squash(opening)} >> INDIA: New words.`);
  });
});

describe("a final marker cut off (K3)", () => {
  test.each([
    [">> CHAIR: Bye.\n>> INTERPRE", ">> CHAIR: Bye."],
    [">> CHAIR: Bye. >", ">> CHAIR: Bye."],
    [">> CHAIR: Bye.\n> >", ">> CHAIR: Bye."],
    [">> INTERPRETER: Ready.\n>> CHAIR: Bye.\nINTERPRE", ">> INTERPRETER: Ready.\n>> CHAIR: Bye."],
  ])("%j is cut", (input, expected) => {
    expect(clean(input).trim()).toBe(expected);
  });

  test.each([
    ">> CHAIR: Bye.\n>> CHAIR:",
    ">> CHAIR: when A > B",
    ">> CHAIR: Bye.\n>> Thank you",
    ">> CHAIR: The vote is\nYES",
  ])("%j stays", (input) => {
    expect(clean(input)).toBe(input);
  });
});
