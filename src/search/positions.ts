/**
 * Word positions: what an index records of where each word of an utterance stands, so that
 * phrases and proximity (`"a b"~N`) are answered from the index exactly as the text checks of
 * ./text.ts (findPhrase) and ./proximity.ts (findProximity) answer them, without reading texts.
 *
 * A position counts the index's words (tokens whose term is not empty), as proximity does. Each
 * occurrence also records two facts that an exact phrase depends on and a term does not:
 * - `joined`: only white space stands between this word and the previous indexed word (so the
 *   folded text has one space there); false for the first word;
 * - `exact`: the word folded as phrases fold it (per character lower case, diacritics kept) is
 *   its index term (diacritics removed), as it always is for ASCII words.
 *
 * A phrase is answered by positions when its folding is words of [a-z0-9] separated by single
 * spaces (positionalPhrase): it then occurs in a text exactly when its words are at consecutive
 * positions, every one `exact`, every one after the first `joined`. Why this is exact, for every
 * text: words are maximal runs of word characters, lower-casing turns word characters into word
 * characters, white space into white space and other characters into non-word characters, and a
 * word whose folding is ASCII has that folding as its term (test/search/positions.test.ts checks
 * these over every code point). Other phrases (punctuation, non-ASCII letters) are still checked
 * on the text.
 *
 * Runtime-free.
 */
import { foldPhrase, normaliseTerm, tokenizeWithOffsets } from "./text";

/** One indexed word of a text. */
export interface WordPosition {
  term: string;
  /** Among the text's indexed words, from 0. */
  position: number;
  joined: boolean;
  exact: boolean;
}

const ASCII_RE = /^[^\u0080-\uffff]*$/;
const SPACE_RE = /^\s+$/u;
const POSITIONAL_WORD_RE = /^[a-z0-9]+$/;

/** A word folded as foldText folds it: each character lower-cased on its own. */
function foldWord(word: string): string {
  if (ASCII_RE.test(word)) return word.toLowerCase();
  let folded = "";
  for (const char of word) folded += char.toLowerCase();
  return folded;
}

/** The indexed words of a text with their positions and phrase facts, in order. */
export function wordPositions(text: string): WordPosition[] {
  const words: WordPosition[] = [];
  let previousEnd = -1;
  for (const token of tokenizeWithOffsets(text)) {
    const term = normaliseTerm(token.word);
    if (term === "") continue;
    const joined = previousEnd >= 0 && SPACE_RE.test(text.slice(previousEnd, token.start));
    words.push({ term, position: words.length, joined, exact: foldWord(token.word) === term });
    previousEnd = token.end;
  }
  return words;
}

/**
 * The words of a phrase (as typed) when positions answer it exactly: its folding is words of
 * [a-z0-9] separated by single spaces. Null for any other phrase (it is checked on the text).
 */
export function positionalPhrase(phrase: string): string[] | null {
  const folded = foldPhrase(phrase);
  if (folded === "") return null;
  const words = folded.split(" ");
  return words.every((word) => POSITIONAL_WORD_RE.test(word)) ? words : null;
}

/** An occurrence packed in one number: `position * 4 + (joined ? 2 : 0) + (exact ? 1 : 0)`. */
export function packOccurrence(word: Pick<WordPosition, "position" | "joined" | "exact">): number {
  return word.position * 4 + (word.joined ? 2 : 0) + (word.exact ? 1 : 0);
}

/** The flags of a packed occurrence. */
export const JOINED = 2;
export const EXACT = 1;
