/** Malformed input: the parser never throws and says what it could not find. */
import { describe, expect, test } from "vitest";
import type { Logger } from "../../src/domain";
import { parseTranscript } from "../../ingest/parse/transcript";

const HEADER = "FINISHED TRANSCRIPT\nSYNTHETIC SAMPLE\nPLENARY 1\n03 DECEMBER 2012\n14:30";

describe("malformed input", () => {
  test("empty string: empty session, no utterances, warnings", () => {
    const parsed = parseTranscript("");
    expect(parsed.utterances).toEqual([]);
    expect(parsed.session).toMatchObject({
      status: null,
      date: null,
      title: null,
      synthetic: false,
    });
    expect(parsed.warnings).toContain("header: none found (a rough live version may have none)");
    expect(parsed.warnings).toContain("turns: no utterances found");
  });

  test("only whitespace", () => {
    expect(parseTranscript(" \n\t\r\n ").utterances).toEqual([]);
  });

  test("only a header", () => {
    const parsed = parseTranscript(HEADER);
    expect(parsed.session).toMatchObject({ title: "PLENARY 1", date: "2012-12-03", time: "14:30" });
    expect(parsed.utterances).toEqual([]);
    expect(parsed.warnings).toContain("turns: no utterances found");
  });

  test.each([
    // A final marker cut off with its label fragment is neither speech nor a turn (copy-site K3).
    [">> CHAI", []],
    [">> CHAIR", []],
    [">> CHAIR:", [["CHAIR", ""]]],
    [">> CHAIR: half a sente", [["CHAIR", "half a sente"]]],
    [">>", []],
    [">> >> >>", []],
    ["> ", []],
  ] as const)("truncated %j", (tail, expected) => {
    const parsed = parseTranscript(`${HEADER}\n>> EGYPT: Whole turn.\n${tail}`);
    expect(parsed.utterances.map((u) => [u.speaker.raw, u.text])).toEqual([
      ["EGYPT", "Whole turn."],
      ...expected,
    ]);
  });

  test("binary-ish junk: controls and replacement characters never reach the text as controls", () => {
    const bytes = Array.from({ length: 4000 }, (_, i) =>
      String.fromCharCode((i * 7919) % 256),
    ).join("");
    const parsed = parseTranscript(`${bytes}\n>> CHAIR: After the junk.\u0000\u0001`);
    expect(parsed.utterances.at(-1)).toMatchObject({ text: "After the junk." });
    const isControl = (ch: string): boolean => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127;
    for (const u of parsed.utterances) expect([...u.text].filter(isControl)).toEqual([]);
  });

  test("lone surrogates, unclosed brackets and stray delimiters", () => {
    const parsed = parseTranscript(
      `${HEADER}\n***\n>> CHAIR: (Applause \ud800 [APPL\n>> EGYPT: ((((`,
    );
    expect(parsed.utterances.map((u) => u.speaker.raw)).toEqual(["CHAIR", "EGYPT"]);
    expect(parsed.utterances[0]?.annotations).toEqual([]);
  });

  test("an enormous single line is parsed whole", () => {
    const turn = ">> CHAIR: word word word word word word word word. >> EGYPT: other words here. ";
    const text = `FINISHED TRANSCRIPT PLENARY 2 4 DECEMBER 2012 9:30 ${turn.repeat(5000)}`;
    const parsed = parseTranscript(text);
    expect(text.length).toBeGreaterThan(350_000);
    expect(parsed.utterances).toHaveLength(10_000);
    expect(parsed.session.title).toBe("PLENARY 2");
    expect(parsed.utterances.at(-1)).toMatchObject({
      text: "other words here.",
      source: { line: 1, endLine: 1 },
    });
  });

  test("an enormous line without markers or spaces is one unlabelled utterance", () => {
    const parsed = parseTranscript("x".repeat(300_000));
    expect(parsed.utterances).toHaveLength(1);
    expect(parsed.utterances[0]?.text.length).toBe(300_000);
  });

  test("a value that is not a string is treated as text", () => {
    expect(() => parseTranscript(undefined as unknown as string)).not.toThrow();
    const textLike = { toString: () => ">> CHAIR: From an object." } as unknown as string;
    expect(parseTranscript(textLike).utterances.map((u) => u.text)).toEqual(["From an object."]);
  });

  test("warnings go to the logger; a throwing logger changes nothing", () => {
    const seen: string[] = [];
    const logger: Logger = { info() {}, warn: (m) => seen.push(m), error() {} };
    const parsed = parseTranscript(">> CHAIR: Hi.", { logger });
    expect(seen).toEqual(parsed.warnings.map((w) => `parse: ${w}`));
    const throwing: Logger = {
      info() {},
      warn() {
        throw new Error("logger down");
      },
      error() {
        throw new Error("logger down");
      },
    };
    expect(parseTranscript(">> CHAIR: Hi.", { logger: throwing }).utterances).toHaveLength(1);
  });

  test("an unrecognised label is kept as written, as an unknown speaker, with a warning", () => {
    const parsed = parseTranscript(">> ROOM 7 MICROPHONE 3: words.");
    expect(parsed.utterances[0]?.speaker).toMatchObject({
      raw: "ROOM 7 MICROPHONE 3",
      kind: "unknown",
    });
    expect(parsed.utterances[0]?.text).toBe("words.");
    expect(parsed.warnings.join(" ")).toMatch(
      /line 1: speaker label "ROOM 7 MICROPHONE 3" not recognised/,
    );
  });
});
