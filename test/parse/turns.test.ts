/** Turn scanning: markers anywhere, label shapes, unmarked labels, unlabelled turns. */
import { describe, expect, test } from "vitest";
import { isCapitalsLabel, scanTurns } from "../../ingest/parse/turns";

/** Labels and texts of the turns of a body. */
function turns(text: string): [string | null, string][] {
  return scanTurns(text).map((t) => [t.label?.raw ?? null, text.slice(t.textStart, t.end).trim()]);
}

describe("markers", () => {
  test.each([
    [">> CHAIR: a", [["CHAIR", "a"]]],
    ["> CHAIR: a", [["CHAIR", "a"]]],
    ["> > CHAIR: a", [["CHAIR", "a"]]],
    [">>> CHAIR: a", [["CHAIR", "a"]]],
    [">>CHAIR:a", [["CHAIR", "a"]]],
    [
      "x >> CHAIR: a >> EGYPT: b",
      [
        [null, "x"],
        ["CHAIR", "a"],
        ["EGYPT", "b"],
      ],
    ],
    ["a -> b => c", [[null, "a -> b => c"]]],
    ["x > y and y < z.", [[null, "x > y and y < z."]]],
    [
      "done. > Next one.",
      [
        [null, "done."],
        [null, "Next one."],
      ],
    ],
    [">> >> CHAIR: a", [["CHAIR", "a"]]],
  ] as const)("%j", (text, expected) => {
    expect(turns(text)).toEqual(expected);
  });

  test("the marker kind is kept", () => {
    const found = scanTurns(">> ALPHA: x > BETA: y > > GAMMA: z\n> DELTA: w");
    expect(found.map((t) => [t.marker, t.label?.raw])).toEqual([
      [">>", "ALPHA"],
      [">", "BETA"],
      ["> >", "GAMMA"],
      [">", "DELTA"],
    ]);
  });
});

describe("labels after a marker", () => {
  test.each([
    "CHAIR",
    "CHAIRMAN COMMITTEE 4",
    "COMMITTEE 4 CHAIRMAN",
    "SECRETARY OF THE SESSION",
    "REPUBLIC OF KOREA",
    "COTE D'IVOIRE",
    "MR. SMITH",
    "H.E. MR. JONES",
    "UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND",
    "SPEAKER (INTERPRETED)",
  ])("%j is a label", (label) => {
    expect(isCapitalsLabel(label)).toBe(true);
    expect(turns(`>> ${label}: words`)).toEqual([[label, "words"]]);
  });

  test.each([
    ">> Thank you. Two points: first, this.",
    ">> OK: fine.",
    ">> NOTE: fine.",
    ">> AT 10:30 we resume.",
    ">> THANK YOU. TWO POINTS: FIRST.",
    ">> See http://example.com for more.",
    ">> WE HAVE A VERY LONG RUN OF CAPITAL WORDS THAT GOES ON AND ON: yes.",
    ">> ARTICLE 5: we propose a change.",
    ">> PARAGRAPH 2: delete it.",
  ])("%j is an unlabelled turn", (text) => {
    expect(turns(text)).toEqual([[null, text.slice(3)]]);
  });

  test("a known mixed-case label after a marker is a label", () => {
    expect(turns(">> Egypt: yes. >> Chair: thanks.")).toEqual([
      ["Egypt", "yes."],
      ["Chair", "thanks."],
    ]);
  });

  test("an empty turn has a label and no words", () => {
    expect(turns(">> INDIA:\n>> CHAIR: India?")).toEqual([
      ["INDIA", ""],
      ["CHAIR", "India?"],
    ]);
  });
});

describe("unmarked labels at line starts", () => {
  test("known labels start turns; Note: and Article 5: do not", () => {
    expect(turns("Chair: a.\nNote: b.\nArticle 5: c.\nEgypt: d.")).toEqual([
      ["Chair", "a.\nNote: b.\nArticle 5: c."],
      ["Egypt", "d."],
    ]);
  });

  test("a hard wrap mid-sentence does not start a turn", () => {
    expect(turns("Chair: the proposal of\nEgypt: as amended.\n\nEgypt: yes.")).toEqual([
      ["Chair", "the proposal of\nEgypt: as amended."],
      ["Egypt", "yes."],
    ]);
  });

  test("a label must be followed by a space", () => {
    expect(turns("Chair:no")).toEqual([[null, "Chair:no"]]);
  });

  test("an injected recogniser decides", () => {
    const found = scanTurns("Alpha: a.\nBeta: b.", { isKnownLabel: (raw) => raw === "Beta" });
    expect(found.map((t) => t.label?.raw ?? null)).toEqual([null, "Beta"]);
  });
});
