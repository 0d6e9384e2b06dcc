/**
 * The sorted term dictionary of the compact index: every term in one string, separated by
 * TERM_SEPARATOR, in UTF-16 code unit order (JavaScript's default sort), with the start of each
 * term in a Uint32Array. Lookups compare characters in place (no substring per probe):
 * exact terms and prefix ranges by binary search, fuzzy terms by a banded Levenshtein walk
 * that shares the rows of common prefixes and skips a whole prefix range as soon as no term
 * under it can be close enough (the same algorithm MiniSearch runs over its radix tree).
 *
 * Runtime-free.
 */

/** Separates terms in the dictionary string. Terms never contain it (they are word characters). */
export const TERM_SEPARATOR = " ";

/** A fuzzy match: term id and its edit distance. */
export interface FuzzyMatch {
  id: number;
  distance: number;
}

export class TermDictionary {
  /** Number of terms. */
  readonly size: number;
  private lcp: Uint8Array | undefined;

  /**
   * @param text the terms joined by TERM_SEPARATOR, sorted
   * @param starts start of each term in `text`, plus `text.length + 1` at the end
   */
  constructor(
    private readonly text: string,
    private readonly starts: Uint32Array,
  ) {
    this.size = starts.length - 1;
  }

  /** Builds the term starts of a dictionary string (validating order). Throws on disorder. */
  static fromText(text: string, expected: number): TermDictionary {
    const starts = new Uint32Array(expected + 1);
    let count = 0;
    if (text.length > 0 || expected > 0) {
      let at = 0;
      for (;;) {
        if (count >= expected) throw new RangeError(`dictionary has more than ${expected} terms`);
        starts[count++] = at;
        const next = text.indexOf(TERM_SEPARATOR, at);
        if (next < 0) break;
        at = next + 1;
      }
    }
    if (count !== expected)
      throw new RangeError(`dictionary has ${count} terms, header says ${expected}`);
    starts[count] = text.length + 1;
    const dictionary = new TermDictionary(text, starts);
    checkSorted(dictionary);
    return dictionary;
  }

  termLength(id: number): number {
    return (this.starts[id + 1] ?? 0) - (this.starts[id] ?? 0) - 1;
  }

  /** The term with this id. */
  term(id: number): string {
    const start = this.starts[id] ?? 0;
    return this.text.slice(start, start + this.termLength(id));
  }

  /** Compares term `id` with `query` (code unit order): <0, 0, >0. */
  compare(id: number, query: string): number {
    const start = this.starts[id] ?? 0;
    const length = this.termLength(id);
    const shared = Math.min(length, query.length);
    for (let i = 0; i < shared; i++) {
      const diff = this.text.charCodeAt(start + i) - query.charCodeAt(i);
      if (diff !== 0) return diff;
    }
    return length - query.length;
  }

  /** First term id whose term is >= query. */
  lowerBound(query: string): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(mid, query) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The id of `term`, or -1. */
  find(term: string): number {
    const at = this.lowerBound(term);
    return at < this.size && this.compare(at, term) === 0 ? at : -1;
  }

  /** True when term `id` starts with `prefix`. */
  private startsWith(id: number, prefix: string): boolean {
    if (this.termLength(id) < prefix.length) return false;
    const start = this.starts[id] ?? 0;
    for (let i = 0; i < prefix.length; i++) {
      if (this.text.charCodeAt(start + i) !== prefix.charCodeAt(i)) return false;
    }
    return true;
  }

  /** The ids [from, to) of the terms starting with `prefix` (the term itself included). */
  prefixRange(prefix: string): [number, number] {
    const from = this.lowerBound(prefix);
    let lo = from;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.startsWith(mid, prefix)) lo = mid + 1;
      else hi = mid;
    }
    return [from, lo];
  }

  /**
   * Length of the common prefix of each term with the one before it (capped at 255), computed
   * on the first fuzzy search: it gives the rows a term can reuse, and skipping a pruned prefix
   * is a scan over it.
   */
  private commonPrefixes(): Uint8Array {
    if (this.lcp) return this.lcp;
    const lcp = new Uint8Array(this.size);
    const text = this.text;
    for (let id = 1; id < this.size; id++) {
      const a = this.starts[id - 1] ?? 0;
      const b = this.starts[id] ?? 0;
      const limit = Math.min(this.termLength(id - 1), this.termLength(id), 255);
      let shared = 0;
      while (shared < limit && text.charCodeAt(a + shared) === text.charCodeAt(b + shared))
        shared++;
      lcp[id] = shared;
    }
    this.lcp = lcp;
    return lcp;
  }

  /**
   * Every term within Levenshtein distance `maxDistance` of `query` (the term itself included,
   * at distance 0), in dictionary order. The matrix is banded like MiniSearch's fuzzySearch, so
   * the distances (and the matches) are the ones MiniSearch computes.
   */
  fuzzy(query: string, maxDistance: number): FuzzyMatch[] {
    const matches: FuzzyMatch[] = [];
    if (maxDistance < 0 || this.size === 0) return matches;
    const n = query.length + 1;
    const rows = n + maxDistance; // a match is at most query.length + maxDistance long
    const capped = Math.min(maxDistance + 1, 255);
    const matrix = new Uint8Array(rows * n).fill(capped);
    for (let j = 0; j < n; j++) matrix[j] = Math.min(j, 255);
    for (let i = 1; i < rows; i++) matrix[i * n] = Math.min(i, 255);
    const text = this.text;
    const lcp = this.commonPrefixes();
    let valid = 0; // rows 1..valid hold the prefix of the previous term visited
    let id = 0;
    while (id < this.size) {
      const start = this.starts[id] ?? 0;
      const length = this.termLength(id);
      let prunedAt = 0;
      for (let row = Math.min(valid, lcp[id] ?? 0) + 1; row <= length; row++) {
        if (row >= rows) {
          prunedAt = row; // every term with this prefix is too long
          break;
        }
        const char = text.charCodeAt(start + row - 1);
        const thisRow = n * row;
        const previousRow = thisRow - n;
        let minDistance = matrix[thisRow] ?? capped;
        const jmin = Math.max(0, row - maxDistance - 1);
        const jmax = Math.min(n - 1, row + maxDistance);
        for (let j = jmin; j < jmax; j++) {
          const different = char !== query.charCodeAt(j) ? 1 : 0;
          const rpl = (matrix[previousRow + j] ?? capped) + different;
          const del = (matrix[previousRow + j + 1] ?? capped) + 1;
          const ins = (matrix[thisRow + j] ?? capped) + 1;
          const distance = rpl < del ? (rpl < ins ? rpl : ins) : del < ins ? del : ins;
          matrix[thisRow + j + 1] = distance;
          if (distance < minDistance) minDistance = distance;
        }
        if (minDistance > maxDistance) {
          prunedAt = row;
          break;
        }
      }
      if (prunedAt > 0) {
        // No term sharing this term's first prunedAt characters can match: skip them all.
        valid = prunedAt - 1;
        id++;
        while (id < this.size && (lcp[id] ?? 0) >= prunedAt) id++;
        continue;
      }
      valid = length;
      const distance = matrix[length * n + n - 1] ?? capped;
      if (distance <= maxDistance) matches.push({ id, distance });
      id++;
    }
    return matches;
  }
}

/**
 * Throws unless every term is non-empty and greater than the one before, in code unit order.
 * Compares whole terms with the runtime's own string comparison (the same order as `compare`):
 * at a cold start, before any JIT has warmed up, a loop over the characters of 50,000 terms took
 * about 15 ms of the index's 25.
 */
function checkSorted(dictionary: TermDictionary): void {
  let previous = "";
  for (let i = 0; i < dictionary.size; i++) {
    const term = dictionary.term(i);
    if (term.length === 0) throw new RangeError(`dictionary term ${i} is empty`);
    if (i > 0 && !(previous < term)) throw new RangeError(`dictionary is not sorted at term ${i}`);
    previous = term;
  }
}
