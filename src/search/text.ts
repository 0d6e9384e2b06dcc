/**
 * Text rules shared by the index build, the query parser, phrase checks and highlighting:
 * one tokenizer and one term normaliser, so that what is indexed and what is searched agree.
 *
 * Runtime-free.
 */

/** A word: a run of letters, digits and combining marks. Everything else separates words. */
const WORD_RE = /[\p{L}\p{N}\p{M}]+/gu;
const MARKS_RE = /\p{M}+/gu;
const WORD_CHAR_RE = /[\p{L}\p{N}\p{M}]/u;
const ASCII_RE = /^[^\u0080-\uffff]*$/;

/**
 * Names of the tokenizer and term normaliser below. They go into the index options hash: change
 * the name whenever the behaviour changes, so that old indexes refuse to load.
 */
export const TOKENIZER_NAME = "unicode-words-v1";
export const TERM_NORMALISER_NAME = "nfd-strip-marks-lowercase-v1";

/** Splits text into words (no normalisation). */
export function tokenize(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

/** A word of a text with its offsets (UTF-16 code units, end exclusive). */
export interface TokenSpan {
  word: string;
  start: number;
  end: number;
}

/** Splits text into words, keeping where each word is. */
export function tokenizeWithOffsets(text: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  for (const match of text.matchAll(WORD_RE)) {
    spans.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/** Normalises one word into an index term: diacritics removed, lower case. */
export function normaliseTerm(word: string): string {
  // ASCII has no decompositions and no marks: lower case is the whole normalisation.
  if (ASCII_RE.test(word)) return word.toLowerCase();
  return word.normalize("NFD").replace(MARKS_RE, "").toLowerCase();
}

/** The index terms of a text, in order. */
export function terms(text: string): string[] {
  return tokenize(text)
    .map(normaliseTerm)
    .filter((term) => term.length > 0);
}

/** True when the character at `index` of `text` is part of a word (false outside the string). */
export function isWordChar(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.codePointAt(index) ?? 0;
  // Step back onto the start of a surrogate pair.
  const char =
    code >= 0xdc00 && code <= 0xdfff && index > 0
      ? String.fromCodePoint(text.codePointAt(index - 1) ?? 0)
      : String.fromCodePoint(code);
  return WORD_CHAR_RE.test(char);
}

/**
 * A text folded for phrase matching (lower case, every run of white space made one space), with
 * the offsets in the original text each folded code unit came from.
 */
export interface FoldedText {
  folded: string;
  /** Original start offset of each folded code unit. */
  starts: number[];
  /** Original end offset (exclusive) of the character each folded code unit came from. */
  ends: number[];
}

/** Folds text for phrase matching: case-insensitive, white space normalised. */
export function foldText(text: string): FoldedText {
  let folded = "";
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  let lastWasSpace = true; // drops leading white space
  for (const char of text) {
    const start = index;
    index += char.length;
    if (/\s/u.test(char)) {
      if (!lastWasSpace) {
        folded += " ";
        starts.push(start);
        ends.push(index);
        lastWasSpace = true;
      }
      continue;
    }
    lastWasSpace = false;
    const lower = char.toLowerCase();
    folded += lower;
    for (let i = 0; i < lower.length; i++) {
      starts.push(start);
      ends.push(index);
    }
  }
  if (folded.endsWith(" ")) {
    folded = folded.slice(0, -1);
    starts.pop();
    ends.pop();
  }
  return { folded, starts, ends };
}

/** Folds a phrase as typed by a person (same rules as foldText). */
export function foldPhrase(phrase: string): string {
  return foldText(phrase).folded;
}

/**
 * A necessary condition for `needle` (folded) to occur in the folding of `text`, checked without
 * folding: every ASCII word of the needle is in the lower-cased text. (Folding lower-cases
 * character by character; String#toLowerCase differs from that only for a final capital sigma,
 * which never lower-cases to ASCII, so an ASCII piece of the folded text is in the lower-cased one.)
 */
function mayContainFolded(text: string, needle: string): boolean {
  let lower: string | undefined;
  for (const piece of needle.split(" ")) {
    if (piece === "" || !ASCII_RE.test(piece)) continue;
    lower ??= text.toLowerCase();
    if (!lower.includes(piece)) return false;
  }
  return true;
}

/**
 * Where an exact phrase occurs in a text: case-insensitive, white space normalised, and on word
 * boundaries (a phrase that begins or ends with a word character must not begin or end inside a
 * word). Returns spans in the original text, in order, not overlapping. `folded` is the text's
 * foldText, or a function giving it, when the caller has it. This is the definition phraseTester
 * (the fast yes/no test used to verify hits) is checked against.
 *
 * Without a folded text given, an ASCII text whose spacing folding would not change (single plain
 * spaces, none at either end) folds to its lower case, offset for offset: it is searched as that,
 * without folding (test/search/compact-text-fast-paths.test.ts holds the two paths equal).
 */
export function findPhrase(
  text: string,
  phrase: string,
  folded: FoldedText | (() => FoldedText) = () => foldText(text),
): { start: number; end: number }[] {
  const needle = foldPhrase(phrase);
  if (needle.length === 0) return [];
  if (typeof folded !== "function") return scanFolded(folded, needle, text.length);
  if (foldsToLowerCase(text)) return scanLower(text.toLowerCase(), needle);
  return scanFolded(folded(), needle, text.length);
}

/** True when foldText(text) is text.toLowerCase() with every offset its own (see findPhrase). */
function foldsToLowerCase(text: string): boolean {
  return (
    ASCII_RE.test(text) && !hasFoldableSpace(text) && !text.startsWith(" ") && !text.endsWith(" ")
  );
}

/** The matches of `needle` in a lower-cased text that folding leaves as it is, not overlapping. */
function scanLower(lower: string, needle: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (
    let at = nextMatch(lower, needle, 0);
    at >= 0;
    at = nextMatch(lower, needle, at + needle.length)
  )
    spans.push({ start: at, end: at + needle.length });
  return spans;
}

/**
 * Where `needle` next occurs in `hay` at or after `from` on word boundaries (a needle that begins
 * or ends with a word character must not begin or end inside a word), or -1.
 */
function nextMatch(hay: string, needle: string, from: number): number {
  const checkStart = isWordChar(needle, 0);
  const checkEnd = isWordChar(needle, needle.length - 1);
  for (let at = hay.indexOf(needle, from); at >= 0; at = hay.indexOf(needle, at + 1)) {
    if (checkStart && isWordChar(hay, at - 1)) continue;
    if (checkEnd && isWordChar(hay, at + needle.length)) continue;
    return at;
  }
  return -1;
}

/** The matches of `needle` in a folded text, not overlapping, as spans of the original text. */
function scanFolded(
  folded: FoldedText,
  needle: string,
  textLength: number,
): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (
    let at = nextMatch(folded.folded, needle, 0);
    at >= 0;
    at = nextMatch(folded.folded, needle, at + needle.length)
  ) {
    const endAt = at + needle.length;
    spans.push({ start: folded.starts[at] ?? 0, end: folded.ends[endAt - 1] ?? textLength });
  }
  return spans;
}

/** White space other than a plain space (the characters of `\s`). */
const OTHER_SPACE_RE = /[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** True when folding would change the text's white space: a run of two, or other white space. */
export function hasFoldableSpace(text: string): boolean {
  return text.includes("  ") || OTHER_SPACE_RE.test(text);
}

/** Whether a text contains a phrase; `key` names the text in a SpacingCache (an ordinal). */
export type PhraseTest = (text: string, key?: number) => boolean;

/** Remembers hasFoldableSpace per text, by a key the caller gives (an utterance ordinal). */
export class SpacingCache {
  /** 0: not known yet; 1: plain spacing; 2: foldable space. */
  private readonly known: Uint8Array;
  constructor(size: number) {
    this.known = new Uint8Array(size);
  }
  foldable(key: number, text: string): boolean {
    let state = this.known[key];
    if (state === undefined) return hasFoldableSpace(text); // outside the cache
    if (state === 0) {
      state = hasFoldableSpace(text) ? 2 : 1;
      this.known[key] = state;
    }
    return state === 2;
  }
}

/**
 * A test for whether a text contains an exact phrase (as findPhrase finds it), with the phrase
 * folded once for all the texts it is tried on.
 *
 * ASCII phrases are looked for in the text's lower case first: a match there (on word boundaries)
 * is a match in the folded text, since the matched piece has single spaces and folding keeps word
 * characters as they are. When there is none, folding can only add one by joining white space, so
 * only texts with such white space are folded.
 */
export function phraseTester(phrase: string, spacing?: SpacingCache): PhraseTest {
  const foldable = (text: string, key: number | undefined) =>
    spacing && key !== undefined ? spacing.foldable(key, text) : hasFoldableSpace(text);
  const needle = foldPhrase(phrase);
  if (needle.length === 0) return () => false;
  if (!ASCII_RE.test(needle)) {
    return (text) => {
      if (!mayContainFolded(text, needle)) return false;
      return hasMatch(foldText(text).folded, needle);
    };
  }
  return (text, key) => {
    const lower = text.toLowerCase();
    if (hasMatch(lower, needle)) return true;
    if (!foldable(text, key)) return false;
    return hasMatch(foldText(text).folded, needle);
  };
}

/** True when `needle` occurs in `hay` on word boundaries. */
function hasMatch(hay: string, needle: string): boolean {
  return nextMatch(hay, needle, 0) >= 0;
}

/** True when the text contains the exact phrase (see findPhrase). */
export function containsPhrase(text: string, phrase: string): boolean {
  return phraseTester(phrase)(text);
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Folds a speaker name, alias, code or id for lookups: the shared speaker key. */
export { speakerKey as foldName } from "../speaker-key";
