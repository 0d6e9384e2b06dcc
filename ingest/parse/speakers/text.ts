/**
 * Text helpers for speaker labels: the matching key (case-, accent-, punctuation- and
 * whitespace-insensitive, shared with the search core: src/speaker-key.ts), slugs for ids, and
 * display casing. Pure, runtime-free.
 */
import { speakerKey } from "../../../src/speaker-key";

export { speakerKey };

/** A slug for ids and URLs: the key with spaces as hyphens ("Jane Doe" -> "jane-doe"). */
export function slugify(text: string): string {
  return speakerKey(text).replace(/ /g, "-");
}

const SMALL_WORDS = new Set(["of", "the", "and", "for", "on", "in"]);

/** "SECRETARY OF THE SESSION" -> "Secretary of the Session"; a small word is never first. */
export function titleCase(key: string): string {
  return key
    .split(" ")
    .filter((w) => w.length > 0)
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(" ");
}

/** Ordinal and cardinal number words up to twenty, as captioners write meeting numbers. */
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  first: 1,
  two: 2,
  second: 2,
  three: 3,
  third: 3,
  four: 4,
  fourth: 4,
  five: 5,
  fifth: 5,
  six: 6,
  sixth: 6,
  seven: 7,
  seventh: 7,
  eight: 8,
  eighth: 8,
  nine: 9,
  ninth: 9,
  ten: 10,
  tenth: 10,
  eleven: 11,
  eleventh: 11,
  twelve: 12,
  twelfth: 12,
};

/** "4" or "four" -> 4; null for anything else. */
export function parseSmallNumber(word: string): number | null {
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return NUMBER_WORDS[word] ?? null;
}

/** The regular-expression alternative matching the number words above. */
export const NUMBER_WORD_PATTERN = Object.keys(NUMBER_WORDS).join("|");
