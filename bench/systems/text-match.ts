/**
 * Token-aware matching over lowercased text, with the tokenization of MiniSearch's default
 * tokenizer (split at line breaks, Unicode separators and punctuation), so that the linear scan
 * and the phrase check answer exactly what an index of those tokens would.
 */

/** MiniSearch's default token separator, one character. */
const SEPARATOR = /[\n\r\p{Z}\p{P}]/u;
/** Runs of separators: what a peer's tokenizer splits at to find MiniSearch's tokens. */
export const SEPARATOR_RUNS = new RegExp(`${SEPARATOR.source}+`, "u");
const ASCII_SEPARATOR = new Uint8Array(128);
for (let code = 0; code < 128; code++)
  ASCII_SEPARATOR[code] = SEPARATOR.test(String.fromCharCode(code)) ? 1 : 0;

/** True when the UTF-16 unit at `index` separates tokens (string edges count as separators). */
export function isSeparatorAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return true;
  const code = text.charCodeAt(index);
  if (code < 128) return ASCII_SEPARATOR[code] === 1;
  return SEPARATOR.test(text.charAt(index));
}

/** True when `text` contains `words` (one word or several separated by spaces) as whole tokens. */
export function containsWords(text: string, words: string): boolean {
  if (words === "") return false;
  let from = 0;
  for (;;) {
    const at = text.indexOf(words, from);
    if (at < 0) return false;
    if (isSeparatorAt(text, at - 1) && isSeparatorAt(text, at + words.length)) return true;
    from = at + 1;
  }
}

/** True when some token of `text` starts with `prefix`. */
export function containsPrefix(text: string, prefix: string): boolean {
  if (prefix === "") return false;
  let from = 0;
  for (;;) {
    const at = text.indexOf(prefix, from);
    if (at < 0) return false;
    if (isSeparatorAt(text, at - 1)) return true;
    from = at + 1;
  }
}

/**
 * True when some token of `text` is within `maxEdits` Levenshtein edits of `term`.
 *
 * Pigeonhole filter: cut `term` into maxEdits + 1 pieces; a token within maxEdits edits keeps at
 * least one piece intact, so only the tokens around an occurrence of a piece (found by indexOf)
 * are compared, with a bounded edit distance.
 */
export function containsFuzzy(text: string, term: string, maxEdits: number): boolean {
  if (term.length <= maxEdits) return containsFuzzyByTokens(text, term, maxEdits);
  const parts = maxEdits + 1;
  const size = Math.floor(term.length / parts);
  for (let p = 0; p < parts; p++) {
    const piece = term.slice(p * size, p === parts - 1 ? term.length : (p + 1) * size);
    let from = 0;
    for (;;) {
      const at = text.indexOf(piece, from);
      if (at < 0) break;
      let start = at;
      while (!isSeparatorAt(text, start - 1)) start--;
      let end = at + piece.length;
      while (!isSeparatorAt(text, end)) end++;
      if (
        Math.abs(end - start - term.length) <= maxEdits &&
        withinEditDistance(text, start, end, term, maxEdits)
      ) {
        return true;
      }
      from = at + 1;
    }
  }
  return false;
}

/** The same answer as containsFuzzy, comparing every token (no filter). */
export function containsFuzzyByTokens(text: string, term: string, maxEdits: number): boolean {
  const length = text.length;
  let start = 0;
  while (start < length) {
    while (start < length && isSeparatorAt(text, start)) start++;
    let end = start;
    while (end < length && !isSeparatorAt(text, end)) end++;
    if (end > start && Math.abs(end - start - term.length) <= maxEdits) {
      if (withinEditDistance(text, start, end, term, maxEdits)) return true;
    }
    start = end;
  }
  return false;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance of text[start, end) and `term` is at most `maxEdits` (row-minimum cut-off). */
export function withinEditDistance(
  text: string,
  start: number,
  end: number,
  term: string,
  maxEdits: number,
): boolean {
  const n = term.length;
  if (rowA.length <= n) {
    rowA = new Int32Array(n + 1);
    rowB = new Int32Array(n + 1);
  }
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    current[0] = i - start + 1;
    let rowMin = current[0]!;
    for (let j = 1; j <= n; j++) {
      const cost = term.charCodeAt(j - 1) === c ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > maxEdits) return false;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return previous[n]! <= maxEdits;
}
