/**
 * Renders the synthetic fixture transcripts (plain text) into the formats the ITU and third-party
 * sites used: Word (.docx, with the docx package), PDF (pdfkit) and HTML. Test-only.
 */
import { Document, Packer, Paragraph, TextRun } from "docx";
import PDFDocument from "pdfkit";
import { writeWord97 } from "../extract/support/word97-writer";

const lines = (text: string): string[] =>
  text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");

/** One paragraph per line, like the ITU's caption files. */
export async function renderDocx(text: string, title: string): Promise<Uint8Array> {
  const doc = new Document({
    creator: "wcit-search tests",
    title,
    description: "SYNTHETIC SAMPLE",
    sections: [
      {
        children: lines(text).map(
          (line) => new Paragraph({ children: line === "" ? [] : [new TextRun(line)] }),
        ),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Monospaced lines on A4 pages, wrapped by pdfkit. */
export function renderPdf(text: string, title: string): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    info: { Title: title, Subject: "SYNTHETIC SAMPLE" },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
  doc.font("Courier").fontSize(10);
  for (const line of lines(text)) doc.text(line === "" ? " " : line);
  doc.end();
  return done;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A third-party style HTML copy: one paragraph per line. */
export function renderHtml(text: string, title: string): Uint8Array {
  const body = lines(text)
    .map((line) => (line === "" ? "" : `<p>${escapeHtml(line)}</p>`))
    .join("\n");
  return new TextEncoder().encode(
    `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body>\n${body}\n</body></html>\n`,
  );
}

/** A Word 97 (.doc) file: one paragraph per line, 8-bit text (the extract tests' writer). */
export function renderDoc(text: string): Uint8Array {
  return writeWord97([{ text: `${lines(text).join("\r")}\r`, encoding: "cp1252" }]);
}
