/**
 * Mojibake repair: UTF-8 bytes that some converter decoded as Windows-1252 (so "’" arrives as
 * "â€™" and "é" as "Ã©"). The repair re-encodes such a run to its bytes and decodes it as UTF-8,
 * only for the lead characters that produce the common cases, and only when the result is valid
 * UTF-8. A small table of what it fixes (the rule is general, the table is what we see):
 *
 *   "â€™" -> "’"   "â€˜" -> "‘"   "â€œ" -> "“"   "â€\u009d" or a lone "â€" -> "”"
 *   "â€“" -> "–"   "â€”" -> "—"   "â€¦" -> "…"   "â€¢" -> "•"   "â‚¬" -> "€"   "â„¢" -> "™"
 *   "Ã©" -> "é"    "Ã¨" -> "è"    "Ã´" -> "ô"    "Ã§" -> "ç"    "Ã‰" -> "É"    "Â " -> NBSP
 *   "Å“" -> "œ"    "ï»¿" (a byte-order mark) -> removed    "Â" before a space -> removed
 *
 * Leads handled: Â (C2) Ã (C3) Å (C5) for two-byte sequences, â (E2) for three-byte punctuation.
 * Other accented capitals followed by punctuation are left alone: they can be real text.
 */

/** Windows-1252 characters for bytes 0x80-0x9F (the rest of 0x80-0xFF is Latin-1). */
const CP1252_HIGH: Record<string, number> = {
  "\u20AC": 0x80,
  "\u201A": 0x82,
  "\u0192": 0x83,
  "\u201E": 0x84,
  "\u2026": 0x85,
  "\u2020": 0x86,
  "\u2021": 0x87,
  "\u02C6": 0x88,
  "\u2030": 0x89,
  "\u0160": 0x8a,
  "\u2039": 0x8b,
  "\u0152": 0x8c,
  "\u017D": 0x8e,
  "\u2018": 0x91,
  "\u2019": 0x92,
  "\u201C": 0x93,
  "\u201D": 0x94,
  "\u2022": 0x95,
  "\u2013": 0x96,
  "\u2014": 0x97,
  "\u02DC": 0x98,
  "\u2122": 0x99,
  "\u0161": 0x9a,
  "\u203A": 0x9b,
  "\u0153": 0x9c,
  "\u017E": 0x9e,
  "\u0178": 0x9f,
};

/** A character that stands for a UTF-8 continuation byte (0x80-0xBF) once re-encoded. */
const CONT = `[\\u0080-\\u00BF${Object.keys(CP1252_HIGH).join("")}]`;

/** Mojibake runs: two-byte (Â Ã Å + 1), three-byte (â + 2), the BOM, and "â€" whose 0x9D was lost. */
export const MOJIBAKE_RE = new RegExp(
  `[\\u00C2\\u00C3\\u00C5]${CONT}|\\u00E2${CONT}{2}|\\u00EF\\u00BB\\u00BF|\\u00E2\\u20AC|\\u00C2(?= )`,
  "g",
);

function byteOf(ch: string): number | null {
  const code = ch.charCodeAt(0);
  if (code <= 0xff) return code;
  return CP1252_HIGH[ch] ?? null;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** The repaired text of one MOJIBAKE_RE match, or null to leave it as it is. */
export function repairMojibake(run: string): string | null {
  if (run === "\u00E2\u20AC") return "\u201D";
  // "Â" before a plain space: a NBSP's lead byte whose second byte became a space.
  if (run === "\u00C2") return "";
  const bytes: number[] = [];
  for (const ch of run) {
    const b = byteOf(ch);
    if (b === null) return null;
    bytes.push(b);
  }
  try {
    const decoded = strictUtf8.decode(new Uint8Array(bytes));
    return decoded === "\uFEFF" ? "" : decoded;
  } catch {
    return null;
  }
}
