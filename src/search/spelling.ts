/**
 * "Did you mean": a better query from the corpus's own vocabulary. Runtime-free.
 *
 * The rule:
 *   S1 Only plain words are corrected (not phrases, prefixes, fuzzy words, exclusions or filter
 *      values), and only words no searchable utterance contains.
 *   S2 A word's candidates are the index terms within one edit (two for words of
 *      FUZZY_DISTANCE_2_FROM characters or more; none under MIN_CORRECTED_LENGTH), found by the
 *      backend's own fuzzy search, each weighted by the utterances it occurs in times
 *      EDIT_WEIGHT per edit (Damerau-Levenshtein), best first; ties alphabetically.
 *   S3 With several words to correct, the best CANDIDATES_PER_WORD of each are combined (at most
 *      MAX_COMBINATIONS queries), and the combination that matches most utterances wins (ties:
 *      the higher weight, then the earlier combination).
 *   S4 A suggestion is made only when it matches at least one utterance. It is "confident" (the
 *      page shows its results in place of the empty ones) when the query as typed matches none.
 */
import type { Corpus } from "./corpus";
import { boundedDamerauLevenshtein } from "./distance";
import { emptyFilters } from "./filters";
import { FUZZY_DISTANCE_2_FROM, asPlainWord, parseQuery, type QueryTerm } from "./query";
import { filterPredicate, resolveFilters } from "./resolve";
import { normaliseTerm } from "./text";

/** Shortest word corrected (shorter words have too many neighbours to guess from). */
export const MIN_CORRECTED_LENGTH = 4;
/** Weight of one edit: a candidate one edit away must be 10x as common to lose to one at zero. */
export const EDIT_WEIGHT = 0.1;
/** Candidates kept per corrected word (rule S3). */
export const CANDIDATES_PER_WORD = 3;
/** Most corrected queries counted (rule S3). */
export const MAX_COMBINATIONS = 12;

/** The backend's edit distance when looking for candidates (they are then held to rule S2). */
export const BACKEND_FUZZY = 2;

/** A better query, and how many utterances it matches. */
export interface Suggestion {
  q: string;
  total: number;
}

interface Candidate {
  term: string;
  weight: number;
}

const searchable = new WeakMap<Corpus, (ordinal: number) => boolean>();

/** The predicate of "a searchable utterance": a finished session, no other filter. */
function searchablePredicate(corpus: Corpus): (ordinal: number) => boolean {
  let predicate = searchable.get(corpus);
  if (!predicate) {
    predicate = filterPredicate(corpus, resolveFilters(corpus, emptyFilters()));
    searchable.set(corpus, predicate);
  }
  return predicate;
}

/** Utterances of the searchable sessions that contain the index term. */
export function termFrequency(corpus: Corpus, term: string): number {
  const query = { kind: "term", term, prefix: false, fuzzy: 0 } as const;
  return corpus.backend.search(query, searchablePredicate(corpus)).length;
}

/** The largest edit distance rule S2 allows for a word. */
export function correctionBound(word: string): number {
  if (word.length < MIN_CORRECTED_LENGTH) return 0;
  return word.length >= FUZZY_DISTANCE_2_FROM ? 2 : 1;
}

/**
 * Rule S2's raw evidence for one word: the index terms within the backend's fuzzy distance of
 * it, each with the searchable utterances it occurs in. Counts of disjoint corpora (shards) add
 * up to the collection's.
 */
export function candidateCounts(corpus: Corpus, word: string): [term: string, count: number][] {
  if (correctionBound(word) === 0) return [];
  // An adjacent transposition is one edit here but two for the backend's fuzzy match.
  const hits = corpus.backend.search(
    { kind: "term", term: word, prefix: false, fuzzy: BACKEND_FUZZY },
    searchablePredicate(corpus),
  );
  const frequency = new Map<string, number>();
  for (const hit of hits) {
    for (const term of hit.terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  }
  return [...frequency];
}

/** Rule S2: the weighted candidates of one word from its counts, best first. */
function rankCandidates(word: string, counts: readonly [string, number][]): Candidate[] {
  const bound = correctionBound(word);
  const scored: Candidate[] = [];
  for (const [term, count] of counts) {
    const distance = boundedDamerauLevenshtein(word, term, bound);
    if (distance === 0 || distance > bound) continue;
    scored.push({ term, weight: count * EDIT_WEIGHT ** distance });
  }
  return scored.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
}

/** Rule S2: the weighted candidates of one word, best first. */
export function candidates(corpus: Corpus, word: string): Candidate[] {
  return rankCandidates(word, candidateCounts(corpus, word));
}

/** The plain words of a query (rule S1): positive one-term words without * or ~. */
function plainWords(terms: QueryTerm[][]): string[] {
  return terms.flat().flatMap((term) => {
    const word = asPlainWord(term);
    return word?.terms.length === 1 ? word.terms : [];
  });
}

/** Every combination of the candidates, in order of the lists, at most `max`. */
function combinations(lists: Candidate[][], max: number): Candidate[][] {
  let out: Candidate[][] = [[]];
  for (const list of lists) {
    out = out.flatMap((prefix) => list.map((candidate) => [...prefix, candidate])).slice(0, max);
  }
  return out;
}

/** Replaces whole words of `q` (outside quotes and filters), case-insensitively. */
export function replaceWords(q: string, replacements: ReadonlyMap<string, string>): string {
  return q.replace(/"[^"]*"|\S+/g, (token) => {
    if (token.startsWith('"') || /^[A-Za-z]+:/.test(token)) return token;
    const replacement = replacements.get(normaliseTerm(token));
    return replacement ?? token;
  });
}

/**
 * What one corpus knows of a query's correctable words (rules S1, S2): for each, the searchable
 * utterances containing it (`found`) and, when none do, its candidates' counts. Empty when the
 * query cannot be read or has no correctable word. The evidence of several corpora is merged
 * with mergeSpellingEvidence.
 */
export type SpellingEvidence = Record<string, { found: number; terms: [string, number][] }>;

/** The correctable words of a query (rule S1 less "found nowhere"), in order, once each. */
function correctableWords(q: string): string[] {
  let parsed;
  try {
    parsed = parseQuery(q);
  } catch {
    return [];
  }
  return [...new Set(plainWords(parsed.groups))].filter((word) => correctionBound(word) > 0);
}

export function spellingEvidence(corpus: Corpus, q: string): SpellingEvidence {
  const evidence: SpellingEvidence = {};
  for (const word of correctableWords(q)) {
    const found = termFrequency(corpus, word);
    evidence[word] = { found, terms: found > 0 ? [] : candidateCounts(corpus, word) };
  }
  return evidence;
}

/** The evidence of disjoint corpora added up: the collection's. */
export function mergeSpellingEvidence(parts: readonly SpellingEvidence[]): SpellingEvidence {
  const merged = new Map<string, { found: number; terms: Map<string, number> }>();
  for (const part of parts)
    for (const [word, { found, terms }] of Object.entries(part)) {
      const into = merged.get(word) ?? { found: 0, terms: new Map<string, number>() };
      into.found += found;
      for (const [term, count] of terms) into.terms.set(term, (into.terms.get(term) ?? 0) + count);
      merged.set(word, into);
    }
  return Object.fromEntries(
    [...merged].map(([word, { found, terms }]) => [word, { found, terms: [...terms] }]),
  );
}

/** A corrected query to count (rule S3), with the product of its candidates' weights. */
export interface Correction {
  q: string;
  weight: number;
}

/** Rules S1-S3: the corrected queries to count, in order; none when a word has no candidate. */
export function correctionsOf(q: string, evidence: SpellingEvidence): Correction[] {
  const unknown = correctableWords(q).filter((word) => evidence[word]?.found === 0);
  if (unknown.length === 0) return [];
  const lists = unknown.map((word) =>
    rankCandidates(word, evidence[word]?.terms ?? []).slice(0, CANDIDATES_PER_WORD),
  );
  if (lists.some((list) => list.length === 0)) return [];
  return combinations(lists, MAX_COMBINATIONS).map((combination) => ({
    q: replaceWords(q, new Map(unknown.map((word, i) => [word, combination[i]!.term]))),
    weight: combination.reduce((product, c) => product * c.weight, 1),
  }));
}

/** Rules S3, S4: the correction matching most utterances (`totals[i]` of corrections[i]). */
export function bestCorrection(
  corrections: readonly Correction[],
  totals: readonly number[],
): Suggestion | null {
  let best: (Suggestion & { weight: number }) | null = null;
  for (const [i, { q, weight }] of corrections.entries()) {
    const total = totals[i] ?? 0;
    if (
      total > 0 &&
      (!best || total > best.total || (total === best.total && weight > best.weight))
    )
      best = { q, total, weight };
  }
  return best ? { q: best.q, total: best.total } : null;
}

/**
 * A better query for `q` (rules S1-S4), or null. `count` says how many utterances a query
 * matches with the request's filters (the caller's search).
 */
export function suggestQuery(
  corpus: Corpus,
  q: string,
  count: (q: string) => number,
): Suggestion | null {
  const corrections = correctionsOf(q, spellingEvidence(corpus, q));
  return bestCorrection(
    corrections,
    corrections.map((correction) => count(correction.q)),
  );
}
