/**
 * PDF -> text with pdf-parse 2 (pdf.js). Pages are joined with a newline; pdf-parse's own
 * "-- 1 of 3 --" page markers are not added (they are not in the document), while page numbers
 * printed on the pages stay: the transcript parser removes that junk, with the rest of the
 * conversions' debris.
 */
import type { PDFParse } from "pdf-parse";
import { ExtractError, describe } from "./errors";
import type { RawExtraction } from "./extractor";
import { DEFAULT_EXTRACT_LIMITS, checkLimit, type ExtractLimits } from "./limits";

/** How far from the end the `%%EOF` marker may sit (writers may append a little after it). */
export const PDF_EOF_WINDOW = 2048;

/** pdf.js VerbosityLevel.ERRORS: no warnings printed to the console. */
const PDFJS_ERRORS_ONLY = 0;

/** Extracts the text layer of a PDF. `source` names it in errors. */
export async function extractPdf(
  bytes: Uint8Array,
  source: string,
  limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS,
): Promise<RawExtraction> {
  // pdf.js recovers what it can from a truncated file and returns shortened text without a word;
  // an incomplete download must fail instead.
  const tail = new TextDecoder("latin1").decode(
    bytes.subarray(Math.max(0, bytes.length - PDF_EOF_WINDOW)),
  );
  if (!tail.includes("%%EOF")) {
    throw new ExtractError(
      source,
      "truncated PDF: no %%EOF marker at its end (incomplete download?)",
    );
  }
  // Loaded on first use: pdf.js is large, and a worker reading no PDF need not load it.
  const { PDFParse: Parser } = await import("pdf-parse");
  // pdf.js takes ownership of (detaches) the array it is given: hand it a copy.
  const parser: PDFParse = new Parser({ data: bytes.slice(), verbosity: PDFJS_ERRORS_ONLY });
  try {
    // The page count comes from the page tree, before any page is read.
    const { total } = await parser.getInfo();
    checkLimit(source, limits, "maxPdfPages", total, (n) => `${n} pages`);
    const result = await parser.getText({
      pageJoiner: "",
      // A wide gap inside a line is a space in running text (pdf-parse's default is a tab).
      cellSeparator: " ",
    });
    return { text: result.pages.map((page) => page.text).join("\n"), warnings: [] };
  } catch (error) {
    if (error instanceof ExtractError) throw error;
    const reason = describe(error);
    const what = /password/i.test(reason)
      ? "the PDF is password-protected"
      : `cannot read the PDF (damaged?): ${reason}`;
    throw new ExtractError(source, what, { cause: error });
  } finally {
    await parser.destroy();
  }
}
