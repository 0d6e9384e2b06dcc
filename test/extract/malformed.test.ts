/**
 * Malformed input: each case is refused with an ExtractError whose message names the file and
 * says what is wrong. Truncated inputs are cut from the golden fixtures.
 */
import { describe, expect, test } from "vitest";
import { ExtractError, extractText } from "../../ingest/extract";
import { fixture } from "./support/fixtures";
import { junkBytes } from "./support/junk";
import { writeStoredZip } from "./support/stored-zip";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const cut = (bytes: Uint8Array, share: number): Uint8Array =>
  bytes.slice(0, Math.floor(bytes.length * share));

const DOCX_PARTS = [
  {
    name: "[Content_Types].xml",
    data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  },
  {
    name: "_rels/.rels",
    data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  },
];

const CASES: { name: string; fileName: string; bytes: () => Uint8Array; message: RegExp }[] = [
  {
    name: "empty bytes",
    fileName: "empty.txt",
    bytes: () => new Uint8Array(0),
    message: /empty input \(0 bytes\)/,
  },
  {
    name: "whitespace only",
    fileName: "blank.txt",
    bytes: () => utf8(" \r\n\t\n"),
    message: /no text found in the txt/,
  },
  {
    name: "truncated PDF (first half)",
    fileName: "cut.pdf",
    bytes: () => cut(fixture("transcript.pdf"), 0.5),
    message: /truncated PDF: no %%EOF marker at its end \(incomplete download\?\)/,
  },
  {
    name: "PDF with no text layer",
    fileName: "scan.pdf",
    bytes: () => fixture("malformed/no-text-layer.pdf"),
    message: /no text found in the pdf \(a scanned PDF with no text layer\? OCR is not done here\)/,
  },
  {
    name: "password-protected PDF",
    fileName: "locked.pdf",
    bytes: () => fixture("malformed/password.pdf"),
    message: /the PDF is password-protected/,
  },
  {
    name: "PDF header on garbage",
    fileName: "garbage.pdf",
    bytes: () => utf8("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ngarbage\n%%EOF\n"),
    message: /cannot read the PDF \(damaged\?\)/,
  },
  {
    name: "truncated docx zip (first 60%)",
    fileName: "cut.docx",
    bytes: () => cut(fixture("transcript.docx"), 0.6),
    message: /truncated or damaged \.docx: the ZIP's central directory is missing/,
  },
  {
    name: "docx whose document.xml is not XML",
    fileName: "broken.docx",
    bytes: () =>
      writeStoredZip([...DOCX_PARTS, { name: "word/document.xml", data: "<w:document><w:body" }]),
    message: /cannot read the \.docx \(damaged\?\)/,
  },
  {
    name: "ZIP that is an Excel workbook",
    fileName: "spreadsheet.docx",
    bytes: () => fixture("malformed/spreadsheet.docx"),
    message: /an Excel \.xlsx workbook, not a Word \.docx \(no word\/document\.xml inside\)/,
  },
  {
    name: "random binary junk",
    fileName: "junk.bin",
    bytes: () => junkBytes(4096),
    message: /unsupported format: not PDF, Word, HTML or text but binary data/,
  },
  {
    name: "junk without NUL bytes",
    fileName: "junk.bin",
    bytes: () => junkBytes(4096, 7).map((b) => (b === 0 ? 1 : b)),
    message: /binary data \(\d+\.\d% of its characters are control characters\)/,
  },
  {
    name: "HTML error page named .pdf",
    fileName: "report.pdf",
    bytes: () => fixture("malformed/error-page.pdf"),
    message:
      /^extract: report\.pdf: named \.pdf but the bytes are an HTML page \(an error page saved in its place\?\)$/,
  },
  {
    name: "plain-text error named .docx",
    fileName: "plenary17.docx",
    bytes: () => utf8("404 Not Found\n"),
    message: /named \.docx but the bytes are plain text \(an error message saved in its place\?\)/,
  },
  {
    name: "HTML page named .doc",
    fileName: "plenary1.doc",
    bytes: () => utf8("  <html><body>Please log in</body></html>"),
    message: /named \.doc but the bytes are an HTML page/,
  },
  {
    name: "gzip-compressed response",
    fileName: "page.html",
    bytes: () => Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3, 4]),
    message: /gzip-compressed data/,
  },
  {
    name: "RTF",
    fileName: "plenary.doc",
    bytes: () => utf8("{\\rtf1\\ansi FINISHED TRANSCRIPT}"),
    message: /unsupported format: RTF/,
  },
  {
    name: "OLE2 file that is not Word",
    fileName: "sheet.doc",
    bytes: () => fixture("malformed/excel-workbook.doc"),
    message:
      /an OLE2 compound file without a WordDocument stream \(an Excel \.xls workbook\?\): not a Word \.doc/,
  },
  {
    name: "encrypted .doc",
    fileName: "locked.doc",
    bytes: () => fixture("malformed/encrypted.doc"),
    message: /the Word \.doc is password-protected \(encrypted\)/,
  },
  {
    name: "truncated .doc",
    fileName: "cut.doc",
    bytes: () => fixture("transcript.doc").slice(0, 4000),
    message: /truncated: the file is 4000 bytes/,
  },
  {
    name: "OLE2 header only",
    fileName: "stub.doc",
    bytes: () => fixture("transcript.doc").slice(0, 300),
    message: /cannot read the OLE2 \(\.doc\) container: not an OLE2 compound file/,
  },
];

describe("malformed input is refused with a clear ExtractError", () => {
  test.each(CASES)("$name ($fileName)", async ({ fileName, bytes, message }) => {
    const error: unknown = await extractText(bytes(), { fileName }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExtractError);
    expect((error as ExtractError).message.startsWith(`extract: ${fileName}: `)).toBe(true);
    expect((error as ExtractError).message).toMatch(message);
    expect((error as ExtractError).source).toBe(fileName);
  });

  test('without a file name the input is called "input"', async () => {
    await expect(extractText(new Uint8Array(0))).rejects.toThrow(
      /^extract: input: empty input \(0 bytes\)$/,
    );
  });

  test("a non-byte input is refused", async () => {
    const notBytes = "FINISHED TRANSCRIPT" as unknown as Uint8Array;
    await expect(extractText(notBytes, { fileName: "x.txt" })).rejects.toThrow(
      /^extract: x\.txt: expected the file's bytes/,
    );
  });

  test("a library error keeps its cause", async () => {
    const error = await extractText(
      writeStoredZip([...DOCX_PARTS, { name: "word/document.xml", data: "<w:document><w:body" }]),
      { fileName: "broken.docx" },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExtractError);
    expect((error as ExtractError).cause).toBeInstanceOf(Error);
  });
});
