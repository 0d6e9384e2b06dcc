/**
 * The variant finder: every passage of the corpus whose wording is close to a phrase or passage
 * (up to MAX_VARIANT_WORDS words), although words were replaced, inserted or dropped, exact
 * occurrences included. In chronological order, each with its span, its similarity and its word
 * diff against the query.
 *
 * 1. Candidates from the index, through the backend seam: the utterances (within the filters)
 *    that contain at least MIN_SHARED_TERM_SHARE of the query's content words (up to
 *    MAX_CANDIDATE_TERMS of them, function words left out), ranked by BM25 (which counts how
 *    many they contain and weighs rare words and short utterances up).
 * 2. Exact occurrences (the query's words in order, as index terms) by a linear scan of the
 *    candidates that contain every content word; these cost no alignment.
 * 3. A word-level local alignment (./align.ts) of the best MAX_ALIGNED_CANDIDATES candidates,
 *    within MAX_ALIGNMENT_CELLS cells in all, each over the stretches of the utterance where the
 *    query's words cluster (so a long utterance costs its stretches, not its length); an
 *    utterance can hold several variants (the alignment is repeated left and right of each).
 *
 * A variant is an alignment with at least min(Q, MIN_EQUAL_WORDS) equal words and a similarity
 * (2E / (Q + P), ./align.ts) of at least MIN_SIMILARITY. Texts drift further than one step (a
 * delegation quotes back the amended text, not the draft), so the first MAX_CHAIN_QUERIES other
 * wordings found are looked for in turn, and their variants are added with `via` naming the
 * version they are close to, their span kept, their diff and similarity against the query
 * (a global alignment of the span). Variants never cross an utterance.
 *
 * Runtime-free.
 */
import type { BackendQuery } from "../backend/interface";
import { type ConferenceGroup, groupByConference } from "../conferences";
import { type Corpus, sessionOfUtterance, utteranceId } from "../corpus";
import { QueryError } from "../errors";
import { type FilterSpec, checkDates, emptyFilters, hasFilters } from "../filters";
import { type Pace, type Steps, NEVER_PAUSE, runToEnd } from "../pace";
import { type PresentOptions, utteranceView } from "../present";
import { type FilterOrigins, filterPredicate, resolveFilters } from "../resolve";
import { DEFAULT_LIMIT, MAX_LIMIT, backendSteps } from "../search";
import type { Citation, SessionRef, SourceRef, SpeakerRef } from "../types";
import {
  type Alignment,
  type DiffRun,
  type Word,
  align,
  alignWhole,
  diffRuns,
  encodeWords,
  queryIds,
  similarity,
  termIds,
  wordsOf,
} from "./align";

/** Most words a query may have. */
export const MAX_VARIANT_WORDS = 60;
/** Most characters a query may have. */
export const MAX_VARIANT_LENGTH = 1000;
/** Least similarity of a variant (2E / (Q + P)). */
export const MIN_SIMILARITY = 0.6;
/** Least equal words of a variant (fewer when the query is shorter). */
export const MIN_EQUAL_WORDS = 3;
/** Content words of the query asked of the index for candidates (the longest ones). */
export const MAX_CANDIDATE_TERMS = 24;
/** Share of those a candidate must contain. */
export const MIN_SHARED_TERM_SHARE = 0.3;
/** Other wordings found whose own variants are looked for too (one step further). */
export const MAX_CHAIN_QUERIES = 3;
/** Candidates aligned word by word (the best ranked), over all rounds. */
export const MAX_ALIGNED_CANDIDATES = 1000;
/** Alignment cells (query words x utterance words) per request. */
export const MAX_ALIGNMENT_CELLS = 4_000_000;

/** The bounds in force, as the API reports them. */
export const VARIANT_BOUNDS = {
  maxQueryWords: MAX_VARIANT_WORDS,
  maxQueryLength: MAX_VARIANT_LENGTH,
  minSimilarity: MIN_SIMILARITY,
  minEqualWords: MIN_EQUAL_WORDS,
  maxCandidateTerms: MAX_CANDIDATE_TERMS,
  maxAlignedCandidates: MAX_ALIGNED_CANDIDATES,
  maxChainQueries: MAX_CHAIN_QUERIES,
  maxAlignmentCells: MAX_ALIGNMENT_CELLS,
} as const;

/**
 * English function words: too common to pick candidates by (they are still aligned). One list,
 * used only here.
 */
const FUNCTION_WORDS = new Set(
  (
    "a an and are as at be been but by for from has have in into is it its of on or that the " +
    "their these this those to was were which will with we our us i you he she they not no"
  ).split(" "),
);

export interface VariantRequest {
  /** The phrase or passage; surrounding double quotes are optional. */
  q: string;
  filters?: FilterSpec;
  /** The parameter each filter list came from, for errors (default "q"). */
  origins?: FilterOrigins;
  limit?: number;
}

/** One passage close to the query. */
export interface Variant {
  /** The utterance. */
  id: string;
  session: SessionRef;
  date: string | null;
  time: string | null;
  speaker: SpeakerRef;
  /** The matched words, verbatim: text.slice(start, end). */
  passage: string;
  start: number;
  end: number;
  /** 2E / (Q + P); 1 for an exact occurrence. */
  similarity: number;
  /** Word runs against the query (see ./align.ts diffRuns). */
  diff: DiffRun[];
  /**
   * null when the passage is close to the query itself; else the utterance id of the version it
   * is close to (it was found as a variant of that variant, and may be below MIN_SIMILARITY).
   */
  via: string | null;
  /** The utterance's whole text. */
  text: string;
  permalink: string;
  source: SourceRef;
  citation: Citation;
}

/** What the finder did, against its bounds. */
export interface VariantWork {
  /** Utterances the index gave as candidates. */
  candidates: number;
  /** Utterances aligned word by word. */
  aligned: number;
  cells: number;
  /** True when a bound left candidates unaligned: rarer variants may be missing. */
  truncated: boolean;
}

/** The variants of one conference (see VariantPage.conferences). */
export interface VariantConference extends ConferenceGroup {
  /* `count` (of ConferenceGroup): variants found in the conference's sessions. */
  /** Id of the conference's earliest variant. */
  first: string;
  /** Distinct wordings among them (passages of the same words count once). */
  wordings: number;
}

export interface VariantPage {
  /** The query as read (quotes and outer white space removed). */
  query: string;
  /** Its words. */
  words: number;
  /** Variants found (exact occurrences included). */
  total: number;
  /** The first `limit` of them, in chronological order. */
  variants: Variant[];
  /**
   * Every variant found (not only this page) grouped by conference, in the order the conferences
   * met: how the wording moved from one conference into the next.
   */
  conferences: VariantConference[];
  limit: number;
  work: VariantWork;
  bounds: typeof VARIANT_BOUNDS;
  synthetic: boolean;
  notice: string | null;
}

/** A variant before presentation. */
export interface FoundVariant {
  ordinal: number;
  alignment: Alignment;
  similarity: number;
  words: Word[];
  /** The utterance id of the version it was found through (a variant of a variant), or null. */
  via: string | null;
}

/** Reads the query: quotes stripped, bounds checked. */
export function parseVariantQuery(q: string, parameter = "q"): { text: string; words: Word[] } {
  const trimmed = q.trim();
  if (trimmed.length > MAX_VARIANT_LENGTH) {
    throw new QueryError(
      parameter,
      `text is ${trimmed.length} characters long; at most ${MAX_VARIANT_LENGTH} are allowed`,
    );
  }
  const text = /^".*"$/s.test(trimmed) ? trimmed.slice(1, -1).trim() : trimmed;
  const words = wordsOf(text);
  if (words.length === 0) throw new QueryError(parameter, "give a phrase or a passage");
  if (words.length > MAX_VARIANT_WORDS) {
    throw new QueryError(
      parameter,
      `text has ${words.length} words; at most ${MAX_VARIANT_WORDS} are allowed`,
    );
  }
  return { text, words };
}

/** The query terms candidates are picked by. */
export function candidateTerms(words: readonly Word[]): string[] {
  const distinct = [...new Set(words.map((word) => word.term))];
  const content = distinct.filter((term) => !FUNCTION_WORDS.has(term));
  const chosen = content.length > 0 ? content : distinct;
  return chosen
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .slice(0, MAX_CANDIDATE_TERMS);
}

/** Finds the variants of a phrase or passage. Throws QueryError on a bad request. */
export function findVariants(
  corpus: Corpus,
  request: VariantRequest,
  options: PresentOptions = {},
): VariantPage {
  return runToEnd(findVariantsSteps(corpus, request, options, NEVER_PAUSE));
}

/** findVariants as pausable steps (see ../pace.ts); bad requests throw before the first pause. */
export function* findVariantsSteps(
  corpus: Corpus,
  request: VariantRequest,
  options: PresentOptions,
  pace: Pace,
): Steps<VariantPage> {
  const { limit, query, scope } = readVariantRequest(corpus, request);
  const { found, work } = yield* matchVariantsSteps(corpus, query.words, scope, pace);
  return variantPage(corpus, { query, found, work, limit }, options);
}

/** A variant request read and checked: the page size, the query and the scope of its filters. */
export function readVariantRequest(
  corpus: Corpus,
  request: VariantRequest,
): { limit: number; query: { text: string; words: Word[] }; scope: VariantScope } {
  const limit = request.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new QueryError("limit", `must be a whole number from 1 to ${MAX_LIMIT}`);
  const query = parseVariantQuery(request.q);
  const filters = request.filters ?? emptyFilters();
  checkDates(filters, filters.from !== null ? "from" : "to");
  const predicate = filterPredicate(corpus, resolveFilters(corpus, filters, request.origins ?? {}));
  const unfiltered = filterPredicate(corpus, resolveFilters(corpus, emptyFilters()));
  const scope = { keep: predicate, chainFrom: hasFilters(filters) ? unfiltered : predicate };
  return { limit, query, scope };
}

/** The page of the variants found (chronological): the first `limit` presented. */
export function variantPage(
  corpus: Corpus,
  result: {
    query: { text: string; words: Word[] };
    found: readonly FoundVariant[];
    work: VariantWork;
    limit: number;
  },
  options: PresentOptions,
): VariantPage {
  const { query, found, work, limit } = result;
  return {
    query: query.text,
    words: query.words.length,
    total: found.length,
    variants: found
      .slice(0, limit)
      .map((variant) => presentVariant(corpus, variant, query, options)),
    conferences: variantConferences(corpus, found),
    limit,
    work,
    bounds: VARIANT_BOUNDS,
    synthetic: corpus.store.synthetic,
    notice: corpus.store.notice,
  };
}

/**
 * Which utterances a search keeps (`keep`: the filters), and which ones the other wordings are
 * taken from (`chainFrom`: without the filters, so that a delegation's quote of the amended text
 * is found when the draft and that delegation are given).
 */
export interface VariantScope {
  keep: (ordinal: number) => boolean;
  chainFrom: (ordinal: number) => boolean;
}

/** Every variant of the query's words among the utterances `scope.keep` keeps, chronological. */
export function* matchVariantsSteps(
  corpus: Corpus,
  query: readonly Word[],
  scope: VariantScope,
  pace: Pace,
): Steps<{ found: FoundVariant[]; work: VariantWork }> {
  const work = emptyWork();
  const direct = yield* directVariantsSteps(corpus, query, scope, work, pace);
  const sources = chainSourcesOf(corpus, direct, scope, query, MAX_CHAIN_QUERIES);
  const found = yield* chainedVariantsSteps(corpus, query, direct, sources, scope, work, pace);
  return { found, work };
}

/** A finder's work before it starts. */
export function emptyWork(): VariantWork {
  return { candidates: 0, aligned: 0, cells: 0, truncated: false };
}

/**
 * A wording other versions are found through: a version found directly (its utterance id and
 * its words, at most MAX_VARIANT_WORDS). Plain data, so that a router can pick the collection's
 * first wordings from its shards' and send them back to every shard.
 */
export interface ChainSource {
  id: string;
  words: Word[];
}

/** The direct round: variants of the query among the utterances kept or chained from. */
export function* directVariantsSteps(
  corpus: Corpus,
  query: readonly Word[],
  scope: VariantScope,
  work: VariantWork,
  pace: Pace,
): Steps<FoundVariant[]> {
  const either = (ordinal: number) => scope.keep(ordinal) || scope.chainFrom(ordinal);
  return yield* roundSteps(corpus, query, either, work, pace);
}

/**
 * The distinct wordings found directly among the utterances chained from, other than the
 * query's, in time order (at most `max`: MAX_CHAIN_QUERIES for one index; a router asks for
 * every one and keeps the collection's first MAX_CHAIN_QUERIES).
 */
export function chainSourcesOf(
  corpus: Corpus,
  direct: readonly FoundVariant[],
  scope: VariantScope,
  query: readonly Word[],
  max: number,
): ChainSource[] {
  const seen = new Set([wordingKey(query)]);
  const sources: ChainSource[] = [];
  const chained = direct.filter((variant) => scope.chainFrom(variant.ordinal));
  for (const variant of chained.sort((a, b) => a.ordinal - b.ordinal)) {
    if (sources.length >= max) break;
    const words = variant.words.slice(variant.alignment.from, variant.alignment.to);
    const key = wordingKey(words);
    if (seen.has(key)) continue;
    seen.add(key);
    sources.push({
      id: utteranceId(corpus, variant.ordinal),
      words: words.slice(0, MAX_VARIANT_WORDS),
    });
  }
  return sources;
}

/**
 * The variants kept among the direct ones, then those found through each source's wording
 * (re-diffed against the query, `via` the source), chronological.
 */
export function* chainedVariantsSteps(
  corpus: Corpus,
  query: readonly Word[],
  direct: readonly FoundVariant[],
  sources: readonly ChainSource[],
  scope: VariantScope,
  work: VariantWork,
  pace: Pace,
): Steps<FoundVariant[]> {
  const found = direct.filter((variant) => scope.keep(variant.ordinal));
  for (const source of sources) {
    const more = yield* roundSteps(corpus, source.words, scope.keep, work, pace);
    for (const variant of more) {
      if (found.some((other) => overlaps(other, variant))) continue;
      found.push(rediff(variant, query, source.id, work));
    }
  }
  found.sort((a, b) => a.ordinal - b.ordinal || a.alignment.from - b.alignment.from);
  return found;
}

/** A wording: its words as index terms. */
export function wordingKey(words: readonly Word[]): string {
  return words.map((word) => word.term).join(" ");
}

function overlaps(a: FoundVariant, b: FoundVariant): boolean {
  return (
    a.ordinal === b.ordinal &&
    a.alignment.from < b.alignment.to &&
    b.alignment.from < a.alignment.to
  );
}

/** A variant found through another version, with its diff and similarity against the query. */
function rediff(
  variant: FoundVariant,
  query: readonly Word[],
  via: string,
  work: VariantWork,
): FoundVariant {
  const { q, p } = termIds(query, variant.words);
  const { from, to } = variant.alignment;
  work.cells += q.length * (to - from);
  const alignment = alignWhole(q, p, from, to);
  return { ...variant, alignment, similarity: alignmentSimilarity(alignment, q.length), via };
}

/** One round: the variants of `query` (direct ones). */
function* roundSteps(
  corpus: Corpus,
  query: readonly Word[],
  predicate: (ordinal: number) => boolean,
  work: VariantWork,
  pace: Pace,
): Steps<FoundVariant[]> {
  const picked = candidateTerms(query);
  const backendQuery: BackendQuery = {
    kind: "or",
    queries: picked.map((term) => ({ kind: "term", term, prefix: false, fuzzy: 0 })),
  };
  const hits = yield* backendSteps(corpus, backendQuery, predicate, pace);
  const need = Math.max(1, Math.ceil(picked.length * MIN_SHARED_TERM_SHARE));
  const ranked = hits
    .filter((hit) => hit.queryTerms.length >= need)
    .sort((a, b) => b.score - a.score || a.ordinal - b.ordinal);
  work.candidates += ranked.length;
  const found: FoundVariant[] = [];
  const texts = corpus.store.utterances.text;
  const { ids, q } = queryIds(query);
  for (const hit of ranked) {
    if (pace.due()) yield;
    const mayAlign = work.aligned < MAX_ALIGNED_CANDIDATES && work.cells < MAX_ALIGNMENT_CELLS;
    const complete = hit.queryTerms.length === picked.length;
    if (!mayAlign) {
      work.truncated = true;
      if (!complete) continue;
    }
    const text = texts.get(hit.ordinal) ?? "";
    const p = encodeWords(text, ids);
    if (mayAlign) work.aligned++;
    const alignments = variantsIn(q, p, complete, mayAlign, work);
    const words = alignments.length > 0 ? wordsOf(text) : [];
    for (const alignment of alignments) {
      const similarity = alignmentSimilarity(alignment, query.length);
      found.push({ ordinal: hit.ordinal, alignment, words, similarity, via: null });
    }
  }
  return found;
}

function alignmentSimilarity(alignment: Alignment, queryWords: number): number {
  return similarity(alignment.equal, queryWords, alignment.to - alignment.from);
}

/** The variants in one utterance's words: exact occurrences, then alignments between them. */
function variantsIn(
  q: Int32Array,
  p: Int32Array,
  complete: boolean,
  mayAlign: boolean,
  work: VariantWork,
): Alignment[] {
  const exact = complete ? exactOccurrences(q, p) : [];
  if (!mayAlign) return exact;
  const minEqual = Math.min(q.length, MIN_EQUAL_WORDS);
  const out: Alignment[] = [...exact];
  const segment = (lo: number, hi: number): void => {
    if (hi - lo < minEqual) return;
    const cells = q.length * (hi - lo);
    if (work.cells + cells > MAX_ALIGNMENT_CELLS) {
      work.truncated = true;
      return;
    }
    work.cells += cells;
    const alignment = align(q, p, lo, hi);
    if (!alignment || alignment.equal < minEqual) return;
    if (alignmentSimilarity(alignment, q.length) < MIN_SIMILARITY) return;
    out.push(alignment);
    segment(lo, alignment.from);
    segment(alignment.to, hi);
  };
  let lo = 0;
  for (const occurrence of exact) {
    for (const [from, to] of clusters(q.length, p, lo, occurrence.from, minEqual))
      segment(from, to);
    lo = occurrence.to;
  }
  for (const [from, to] of clusters(q.length, p, lo, p.length, minEqual)) segment(from, to);
  return out;
}

/**
 * The stretches of words [lo, hi) worth aligning: runs of query words no more than a query's
 * length apart, holding at least `minEqual` of them, widened by half a query on each side. A long
 * utterance costs the alignment of its stretches, not of all its words.
 */
function clusters(
  queryLength: number,
  p: Int32Array,
  lo: number,
  hi: number,
  minEqual: number,
): [number, number][] {
  const out: [number, number][] = [];
  const margin = Math.ceil(queryLength / 2);
  let first = -1;
  let last = -1;
  let count = 0;
  const close = () => {
    if (count >= minEqual) {
      const from = Math.max(lo, first - margin, out[out.length - 1]?.[1] ?? lo);
      out.push([from, Math.min(hi, last + 1 + margin)]);
    }
  };
  for (let j = lo; j < hi; j++) {
    if (p[j]! < 0) continue;
    if (first >= 0 && j - last > queryLength) {
      close();
      first = -1;
      count = 0;
    }
    if (first < 0) first = j;
    last = j;
    count++;
  }
  if (first >= 0) close();
  return out;
}

/** Where the query's words occur in order, not overlapping. */
function exactOccurrences(q: Int32Array, p: Int32Array): Alignment[] {
  const out: Alignment[] = [];
  const steps = "=".repeat(q.length);
  for (let at = 0; at + q.length <= p.length; at++) {
    let k = 0;
    while (k < q.length && p[at + k] === q[k]) k++;
    if (k < q.length) continue;
    out.push({
      from: at,
      to: at + q.length,
      qFrom: 0,
      qTo: q.length,
      equal: q.length,
      score: 0,
      steps,
    });
    at += q.length - 1;
  }
  return out;
}

/** A found variant as the API shows it. */
export function presentVariant(
  corpus: Corpus,
  variant: FoundVariant,
  query: { text: string; words: readonly Word[] },
  options: PresentOptions,
): Variant {
  const view = utteranceView(corpus, variant.ordinal, options);
  const { alignment, words } = variant;
  const start = words[alignment.from]?.start ?? 0;
  const end = words[alignment.to - 1]?.end ?? start;
  return {
    id: view.id,
    session: view.session,
    date: view.session.date,
    time: view.session.time,
    speaker: view.speaker,
    passage: view.text.slice(start, end),
    start,
    end,
    similarity: variant.similarity,
    diff: diffRuns(alignment, query.words, query.text, words, view.text),
    via: variant.via,
    text: view.text,
    permalink: view.permalink,
    source: view.source,
    citation: view.citation,
  };
}

/** The found variants grouped by their session's conference (they are in time order). */
function variantConferences(corpus: Corpus, found: readonly FoundVariant[]): VariantConference[] {
  return conferenceWordings(corpus, found).map(({ wordings, ...group }) => ({
    ...group,
    wordings: wordings.length,
  }));
}

/**
 * The found variants grouped by conference with their distinct wordings (as wordingKey gives
 * them), for a router to count the wordings of several shards once.
 */
export function conferenceWordings(
  corpus: Corpus,
  found: readonly FoundVariant[],
): (Omit<VariantConference, "wordings"> & { wordings: string[] })[] {
  const sessionOf = (variant: FoundVariant) => sessionOfUtterance(corpus, variant.ordinal);
  return groupByConference(found, sessionOf).map(({ items, ...group }) => ({
    ...group,
    first: utteranceId(corpus, items[0]?.ordinal ?? -1),
    wordings: [
      ...new Set(items.map((v) => wordingKey(v.words.slice(v.alignment.from, v.alignment.to)))),
    ],
  }));
}
