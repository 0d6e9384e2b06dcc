/** HTML -> text: line structure, dropped chrome, entities, encodings. */
import { describe, expect, test } from "vitest";
import { extractText } from "../../ingest/extract";
import { htmlToText } from "../../ingest/extract/html";
import { decodeHtml } from "../../ingest/extract/html-charset";

describe("htmlToText: lines", () => {
  test.each([
    ["<br> ends a line", "<p>a<br>b<br/>c</p>", "a\nb\nc"],
    ["<br><br> leaves one blank line", "<p>a<br><br>b</p>", "a\n\nb"],
    ["blocks end lines without blank lines", "<div><div><p>a</p></div><p>b</p></div>", "a\nb"],
    ["an empty paragraph is a blank line", "<p>a</p><p></p><p>b</p>", "a\n\nb"],
    [
      "a paragraph of &nbsp; is a blank line (after normalising)",
      "<p>a</p><p>&nbsp;</p><p>b</p>",
      "a\n\u00a0\nb",
    ],
    ["whitespace collapses", "<p>  a \n\t  b  </p>", "a b"],
    ["inline elements do not break", "<p>a <b>b</b><i>c</i> <span>d</span></p>", "a bc d"],
    ["text at a line start loses its collapsed space", "<p>a<br>\n   b</p>", "a\nb"],
    ["<pre> keeps whitespace and line breaks", "<pre>a  b\n  c</pre>", "a  b\n  c"],
    [
      "table cells are tab-separated, rows are lines",
      "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td>d</td></tr></table>",
      "a\tb\nc\td",
    ],
    [
      "paragraphs inside cells do not leave tab-only lines",
      "<table><tr><td><p>a</p></td><td><p>b</p></td></tr></table>",
      "a\nb",
    ],
    ["list items are lines", "<ul><li>a</li><li>b</li></ul>", "a\nb"],
    ["headings are lines", "<h1>T</h1>x<h2>U</h2>", "T\nx\nU"],
    [
      "entities are decoded",
      "<p>&gt;&gt; CHAIR: caf&eacute; &amp; &#8220;x&#x201D; &rsquo;</p>",
      ">> CHAIR: café & “x” ’",
    ],
    ["comments are dropped", "<p>a<!-- hidden -->b</p>", "ab"],
  ])("%s", (_, html, expected) => {
    expect(htmlToText(html)).toBe(expected);
  });
});

describe("htmlToText: what is dropped", () => {
  test.each([
    ["script", "<script>var x = 1;</script>"],
    ["style", "<style>p { color: red }</style>"],
    ["noscript", "<noscript>enable JS</noscript>"],
    ["nav", "<nav><a href='/'>Home</a></nav>"],
    ["aside", "<aside>Related</aside>"],
    ["form", "<form><label>Search</label><input value='q'></form>"],
    ["iframe", "<iframe>frame</iframe>"],
    ["page header", "<header>Site name</header>"],
    ["page footer", "<footer>Copyright</footer>"],
    ["role=navigation", "<div role='navigation'>Menu</div>"],
    ["role=banner", "<div role='banner'>Banner</div>"],
    ["role=contentinfo", "<div role='contentinfo'>Contact</div>"],
    ["class=breadcrumb", "<ol class='breadcrumb'><li>Home</li></ol>"],
    ["class list with sidebar", "<div class='col sidebar left'>Links</div>"],
    ["id=menu", "<ul id='menu'><li>A</li></ul>"],
    ["cookie banner", "<div class='cookie-banner'>We use cookies</div>"],
    ["hidden", "<div hidden>secret</div>"],
    ["display:none", "<div style='display: none'>secret</div>"],
  ])("%s", (_, chrome) => {
    expect(htmlToText(`<body>${chrome}<p>>> CHAIR: kept.</p></body>`)).toBe(">> CHAIR: kept.");
  });

  test("the head (title, meta) is not text", () => {
    const html =
      "<html><head><title>Title</title><meta name='x' content='y'></head><body><p>a</p></body></html>";
    expect(htmlToText(html)).toBe("a");
  });

  test("a header or footer inside the article is kept (a transcript header may sit there)", () => {
    const html =
      "<header>SITE</header><article><header><p>FINISHED TRANSCRIPT</p></header><p>>> CHAIR: a</p><footer>END</footer></article><footer>SITE</footer>";
    expect(htmlToText(html)).toBe("FINISHED TRANSCRIPT\n>> CHAIR: a\nEND");
  });

  test("a copy site's navigation and footer divs go, wherever they sit", () => {
    const html = [
      "<div id='navigation-bar' class='top nav'><a>Home</a> | <a>Browse</a></div>",
      "<article><div class='transcript-body'><p>FINISHED TRANSCRIPT</p><p>>> CHAIR: a</p>",
      "<div class='doc-meta'><span>Dec 07, 2012</span> <span>1,204 views</span></div></div>",
      "<div id='footer'><div class='views'>12 VIEWS</div><div class='categories'>Category: Documents</div>",
      "<div class='download'>Download</div><div class='uploader'>jdoe1984</div></div>",
      "<p>>> EGYPT: b</p></article><div class='site-info'>Post on Facebook</div>",
    ].join("");
    expect(htmlToText(html)).toBe("FINISHED TRANSCRIPT\n>> CHAIR: a\n>> EGYPT: b");
  });

  test("class names that merely contain a chrome word are kept", () => {
    expect(
      htmlToText(
        "<div class='transcript-header'>FINISHED TRANSCRIPT</div><div class='menuitem-text'>x</div>",
      ),
    ).toBe("FINISHED TRANSCRIPT\nx");
  });

  test("dropChrome: false keeps header, footer and chrome classes (scripts still go)", () => {
    const html =
      "<header>H</header><div class='nav'>N</div><p>a</p><footer>F</footer><script>x</script>";
    expect(htmlToText(html, { dropChrome: false })).toBe("H\nN\na\nF");
  });
});

describe("decodeHtml: encodings", () => {
  const latin = (s: string): Uint8Array => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

  test("valid UTF-8 is UTF-8 whatever the page declares", () => {
    const bytes = new TextEncoder().encode('<meta charset="iso-8859-1"><p>café’</p>');
    expect(decodeHtml(bytes, "p.html")).toEqual({
      html: '<meta charset="iso-8859-1"><p>café’</p>',
      warnings: [],
    });
  });

  test("a declared iso-8859-1 page is read as Windows-1252 (0x92 is a quote), quietly", () => {
    const bytes = latin('<meta charset="iso-8859-1"><p>that\u0092s caf\u00e9</p>');
    expect(decodeHtml(bytes, "p.html")).toEqual({
      html: '<meta charset="iso-8859-1"><p>that’s café</p>',
      warnings: [],
    });
  });

  test("another declared charset is honoured, with a warning", () => {
    const bytes = latin(
      '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15"><p>\u00a4</p>',
    );
    const { html, warnings } = decodeHtml(bytes, "p.html");
    expect(html).toContain("<p>€</p>");
    expect(warnings).toEqual(["extract: p.html: not UTF-8; decoded as declared (iso-8859-15)"]);
  });

  test("invalid UTF-8 declared as UTF-8 falls back to Windows-1252, with a warning", () => {
    const bytes = latin('<meta charset="utf-8"><p>caf\u00e9</p>');
    const { html, warnings } = decodeHtml(bytes, "p.html");
    expect(html).toContain("café");
    expect(warnings).toEqual([
      "extract: p.html: declares utf-8 but is not valid UTF-8; decoded as Windows-1252",
    ]);
  });

  test("extractText reads an HTML page end to end", async () => {
    const page = new TextEncoder().encode("<!DOCTYPE html><nav>x</nav><p>>> CHAIR: a&nbsp;b  </p>");
    expect(await extractText(page, { fileName: "p.html" })).toEqual({
      format: "html",
      text: ">> CHAIR: a b\n",
      warnings: [],
    });
  });
});
