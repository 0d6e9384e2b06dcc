import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { layoutLines, wrapLine } from "../../transcripts/generate/layout";
import { escapeHtml, renderHtml } from "../../transcripts/generate/render-html";
import { encodeWindows1252, renderTxt } from "../../transcripts/generate/render-txt";
import { readAuthored } from "../../transcripts/generate/generate";
import type { SampleSpec } from "../../transcripts/generate/samples";

describe("layout", () => {
  it.each([
    ["short line", "a b c", 64, ["a b c"]],
    ["wraps at word boundaries", "aaa bbb ccc ddd", 7, ["aaa bbb", "ccc ddd"]],
    ["keeps an over-long word whole", "x abcdefghij y", 5, ["x", "abcdefghij", "y"]],
    ["exact width stays on one line", "abc def", 7, ["abc def"]],
  ] as const)("wrapLine: %s", (_name, line, width, expected) => {
    expect(wrapLine(line, width)).toEqual(expected);
  });

  it("flat joins every non-blank line with single spaces", () => {
    expect(layoutLines("A\n\n  B  \nC\n", "flat")).toEqual(["A B C"]);
  });

  it("asis keeps lines, drops only trailing newlines, normalises CRLF", () => {
    expect(layoutLines("A\r\n\r\nB\n\n", "asis")).toEqual(["A", "", "B"]);
  });

  it("wrap never loses or reorders words", () => {
    const text = ">> EGYPT: " + Array.from({ length: 80 }, (_, i) => `word${i}`).join(" ");
    const lines = layoutLines(text, "wrap", 64);
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.join(" ")).toBe(text);
    expect(lines.every((l) => l.length <= 64)).toBe(true);
  });
});

describe("render-txt", () => {
  it("encodes Windows-1252 specials and Latin-1", () => {
    expect([...encodeWindows1252("’é€“")]).toEqual([0x92, 0xe9, 0x80, 0x93]);
  });

  it("rejects a character Windows-1252 lacks, naming the code point", () => {
    expect(() => encodeWindows1252("ok \u4e2d")).toThrow(/render-txt: character U\+4E2D/);
  });

  it("writes CRLF when asked and ends with a line break", () => {
    expect(new TextDecoder().decode(renderTxt(["a", "b"], { eol: "\r\n" }))).toBe("a\r\nb\r\n");
  });
});

describe("render-html", () => {
  it("escapes markers and markup so '>>' survives as text", () => {
    expect(escapeHtml(`>> A & <b> "q"`)).toBe("&gt;&gt; A &amp; &lt;b&gt; &quot;q&quot;");
  });

  it("wraps the text in site chrome with teaser and page count", () => {
    const html = new TextDecoder().decode(
      renderHtml(["FINISHED TRANSCRIPT", "", ">> CHAIR: Hello."], {
        title: "T",
        teaser: "Teaser",
        pageCount: 3,
        layout: "paragraphs",
      }),
    );
    expect(html).toContain("<nav>");
    expect(html).toContain("<footer>");
    expect(html).toContain("<script>");
    expect(html).toContain('<p class="pages">3 pages</p>');
    expect(html).toContain("<p>FINISHED TRANSCRIPT</p>\n<p>&gt;&gt; CHAIR: Hello.</p>");
  });
});

describe("generator input checks", () => {
  const spec = { source: "plenary-1" } as SampleSpec;

  it("refuses an authored text without the SYNTHETIC marker, naming the file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "samples-"));
    try {
      await writeFile(join(dir, "plenary-1.txt"), "FINISHED TRANSCRIPT\n>> CHAIR: Hello.\n");
      await expect(readAuthored(spec, dir)).rejects.toThrow(
        /samples: .*plenary-1\.txt: authored text lacks the marker/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("reports a missing authored text with its path", async () => {
    await expect(readAuthored(spec, "test/samples/no-such-dir")).rejects.toThrow(
      /samples: test\/samples\/no-such-dir\/plenary-1\.txt: cannot read/,
    );
  });
});
