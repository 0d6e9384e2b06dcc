import { describe, expect, it, test } from "vitest";
import {
  classifyUrl,
  defaultScope,
  discoverLinks,
  isHtml,
  looksLikeTranscriptHtml,
  normalizeUrl,
} from "../../ingest/fetch/discover";

const BASE = "https://www.itu.int/en/wcit-12/Pages/default.aspx";

describe("normalizeUrl", () => {
  test.each([
    ["transcripts.aspx", "https://www.itu.int/en/wcit-12/Pages/transcripts.aspx"],
    [
      "../Documents/dec04/plenary2.docx",
      "https://www.itu.int/en/wcit-12/Documents/dec04/plenary2.docx",
    ],
    ["/en/wcit-12/Pages/default.aspx#top", "https://www.itu.int/en/wcit-12/Pages/default.aspx"],
    ["  highlights.aspx?day=4#x ", "https://www.itu.int/en/wcit-12/Pages/highlights.aspx?day=4"],
    ["HTTPS://WWW.ITU.INT:443/en/x.pdf", "https://www.itu.int/en/x.pdf"],
    ["//www.itu.int/en/y.doc", "https://www.itu.int/en/y.doc"],
  ])("%s -> %s", (href, expected) => {
    expect(normalizeUrl(href, BASE)).toBe(expected);
  });

  test.each([
    ["#main"],
    [""],
    ["mailto:a@b.c"],
    ["javascript:void(0)"],
    ["ftp://x/y.pdf"],
    ["http://[bad"],
  ])("%j is not a web link", (href) => {
    expect(normalizeUrl(href, BASE)).toBeNull();
  });
});

describe("classifyUrl", () => {
  test.each([
    ["https://h/a/plenary2.docx", "file"],
    ["https://h/a/PLENARY2.DOC", "file"],
    ["https://h/a/com5.pdf", "file"],
    ["https://h/a/notes.txt", "file"],
    ["https://h/a/plenary3.htm", "page"],
    ["https://h/a/plenary3.html", "page"],
    ["https://h/en/wcit-12/Pages/default.aspx", "page"],
    ["https://h/osg/wcit-12/highlights/", "page"],
    ["https://h/a/b", "page"],
    ["https://h/a/logo.png", null],
    ["https://h/a/style.css", null],
    ["https://h/a/archive.zip", null],
  ])("%s -> %s", (url, kind) => {
    expect(classifyUrl(url)).toBe(kind);
  });
});

describe("discoverLinks", () => {
  it("resolves relative links, drops fragments, duplicates, the page itself and other hosts", () => {
    const html = `<html><body>
      <a href="#main">skip</a>
      <a href="default.aspx#top">home</a>
      <a href="transcripts.aspx">Transcripts</a>
      <a href="transcripts.aspx#list">Transcripts again</a>
      <a href="../Documents/dec04/plenary2.docx">  Plenary
         2 </a>
      <a href="http://elsewhere.example/en/x.docx">copy elsewhere</a>
      <a href="mailto:x@y.z">mail</a>
      <a href="logo.png">logo</a>
      <area href="/en/wcit-12/Documents/dec05/com5-2.pdf">
      <iframe src="/en/wcit-12/Pages/frame.aspx"></iframe>
      <a>no href</a>
    </body></html>`;
    expect(discoverLinks(html, BASE)).toEqual([
      {
        url: "https://www.itu.int/en/wcit-12/Pages/transcripts.aspx",
        kind: "page",
        text: "Transcripts",
      },
      {
        url: "https://www.itu.int/en/wcit-12/Documents/dec04/plenary2.docx",
        kind: "file",
        text: "Plenary 2",
      },
      { url: "https://www.itu.int/en/wcit-12/Documents/dec05/com5-2.pdf", kind: "file", text: "" },
      { url: "https://www.itu.int/en/wcit-12/Pages/frame.aspx", kind: "page", text: "" },
    ]);
  });

  it("honours <base href>", () => {
    const html = `<head><base href="https://www.itu.int/en/wcit-12/Documents/"></head><a href="dec14/plenary17.docx">x</a>`;
    expect(discoverLinks(html, BASE).map((l) => l.url)).toEqual([
      "https://www.itu.int/en/wcit-12/Documents/dec14/plenary17.docx",
    ]);
  });

  it("keeps links to any of the allowed hosts", () => {
    const html = `<a href="https://mirror.example/en/a.pdf">a</a><a href="https://other.example/b.pdf">b</a>`;
    expect(
      discoverLinks(html, BASE, { hosts: ["www.itu.int", "mirror.example"] }).map((l) => l.url),
    ).toEqual(["https://mirror.example/en/a.pdf"]);
  });

  describe("malformed input", () => {
    test.each([
      ["empty", ""],
      ["not HTML", "just some text with > and < signs"],
      ["unclosed tags", "<a href='x.docx'>x<a href='y.docx'"],
      ["bad hrefs", `<a href="http://[::1">x</a><a href="   ">y</a>`],
    ])("%s does not throw", (_, html) => {
      expect(() => discoverLinks(html, BASE)).not.toThrow();
    });
  });
});

describe("looksLikeTranscriptHtml", () => {
  test.each([
    ["a status line", "<p>FINISHED TRANSCRIPT</p><p>PLENARY 3</p>", true],
    ["RAW COPY", "<body>RAW COPY<br>text</body>", true],
    [
      "three escaped turn markers",
      "<p>&gt;&gt; CHAIR: a</p><p>&gt;&gt; CUBA: b</p><p>&gt;&gt; CHAIR: c</p>",
      true,
    ],
    ["an index page", "<ul><li><a href='p.docx'>Plenary 1 transcript</a></li></ul>", false],
    ["two markers only", "<p>&gt;&gt; CHAIR: a</p><p>&gt;&gt; CUBA: b</p>", false],
    [
      "markers in a script",
      "<script>var s='>> A >> B >> C FINISHED TRANSCRIPT'</script><p>menu</p>",
      false,
    ],
  ])("%s -> %s", (_, html, expected) => {
    expect(looksLikeTranscriptHtml(html)).toBe(expected);
  });
});

describe("isHtml", () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  test.each([
    ["text/html; charset=utf-8", "%PDF-1.4", true],
    [null, "  <!DOCTYPE html><html>", true],
    [null, "<HTML><body>", true],
    ["application/pdf", "%PDF-1.4", false],
    [null, "FINISHED TRANSCRIPT", false],
  ])("%s / %j -> %s", (type, body, expected) => {
    expect(isHtml(bytes(body), type)).toBe(expected);
  });
});

describe("defaultScope", () => {
  test.each([
    [BASE, "https://www.itu.int/en/wcit-12/"],
    ["https://www.itu.int/osg/wcit-12/highlights/dec04.html", "https://www.itu.int/osg/wcit-12/"],
    ["http://127.0.0.1:8080/index.html", "http://127.0.0.1:8080/"],
    ["http://127.0.0.1:8080/a/", "http://127.0.0.1:8080/"],
  ])("%s -> %s", (url, scope) => {
    expect(defaultScope(url)).toBe(scope);
  });
});
