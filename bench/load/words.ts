/**
 * What the load run's queries are drawn from: the words, phrases, speakers, sessions, bodies and
 * dates of the corpus it serves, read once from the session records. Deterministic for a given
 * corpus and seed. Words are index terms (src/search/text.ts), so every drawn word is one term
 * of the query language.
 */
import type { Body, SessionRecord } from "../../src/domain";
import { normaliseTerm } from "../../src/search/text";
import { createRandom, deriveSeed, type Random } from "../random";

/** Most utterances read to count words (a sample of a larger corpus). */
export const MAX_UTTERANCES_READ = 50_000;
/** The most frequent words: stop words for ordinary queries, the fuel of adversarial ones. */
export const COMMON_WORDS = 40;

const LETTERS = /^\p{L}+$/u;

/** The corpus facts the query generator draws from. */
export interface CorpusWords {
  /** Texts of the utterances of finished sessions (a sample when the corpus is large). */
  texts: string[];
  /** Words by falling frequency (ties alphabetical), letters only, at least 2 characters. */
  byFrequency: string[];
  frequency: Map<string, number>;
  /** The COMMON_WORDS most frequent words. */
  common: string[];
  /** Two-word phrases by falling frequency (letters only, as written with one space). */
  bigrams: string[];
  /** Speakers of finished sessions: id and display name. */
  speakers: { id: string; name: string }[];
  /** Ids of finished sessions. */
  sessions: string[];
  bodies: Body[];
  /** Session dates, sorted, distinct. */
  dates: string[];
}

/** A word of the text as the index sees it, or null when it is not letters only. */
function asWord(piece: string): string | null {
  const stripped = piece.replace(/[.,;:?!]+$/, "");
  if (!LETTERS.test(stripped)) return null;
  const word = normaliseTerm(stripped);
  return LETTERS.test(word) && word.length >= 2 ? word : null;
}

function sortedByCount(counts: Map<string, number>): string[] {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([word]) => word);
}

/** Reads the corpus facts. Throws when the corpus has no words to search for. */
export function readCorpusWords(records: readonly SessionRecord[], seed: number): CorpusWords {
  const finished = records.filter((record) => record.version === "finished");
  const all: string[] = [];
  for (const record of finished)
    for (const utterance of record.utterances)
      if (utterance.text.trim() !== "") all.push(utterance.text);
  const random = createRandom(deriveSeed(seed, "load-words"));
  const texts = all.length <= MAX_UTTERANCES_READ ? all : sample(all, MAX_UTTERANCES_READ, random);
  const frequency = new Map<string, number>();
  const bigramCounts = new Map<string, number>();
  for (const text of texts) {
    let previous: string | null = null;
    for (const piece of text.split(/\s+/)) {
      const word = asWord(piece);
      if (word !== null) {
        frequency.set(word, (frequency.get(word) ?? 0) + 1);
        if (previous !== null) {
          const bigram = `${previous} ${word}`;
          bigramCounts.set(bigram, (bigramCounts.get(bigram) ?? 0) + 1);
        }
      }
      // A phrase does not run across punctuation.
      previous = word !== null && LETTERS.test(piece) ? word : null;
    }
  }
  const byFrequency = sortedByCount(frequency);
  if (byFrequency.length < COMMON_WORDS + 10) {
    throw new Error(
      `bench:load: the corpus has only ${byFrequency.length} distinct words; at least ${COMMON_WORDS + 10} are needed to draw queries`,
    );
  }
  const speakers = new Map<string, string>();
  for (const record of finished)
    for (const { speaker } of record.utterances) speakers.set(speaker.id, speaker.name);
  return {
    texts,
    byFrequency,
    frequency,
    common: byFrequency.slice(0, COMMON_WORDS),
    bigrams: sortedByCount(bigramCounts).slice(0, 200),
    speakers: [...speakers.entries()]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
    sessions: finished.map((record) => record.id),
    bodies: [...new Set(finished.map((r) => r.body).filter((b): b is Body => b !== null))].sort(),
    dates: [...new Set(finished.map((r) => r.date).filter((d): d is string => d !== null))].sort(),
  };
}

/** `count` distinct elements of `items`, in their original order. */
function sample<T>(items: readonly T[], count: number, random: Random): T[] {
  const picked = new Set<number>();
  while (picked.size < count) picked.add(random.int(0, items.length - 1));
  return [...picked].sort((a, b) => a - b).map((i) => items[i] as T);
}

/** Letters-only words of a text, in order, as the index sees them. */
export function wordsOf(text: string): string[] {
  return text
    .split(/\s+/)
    .map(asWord)
    .filter((word): word is string => word !== null);
}

/**
 * Runs of 2 or more consecutive words written with single spaces and nothing between them
 * (so a phrase query of them matches the text), lower-cased.
 */
export function phraseRuns(text: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const piece of text.split(" ")) {
    const trailing = /[.,;:?!]$/.test(piece);
    // As written (lower-cased), not normalised: phrases are checked against the exact text.
    const word = asWord(piece) === null ? null : piece.replace(/[.,;:?!]+$/, "").toLowerCase();
    if (word === null) {
      if (run.length >= 2) runs.push(run);
      run = [];
      continue;
    }
    run.push(word);
    if (trailing) {
      if (run.length >= 2) runs.push(run);
      run = [];
    }
  }
  if (run.length >= 2) runs.push(run);
  return runs;
}
