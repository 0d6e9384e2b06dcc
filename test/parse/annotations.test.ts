/** Annotations: the captioner's notes and their kinds; attribution notes. */
import { describe, expect, test } from "vitest";
import { annotationKind, attributedSpeaker, findAnnotations } from "../../ingest/parse/annotations";

describe("kinds", () => {
  test.each([
    ["(Applause)", "applause"],
    ["(Applause.)", "applause"],
    ["[APPLAUSE]", "applause"],
    ["(Gavel)", "gavel"],
    ["(Laughter)", "laughter"],
    ["(repeating in French)", "language"],
    ["(Speaking in Arabic)", "language"],
    ["(No English.)", "no-english"],
    ["(Interpretation checks)", "interpretation"],
    ["(Please stand by. The meeting will begin momentarily)", "stand-by"],
    ["(Standing by)", "stand-by"],
    ["(?)", "unsure"],
    ["(sp?)", "unsure"],
    ["(Inaudible)", "inaudible"],
    ["(Pause)", "other"],
    ["(Session ends at 1750)", "other"],
    ["(End of transcript)", "other"],
    ["[MUSIC PLAYING]", "other"],
    ["(That was Egypt speaking)", "attribution"],
  ])("%s -> %s", (note, kind) => {
    const text = `Words ${note} more words.`;
    expect(findAnnotations(text)).toEqual([{ text: note, start: 6, end: 6 + note.length, kind }]);
  });

  test.each(["(a)", "(b) and (c)", "(the Regulations)", "(ITRs)", "(1)", "(French)"])(
    "%s is speech (or a language) — no speech parenthesis is an annotation",
    (note) => {
      const kinds = findAnnotations(`Text ${note} here.`).map((a) => a.kind);
      expect(kinds.every((k) => k === "language")).toBe(true);
      if (note !== "(French)") expect(kinds).toEqual([]);
    },
  );

  test("a bare stand-by line is the captioner's", () => {
    expect(findAnnotations("Please stand by. The meeting will resume shortly.")).toEqual([
      {
        text: "Please stand by. The meeting will resume shortly.",
        start: 0,
        end: 49,
        kind: "stand-by",
      },
    ]);
  });

  test("annotations are listed in order with offsets into the text", () => {
    const text = "(Gavel) Good evening (Laughter). (Applause)";
    const found = findAnnotations(text);
    expect(found.map((a) => a.kind)).toEqual(["gavel", "laughter", "applause"]);
    for (const a of found) expect(text.slice(a.start, a.end)).toBe(a.text);
  });

  test("an empty bracket is nothing", () => {
    expect(annotationKind("  ", false)).toBeNull();
  });
});

describe("attribution notes", () => {
  test.each([
    ["That was Egypt speaking", "Egypt"],
    ["That was Egypt speaking.", "Egypt"],
    ["that was the delegate of Saudi Arabia speaking", "Saudi Arabia"],
    ["That was the delegation of the Islamic Republic of Iran", "Islamic Republic of Iran"],
    ["The previous speaker was Cuba.", "Cuba"],
    ["Correction: that was India speaking", "India"],
    ["That was the Chairman speaking", "Chairman"],
  ])("(%s) -> %s", (inner, name) => {
    expect(attributedSpeaker(inner)).toBe(name);
  });

  test("weak forms need a name the recogniser knows", () => {
    const known = (n: string): boolean => ["Egypt", "Cuba"].includes(n);
    expect(attributedSpeaker("Egypt speaking", known)).toBe("Egypt");
    expect(attributedSpeaker("That was Cuba", known)).toBe("Cuba");
    expect(attributedSpeaker("French speaking", known)).toBeNull();
    expect(attributedSpeaker("This is a test", known)).toBeNull();
    expect(attributedSpeaker("Speaking in French", known)).toBeNull();
  });
});
