/** The character encoding of an HTML page's bytes. */
import { decodeText, decodeUtf8Strict, decodeWindows1252 } from "./txt";

/** Charset declared in a <meta> tag within the first bytes, lower-cased, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("windows-1252").decode(bytes.subarray(0, 2048));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}

/**
 * Decodes HTML bytes: a BOM wins; then valid UTF-8 (whatever the page declares: valid UTF-8 is
 * almost never a legacy encoding by accident); then the charset the page declares, when known;
 * else Windows-1252 (what browsers use for "iso-8859-1" and unlabelled Western pages).
 */
export function decodeHtml(
  bytes: Uint8Array,
  source: string,
): { html: string; warnings: string[] } {
  const decoded = decodeText(bytes);
  if (decoded.bom || decoded.encoding === "utf-8") return { html: decoded.text, warnings: [] };
  const declared = declaredCharset(bytes);
  if (declared !== null && !/^utf-?8$/.test(declared) && decodeUtf8Strict(bytes) === null) {
    try {
      const label = new TextDecoder(declared).encoding;
      // iso-8859-1, latin1 and us-ascii are labels of windows-1252: decoded as declared, quietly.
      if (label === "windows-1252") return { html: decodeWindows1252(bytes), warnings: [] };
      return {
        html: new TextDecoder(label).decode(bytes),
        warnings: [`extract: ${source}: not UTF-8; decoded as declared (${label})`],
      };
    } catch {
      // An unknown label: fall through to Windows-1252.
    }
  }
  const what =
    declared === null ? "not valid UTF-8" : `declares ${declared} but is not valid UTF-8`;
  return { html: decoded.text, warnings: [`extract: ${source}: ${what}; decoded as Windows-1252`] };
}
