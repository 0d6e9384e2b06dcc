/**
 * Which format a file is, decided from its bytes (magic numbers), never from its name.
 *
 * - `%PDF-` in the first 1024 bytes -> pdf.
 * - ZIP (`PK\x03\x04`) holding `word/document.xml` -> docx; any other ZIP is refused.
 * - OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1) -> doc (doc.ts refuses one that is no Word file).
 * - HTML: a tag such as <!DOCTYPE html>, <html>, <head>, <body>, <p>, <div> or a comment at the
 *   start (after a BOM and whitespace), or <html>/<head>/<body>/doctype within the first 1024
 *   characters -> html.
 * - Otherwise text (UTF-8, UTF-16 with BOM, else Windows-1252) -> txt, unless it is binary junk
 *   (NUL bytes, too many control characters), a known binary format, or RTF: all refused.
 * - Empty input is refused.
 *
 * The file name only names the file in messages and is checked against the bytes:
 * - REFUSED: named as a document (.pdf, .doc, .docx) but the bytes are an HTML page or plain
 *   text. That is what a failed download looks like (an error or login page, a "Not Found"
 *   message saved under the document's name); the scraper relies on this refusal.
 * - WARNING: any other disagreement (a .doc that is really a .docx, a .txt holding HTML, a .html
 *   holding a PDF): the bytes are a genuine document of another format and are read as what
 *   they are.
 * - Names without one of those extensions (.aspx, none) are not checked.
 */
import type { SourceFormat } from "../../src/domain";
import { ExtractError, sourceLabel } from "./errors";
import { OLE2_SIGNATURE } from "./ole";
import { binaryProblem, decodeText } from "./txt";
import { listZipEntries } from "./zip";

/** The format found and any warnings about the file name disagreeing with it. */
export interface Detection {
  format: SourceFormat;
  warnings: string[];
}

/** How far into the file the magic numbers and HTML markers are looked for. */
export const SNIFF_WINDOW = 1024;

/** The format each checked extension promises. */
const EXTENSION_FORMATS: Record<string, SourceFormat> = {
  pdf: "pdf",
  docx: "docx",
  doc: "doc",
  html: "html",
  htm: "html",
  xhtml: "html",
  txt: "txt",
  text: "txt",
};
const DOCUMENT_FORMATS = new Set<SourceFormat>(["pdf", "docx", "doc"]);

const FORMAT_NAMES: Record<SourceFormat, string> = {
  pdf: "a PDF",
  docx: "a Word .docx document",
  doc: "a Word 97-2003 .doc document",
  html: "an HTML page",
  txt: "plain text",
};

/** Binary formats worth naming when refused. */
const KNOWN_BINARIES: { magic: number[]; what: string }[] = [
  { magic: [0x1f, 0x8b], what: "gzip-compressed data (a response saved without decoding it?)" },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { magic: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { magic: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: "a 7-Zip archive" },
  { magic: [0x52, 0x61, 0x72, 0x21], what: "a RAR archive" },
];

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** A tag (or comment) that opens an HTML document or fragment (after the WHATWG sniffing list). */
const HTML_START =
  /^(?:<!--|<(?:!doctype\s+html|html|head|body|script|iframe|h[1-6]|div|font|table|a|style|title|b|br|p|meta|link|span|ul|ol|center|pre|section|article|main|header|nav|form)(?=[\s/>]))/i;
const HTML_EARLY = /<!doctype\s+html|<(?:html|head|body)(?=[\s>])/i;

/** The format of the bytes, or an ExtractError. See the module comment for the rules. */
export function detectFormat(bytes: Uint8Array, fileName?: string): SourceFormat {
  return detectSource(bytes, fileName).format;
}

/** detectFormat, with the warnings about a file name that disagrees with the bytes. */
export function detectSource(bytes: Uint8Array, fileName?: string): Detection {
  const source = sourceLabel(fileName);
  const format = formatOfBytes(bytes, source);
  const extension = extensionOf(fileName);
  const promised = extension === null ? undefined : EXTENSION_FORMATS[extension];
  if (promised === undefined || promised === format) return { format, warnings: [] };
  if (DOCUMENT_FORMATS.has(promised) && !DOCUMENT_FORMATS.has(format)) {
    const why = format === "html" ? "an error page" : "an error message";
    throw new ExtractError(
      source,
      `named .${extension} but the bytes are ${FORMAT_NAMES[format]} (${why} saved in its place?)`,
    );
  }
  return {
    format,
    warnings: [
      `extract: ${source}: named .${extension} but the bytes are ${FORMAT_NAMES[format]}; read as ${format}`,
    ],
  };
}

function formatOfBytes(bytes: Uint8Array, source: string): SourceFormat {
  if (bytes.length === 0) throw new ExtractError(source, "empty input (0 bytes)");
  const head = bytes.subarray(0, SNIFF_WINDOW);
  if (indexOfAscii(head, "%PDF-") >= 0) return "pdf";
  if (startsWith(bytes, ZIP_SIGNATURE)) return zipFormat(bytes, source);
  if (startsWith(bytes, OLE2_SIGNATURE)) return "doc";
  const binary = KNOWN_BINARIES.find((b) => startsWith(bytes, b.magic));
  if (binary !== undefined) throw new ExtractError(source, `unsupported format: ${binary.what}`);

  const decoded = decodeText(bytes);
  const start = decoded.text.slice(0, SNIFF_WINDOW).trimStart();
  if (start.startsWith("{\\rtf")) {
    throw new ExtractError(source, "unsupported format: RTF (save it as .docx or .txt)");
  }
  if (HTML_START.test(start) || (start.startsWith("<?xml") && /<html[\s>]/i.test(start))) {
    return "html";
  }
  const problem = binaryProblem(bytes, decoded);
  if (problem !== null) {
    throw new ExtractError(
      source,
      `unsupported format: not PDF, Word, HTML or text but ${problem}`,
    );
  }
  return HTML_EARLY.test(start) ? "html" : "txt";
}

function zipFormat(bytes: Uint8Array, source: string): SourceFormat {
  const { names } = listZipEntries(bytes);
  if (names.includes("word/document.xml")) return "docx";
  let what = "a ZIP archive";
  if (names.length === 0) what = "a damaged ZIP archive";
  else if (names.includes("xl/workbook.xml")) what = "an Excel .xlsx workbook";
  else if (names.includes("ppt/presentation.xml")) what = "a PowerPoint .pptx presentation";
  else if (names.includes("mimetype") && names.includes("content.xml")) {
    what = "an OpenDocument file (.odt/.ods)";
  }
  throw new ExtractError(source, `${what}, not a Word .docx (no word/document.xml inside)`);
}

/** Lower-cased extension of the last path segment, without the dot, or null. */
function extensionOf(fileName?: string): string | null {
  const base = fileName?.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : null;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function indexOfAscii(bytes: Uint8Array, needle: string): number {
  const codes = [...needle].map((c) => c.charCodeAt(0));
  for (let i = 0; i + codes.length <= bytes.length; i++) {
    if (codes.every((c, j) => bytes[i + j] === c)) return i;
  }
  return -1;
}
