/**
 * The quoted words (src/search/quote.ts, rules Q1-Q6): a golden table, one row per rule, and
 * properties over generated turns: no annotation is ever quoted as if spoken, and a quote is
 * built only from the words of the captioned text, in their order.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { findAnnotations } from "../../ingest/parse/annotations";
import { EDITORIAL_MARK_RE, quoteOf } from "../../src/search/quote";

const isName = (name: string): boolean => ["Egypt", "Chile", "Cuba"].includes(name);
const quote = (text: string): string => quoteOf(text, findAnnotations(text, isName)).text;

describe("quoteOf rules", () => {
  test.each([
    [
      "Q1 plain words are copied as captioned",
      "We support DT/30 (Rev.3), as amended.",
      "We support DT/30 (Rev.3), as amended.",
    ],
    [
      "Q2 a note after the last word is left out",
      "Not as a rule for the Internet. (That was Egypt speaking)",
      "Not as a rule for the Internet.",
    ],
    [
      "Q2 a note before the first word is left out",
      "(Applause) Thank you, Chair.",
      "Thank you, Chair.",
    ],
    [
      "Q2 laughter at the end is left out",
      "We will not sign tonight. (Laughter)",
      "We will not sign tonight.",
    ],
    [
      "Q3 an event between words becomes an editorial bracket",
      "We agree. (Laughter) But not today.",
      "We agree. [laughter] But not today.",
    ],
    [
      "Q3 applause in square capitals",
      "Thank you all. [APPLAUSE] We close the meeting.",
      "Thank you all. [applause] We close the meeting.",
    ],
    [
      "Q3 an unsure word keeps its doubt",
      "the operating (?) agencies",
      "the operating [?] agencies",
    ],
    [
      "Q3 the doubt stays after the last word",
      "recognized operating agencies (?)",
      "recognized operating agencies [?]",
    ],
    [
      "Q3 missing words become an ellipsis",
      "We propose (inaudible) in Article 5.",
      "We propose […] in Article 5.",
    ],
    [
      "Q3 no English becomes an ellipsis",
      "Thank you. (No English.) We thank the Chair.",
      "Thank you. […] We thank the Chair.",
    ],
    [
      "Q3 another language becomes an ellipsis",
      "Merci. (repeating in French) We support it.",
      "Merci. […] We support it.",
    ],
    [
      "Q3 a stand-by line becomes an ellipsis",
      "We resume. Please stand by. The meeting will begin momentarily. Thank you.",
      "We resume. […] Thank you.",
    ],
    [
      "Q4 adjacent events give one bracket",
      "Thank you. (Applause) (Laughter) Now Article 6.",
      "Thank you. [applause, laughter] Now Article 6.",
    ],
    [
      "Q4 an event next to missing words gives an ellipsis",
      "Thank you. (Applause) (Inaudible) Now Article 6.",
      "Thank you. […] Now Article 6.",
    ],
    [
      "Q5 speech in parentheses is speech",
      "paragraph (a) of the ITRs (the Regulations)",
      "paragraph (a) of the ITRs (the Regulations)",
    ],
    ["Q6 only notes: nothing to quote", "(Applause)", ""],
    ["Q6 only notes, several", "(No English.) (That was Cuba speaking)", ""],
  ])("%s", (_rule, text, expected) => {
    expect(quote(text)).toBe(expected);
  });

  test("the spans are the spoken runs of the text, in order", () => {
    const text = "We agree. (Laughter) But not today. (That was Chile speaking)";
    const q = quoteOf(text, findAnnotations(text, isName));
    expect(q.spans.map(([s, e]) => text.slice(s, e))).toEqual(["We agree.", "But not today."]);
  });
});

const NOTES = [
  "(Applause)",
  "(Applause.)",
  "[APPLAUSE]",
  "(Gavel)",
  "(Laughter)",
  "(No English.)",
  "(repeating in French)",
  "(?)",
  "[inaudible]",
  "(Inaudible)",
  "(Interpretation checks)",
  "(That was Egypt speaking)",
  "(Please stand by. The meeting will begin momentarily)",
];
const WORDS = [
  "we",
  "support",
  "the",
  "text,",
  "Article",
  "5.",
  "Chair.",
  "(a)",
  "security",
  "spam",
];

describe("quote properties", () => {
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 1, arbitrary: fc.constantFrom(...NOTES) },
  );
  const turn = fc.array(piece, { minLength: 1, maxLength: 30 }).map((p) => p.join(" "));

  test("no quote contains an annotation, and a quote holds only words of the text, in order", () => {
    fc.assert(
      fc.property(turn, (text) => {
        const annotations = findAnnotations(text, isName);
        const q = quoteOf(text, annotations);
        for (const a of annotations) expect(q.text).not.toContain(a.text);
        expect(q.text).not.toMatch(/\((?:applause|laughter|gavel|no english|inaudible|that was)/i);
        const words = q.text.replace(EDITORIAL_MARK_RE, " ").split(/\s+/).filter(Boolean);
        const source = text.split(/\s+/);
        let k = 0;
        for (const w of words) {
          while (k < source.length && source[k] !== w) k++;
          expect(k, `"${w}" of the quote is not a word of the text in order`).toBeLessThan(
            source.length,
          );
          k++;
        }
        for (const [s, e] of q.spans) {
          expect(q.text).toContain(text.slice(s, e));
          for (const a of annotations) expect(a.end <= s || a.start >= e).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
