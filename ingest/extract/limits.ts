/**
 * The limits the extractors hold every file to, checked before the expensive step where the
 * format allows (a ZIP's entry sizes before inflating, a PDF's page count before reading pages,
 * an HTML page's nesting depth before building its tree). Over a limit: a LimitError naming the
 * file, what was found and the limit (its name, so it can be raised: see the README's Ingest
 * section). Real transcripts are far below every default.
 */
import { ExtractError } from "./errors";

export interface ExtractLimits {
  /** Largest file accepted, bytes. */
  maxInputBytes: number;
  /** Largest total a ZIP (.docx) may inflate to, bytes: declared sizes, and while inflating. */
  maxInflatedBytes: number;
  /** Largest inflated:compressed ratio of a ZIP entry of more than ZIP_RATIO_MIN_BYTES. */
  maxInflateRatio: number;
  /** Most pages of a PDF. */
  maxPdfPages: number;
  /** Deepest nesting of elements in an HTML page. */
  maxHtmlDepth: number;
  /** Longest extracted text, characters. */
  maxTextChars: number;
}

/** Defaults: a day-long session is under 2 MB in any format, 300 pages, 1.5 M characters. */
export const DEFAULT_EXTRACT_LIMITS: Readonly<ExtractLimits> = {
  maxInputBytes: 100 * 1024 * 1024,
  maxInflatedBytes: 200 * 1024 * 1024,
  maxInflateRatio: 100,
  maxPdfPages: 2_000,
  maxHtmlDepth: 256,
  maxTextChars: 20_000_000,
};

/** ZIP entries smaller than this when inflated are not held to the ratio (tiny XML parts are). */
export const ZIP_RATIO_MIN_BYTES = 1024 * 1024;

/** A file over one of the limits. */
export class LimitError extends ExtractError {
  /** Which limit (a key of ExtractLimits, or of the pipeline's SourceLimits). */
  readonly limit: string;

  constructor(source: string, found: string, limit: string, value: number) {
    super(source, `over a limit: ${found} (${limit} is ${value})`);
    this.limit = limit;
  }
}

/** Throws a LimitError when `found` is over `limits[name]`. */
export function checkLimit(
  source: string,
  limits: ExtractLimits,
  name: keyof ExtractLimits,
  found: number,
  what: (found: number) => string,
): void {
  if (found > limits[name]) throw new LimitError(source, what(found), name, limits[name]);
}
