/**
 * Word-level local alignment (Smith-Waterman over words) of a query against a stretch of an
 * utterance, and the word diff it yields. Words are the search core's words (src/search/text.ts:
 * runs of letters, digits and marks; compared as index terms, so case, accents and punctuation
 * are ignored as everywhere else in search).
 *
 * Scores: a word that matches +MATCH, a replaced word MISMATCH, an inserted or dropped word GAP.
 * The similarity of an alignment is Dice's coefficient over words, 2E / (Q + P), where E is the
 * number of equal words, Q the number of query words (all of them: query words outside the
 * aligned span count as dropped) and P the number of passage words. An exact occurrence has
 * E = Q = P, similarity 1.
 *
 * Runtime-free.
 */
import { normaliseTerm, tokenizeWithOffsets } from "../text";

export const ALIGN_SCORES = { match: 2, mismatch: -1, gap: -1 } as const;
/**
 * Scores of the global alignment of a known span (alignWhole): a replacement costs as much as a
 * drop and an insert, so of equally short diffs the one keeping the most words wins.
 */
export const WHOLE_SCORES = { match: 2, mismatch: -2, gap: -1 } as const;

/** A word of a text: its index term and where it stands (UTF-16 offsets, end exclusive). */
export interface Word {
  term: string;
  start: number;
  end: number;
}

/** The words of a text, as the index sees them. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const token of tokenizeWithOffsets(text)) {
    const term = normaliseTerm(token.word);
    if (term !== "") words.push({ term, start: token.start, end: token.end });
  }
  return words;
}

/** One run of a word diff: words kept, inserted (only in the passage) or deleted (only in the query). */
export interface DiffRun {
  op: "equal" | "insert" | "delete";
  text: string;
}

/** A local alignment: the passage's words [from, to) of the utterance, and the query's [qFrom, qTo). */
export interface Alignment {
  from: number;
  to: number;
  qFrom: number;
  qTo: number;
  /** Equal words. */
  equal: number;
  score: number;
  /** Per aligned step: "=" equal, "~" replaced, "+" passage word inserted, "-" query word dropped. */
  steps: string;
}

/**
 * The best local alignment of query terms `q` (as small ids, see termIds) against passage ids
 * `p` between words lo and hi, or null when nothing matches. `cells` counts the work done.
 */
export function align(q: Int32Array, p: Int32Array, lo: number, hi: number): Alignment | null {
  const rows = q.length + 1;
  const cols = hi - lo + 1;
  const h = scratch(rows * cols);
  h.fill(0, 0, cols);
  for (let i = 1; i < rows; i++) h[i * cols] = 0;
  let best = 0;
  let bestAt = -1;
  for (let i = 1; i < rows; i++) {
    const qi = q[i - 1]!;
    const row = i * cols;
    const up = row - cols;
    for (let j = 1; j < cols; j++) {
      const diagonal =
        h[up + j - 1]! + (qi === p[lo + j - 1] ? ALIGN_SCORES.match : ALIGN_SCORES.mismatch);
      const fromUp = h[up + j]! + ALIGN_SCORES.gap;
      const fromLeft = h[row + j - 1]! + ALIGN_SCORES.gap;
      const score = Math.max(0, diagonal, fromUp, fromLeft);
      h[row + j] = score;
      if (score > best) {
        best = score;
        bestAt = row + j;
      }
    }
  }
  if (bestAt < 0) return null;
  return traceBack(h, cols, q, p, lo, bestAt, best);
}

/**
 * The global alignment (Needleman-Wunsch, WHOLE_SCORES) of the whole query against the passage
 * words [lo, hi): the diff of a passage whose span is already known (found through another
 * version of the text).
 */
export function alignWhole(q: Int32Array, p: Int32Array, lo: number, hi: number): Alignment {
  const rows = q.length + 1;
  const cols = hi - lo + 1;
  const h = new Int32Array(rows * cols);
  for (let i = 1; i < rows; i++) h[i * cols] = i * WHOLE_SCORES.gap;
  for (let j = 1; j < cols; j++) h[j] = j * WHOLE_SCORES.gap;
  for (let i = 1; i < rows; i++) {
    const qi = q[i - 1]!;
    for (let j = 1; j < cols; j++) {
      const step = qi === p[lo + j - 1] ? WHOLE_SCORES.match : WHOLE_SCORES.mismatch;
      h[i * cols + j] = Math.max(
        h[(i - 1) * cols + j - 1]! + step,
        h[(i - 1) * cols + j]! + WHOLE_SCORES.gap,
        h[i * cols + j - 1]! + WHOLE_SCORES.gap,
      );
    }
  }
  const steps: string[] = [];
  let equal = 0;
  let i = q.length;
  let j = hi - lo;
  while (i > 0 || j > 0) {
    const here = h[i * cols + j]!;
    const same = i > 0 && j > 0 && q[i - 1] === p[lo + j - 1];
    if (
      i > 0 &&
      j > 0 &&
      here === h[(i - 1) * cols + j - 1]! + (same ? WHOLE_SCORES.match : WHOLE_SCORES.mismatch)
    ) {
      steps.push(same ? "=" : "~");
      if (same) equal++;
      i--;
      j--;
    } else if (i > 0 && here === h[(i - 1) * cols + j]! + WHOLE_SCORES.gap) {
      steps.push("-");
      i--;
    } else {
      steps.push("+");
      j--;
    }
  }
  const score = h[rows * cols - 1]!;
  return {
    from: lo,
    to: hi,
    qFrom: 0,
    qTo: q.length,
    equal,
    score,
    steps: steps.reverse().join(""),
  };
}

let buffer = new Int32Array(4096);

/** A score matrix of at least `size` cells, reused between alignments (contents undefined). */
function scratch(size: number): Int32Array {
  if (buffer.length < size) buffer = new Int32Array(Math.max(size, buffer.length * 2));
  return buffer;
}

function traceBack(
  h: Int32Array,
  cols: number,
  q: Int32Array,
  p: Int32Array,
  lo: number,
  at: number,
  score: number,
): Alignment {
  let i = Math.floor(at / cols);
  let j = at % cols;
  const qTo = i;
  const to = lo + j;
  const steps: string[] = [];
  let equal = 0;
  while (i > 0 && j > 0 && h[i * cols + j]! > 0) {
    const here = h[i * cols + j]!;
    const same = q[i - 1] === p[lo + j - 1];
    const diagonal = h[(i - 1) * cols + j - 1]!;
    if (here === diagonal + (same ? ALIGN_SCORES.match : ALIGN_SCORES.mismatch)) {
      steps.push(same ? "=" : "~");
      if (same) equal++;
      i--;
      j--;
    } else if (here === h[(i - 1) * cols + j]! + ALIGN_SCORES.gap) {
      steps.push("-");
      i--;
    } else {
      steps.push("+");
      j--;
    }
  }
  return { from: lo + j, to, qFrom: i, qTo, equal, score, steps: steps.reverse().join("") };
}

const ASCII_RE = /^[^\u0080-\uffff]*$/;
const ASCII_WORD_RE = /[A-Za-z0-9]+/g;

/**
 * The ids of a text's words against the query's term ids (-1 for words not in the query), the
 * same words as wordsOf gives, without an object per word: ASCII texts are split on runs of
 * [A-Za-z0-9] (what the tokenizer's letters, digits and marks are in ASCII) and lower-cased.
 */
export function encodeWords(text: string, ids: ReadonlyMap<string, number>): Int32Array {
  if (!ASCII_RE.test(text)) {
    const words = wordsOf(text);
    return Int32Array.from(words, (word) => ids.get(word.term) ?? -1);
  }
  const out: number[] = [];
  const lower = text.toLowerCase();
  ASCII_WORD_RE.lastIndex = 0;
  for (let match = ASCII_WORD_RE.exec(lower); match; match = ASCII_WORD_RE.exec(lower))
    out.push(ids.get(match[0]) ?? -1);
  return Int32Array.from(out);
}

/** The query's term ids: equal terms get equal ids, in order of first use. */
export function queryIds(query: readonly Word[]): { ids: Map<string, number>; q: Int32Array } {
  const ids = new Map<string, number>();
  const q = new Int32Array(query.length);
  query.forEach((word, index) => {
    let id = ids.get(word.term);
    if (id === undefined) {
      id = ids.size;
      ids.set(word.term, id);
    }
    q[index] = id;
  });
  return { ids, q };
}

/** Query and passage terms as small ids: equal terms get equal ids; passage terms not in the query -1. */
export function termIds(
  query: readonly Word[],
  passage: readonly Word[],
): { q: Int32Array; p: Int32Array } {
  const { ids, q } = queryIds(query);
  const p = new Int32Array(passage.length);
  passage.forEach((word, index) => {
    p[index] = ids.get(word.term) ?? -1;
  });
  return { q, p };
}

/** Dice's coefficient over words: 2E / (Q + P). */
export function similarity(equal: number, queryWords: number, passageWords: number): number {
  const total = queryWords + passageWords;
  return total === 0 ? 0 : (2 * equal) / total;
}

/**
 * The word diff of an alignment against the whole query. Equal and inserted runs hold the
 * passage's own text (each up to where the next passage run starts), so concatenating them gives
 * the passage character for character; equal and deleted runs, joined with spaces, give the
 * query's words (see rebuildQuery). Replacements are a delete followed by an insert.
 */
export function diffRuns(
  alignment: Alignment,
  query: readonly Word[],
  queryText: string,
  words: readonly Word[],
  text: string,
): DiffRun[] {
  const runs: DiffRun[] = [];
  const passageEnd = words[alignment.to - 1]?.end ?? 0;
  const piece = (j: number) =>
    text.slice(words[j]!.start, j + 1 < alignment.to ? words[j + 1]!.start : passageEnd);
  const queryWords = (from: number, to: number) =>
    queryText.slice(query[from]!.start, query[to - 1]!.end);
  const push = (op: DiffRun["op"], piece: string) => {
    const last = runs[runs.length - 1];
    if (last && last.op === op) last.text += op === "delete" ? ` ${piece}` : piece;
    else runs.push({ op, text: piece });
  };
  if (alignment.qFrom > 0) push("delete", queryWords(0, alignment.qFrom));
  let i = alignment.qFrom;
  let j = alignment.from;
  // Within a stretch of changes, the query's words go first, then the passage's.
  let pendingInserts: number[] = [];
  const flush = () => {
    for (const at of pendingInserts) push("insert", piece(at));
    pendingInserts = [];
  };
  for (const step of alignment.steps) {
    if (step === "=") {
      flush();
      push("equal", piece(j++));
      i++;
      continue;
    }
    if (step === "~" || step === "-") push("delete", queryWords(i, ++i));
    if (step === "~" || step === "+") pendingInserts.push(j++);
  }
  flush();
  if (alignment.qTo < query.length) push("delete", queryWords(alignment.qTo, query.length));
  return runs;
}

/** The passage a diff describes: its equal and inserted runs, concatenated. */
export function rebuildPassage(diff: readonly DiffRun[]): string {
  return diff
    .filter((run) => run.op !== "delete")
    .map((run) => run.text)
    .join("");
}

/** The query a diff describes (its words; case, accents and punctuation as in the passage for equal runs). */
export function rebuildQuery(diff: readonly DiffRun[]): string {
  return diff
    .filter((run) => run.op !== "insert")
    .map((run) => run.text.trim())
    .join(" ");
}
