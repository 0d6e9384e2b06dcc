/**
 * .docx -> text with mammoth.
 *
 * Not mammoth.extractRawText: it drops soft line breaks (<w:br/>), gluing the words on either
 * side, and writes a blank line after every paragraph. Instead the document is converted to
 * HTML (a paragraph is a <p>, a line break a <br>, a tab a tab) and read with the same rules as an
 * HTML page, except that whitespace is kept as written.
 *
 * No external file access: a .docx can link images by path (file:///etc/passwd). mammoth >= 1.11
 * refuses to read such files unless `externalFileAccess: true` is passed (mammoth README,
 * "Security"; test/extract/docx-security.test.ts checks the default), we pass `false` anyway, and
 * the image converter below never reads any image at all.
 */
import mammoth from "mammoth";
import { ExtractError, describe } from "./errors";
import { htmlToText } from "./html";
import type { RawExtraction } from "./extractor";
import {
  DEFAULT_EXTRACT_LIMITS,
  LimitError,
  ZIP_RATIO_MIN_BYTES,
  checkLimit,
  type ExtractLimits,
} from "./limits";
import { inflateEntry, listZipEntries, type ZipListing } from "./zip";

/** An image converter that reads nothing: images are not text. */
const SKIP_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: "" }));

/** mammoth messages about styles only affect HTML styling, never the text: not worth a warning. */
const STYLE_MESSAGE = /^Unrecognised (paragraph|run|table|numbering) style/;

/** Footnote back-links mammoth adds ("↑"): not in the document. */
const MAMMOTH_BACKLINKS = ['a[href^="#footnote-ref-"]', 'a[href^="#endnote-ref-"]'];

/** The part of a .docx that holds its body. */
const DOCUMENT_PART = "word/document.xml";

/**
 * Refuses a ZIP bomb before mammoth inflates anything: the declared sizes (in total, and each
 * large entry's ratio), then the body part inflated here with a ceiling, which also proves its
 * declared size honest (mammoth's JSZip would fail on a lie with "uncompressed data size
 * mismatch", or run out of memory first).
 */
function checkZipBounds(
  bytes: Uint8Array,
  listing: ZipListing,
  source: string,
  limits: ExtractLimits,
): void {
  const mb = (n: number): string =>
    n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
  for (const entry of listing.entries) {
    if (entry.size < ZIP_RATIO_MIN_BYTES) continue;
    const ratio = Math.round(entry.size / Math.max(1, entry.compressedSize));
    checkLimit(
      source,
      limits,
      "maxInflateRatio",
      ratio,
      (r) => `${entry.name} inflates ${r} times (${mb(entry.compressedSize)} to ${mb(entry.size)})`,
    );
  }
  const declared = listing.entries.reduce((sum, e) => sum + e.size, 0);
  checkLimit(
    source,
    limits,
    "maxInflatedBytes",
    declared,
    (n) => `its ZIP entries inflate to ${mb(n)}`,
  );
  const body = listing.entries.find((e) => e.name === DOCUMENT_PART);
  if (body === undefined) return;
  try {
    inflateEntry(bytes, body, limits.maxInflatedBytes);
  } catch (error) {
    const message = describe(error);
    if (/inflates to more than/.test(message)) {
      throw new LimitError(source, message, "maxInflatedBytes", limits.maxInflatedBytes);
    }
    throw new ExtractError(source, `damaged .docx: ${message}`, { cause: error });
  }
}

/** Extracts a Word .docx. `source` names it in errors and warnings. */
export async function extractDocx(
  bytes: Uint8Array,
  source: string,
  limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS,
): Promise<RawExtraction> {
  const listing = listZipEntries(bytes);
  if (!listing.complete) {
    throw new ExtractError(
      source,
      "truncated or damaged .docx: the ZIP's central directory is missing (incomplete download?)",
    );
  }
  checkZipBounds(bytes, listing, source, limits);
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { externalFileAccess: false, ignoreEmptyParagraphs: false, convertImage: SKIP_IMAGES },
    );
  } catch (error) {
    throw new ExtractError(source, `cannot read the .docx (damaged?): ${describe(error)}`, {
      cause: error,
    });
  }
  const warnings = [
    ...new Set(
      result.messages
        .filter((m) => !STYLE_MESSAGE.test(m.message))
        .map((m) => `extract: ${source}: docx: ${m.message}`),
    ),
  ];
  return {
    text: htmlToText(result.value, {
      dropChrome: false,
      drop: MAMMOTH_BACKLINKS,
      preserveWhitespace: true,
    }),
    warnings,
  };
}
