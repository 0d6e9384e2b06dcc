/**
 * "Where else was this said?": text reuse between utterances, all pairs, computed once at build
 * time and stored with the assets (as passim does for books): utterances that share at least
 * REUSE.minSharedShingles runs of REUSE.shingle words are aligned word by word (./align.ts), and a
 * pair is kept when the aligned passages have at least REUSE.minEqualWords equal words, one
 * unbroken run of REUSE.minRun of them, and a similarity (2E / (P1 + P2)) of at least
 * REUSE.minSimilarity.
 *
 * Cost bounds: runs said in more than REUSE.maxShingleUtterances utterances are boilerplate ("thank
 * you chair you have the floor") and pair nothing; at most REUSE.maxPairs pairs are aligned (those
 * sharing most runs first), each within REUSE.window words around a shared run, and at most
 * REUSE.maxCells alignment cells in all. What was cut is reported in the stats.
 *
 * Runtime-free (the build runs it; the search core only reads its table).
 */
import { align, similarity, wordsOf, type Word } from "./align";

/** The options of the reuse table; hashed into the index options, so a change rebuilds. */
export const REUSE = {
  version: 1,
  shingle: 5,
  maxShingleUtterances: 40,
  minSharedShingles: 2,
  minEqualWords: 10,
  /** The aligned passages must also share one unbroken run of this many words. */
  minRun: 8,
  minSimilarity: 0.6,
  window: 120,
  maxPairs: 50_000,
  maxCells: 400_000_000,
} as const;

/**
 * One passage of another utterance that this one shares: the other utterance's ordinal, this
 * utterance's span (start, end), the other's span, and the similarity in thousandths. In a shard
 * of a larger collection (ingest/shards.ts) the other utterance may be in another shard: `other`
 * is then its id (a string), and the router presents it (src/router/app.ts).
 */
export type ReuseLink = [
  other: number | string,
  start: number,
  end: number,
  otherStart: number,
  otherEnd: number,
  similarityPermille: number,
];

/** Ordinal -> its links, ordered by the other utterance's ordinal (chronological). */
export type ReuseTable = Record<string, ReuseLink[]>;

export interface ReuseStats {
  utterances: number;
  shingles: number;
  candidatePairs: number;
  alignedPairs: number;
  cells: number;
  links: number;
  /** True when maxPairs or maxCells cut the work short. */
  truncated: boolean;
}

interface Prepared {
  words: Word[];
  ids: Int32Array;
}

/** Term ids per utterance (one id per distinct term, shared by all). */
function prepare(
  texts: readonly string[],
  include: (ordinal: number) => boolean,
): (Prepared | null)[] {
  const ids = new Map<string, number>();
  return texts.map((text, ordinal) => {
    if (!include(ordinal)) return null;
    const words = wordsOf(text);
    const termIds = new Int32Array(words.length);
    words.forEach((word, index) => {
      let id = ids.get(word.term);
      if (id === undefined) {
        id = ids.size;
        ids.set(word.term, id);
      }
      termIds[index] = id;
    });
    return { words, ids: termIds };
  });
}

/** A 32-bit hash of the ids at [at, at + n). */
function shingleHash(ids: Int32Array, at: number, n: number): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < n; k++) hash = Math.imul(hash ^ ids[at + k]!, 0x01000193);
  return hash >>> 0;
}

/** Shingle hash -> the utterances having it, with the position of its first use in each. */
function shingleIndex(prepared: readonly (Prepared | null)[]): Map<number, number[]> {
  const index = new Map<number, number[]>();
  prepared.forEach((entry, ordinal) => {
    if (!entry) return;
    for (let at = 0; at + REUSE.shingle <= entry.ids.length; at++) {
      const hash = shingleHash(entry.ids, at, REUSE.shingle);
      const list = index.get(hash);
      if (!list) index.set(hash, [ordinal, at]);
      else if (list[list.length - 2] !== ordinal && list.length <= 2 * REUSE.maxShingleUtterances)
        list.push(ordinal, at);
    }
  });
  return index;
}

interface Pair {
  a: number;
  b: number;
  shared: number;
  atA: number;
  atB: number;
}

/** Pairs of utterances sharing runs, most shared first. */
function candidatePairs(index: Map<number, number[]>, size: number): Pair[] {
  const pairs = new Map<number, Pair>();
  for (const list of index.values()) {
    const count = list.length / 2;
    if (count < 2 || count > REUSE.maxShingleUtterances) continue;
    for (let i = 0; i < list.length; i += 2) {
      for (let j = i + 2; j < list.length; j += 2) {
        const a = list[i]!;
        const b = list[j]!;
        const key = a * size + b;
        const pair = pairs.get(key);
        if (pair) pair.shared++;
        else pairs.set(key, { a, b, shared: 1, atA: list[i + 1]!, atB: list[j + 1]! });
      }
    }
  }
  return [...pairs.values()]
    .filter((pair) => pair.shared >= REUSE.minSharedShingles)
    .sort((x, y) => y.shared - x.shared || x.a - y.a || x.b - y.b);
}

/** The longest run of equal words in an alignment's steps. */
function longestRun(steps: string): number {
  let best = 0;
  let run = 0;
  for (const step of steps) {
    run = step === "=" ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

/** Builds the reuse table of the utterances `include` keeps. Pure. */
export function buildReuse(
  texts: readonly string[],
  include: (ordinal: number) => boolean = () => true,
): { table: ReuseTable; stats: ReuseStats } {
  const prepared = prepare(texts, include);
  const index = shingleIndex(prepared);
  const pairs = candidatePairs(index, texts.length);
  const stats: ReuseStats = {
    utterances: prepared.filter((p) => p !== null).length,
    shingles: index.size,
    candidatePairs: pairs.length,
    alignedPairs: 0,
    cells: 0,
    links: 0,
    truncated: pairs.length > REUSE.maxPairs,
  };
  const table: ReuseTable = {};
  const add = (ordinal: number, link: ReuseLink) => (table[String(ordinal)] ??= []).push(link);
  for (const pair of pairs.slice(0, REUSE.maxPairs)) {
    const a = prepared[pair.a]!;
    const b = prepared[pair.b]!;
    const aLo = Math.max(0, pair.atA - REUSE.window);
    const aHi = Math.min(a.ids.length, pair.atA + REUSE.shingle + REUSE.window);
    const bLo = Math.max(0, pair.atB - REUSE.window);
    const bHi = Math.min(b.ids.length, pair.atB + REUSE.shingle + REUSE.window);
    const cells = (aHi - aLo) * (bHi - bLo);
    if (stats.cells + cells > REUSE.maxCells) {
      stats.truncated = true;
      break;
    }
    stats.cells += cells;
    stats.alignedPairs++;
    const found = align(a.ids.subarray(aLo, aHi), b.ids, bLo, bHi);
    if (!found || found.equal < REUSE.minEqualWords || longestRun(found.steps) < REUSE.minRun)
      continue;
    const aFrom = aLo + found.qFrom;
    const aTo = aLo + found.qTo;
    const share = similarity(found.equal, aTo - aFrom, found.to - found.from);
    if (share < REUSE.minSimilarity) continue;
    const spanA: [number, number] = [a.words[aFrom]!.start, a.words[aTo - 1]!.end];
    const spanB: [number, number] = [b.words[found.from]!.start, b.words[found.to - 1]!.end];
    const permille = Math.round(share * 1000);
    add(pair.a, [pair.b, ...spanA, ...spanB, permille]);
    add(pair.b, [pair.a, ...spanB, ...spanA, permille]);
    stats.links += 2;
  }
  for (const links of Object.values(table))
    links.sort((x, y) => Number(x[0]) - Number(y[0]) || x[1] - y[1]);
  return { table, stats };
}
