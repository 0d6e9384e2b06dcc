/**
 * Text extraction: the bytes of a transcript file in, its text out. The format is detected from
 * the bytes (detect.ts); one small module per format does the work; the result is normalised the
 * same way for all (normalise.ts). Every failure is an ExtractError whose message starts with
 * `extract: <file name or "input">: `.
 */
import { silentLogger, type Logger, type SourceFormat } from "../../src/domain";
import { extractDoc } from "./doc";
import { extractDocx } from "./docx";
import { detectSource } from "./detect";
import { ExtractError, describe, sourceLabel } from "./errors";
import { extractHtml } from "./html";
import { DEFAULT_EXTRACT_LIMITS, checkLimit, type ExtractLimits } from "./limits";
import { normaliseText } from "./normalise";
import { extractPdf } from "./pdf";
import type { Extractor, RawExtraction } from "./extractor";
import { extractTxt } from "./txt";

export { detectFormat, detectSource, type Detection } from "./detect";
export { ExtractError } from "./errors";
export { DEFAULT_EXTRACT_LIMITS, LimitError, type ExtractLimits } from "./limits";
export { normaliseText } from "./normalise";

/** Options of extractText. */
export interface ExtractOptions {
  /** Names the input in errors and warnings, and is checked against the bytes. Never decides the format. */
  fileName?: string;
  /** Receives each warning (logger.warn). Default: silent. */
  logger?: Logger;
  /** Limits the file is held to (default DEFAULT_EXTRACT_LIMITS; see limits.ts). */
  limits?: Partial<ExtractLimits>;
}

/** The text of a file. */
export interface ExtractedText {
  /** Format detected from the bytes. */
  format: SourceFormat;
  /** LF line endings, no NUL, no-break spaces as spaces, no trailing spaces; lines as in the source. */
  text: string;
  /** Non-fatal problems, each prefixed `extract: <name>: ` (also sent to logger.warn). */
  warnings: string[];
}

/** Largest input accepted by default. Transcripts are well under 10 MB in any format. */
export const MAX_INPUT_BYTES = DEFAULT_EXTRACT_LIMITS.maxInputBytes;

const EXTRACTORS: Record<SourceFormat, Extractor> = {
  pdf: extractPdf,
  docx: extractDocx,
  doc: extractDoc,
  html: extractHtml,
  txt: extractTxt,
};

/** Extracts the text of a transcript file. Rejects with an ExtractError naming the file. */
export async function extractText(
  bytes: Uint8Array,
  options: ExtractOptions = {},
): Promise<ExtractedText> {
  const source = sourceLabel(options.fileName);
  const logger = options.logger ?? silentLogger;
  if (!(bytes instanceof Uint8Array)) {
    throw new ExtractError(source, "expected the file's bytes (a Uint8Array or Buffer)");
  }
  const limits = { ...DEFAULT_EXTRACT_LIMITS, ...options.limits };
  checkLimit(source, limits, "maxInputBytes", bytes.length, (n) => `too large: ${n} bytes`);
  const { format, warnings: detectWarnings } = detectSource(bytes, options.fileName);
  let raw: RawExtraction;
  try {
    raw = await EXTRACTORS[format](bytes, source, limits);
  } catch (error) {
    if (error instanceof ExtractError) throw error;
    throw new ExtractError(source, `${format} extraction failed: ${describe(error)}`, {
      cause: error,
    });
  }
  checkLimit(source, limits, "maxTextChars", raw.text.length, (n) => `${n} characters of text`);
  const text = normaliseText(raw.text);
  if (!/\S/.test(text)) {
    const hint =
      format === "pdf" ? " (a scanned PDF with no text layer? OCR is not done here)" : "";
    throw new ExtractError(source, `no text found in the ${format}${hint}`);
  }
  const warnings = [...detectWarnings, ...raw.warnings];
  for (const warning of warnings) logger.warn(warning);
  return { format, text, warnings };
}
