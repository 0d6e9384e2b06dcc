/**
 * How far a captioner's attribution note reaches (ingest/parse/attribution.ts, R1-R5), beyond
 * the golden files: the wrap-width estimate, a wrap that is not a paragraph break, and that no
 * labelled delegation's words are ever dropped.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { estimateWrapWidth } from "../../ingest/parse/attribution";
import { parseTranscript } from "../../ingest/parse/transcript";
import { wrapLine } from "../../transcripts/generate/layout";

const HEADER = "FINISHED TRANSCRIPT\nSYNTHETIC SAMPLE\nPLENARY 8\n12 DECEMBER 2012\n09:30\n";

/** Hard-wraps a paragraph as the sample generator does. */
function wrap(text: string, width: number): string {
  return wrapLine(text, width).join("\n");
}

describe("estimateWrapWidth", () => {
  test("finds the width of a hard-wrapped text", () => {
    const para = "Thank you, Chair. ".repeat(40).trim();
    expect(estimateWrapWidth(wrap(para, 64))).toBeLessThanOrEqual(64);
    expect(estimateWrapWidth(wrap(para, 64))).toBeGreaterThan(55);
  });

  test("null for a text of long paragraphs or of few lines", () => {
    const para = "Thank you, Chair. ".repeat(20).trim();
    expect(estimateWrapWidth(Array(12).fill(para).join("\n"))).toBeNull();
    expect(estimateWrapWidth("one\ntwo")).toBeNull();
  });
});

describe("reach of a note in a hard-wrapped text", () => {
  const filler =
    ">> CHAIR: Thank you. Before we go on, the secretariat reminds delegations that the revised text is in the boxes and on the website, and that the list of speakers closes at noon today.";
  const turn = (norway: string) =>
    `${HEADER}${wrap(filler, 64)}\n` +
    `${wrap(">> CHAIR: I have Norway, then Chile, and then the other speakers on the list for today.", 64)}\n` +
    `${wrap(`>> NORWAY: ${norway} (That was Chile speaking)`, 64)}\n` +
    `${wrap(filler, 64)}\n`;

  test("a wrap after a sentence end (the next word would not have fitted) is not a break", () => {
    const words =
      "Thank you, Chair. Norway has now read it all today. Unfortunately we have difficulties with paragraph two and the annex.";
    const input = turn(words);
    // The wrapper ended a line after "today." because "Unfortunately" did not fit.
    expect(input).toMatch(/today\.\nUnfortunately/);
    const parsed = parseTranscript(input);
    const noted = parsed.utterances.find((u) => u.attribution);
    expect(noted?.attribution?.uncertain).toBe(true);
    expect(noted?.speaker.raw).toBe("NORWAY");
    expect(noted?.text).toContain("Norway has now read");
  });

  test("a line the captioner ended (the next word would have fitted) is a break", () => {
    const input = turn("Thank you, Chair. Norway agrees.").replace(
      "Norway agrees. (That",
      "Norway agrees.\nWe do not agree with the text. (That",
    );
    const parsed = parseTranscript(input);
    const noted = parsed.utterances.find((u) => u.attribution);
    expect(noted?.attribution?.reach).toBe("after-break");
    expect(noted?.text).toBe("We do not agree with the text. (That was Chile speaking)");
    expect(parsed.utterances.find((u) => u.speaker.raw === "NORWAY")?.text).toBe(
      "Thank you, Chair. Norway agrees.",
    );
  });
});

describe("no labelled delegation loses its words", () => {
  const names = ["NORWAY", "CHILE", "KENYA", "PERU", "MEXICO"] as const;
  const sentence = fc
    .array(fc.constantFrom("we", "support", "the", "text", "on", "security", "cannot", "accept"), {
      minLength: 2,
      maxLength: 8,
    })
    .map((words) => `${words.join(" ")}.`);
  const turnArb = fc.record({
    label: fc.constantFrom(...names),
    named: fc.option(fc.constantFrom(...names), { nil: null }),
    paragraphs: fc.array(fc.array(sentence, { minLength: 1, maxLength: 3 }), {
      minLength: 1,
      maxLength: 3,
    }),
    called: fc.array(fc.constantFrom(...names), { maxLength: 2 }),
  });

  test("every word of every turn is in exactly one utterance, in order, and every move is recorded", () => {
    fc.assert(
      fc.property(fc.array(turnArb, { minLength: 1, maxLength: 5 }), (turns) => {
        const lines: string[] = [];
        for (const t of turns) {
          if (t.called.length > 0) lines.push(`>> CHAIR: ${t.called.join(", then ")}.`);
          const body = t.paragraphs.map((p) => p.join(" ")).join("\n");
          const note = t.named ? ` (That was ${t.named} speaking)` : "";
          lines.push(`>> ${t.label}: ${body}${note}`);
        }
        const parsed = parseTranscript(`${HEADER}${lines.join("\n")}\n`);
        const spoken = turns.map((t) => t.paragraphs.flat().join(" ")).join(" ");
        const kept = parsed.utterances
          .filter((u) => u.speaker.kind !== "chair")
          .map((u) => u.text.replace(/ ?\(That was \w+ speaking\)/, ""))
          .join(" ");
        expect(kept).toBe(spoken);
        for (const u of parsed.utterances) {
          if (u.speaker.kind === "chair" || u.speaker.raw === null) continue;
          const moved = u.attribution && !u.attribution.uncertain;
          // A delegation's words leave its label only with an attribution that says so.
          if (!moved) expect(names).toContain(u.speaker.raw);
          else expect(u.attribution?.labelled).not.toBe(u.speaker.raw);
        }
      }),
      { numRuns: 300 },
    );
  });
});
