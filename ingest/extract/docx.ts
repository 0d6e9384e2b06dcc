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
import { listZipEntries } from "./zip";

/** An image converter that reads nothing: images are not text. */
const SKIP_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: "" }));

/** mammoth messages about styles only affect HTML styling, never the text: not worth a warning. */
const STYLE_MESSAGE = /^Unrecognised (paragraph|run|table|numbering) style/;

/** Footnote back-links mammoth adds ("↑"): not in the document. */
const MAMMOTH_BACKLINKS = ['a[href^="#footnote-ref-"]', 'a[href^="#endnote-ref-"]'];

/** Extracts a Word .docx. `source` names it in errors and warnings. */
export async function extractDocx(bytes: Uint8Array, source: string): Promise<RawExtraction> {
  if (!listZipEntries(bytes).complete) {
    throw new ExtractError(
      source,
      "truncated or damaged .docx: the ZIP's central directory is missing (incomplete download?)",
    );
  }
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
