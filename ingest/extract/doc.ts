/**
 * Old binary Word (.doc, Word 97-2003) -> text with word-extractor, read from a buffer.
 *
 * Checked first with our own OLE2 reader (ole.ts), because word-extractor reads missing bytes as
 * zeros and garbles encrypted files without complaint: a truncated file, a compound file that is
 * not a Word document (.xls, .ppt, .msg), a Word 6/95 file, and a password-protected one are each
 * refused with a message saying which.
 *
 * The text is the document body only: page headers/footers, comments and text boxes are not
 * transcript text.
 */
import WordExtractor from "word-extractor";
import { ExtractError, describe } from "./errors";
import { openOle, type OleFile } from "./ole";
import type { RawExtraction } from "./extractor";

/** wIdent of a Word 97-2003 File Information Block, and of Word 6/95 ones. */
const WORD97_MAGIC = 0xa5ec;
const WORD6_MAGICS = new Set([0xa5dc, 0xa699, 0xa697]);
/** FIB flags (offset 0x0A): the document is encrypted; the table stream is "1Table". */
const FIB_ENCRYPTED = 0x0100;
const FIB_WHICH_TABLE = 0x0200;

/** Extracts a Word 97-2003 .doc. `source` names it in errors. */
export async function extractDoc(bytes: Uint8Array, source: string): Promise<RawExtraction> {
  checkWordDocument(bytes, source);
  try {
    const document = await new WordExtractor().extract(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    );
    // filterUnicode: false keeps curly quotes and dashes (by default they become ASCII).
    return { text: document.getBody({ filterUnicode: false }), warnings: [] };
  } catch (error) {
    throw new ExtractError(source, `cannot read the Word .doc (damaged?): ${describe(error)}`, {
      cause: error,
    });
  }
}

/** Throws an ExtractError unless the bytes are a readable, unencrypted Word 97-2003 document. */
function checkWordDocument(bytes: Uint8Array, source: string): void {
  let ole: OleFile;
  let fib: Uint8Array | null;
  try {
    ole = openOle(bytes);
    fib = ole.readStream("WordDocument");
  } catch (error) {
    throw new ExtractError(source, `cannot read the OLE2 (.doc) container: ${describe(error)}`, {
      cause: error,
    });
  }
  if (fib === null) {
    throw new ExtractError(
      source,
      `an OLE2 compound file without a WordDocument stream (${guessOleKind(ole.streamNames)}): not a Word .doc`,
    );
  }
  if (fib.length < 0x1aa)
    throw new ExtractError(source, "damaged Word .doc: its header is too short");
  const view = new DataView(fib.buffer, fib.byteOffset, fib.byteLength);
  const magic = view.getUint16(0, true);
  if (WORD6_MAGICS.has(magic)) {
    throw new ExtractError(source, "a Word 6/95 document: only Word 97-2003 .doc files are read");
  }
  if (magic !== WORD97_MAGIC) {
    throw new ExtractError(
      source,
      `not a Word 97-2003 document (FIB magic 0x${magic.toString(16)})`,
    );
  }
  const flags = view.getUint16(0x0a, true);
  if ((flags & FIB_ENCRYPTED) !== 0) {
    throw new ExtractError(source, "the Word .doc is password-protected (encrypted)");
  }
  const table = (flags & FIB_WHICH_TABLE) !== 0 ? "1Table" : "0Table";
  try {
    if (ole.readStream(table) === null) {
      throw new Error(`its ${table} stream is missing`);
    }
  } catch (error) {
    throw new ExtractError(source, `damaged Word .doc: ${describe(error)}`, { cause: error });
  }
}

/** What a compound file without a WordDocument stream probably is, from its stream names. */
function guessOleKind(streams: string[]): string {
  if (streams.some((s) => s === "Workbook" || s === "Book")) return "an Excel .xls workbook?";
  if (streams.includes("PowerPoint Document")) return "a PowerPoint .ppt presentation?";
  if (streams.some((s) => s.startsWith("__substg1.0_"))) return "an Outlook .msg message?";
  return `streams: ${streams.slice(0, 5).join(", ") || "none"}`;
}
