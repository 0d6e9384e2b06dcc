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
 * Where an exact phrase occurs in a text: case-insensitive, white space normalised, and on word
 * boundaries (a phrase that begins or ends with a word character must not begin or end inside a
 * word). Returns spans in the original text, in order, not overlapping.
 */
export function findPhrase(
  text: string,
  phrase: string,
  folded: FoldedText = foldText(text),
): { start: number; end: number }[] {
  const needle = foldPhrase(phrase);
  if (needle.length === 0) return [];
  const spans: { start: number; end: number }[] = [];
  const hay = folded.folded;
  const checkStart = isWordChar(needle, 0);
  const checkEnd = isWordChar(needle, needle.length - 1);
  let from = 0;
  while (from <= hay.length - needle.length) {
    const at = hay.indexOf(needle, from);
    if (at < 0) break;
    const endAt = at + needle.length;
    const startOk = !checkStart || !isWordChar(hay, at - 1);
    const endOk = !checkEnd || !isWordChar(hay, endAt);
    if (startOk && endOk) {
      spans.push({ start: folded.starts[at] ?? 0, end: folded.ends[endAt - 1] ?? text.length });
      from = endAt;
    } else {
      from = at + 1;
    }
  }
  return spans;
}

/** True when the text contains the exact phrase (see findPhrase). */
export function containsPhrase(text: string, phrase: string): boolean {
  return findPhrase(text, phrase).length > 0;
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
