/**
 * Phrase and near nodes over the compact index's word positions: the documents of the AND of
 * their words narrowed to those where the words stand as the phrase or the proximity needs
 * (src/search/positions.ts, src/search/proximity.ts), with no text read, each scored exactly as
 * the AND scores it in ./evaluate.ts (every word's BM25+ score with weight 1, added up in the
 * node's order) with the bits of all its words' leaves.
 *
 * A phrase is read as units at offsets from its start: two common words next to each other are
 * one unit, their pair (./pairs.ts), any other word a unit of its own. The rarest unit's postings
 * are the candidates; the other units are read rarest first, and a document is dropped as soon
 * as the units read cannot stand in order, so frequent words are read for few documents (and
 * skipped by whole blocks where none is read). Two common words that never stand together make
 * the phrase match nothing at once; an open word's pair too rare to be kept is read as its words.
 *
 * Runtime-free.
 */
import { EXACT, JOINED } from "../../positions";
import { proximityWindows } from "../../proximity";
import { NumberReader } from "./codec";
import { type CompactIndexData, bm25Saturation, decodePostings } from "./index-data";
import { PAIR_HEADERS, commonPair, keepsPair, pairTerm } from "./pairs";
import { TermPositions } from "./term-positions";

/** Documents with scores and the leaves each matched (./evaluate.ts's result sets). */
export interface PositionalSet {
  size: number;
  ordinals: Int32Array;
  scores: Float64Array;
  masks: Int32Array;
  /** For a phrase: the times each document says it, not overlapping (as findPhrase counts). */
  counts?: Int32Array;
}

/** A word of a positional node: its term, its id and the bit of its leaf in the query. */
export interface NodeTerm {
  term: string;
  id: number;
  bit: number;
}

/** What a positional node asks of a document's positions. */
export type PositionTest =
  | { kind: "phrase"; terms: readonly string[] }
  | { kind: "near"; terms: readonly string[]; slop: number };

/** Something read at an offset from the phrase's start: a word or a pair of common words. */
interface Unit {
  offset: number;
  cursor: TermPositions;
  /** Documents of the unit (its postings). */
  size: number;
  data: CompactIndexData;
  id: number;
  /** The distinct word of a word unit (its term frequency is kept when read), -1 for a pair. */
  slot: number;
  /** A pair's two distinct words (their term frequencies come with its positions). */
  pairSlots?: [number, number];
}

const EMPTY_SET: PositionalSet = {
  size: 0,
  ordinals: new Int32Array(0),
  scores: new Float64Array(0),
  masks: new Int32Array(0),
};

/** The documents of a phrase or near node, scored (see above). */
export function positionalSet(
  data: CompactIndexData,
  words: readonly NodeTerm[],
  test: PositionTest,
): PositionalSet {
  const reading = new Reading(data, words);
  const units = test.kind === "phrase" ? phraseUnits(reading) : reading.wordUnits();
  if (units === null) return EMPTY_SET;
  const candidates = rarestOrdinals(units);
  const matcher =
    test.kind === "phrase" ? phraseMatcher(reading, units) : nearMatcher(reading, test);
  const out: PositionalSet = {
    size: 0,
    ordinals: new Int32Array(candidates.length),
    scores: new Float64Array(candidates.length),
    masks: new Int32Array(candidates.length),
    ...(test.kind === "phrase" ? { counts: new Int32Array(candidates.length) } : {}),
  };
  for (let c = 0; c < candidates.length; c++) {
    const ordinal = candidates[c]!;
    if (!matcher.holds(ordinal)) continue;
    reading.pairFrequencies(units, ordinal);
    const score = reading.score(ordinal);
    if (score === null) continue;
    out.ordinals[out.size] = ordinal;
    out.scores[out.size] = score;
    out.masks[out.size] = reading.mask;
    if (out.counts) out.counts[out.size] = matcher.count();
    out.size++;
  }
  return out;
}

/** A node's test of a document, and (for a phrase) how many times the last one held. */
interface Matcher {
  holds(ordinal: number): boolean;
  count(): number;
}

/** The distinct words of a node, each with its cursor, and what was read of them per document. */
class Reading {
  readonly ids: number[];
  /** Per word of the node, its distinct word. */
  readonly slots: number[];
  readonly sizes: number[];
  readonly mask: number;
  private readonly cursors: (TermPositions | undefined)[];
  private readonly idfs: number[];
  private readonly frequencies: Int32Array;
  private readonly readFor: Int32Array;

  constructor(
    readonly data: CompactIndexData,
    readonly words: readonly NodeTerm[],
  ) {
    this.ids = [...new Set(words.map((word) => word.id))];
    this.slots = words.map((word) => this.ids.indexOf(word.id));
    this.sizes = this.ids.map((id) => data.postingCount(id));
    this.idfs = this.ids.map((id, k) => data.inverseDocumentFrequency(id, this.sizes[k]!));
    this.cursors = this.ids.map(() => undefined);
    this.frequencies = new Int32Array(this.ids.length);
    this.readFor = new Int32Array(this.ids.length).fill(-1);
    this.mask = words.reduce((mask, word) => mask | word.bit, 0);
  }

  /** The cursor of distinct word k: with positions when it is read as a unit. */
  cursor(k: number, withPositions: boolean): TermPositions {
    let cursor = this.cursors[k];
    if (!cursor) {
      cursor = new TermPositions(this.data, this.ids[k]!, withPositions);
      this.cursors[k] = cursor;
    }
    return cursor;
  }

  /** Every word a unit at its place in the node (for proximity, or a phrase without pairs). */
  wordUnits(): Unit[] {
    return this.slots.map((k, i) => this.wordUnit(k, i));
  }

  wordUnit(k: number, offset: number): Unit {
    const id = this.ids[k]!;
    const cursor = this.cursor(k, true);
    return { offset, cursor, size: this.sizes[k]!, data: this.data, id, slot: k };
  }

  /**
   * Reads a unit's occurrences in `ordinal` (a word's once per document, keeping its term
   * frequency); false when it is not there.
   */
  read(unit: Unit, ordinal: number): boolean {
    const k = unit.slot;
    if (k >= 0 && this.readFor[k] === ordinal) return true;
    if (!unit.cursor.seek(ordinal)) return false;
    const frequency = unit.cursor.frequency;
    unit.cursor.read();
    if (k >= 0) {
      this.frequencies[k] = frequency;
      this.readFor[k] = ordinal;
    }
    return true;
  }

  /** Takes the term frequencies of the words of the units' pairs in `ordinal` from the pairs. */
  pairFrequencies(units: readonly Unit[], ordinal: number): void {
    for (const unit of units) {
      if (!unit.pairSlots) continue;
      const { cursor } = unit;
      if (cursor.lastRead !== ordinal) {
        if (!cursor.seek(ordinal)) continue;
        cursor.read();
      }
      unit.pairSlots.forEach((k, n) => {
        this.frequencies[k] = cursor.header[n]! + 1;
        this.readFor[k] = ordinal;
      });
    }
  }

  /** The document's score, as the AND of the words gives it; null if a word is not in it. */
  score(ordinal: number): number | null {
    const length = this.data.lengths[ordinal] ?? 0;
    let score = 0;
    for (let i = 0; i < this.slots.length; i++) {
      const k = this.slots[i]!;
      if (this.readFor[k] !== ordinal) {
        const cursor = this.cursor(k, false);
        if (!cursor.seek(ordinal)) return null;
        this.frequencies[k] = cursor.frequency;
        this.readFor[k] = ordinal;
      }
      const frequency = this.frequencies[k]!;
      const value = this.idfs[k]! * bm25Saturation(frequency, length, this.data.averageLength);
      score = i === 0 ? value : score + value;
    }
    return score;
  }
}

/**
 * The units of a phrase: a pair for every two common words next to each other, a word for every
 * word no pair covers. Null when two common words of it never stand together (no match).
 */
function phraseUnits(reading: Reading): Unit[] | null {
  const pairs = reading.data.pairs;
  const { words, slots } = reading;
  if (!pairs) return reading.wordUnits();
  const units: Unit[] = [];
  const covered = new Array<boolean>(words.length).fill(false);
  for (let i = 0; i + 1 < words.length; i++) {
    const first = words[i]!.term;
    const second = words[i + 1]!.term;
    if (!keepsPair(pairs.rule, first, second)) continue;
    const id = pairs.data.dictionary.find(pairTerm(first, second));
    // Two common words never standing together: no match. An open word's rarer pairs are not
    // kept: its words are read instead.
    if (id < 0 && commonPair(pairs.rule, first, second)) return null;
    if (id < 0) continue;
    const size = pairs.data.postingCount(id);
    const cursor = new TermPositions(pairs.data, id, true, PAIR_HEADERS);
    const pairSlots: [number, number] = [slots[i]!, slots[i + 1]!];
    units.push({ offset: i, cursor, size, data: pairs.data, id, slot: -1, pairSlots });
    covered[i] = covered[i + 1] = true;
  }
  words.forEach((_, i) => {
    if (!covered[i]) units.push(reading.wordUnit(slots[i]!, i));
  });
  return units;
}

/** Every ordinal of the rarest unit's postings. */
function rarestOrdinals(units: readonly Unit[]): Int32Array {
  const rarest = units.reduce((a, b) => (b.size < a.size ? b : a));
  const { postings, postingStarts } = rarest.data;
  const ordinals = new Int32Array(rarest.size);
  const reader = new NumberReader(postings, postingStarts[rarest.id] ?? 0);
  reader.next();
  decodePostings(postings, reader.position, postingStarts[rarest.id + 1] ?? 0, -1, ordinals, null);
  return ordinals;
}

/**
 * The phrase test: start positions that every unit read so far allows, narrowed unit by unit,
 * rarest first; a unit at offset o must stand at start + o, exact, and joined to the word before
 * unless o is 0 (a pair's occurrence is its first word's, the second joined and exact by
 * construction).
 */
function phraseMatcher(reading: Reading, units: readonly Unit[]): Matcher {
  const length = reading.words.length;
  // One pair is the whole phrase: every document of the pair has it (the candidates are those);
  // its occurrences, read for its words' frequencies, are the phrase's.
  const only = units.length === 1 && units[0]!.slot < 0 ? units[0]! : null;
  if (only) {
    return {
      holds: () => true,
      count: () => greedyCount(only.cursor.occurrences, only.cursor.count, length, true),
    };
  }
  const order = [...units].sort((a, b) => a.size - b.size || a.offset - b.offset);
  let starts = new Int32Array(16);
  let size = 0;
  const holds = (ordinal: number) => {
    size = 0;
    for (let step = 0; step < order.length; step++) {
      const unit = order[step]!;
      if (!reading.read(unit, ordinal)) return false;
      const { occurrences, count } = unit.cursor;
      const need = unit.offset === 0 ? EXACT : EXACT | JOINED;
      if (step === 0) {
        if (starts.length < count) starts = new Int32Array(count * 2);
        for (let j = 0; j < count; j++) {
          const packed = occurrences[j]!;
          if ((packed & need) === need) starts[size++] = (packed >>> 2) - unit.offset;
        }
      } else {
        size = narrowStarts(starts, size, occurrences, count, unit.offset, need);
      }
      if (size === 0) return false;
    }
    return true;
  };
  return { holds, count: () => greedyCount(starts, size, length, false) };
}

/**
 * How many of the phrase's starts (ascending; packed occurrences when `packed`) findPhrase would
 * count: from the first, each one at least the phrase's length of words after the last counted.
 */
function greedyCount(starts: Int32Array, size: number, length: number, packed: boolean): number {
  let counted = 0;
  let next = -Infinity;
  for (let j = 0; j < size; j++) {
    const start = packed ? starts[j]! >>> 2 : starts[j]!;
    if (start < next) continue;
    counted++;
    next = start + length;
  }
  return counted;
}

/** Keeps the starts s with an occurrence at s + offset carrying `need`; returns how many. */
function narrowStarts(
  starts: Int32Array,
  size: number,
  occurrences: Int32Array,
  count: number,
  offset: number,
  need: number,
): number {
  let kept = 0;
  let j = 0;
  for (let a = 0; a < size; a++) {
    const wanted = starts[a]! + offset;
    while (j < count && occurrences[j]! >>> 2 < wanted) j++;
    if (j < count && occurrences[j]! >>> 2 === wanted && (occurrences[j]! & need) === need)
      starts[kept++] = starts[a]!;
  }
  return kept;
}

/** The proximity test: every word read, then Lucene's slop (src/search/proximity.ts). */
function nearMatcher(reading: Reading, test: Extract<PositionTest, { kind: "near" }>): Matcher {
  const units = reading.wordUnits();
  const unitOf = new Map(test.terms.map((term, i) => [term, units[i]!]));
  const positionsOf = (term: string) => {
    const { occurrences, count } = unitOf.get(term)!.cursor;
    const positions = new Int32Array(count);
    for (let j = 0; j < count; j++) positions[j] = occurrences[j]! >>> 2;
    return positions;
  };
  return {
    holds: (ordinal) => {
      for (const unit of units) if (!reading.read(unit, ordinal)) return false;
      return proximityWindows(test.terms, positionsOf, test.slop, true).length > 0;
    },
    count: () => 0,
  };
}
