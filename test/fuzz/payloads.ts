/**
 * Injection payloads for the fuzz tests, and the checks that output never echoes one unescaped.
 *
 * Every payload uses markers that cannot occur in a correctly escaped page: a custom element
 * `<fzx-tag>`, an attribute `fzx-attr`, `on*` event attributes and `javascript:` URLs. After an
 * HTML page is parsed (cheerio, as a browser would), none of them may exist as markup.
 */
import * as cheerio from "cheerio";

/** Strings meant to break out of element content, attribute values, comments and URLs. */
export const PAYLOADS: readonly string[] = [
  "<script>fzx(1)</script>",
  '"><fzx-tag fzx-attr=1>',
  "'><fzx-tag fzx-attr=1>",
  '" fzx-attr="1',
  "' fzx-attr='1",
  "<img src=x onerror=fzx(2)>",
  "<svg/onload=fzx(3)>",
  "</textarea></title><fzx-tag>",
  "</script><script>fzx(4)</script>",
  "javascript:fzx(5)",
  "<!--<fzx-tag>-->",
  "<![CDATA[<fzx-tag>]]>",
  "<a href=javascript:fzx(6)>x</a>",
  "&lt;fzx-tag&gt; &amp;",
  '=HYPERLINK("http://fzx.invalid")',
  "+fzx",
  "@fzx",
  "-fzx",
];

/** Problems found in an HTML document (empty when it is clean). */
export function htmlInjections(html: string): string[] {
  const problems: string[] = [];
  if (/<fzx-tag/i.test(html)) problems.push("raw <fzx-tag> in the HTML");
  if (/<script>fzx/i.test(html)) problems.push("raw <script>fzx in the HTML");
  const $ = cheerio.load(html);
  if ($("fzx-tag").length > 0) problems.push("an fzx-tag element was parsed");
  $("*").each((_, element) => {
    if (element.type !== "tag") return;
    for (const [name, value] of Object.entries(element.attribs)) {
      if (name === "fzx-attr") problems.push(`attribute fzx-attr on <${element.name}>`);
      if (/^on/i.test(name)) problems.push(`event attribute ${name} on <${element.name}>`);
      if (
        ["href", "src", "action", "formaction"].includes(name.toLowerCase()) &&
        /^\s*javascript:/i.test(value)
      ) {
        problems.push(`javascript: URL in ${name} of <${element.name}>`);
      }
    }
    if (element.name === "script") {
      const src = element.attribs.src ?? "";
      if (!src.startsWith("/static/")) problems.push(`script without a /static/ src: ${src}`);
      if ($(element).text().trim() !== "") problems.push("inline script content");
    }
  });
  return problems;
}

/** A snippet's HTML: escaped text, with only <mark> and </mark> as markup. */
export function snippetProblems(snippet: string): string[] {
  const stripped = snippet.replace(/<\/?mark>/g, "");
  return stripped.includes("<") || stripped.includes(">")
    ? [`snippet has markup other than <mark>: ${JSON.stringify(snippet.slice(0, 200))}`]
    : [];
}

/** Every `snippet` string anywhere in a JSON value. */
export function snippetsOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) snippetsOf(item, out);
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key === "snippet" && typeof item === "string") out.push(item);
      else snippetsOf(item, out);
    }
  }
  return out;
}

/** Cells of an RFC 4180 CSV document. */
export function csvCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? "";
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += char;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Cells a spreadsheet would run as a formula (CSV injection). */
export function csvFormulaCells(text: string): string[] {
  return csvCells(text)
    .flat()
    .filter((cell) => /^[=+\-@\t\r]/.test(cell));
}
