import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  bestWindowByCounting,
  ELLIPSIS,
  type Span,
  bestWindowStart,
  makeSnippet,
  markText,
  mergeSpans,
} from "../../src/search/snippet";

describe("markText", () => {
  test("escapes HTML outside and inside marks", () => {
    const text = `<b>"spam" & <unsolicited> mail</b>`;
    const start = text.indexOf("spam");
    expect(markText(text, [[start, start + 4]])).toBe(
      "&lt;b&gt;&quot;<mark>spam</mark>&quot; &amp; &lt;unsolicited&gt; mail&lt;/b&gt;",
    );
  });

  test("never lets markup through, whatever the spans", () => {
    const text = "<script>alert(1)</script>";
    const html = markText(text, [
      [0, 3],
      [5, 12],
    ]);
    expect(html).not.toMatch(/<(?!\/?mark>)/);
  });
});

describe("mergeSpans", () => {
  test("sorts and merges overlapping spans, drops empty ones", () => {
    expect(
      mergeSpans([
        [5, 9],
        [0, 2],
        [1, 3],
        [4, 4],
        [9, 10],
      ]),
    ).toEqual([
      [0, 3],
      [5, 10],
    ]);
  });
});

describe("makeSnippet", () => {
  const words = Array.from({ length: 120 }, (_, i) => `word${i}`);
  const text = words.join(" ");

  test("short texts are shown whole", () => {
    expect(makeSnippet("a short turn", [[2, 7]])).toBe("a <mark>short</mark> turn");
  });

  test("long texts are cut around the match, at word boundaries, with ellipses", () => {
    const start = text.indexOf("word60");
    const snippet = makeSnippet(text, [[start, start + 6]]);
    expect(snippet.startsWith(ELLIPSIS)).toBe(true);
    expect(snippet.endsWith(ELLIPSIS)).toBe(true);
    expect(snippet).toContain("<mark>word60</mark>");
    const plain = snippet.replace(/<\/?mark>/g, "").slice(1, -1);
    expect(text).toContain(plain);
    expect(plain).toMatch(/^word\d+ /);
    expect(plain).toMatch(/ word\d+$/);
    expect(plain.length).toBeLessThanOrEqual(240);
  });

  test("without matches the snippet is the start of the text", () => {
    const snippet = makeSnippet(text, []);
    expect(snippet.startsWith("word0 word1")).toBe(true);
    expect(snippet.endsWith(ELLIPSIS)).toBe(true);
  });

  test("a match at the very end is kept whole", () => {
    const start = text.indexOf("word119");
    const snippet = makeSnippet(text, [[start, text.length]]);
    expect(snippet).toContain("<mark>word119</mark>");
    expect(snippet.endsWith(ELLIPSIS)).toBe(false);
  });
});

describe("bestWindowStart", () => {
  test("the one-pass window of merged spans is the definition's (property)", () => {
    const span = fc
      .tuple(fc.nat(3000), fc.integer({ min: 0, max: 40 }))
      .map(([s, n]): Span => [s, s + n]);
    fc.assert(
      fc.property(
        fc.array(span, { maxLength: 80 }),
        fc.integer({ min: 1, max: 400 }),
        (raw, length) => {
          for (const spans of [mergeSpans(raw), raw]) {
            expect(bestWindowStart(spans, length)).toBe(bestWindowByCounting(spans, length));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
