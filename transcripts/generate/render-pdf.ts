import PDFDocument from "pdfkit";
import { SAMPLE_AUTHOR, SAMPLE_DATE } from "./fixed";

/** Options of {@link renderPdf}. */
export interface PdfOptions {
  /** Document title stored in the PDF info dictionary. */
  title: string;
  /** Text lines per page before a page break; default {@link DEFAULT_LINES_PER_PAGE}. */
  linesPerPage?: number;
}

/** Caption lines per page: short pages, so even a small sample spans several pages. */
export const DEFAULT_LINES_PER_PAGE = 48;

const FONT = "Courier";
const FONT_SIZE = 10;
const LINE_HEIGHT = 14;
const MARGIN = 56;

/**
 * Renders laid-out lines as a PDF, like a third-party copy: monospaced lines placed one per row,
 * pages of a fixed number of lines, and a bare page number at the foot of every page (which the
 * text extractor then finds between the caption lines). Metadata and the file id are fixed.
 */
export function renderPdf(lines: readonly string[], options: PdfOptions): Promise<Uint8Array> {
  const perPage = options.linesPerPage ?? DEFAULT_LINES_PER_PAGE;
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    autoFirstPage: false,
    compress: true,
    info: {
      Title: options.title,
      Author: SAMPLE_AUTHOR,
      Creator: SAMPLE_AUTHOR,
      Producer: SAMPLE_AUTHOR,
      Subject: "SYNTHETIC SAMPLE - written for testing; not a real transcript",
      CreationDate: SAMPLE_DATE,
      ModDate: SAMPLE_DATE,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
  doc.font(FONT).fontSize(FONT_SIZE);
  const pages = Math.max(1, Math.ceil(lines.length / perPage));
  for (let page = 0; page < pages; page++) {
    doc.addPage();
    const pageLines = lines.slice(page * perPage, (page + 1) * perPage);
    pageLines.forEach((line, i) => {
      if (line !== "") doc.text(line, MARGIN, MARGIN + i * LINE_HEIGHT, { lineBreak: false });
    });
    // The footer sits in the bottom margin; without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    const footerY = doc.page.height - MARGIN / 2 - FONT_SIZE;
    doc.text(String(page + 1), 0, footerY, {
      width: doc.page.width,
      align: "center",
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
