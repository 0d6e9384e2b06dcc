/**
 * Conversion junk: what PDF/HTML/Word conversions and copy sites add to a transcript, removed
 * before turns are read. Every rule is a pure edit on a MappedText, so the text that remains still
 * points into the input. Two passes:
 *
 * Characters (whole text, before the header is read) — `cleanCharacters`:
 *   C1 line breaks: CRLF and lone CR become LF; form feed (a PDF page break) and vertical tab
 *      (Word's manual line break) become LF.
 *   C2 mojibake repaired (see mojibake.ts: "â€™" -> "’", "Ã©" -> "é"...).
 *   C3 HTML entities left by a converter decoded (&gt; &lt; &amp; &quot; &#39; &nbsp; &#NN;).
 *   C4 NBSP and the other Unicode spaces become a plain space; zero-width characters, the BOM and
 *      soft hyphens are removed; other control characters become a space.
 *
 * Body (after the header, before turns are read) — `removeBodyJunk`:
 *   J1 `Page N:` prefixes (a copy site's page marker, colon included) are removed wherever they
 *      are. "Page 45" without the colon is speech ("DT/4Rev 1, Page 45") and stays.
 *   J2 lines that are only junk are removed with their line break: a bare page number (J5), page
 *      markers ("Page 3", "Page 3 of 12", "- 3 -", "-- 3 of 12 --" from pdf-parse, "3 of 12"),
 *      page counts ("12 pages", "Pages: 12"), uploader lines ("Uploaded by ...", "Uploader: ...",
 *      "Upload: ..."; at most 8 words and no sentence end, so "Uploaded by Egypt, this text was
 *      agreed." stays), a stray "advertisement", and copy-site furniture that is sure by itself
 *      (furniture.ts F1: "Welcome message from author", "1,204 views", "Category: ...", "Post on
 *      <Site>", "Web view ...").
 *   J3 a page number glued after a sentence end ("floor.12 Thank you", "floor.12Thank") is removed, unless the word
 *      before the full stop is an abbreviation that takes a number ("Rev.1", "No.5").
 *   J4 a page number glued to the start of a capitalised word ("12Thank you") is removed.
 *   J5 a bare number (1-3 digits) alone on its line is a page number, EXCEPT when it continues
 *      speech: the line before ends, with no punctuation, on a word that takes a number ("Article",
 *      "rule", "rev", "Document", "ADM", "paragraph"...) or on "&" / "-". When bare numbers run in
 *      page order (N and N+1 both alone on lines) they are page numbers regardless.
 *   J6 a number between a sentence end and the next turn marker ("...floor. 14 >> CHAIR:") is a
 *      page number (a turn does not end on a bare number after its last full stop).
 *   J7 the captioner's boilerplate repeated in the body: a disclaimer between delimiters
 *      anywhere, a disclaimer paragraph ("This text is being provided in ...") at a line start, a
 *      "Services provided by:" block at a line start, and delimiter lines ("***") alone.
 *   J8 copy-site furniture that only its neighbours reveal (furniture.ts F2, F3): an upload date,
 *      "Download" or "Transcript" alone on a line beside other furniture or junk, and a bare user
 *      name between two such lines. The same words between lines of speech stay.
 *   G1 a missing space after a title is restored: "Mr.Name" -> "Mr. Name" (Mr Mrs Ms Dr Prof Mme
 *      Messrs H.E.).
 *   G2 a missing space after a sentence end is restored: "floor.Thank" -> "floor. Thank" (two
 *      lowercase letters, . ? or !, then a capitalised word; "e.g.The" is left alone).
 *   G3 a missing space after a comma or semicolon between letters: "Egypt,Cuba" -> "Egypt, Cuba".
 *
 * Teasers (lines a copy site puts before the header: site chrome, page counts, uploader lines,
 * furniture, "Transcript of <page title>") are recognised by `isTeaserLine`; the header reader
 * drops everything before the header's first line.
 */
import { contextFurnitureLines, isContextFurniture, isSureFurniture } from "./furniture";
import { MOJIBAKE_RE, repairMojibake } from "./mojibake";
import { applyEdits, regexEdits, type Edit, type MappedText } from "./mapped-text";

const HTML_ENTITIES: Record<string, string> = {
  gt: ">",
  lt: "<",
  amp: "&",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

function decodeEntity(name: string): string | null {
  const lower = name.toLowerCase();
  if (lower in HTML_ENTITIES) return HTML_ENTITIES[lower] ?? null;
  const numeric = /^#(x[0-9a-f]{1,6}|\d{1,7})$/i.exec(name);
  if (!numeric?.[1]) return null;
  const body = numeric[1];
  const code =
    body[0] === "x" || body[0] === "X" ? parseInt(body.slice(1), 16) : parseInt(body, 10);
  if (
    !Number.isFinite(code) ||
    code <= 0 ||
    code > 0x10ffff ||
    (code >= 0xd800 && code <= 0xdfff)
  ) {
    return null;
  }
  return String.fromCodePoint(code);
}

/** Pass 1 (C1-C4): characters only, over the whole input. */
export function cleanCharacters(m: MappedText): MappedText {
  const { text } = m;
  const edits: Edit[] = [
    ...regexEdits(text, /\r\n?|[\f\v]/g, () => "\n"),
    ...regexEdits(text, MOJIBAKE_RE, (match) => repairMojibake(match[0])),
    ...regexEdits(text, /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (match) =>
      decodeEntity(match[1] ?? ""),
    ),
  ];
  const stage1 = applyEdits(m, edits);
  // C4 after the repairs (a repaired "Â " yields a NBSP).
  return applyEdits(
    stage1,
    regexEdits(
      stage1.text,
      // eslint-disable-next-line no-control-regex -- control characters are what C4 removes
      /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]|[\u200B-\u200D\u2060\uFEFF\u00AD]|[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g,
      (match) => {
        const ch = match[0];
        if (/[\u200B-\u200D\u2060\uFEFF\u00AD]/.test(ch)) return "";
        if (/[\u0080-\u009F]/.test(ch)) return "";
        return " ";
      },
    ),
  );
}

/** Words after which a bare number is speech, not a page number (J5), lower case. */
const NUMBER_TAKING_WORDS = new Set([
  "article",
  "articles",
  "art",
  "rule",
  "rules",
  "rev",
  "revision",
  "document",
  "documents",
  "doc",
  "no",
  "nos",
  "number",
  "numbers",
  "paragraph",
  "paragraphs",
  "para",
  "section",
  "item",
  "items",
  "page",
  "pages",
  "addendum",
  "annex",
  "appendix",
  "resolution",
  "resolutions",
  "recommendation",
  "decision",
  "committee",
  "com",
  "plenary",
  "meeting",
  "chapter",
  "option",
  "options",
  "point",
  "points",
  "table",
  "figure",
  "version",
  "adm",
  "dt",
  "plen",
  "footnote",
  "provision",
  "provisions",
  "subparagraph",
  "amendment",
  "corrigendum",
  "part",
  "question",
  "slide",
  "group",
  "region",
  "&",
  "-",
  "–",
]);

/** Abbreviations whose full stop is followed by a number that is speech (J3): "Rev.1", "No.5". */
const NUMBER_ABBREVIATIONS = new Set([
  "rev",
  "no",
  "nos",
  "art",
  "para",
  "doc",
  "vol",
  "p",
  "pp",
  "ch",
  "sec",
  "fig",
  "ver",
  "v",
  "op",
  "res",
  "rec",
]);

/** A line (trimmed) that is a page marker (J2). A bare number is handled by J5. */
const PAGE_MARKER_LINE =
  /^(?:page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|-\s*\d{1,4}\s*-|--\s*\d{1,4}\s+of\s+\d{1,4}\s*--|\d{1,4}\s+of\s+\d{1,4}|page\s*\|\s*\d{1,4}|\d{1,4}\s*\|\s*page)$/i;
/** Page counts (J2 and teasers). */
const PAGE_COUNT_LINE = /^(?:\d{1,4}\s+pages?|pages?\s*:\s*\d{1,4}|page\s+count\s*:?\s*\d{1,4})$/i;
/** Uploader lines (J2 and teasers). */
const UPLOADER_LINE =
  /^(?:(?:uploaded|posted|added|shared|submitted|contributed)\s+by\b\s*:?|upload(?:er)?\s*:)(?:\s*[^\s.!?]+(?:[.@][^\s.!?]+)*){1,8}$/i;
const ADVERTISEMENT_LINE = /^advertisement$/i;
/** "Transcript of <page title>": a copy site's heading (teasers only; in speech it ends a sentence). */
const TRANSCRIPT_OF_LINE = /^transcript\s+of\s+\S.{0,200}$/i;
/** Other copy-site chrome seen before a header (teasers only). */
const SITE_CHROME_LINE =
  /^(?:(?:download|read online|read more|view more|print|embed|share|save|report|flag|sign in|log in|sign up|follow|subscribe|related documents?|recommended|similar documents?|more from)\b[^.!?]{0,60}|[\d,.]+\s*k?\s*(?:views?|downloads?|likes?|words?)|(?:views?|downloads?|likes?|words?)\s*:?\s*[\d,.]+)$/i;

/** True for a line that is only conversion junk, wherever it stands (J2). Bare numbers excluded. */
export function isJunkLine(line: string): boolean {
  const t = line.trim();
  if (t === "") return false;
  return (
    PAGE_MARKER_LINE.test(t) ||
    PAGE_COUNT_LINE.test(t) ||
    UPLOADER_LINE.test(t) ||
    ADVERTISEMENT_LINE.test(t) ||
    isSureFurniture(t)
  );
}

/** True for a line a copy site puts before the header: page counts, uploader, site chrome. */
export function isTeaserLine(line: string): boolean {
  const t = line.trim();
  if (t === "") return false;
  return (
    isJunkLine(t) ||
    /^\d{1,3}$/.test(t) ||
    SITE_CHROME_LINE.test(t) ||
    isContextFurniture(t) ||
    isTranscriptOfLine(t)
  );
}

/** True for a "Transcript of <page title>" heading (no sentence end after a lower-case word). */
export function isTranscriptOfLine(line: string): boolean {
  const t = line.trim();
  return TRANSCRIPT_OF_LINE.test(t) && !/[a-z][.?!]$/.test(t);
}

/** `Page N:` prefixes (J1). */
export const PAGE_PREFIX_RE = /(?<!\w)(?<!,[ \t]?)Page\s+\d{1,4}\s*:[ \t]?/g;

interface LineInfo {
  start: number;
  end: number; // excluding "\n"
  trimmed: string;
}

function splitLines(text: string): LineInfo[] {
  const lines: LineInfo[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf("\n", start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ start, end, trimmed: text.slice(start, end).trim() });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

/** Last word of a line, lower case, when the line ends on it (no punctuation after it). */
function lastWordOf(line: string): string {
  const m = /([A-Za-z&\-–]+)$/.exec(line.trimEnd());
  return (m?.[1] ?? "").toLowerCase();
}

/** Edit that removes line `i` with its line break. */
function removeLine(text: string, line: LineInfo): Edit {
  if (line.end < text.length) return { start: line.start, end: line.end + 1, replacement: "" };
  return { start: line.start, end: line.end, replacement: "" };
}

/** J5: which bare-number lines are page numbers. */
function pageNumberLines(lines: LineInfo[]): Set<number> {
  // Page numbers as they stand in the text: bare numbers and page markers ("- 4 -", "Page 4 of 9").
  const numbered: { line: number; value: number; bare: boolean }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]?.trimmed ?? "";
    if (/^\d{1,3}$/.test(t)) numbered.push({ line: i, value: Number(t), bare: true });
    else if (PAGE_MARKER_LINE.test(t)) {
      numbered.push({ line: i, value: Number(/\d+/.exec(t)?.[0] ?? NaN), bare: false });
    }
  }
  const pages = new Set<number>();
  // Numbers in page order (N next to N-1 or N+1 among the page-like lines, in document order).
  numbered.forEach((n, k) => {
    if (!n.bare) return;
    if (numbered[k - 1]?.value === n.value - 1 || numbered[k + 1]?.value === n.value + 1) {
      pages.add(n.line);
    }
  });
  for (const n of numbered) {
    if (!n.bare || pages.has(n.line)) continue;
    // The line before, skipping blank lines and junk (removed anyway).
    let j = n.line - 1;
    while (j >= 0) {
      const t = lines[j]?.trimmed ?? "";
      if (t !== "" && !isJunkLine(t) && !/^\d{1,3}$/.test(t)) break;
      j--;
    }
    const before = j >= 0 ? (lines[j]?.trimmed ?? "") : "";
    const endsWithNumberTaker =
      before !== "" && (NUMBER_TAKING_WORDS.has(lastWordOf(before)) || /[&\-–/]$/.test(before));
    if (!endsWithNumberTaker) pages.add(n.line);
  }
  return pages;
}

/** Most characters of a disclaimer repeated in the body. */
const MAX_BODY_DISCLAIMER = 800;
const DISCLAIMER_START = String.raw`This\s+(?:(?:text|transcript|file|document)\s+)?is\s+(?:being\s+)?provided\s+in\b`;
/** A delimited disclaimer anywhere: "*** This text is being provided in ... ***". */
const DELIMITED_DISCLAIMER_RE = new RegExp(
  String.raw`\*(?:[ \t]*\*){2,}\s*${DISCLAIMER_START}[^*>]{0,${MAX_BODY_DISCLAIMER}}?\*(?:[ \t]*\*){2,}`,
  "gi",
);
/** An undelimited disclaimer paragraph at a line start, to "proceedings." or the paragraph end. */
const PARAGRAPH_DISCLAIMER_RE = new RegExp(
  String.raw`(?<=^|\n)[ \t]*${DISCLAIMER_START}[^>]{0,${MAX_BODY_DISCLAIMER}}?(?:proceedings\s*\.|(?=\n[ \t]*(?:\n|\*|>))|$)`,
  "gi",
);
/** A delimiter line alone ("***", "* * * * *"). */
const DELIMITER_LINE_RE = /(?<=^|\n)[ \t]*\*(?:[ \t]*\*){2,}[ \t]*(?=\n|$)/g;
/** A provider block repeated at a line start: the prefix and the lines like it. */
const PROVIDER_BLOCK_RE =
  /(?<=^|\n)[ \t]*(?:Services|SERVICES)\s*(?:provided|Provided|PROVIDED)\s*(?:by|BY)\s*:?[^\n]*(?:\n[ \t]*(?:[A-Z][\w.,&' -]{0,60}|P\.?\s?O\.?\s*Box[^\n]*|[+(\d][\d\s().+-]{6,}|(?:US\s*&\s*Canada|International)\s*:[^\n]*|\S*[Ww]ww\.\S+)(?<![a-z]{3}[.?!])(?=\n|$))*/g;

/**
 * J7: the captioner's boilerplate repeated in the body (some transcripts end with the disclaimer
 * or the provider block again): a delimited disclaimer anywhere, a disclaimer paragraph at a line
 * start, a provider block at a line start, delimiter lines. Not speech.
 */
function boilerplateEdits(text: string): Edit[] {
  return [
    ...regexEdits(text, DELIMITED_DISCLAIMER_RE, () => ""),
    ...regexEdits(text, PARAGRAPH_DISCLAIMER_RE, () => ""),
    ...regexEdits(text, PROVIDER_BLOCK_RE, () => ""),
    ...regexEdits(text, DELIMITER_LINE_RE, () => ""),
  ];
}

/** Pass 2 (J1-J8, G1-G3): the body of a transcript, after its header. */
export function removeBodyJunk(input: MappedText): MappedText {
  // J1 first: a "Page 2:" prefix may stand before the page's number ("Page 2: 2").
  // J7 with it: the captioner's boilerplate repeated in the body.
  const m = applyEdits(input, [
    ...regexEdits(input.text, PAGE_PREFIX_RE, () => ""),
    ...boilerplateEdits(input.text),
  ]);
  const lines = splitLines(m.text);
  const edits: Edit[] = [];
  const pages = pageNumberLines(lines);
  const junk = (i: number): boolean => pages.has(i) || isJunkLine(lines[i]?.trimmed ?? "");
  // J8
  const furniture = contextFurnitureLines(
    lines.map((line) => line.trimmed),
    junk,
    (i) => UPLOADER_LINE.test(lines[i]?.trimmed ?? ""),
  );
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as LineInfo;
    if (junk(i) || furniture.has(i)) edits.push(removeLine(m.text, line));
  }
  const lineJunkRemoved = applyEdits(m, edits);
  const text = lineJunkRemoved.text;
  const inline: Edit[] = [
    // J3
    ...regexEdits(text, /(?<=([A-Za-z]+)[.?!]["”’)]?)\d{1,3}(?=\s|$|[A-Z][a-z])/g, (match) => {
      const word = match[1] ?? "";
      if (!/[a-z]$/.test(word)) return null;
      return NUMBER_ABBREVIATIONS.has(word.toLowerCase()) ? null : "";
    }),
    // J4
    ...regexEdits(text, /(?<=^|\s)\d{1,3}(?=[A-Z][a-z])/g, () => ""),
    // J6
    ...regexEdits(text, /(?<=[.?!)\]"”’])[ \t]*\d{1,3}(?=\s*>)/g, () => ""),
  ];
  const pagesRemoved = applyEdits(lineJunkRemoved, inline);
  // Glue is repaired last, so "point.12Thank" becomes "point. Thank".
  const glued = pagesRemoved.text;
  const glue: Edit[] = [
    // G1
    ...regexEdits(
      glued,
      /\b(?:Mr|Mrs|Ms|Dr|Prof|Mme|Messrs|H\.E)\.(?=[A-Z])/g,
      (match) => `${match[0]} `,
    ),
    // G2
    ...regexEdits(glued, /(?<=[a-z]{2})[.?!](?=[A-Z][a-z])/g, (match) => `${match[0]} `),
    // G3
    ...regexEdits(glued, /(?<=[a-z])[,;](?=[A-Za-z])/g, (match) => `${match[0]} `),
  ];
  return applyEdits(pagesRemoved, glue);
}
