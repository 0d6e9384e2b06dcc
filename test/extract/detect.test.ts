/** Format detection: from the bytes only; the file name is checked against them. */
import { describe, expect, test } from "vitest";
import type { SourceFormat } from "../../src/domain";
import { detectFormat, detectSource, ExtractError } from "../../ingest/extract";
import { fixture } from "./support/fixtures";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe("detectFormat: magic numbers and sniffing", () => {
  const CASES: { name: string; input: () => Uint8Array; format: SourceFormat }[] = [
    { name: "%PDF- at the start", input: () => fixture("transcript.pdf"), format: "pdf" },
    {
      name: "%PDF- after a little junk",
      input: () => utf8("\r\n\r\n%PDF-1.4\n%%EOF\n"),
      format: "pdf",
    },
    { name: "ZIP with word/document.xml", input: () => fixture("transcript.docx"), format: "docx" },
    { name: "OLE2 compound file", input: () => fixture("transcript.doc"), format: "doc" },
    { name: "doctype", input: () => utf8("<!DOCTYPE html><title>x</title>"), format: "html" },
    {
      name: "lower-case doctype after BOM and blank lines",
      input: () => utf8("\ufeff\n\n  <!doctype html>"),
      format: "html",
    },
    { name: "<html>", input: () => utf8("<HTML><BODY>x</BODY></HTML>"), format: "html" },
    {
      name: "a fragment starting with <p>",
      input: () => utf8("<p>&gt;&gt; CHAIR: Thank you.</p>"),
      format: "html",
    },
    {
      name: "a comment first",
      input: () => utf8("<!-- saved from url -->\n<html>"),
      format: "html",
    },
    {
      name: "XHTML with an XML declaration",
      input: () => utf8('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'),
      format: "html",
    },
    {
      name: "text before a late <html>",
      input: () => utf8("Warning: something\n<html><body>x</body></html>"),
      format: "html",
    },
    {
      name: "UTF-16LE HTML with BOM",
      input: () =>
        Uint8Array.from([0xff, 0xfe, ...[..."<html>"].flatMap((c) => [c.charCodeAt(0), 0])]),
      format: "html",
    },
    {
      name: "plain UTF-8 transcript",
      input: () => utf8("FINISHED TRANSCRIPT\n>> CHAIR: Thank you.\n"),
      format: "txt",
    },
    {
      name: "turn markers are not tags",
      input: () => utf8(">> CHAIR: <inaudible> thank you"),
      format: "txt",
    },
    {
      name: "a tag name that only starts like one",
      input: () => utf8("<bogus> FINISHED TRANSCRIPT"),
      format: "txt",
    },
    { name: "Windows-1252 text", input: () => fixture("windows-1252.txt"), format: "txt" },
    { name: "UTF-16LE text with BOM", input: () => fixture("utf16le-bom-cr.txt"), format: "txt" },
  ];
  test.each(CASES)("$name -> $format", ({ input, format }) => {
    expect(detectFormat(input())).toBe(format);
  });

  test.each([
    ["empty", new Uint8Array(0), /empty input/],
    ["a PNG", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), /a PNG image/],
    ["a JPEG", bytes(0xff, 0xd8, 0xff, 0xe0), /a JPEG image/],
    ["NUL bytes in text", utf8("FINISHED\u0000TRANSCRIPT"), /contains NUL bytes/],
    [
      "a bare ZIP",
      bytes(0x50, 0x4b, 0x03, 0x04, 1, 2, 3),
      /a (damaged )?ZIP archive, not a Word \.docx/,
    ],
  ])("refuses %s", (_, input, message) => {
    expect(() => detectFormat(input, "file.bin")).toThrow(ExtractError);
    expect(() => detectFormat(input, "file.bin")).toThrow(message);
  });
});

describe("detectSource: the file name against the bytes", () => {
  const html = utf8("<!DOCTYPE html><html><body><p>Not Found</p></body></html>");
  const text = utf8("FINISHED TRANSCRIPT\n");

  test.each([
    [
      "report.pdf",
      html,
      "named .pdf but the bytes are an HTML page (an error page saved in its place?)",
    ],
    [
      "a/b/plenary17.docx",
      html,
      "named .docx but the bytes are an HTML page (an error page saved in its place?)",
    ],
    [
      "PLENARY1.DOC",
      html,
      "named .doc but the bytes are an HTML page (an error page saved in its place?)",
    ],
    [
      "report.pdf",
      text,
      "named .pdf but the bytes are plain text (an error message saved in its place?)",
    ],
  ])("refuses %s holding the wrong kind of bytes", (fileName, input, problem) => {
    expect(() => detectSource(input, fileName)).toThrow(`extract: ${fileName}: ${problem}`);
  });

  test.each([
    [
      "plenary1.doc",
      () => fixture("transcript.docx"),
      "docx",
      "named .doc but the bytes are a Word .docx document; read as docx",
    ],
    [
      "plenary1.docx",
      () => fixture("transcript.doc"),
      "doc",
      "named .docx but the bytes are a Word 97-2003 .doc document; read as doc",
    ],
    [
      "plenary1.pdf",
      () => fixture("transcript.docx"),
      "docx",
      "named .pdf but the bytes are a Word .docx document; read as docx",
    ],
    ["notes.txt", () => html, "html", "named .txt but the bytes are an HTML page; read as html"],
    ["dec04.html", () => text, "txt", "named .html but the bytes are plain text; read as txt"],
    [
      "page.htm",
      () => fixture("transcript.pdf"),
      "pdf",
      "named .htm but the bytes are a PDF; read as pdf",
    ],
  ])("warns for %s holding %s", (fileName, input, format, warning) => {
    expect(detectSource(input(), fileName)).toEqual({
      format,
      warnings: [`extract: ${fileName}: ${warning}`],
    });
  });

  test.each([
    ["dec04.aspx", () => html, "html"],
    ["download", () => fixture("transcript.pdf"), "pdf"],
    ["plenary17.docx", () => fixture("transcript.docx"), "docx"],
    ["dec04.HTM", () => html, "html"],
    [undefined, () => text, "txt"],
  ])("no warning for %s", (fileName, input, format) => {
    expect(detectSource(input(), fileName)).toEqual({ format, warnings: [] });
  });
});
