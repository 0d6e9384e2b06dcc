/**
 * Runs a query: the backend finds candidates (words, prefixes, fuzzy words, the words of each
 * phrase), the filters are checked on the columnar store inside the backend's filter callback,
 * then phrases are verified against the exact text, unless the backend keeps word positions and
 * answers them itself (./positions.ts: then no text is read to match). Runtime-free.
 */
import type { BackendHit, BackendQuery } from "./backend/interface";
import { type Pace, type Steps, NEVER_PAUSE, checkpoint, runToEnd } from "./pace";
import type { Corpus } from "./corpus";
import { QueryError } from "./errors";
import { type FilterSpec, checkDates, emptyFilters, hasFilters, narrowDates } from "./filters";
import {
  type FilterOrigins,
  filterPredicate,
  filterPredicateOrNone,
  resolveFilters,
} from "./resolve";
import { type PresentOptions, utteranceView } from "./present";
import {
  type ParsedQuery,
  type QueryTerm,
  type WordClause,
  asWord,
  isEmptyQuery,
  parseQuery,
} from "./query";
import { type Span, makeSnippet, mergeSpans } from "./snippet";
import { containsProximity, findProximity } from "./proximity";
import { positionalPhrase } from "./positions";
import { substanceWeight } from "./substance";
import {
  type FoldedText,
  type PhraseTest,
  type SpacingCache,
  findPhrase,
  foldText,
  normaliseTerm,
  phraseTester,
  tokenizeWithOffsets,
} from "./text";
import type { SearchHit, SearchPage, SortOrder } from "./types";

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
export const MAX_OFFSET = 1000;

/** A search request. Filters given here (API parameters) combine with those typed in `q`. */
export interface SearchRequest {
  q: string;
  filters?: FilterSpec;
  /** The parameter each filter list came from, for errors (default "q"). */
  origins?: FilterOrigins;
  sort?: SortOrder;
  limit?: number;
  offset?: number;
}

/** A verified match, before presentation. */
export interface Match {
  ordinal: number;
  score: number;
  /**
   * What the backend matched: its `terms` are the index terms of word clauses and of the words
   * of phrases. Which of them word clauses matched, for highlighting, is worked out by toHit for
   * the matches shown only (a backend may compute `terms` when first read).
   */
  hit: { readonly terms: readonly string[]; readonly occurrences?: number };
}

/** The `hit` of matches found without the backend (exclusions only, filters only). */
const NO_HIT: Match["hit"] = Object.freeze({ terms: Object.freeze([]) as readonly string[] });

/**
 * The backend node of a clause. With `exact`, a phrase or proximity clause becomes a phrase or
 * near node that a backend with positions answers; without, the AND of its words (candidates
 * whose text is then checked).
 */
function termNode(term: QueryTerm, exact: boolean): BackendQuery {
  switch (term.type) {
    case "word": {
      const nodes: BackendQuery[] = term.terms.map((t) => ({
        kind: "term",
        term: t,
        prefix: term.prefix,
        fuzzy: term.fuzzy,
      }));
      return nodes.length === 1 && nodes[0] ? nodes[0] : { kind: "and", queries: nodes };
    }
    case "phrase": {
      const words = exact ? positionalPhrase(term.raw) : null;
      if (words) return { kind: "phrase", terms: words };
      return { kind: "and", queries: term.terms.map(exactTerm) };
    }
    case "proximity":
      if (exact) return { kind: "near", terms: term.terms, slop: term.distance };
      return { kind: "and", queries: term.terms.map(exactTerm) };
    default:
      return term satisfies never;
  }
}

function exactTerm(term: string): BackendQuery {
  return { kind: "term", term, prefix: false, fuzzy: 0 };
}

/**
 * True for clauses the index only finds candidates for, whose text is then checked: phrases and
 * proximity, unless the backend keeps word positions (`positions`) and, for a phrase, positions
 * answer it exactly (./positions.ts positionalPhrase).
 */
function checkedOnText(term: QueryTerm, positions: boolean): boolean {
  switch (term.type) {
    case "word":
      return false;
    case "phrase":
      return !positions || positionalPhrase(term.raw) === null;
    case "proximity":
      return !positions;
    default:
      return term satisfies never;
  }
}

/**
 * True when a group (clauses joined by OR) is checked on the text: when one of its clauses is,
 * and when a phrase or proximity clause is ORed with others. There the OR adds up the scores of
 * every alternative whose words a document has, the phrase's words too where the phrase does not
 * hold, which a phrase node (scoring only where it holds) would not give.
 */
function groupOnText(group: readonly QueryTerm[], positions: boolean): boolean {
  if (group.some((term) => checkedOnText(term, positions))) return true;
  return group.length > 1 && group.some((term) => asWord(term) === null);
}

/** True when the corpus's backend answers phrase and near nodes from word positions. */
function hasPositions(corpus: Corpus): boolean {
  return corpus.backend.positions === true;
}

/** The check of a clause on the utterance's text, or null for words (the index answers them). */
function textTest(term: QueryTerm, spacing: SpacingCache): PhraseTest | null {
  switch (term.type) {
    case "word":
      return null;
    case "phrase":
      return phraseTester(term.raw, spacing);
    case "proximity": {
      const { terms, distance } = term;
      return (text) => containsProximity(text, terms, distance);
    }
    default:
      return term satisfies never;
  }
}

/** Where a clause checked on the text matched it (words are highlighted from the index's terms). */
function textSpans(term: QueryTerm, text: string, folded: () => FoldedText): Span[] {
  switch (term.type) {
    case "word":
      return [];
    case "phrase":
      return findPhrase(text, term.raw, folded).map((span) => [span.start, span.end]);
    case "proximity":
      return findProximity(text, term.terms, term.distance);
    default:
      return term satisfies never;
  }
}

/**
 * The backend query for the positive part of a parsed query (null when there is none), for a
 * backend with or without word positions.
 */
export function backendQuery(query: ParsedQuery, positions: boolean): BackendQuery | null {
  if (query.groups.length === 0) return null;
  const include: BackendQuery = {
    kind: "and",
    queries: query.groups.map((group) => {
      const exact = !groupOnText(group, positions);
      return { kind: "or", queries: group.map((term) => termNode(term, exact)) };
    }),
  };
  const excluded = indexExclusions(query, positions);
  return excluded.length > 0 ? { kind: "and_not", include, exclude: excluded } : include;
}

/** The exclusions the index answers, as backend nodes. */
function indexExclusions(query: ParsedQuery, positions: boolean): BackendQuery[] {
  return query.exclude
    .filter((term) => !checkedOnText(term, positions))
    .map((term) => termNode(term, true));
}

/** Bounded Levenshtein distance (enough to tell fuzzy matches for highlighting). */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

function wordMatches(term: WordClause, docTerm: string): boolean {
  if (term.terms.includes(docTerm)) return true;
  const only = term.terms.length === 1 ? (term.terms[0] ?? "") : "";
  if (term.prefix && docTerm.startsWith(only)) return true;
  return term.fuzzy > 0 && editDistance(only, docTerm, term.fuzzy) <= term.fuzzy;
}

/** Per group of a query with phrases, a test of whether a hit satisfies it. */
function groupTester(
  group: QueryTerm[],
  spacing: SpacingCache,
): (hit: BackendHit, text: string) => boolean {
  const tests = group.map((term) => {
    const contains = textTest(term, spacing);
    if (contains) return (hit: BackendHit, text: string) => contains(text, hit.ordinal);
    return (hit: BackendHit) => term.terms.every((t) => hit.queryTerms.includes(t));
  });
  return (hit, text) => tests.some((test) => test(hit, text));
}

/** The terms of a match that the query's word clauses matched (for highlighting). */
function matchedWordTerms(query: ParsedQuery, docTerms: readonly string[]): string[] {
  const words = query.groups.flat().flatMap((term) => asWord(term) ?? []);
  return docTerms.filter((docTerm) => words.some((term) => wordMatches(term, docTerm)));
}

/** All utterances matching a parsed query and its filters, verified, in no particular order. */
export function matchQuery(
  corpus: Corpus,
  query: ParsedQuery,
  origins: FilterOrigins = {},
): Match[] {
  return runToEnd(matchSteps(corpus, query, origins, NEVER_PAUSE));
}

/** The backend's hits for a query, pausing where the backend can. */
export function* backendSteps(
  corpus: Corpus,
  query: BackendQuery,
  filter: ((ordinal: number) => boolean) | undefined,
  pace: Pace,
): Steps<BackendHit[]> {
  const backend = corpus.backend;
  if (!backend.searchSteps) return backend.search(query, filter);
  return yield* backend.searchSteps(query, filter, pace);
}

/** matchQuery as pausable steps (see ./pace.ts). */
export function* matchSteps(
  corpus: Corpus,
  query: ParsedQuery,
  origins: FilterOrigins,
  pace: Pace,
): Steps<Match[]> {
  const predicate = filterPredicate(corpus, resolveFilters(corpus, query.filters, origins));
  const texts = corpus.store.utterances.text;
  const positions = hasPositions(corpus);
  const excludedPhrases = query.exclude
    .filter((term) => checkedOnText(term, positions))
    .map((term) => textTest(term, corpus.spacing))
    .filter((test) => test !== null);
  const notExcluded = (text: string, ordinal: number) =>
    excludedPhrases.every((contains) => !contains(text, ordinal));
  const positive = backendQuery(query, positions);
  if (positive === null) {
    const excludedWords = indexExclusions(query, positions);
    let excluded = new Set<number>();
    if (excludedWords.length > 0) {
      const anyExcluded: BackendQuery = { kind: "or", queries: excludedWords };
      const hits = yield* backendSteps(corpus, anyExcluded, undefined, pace);
      excluded = new Set(hits.map((hit) => hit.ordinal));
    }
    const matches: Match[] = [];
    for (let ordinal = 0; ordinal < corpus.size; ordinal++) {
      if (checkpoint(pace, ordinal)) yield;
      const text = texts.get(ordinal) ?? "";
      if (
        text.trim() === "" ||
        excluded.has(ordinal) ||
        !predicate(ordinal) ||
        !notExcluded(text, ordinal)
      )
        continue;
      matches.push({ ordinal, score: 0, hit: NO_HIT });
    }
    return matches;
  }
  const phraseGroups = query.groups
    .filter((group) => groupOnText(group, positions))
    .map((group) => groupTester(group, corpus.spacing));
  const checkText = phraseGroups.length > 0 || excludedPhrases.length > 0;
  const hits = yield* backendSteps(corpus, positive, predicate, pace);
  const matches: Match[] = [];
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i]!;
    if (checkText) {
      if (checkpoint(pace, i)) yield;
      const text = texts.get(hit.ordinal) ?? "";
      let verified = true;
      for (const satisfied of phraseGroups) {
        if (!satisfied(hit, text)) {
          verified = false;
          break;
        }
      }
      if (!verified || !notExcluded(text, hit.ordinal)) continue;
    }
    // Ranking of substance (./substance.ts): short procedural turns weigh less.
    matches.push({
      ordinal: hit.ordinal,
      score: hit.score * substanceWeight(corpus, hit.ordinal),
      hit,
    });
  }
  return matches;
}

const ASCII_TEXT_RE = /^[^\u0080-\uffff]*$/;
const ASCII_TERM_RE = /^[a-z0-9]+$/;

/** True when the (lower-cased ASCII) character at `index` is a letter or digit. */
function isAsciiWordChar(lower: string, index: number): boolean {
  const code = lower.charCodeAt(index); // NaN outside the string
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** Where to mark a match in an utterance's text. */
export function highlightSpans(
  text: string,
  query: ParsedQuery,
  wordTerms: readonly string[],
): Span[] {
  const spans: Span[] = [];
  if (wordTerms.length > 0 && ASCII_TEXT_RE.test(text)) {
    // ASCII text: its words are runs of [A-Za-z0-9] and normalise to their lower case, so each
    // term is found by searching the lower-cased text for it between non-word characters.
    const lower = text.toLowerCase();
    for (const term of new Set(wordTerms)) {
      if (!ASCII_TERM_RE.test(term)) continue; // no other term is a word of an ASCII text
      for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
        const end = at + term.length;
        if (!isAsciiWordChar(lower, at - 1) && !isAsciiWordChar(lower, end)) spans.push([at, end]);
      }
    }
  } else if (wordTerms.length > 0) {
    const wanted = new Set(wordTerms);
    for (const token of tokenizeWithOffsets(text)) {
      if (wanted.has(normaliseTerm(token.word))) spans.push([token.start, token.end]);
    }
  }
  let folded: FoldedText | undefined;
  const foldOnce = () => (folded ??= foldText(text));
  for (const term of query.groups.flat()) spans.push(...textSpans(term, text, foldOnce));
  return mergeSpans(spans);
}

function byRelevance(a: Match, b: Match): number {
  return b.score - a.score || a.ordinal - b.ordinal;
}

function byOrdinal(a: Match, b: Match): number {
  return a.ordinal - b.ordinal;
}

/** Sorts matches: by score (ties chronologically), or chronologically. */
export function sortMatches(matches: Match[], sort: SortOrder): Match[] {
  return matches.sort(sort === "chronological" ? byOrdinal : byRelevance);
}

/**
 * The first `count` matches in `sort` order (as sortMatches(...).slice(0, count)) without sorting
 * them all: one pass keeps the best `count` in a sorted buffer, which is cheap when count is a
 * page and the matches are thousands.
 */
export function topMatches(matches: readonly Match[], sort: SortOrder, count: number): Match[] {
  const compare = sort === "chronological" ? byOrdinal : byRelevance;
  if (matches.length <= count * 4) return [...matches].sort(compare).slice(0, count);
  const best: Match[] = [];
  for (const match of matches) {
    const worst = best[best.length - 1];
    if (best.length === count && worst && compare(match, worst) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(best[mid]!, match) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, match);
    if (best.length > count) best.pop();
  }
  return best;
}

/**
 * The backend's first `count` hits when it can find them without scoring every match
 * (SearchBackend.searchTop) and the query needs no text check (no phrase or proximity clause);
 * otherwise null.
 */
function backendTop(
  corpus: Corpus,
  query: ParsedQuery,
  sort: SortOrder,
  count: number,
): { total: number; first: Match[] } | null {
  const backend = corpus.backend;
  if (!backend.searchTop) return null;
  const positions = hasPositions(corpus);
  if (
    query.groups.some((group) => groupOnText(group, positions)) ||
    query.exclude.some((term) => checkedOnText(term, positions))
  )
    return null;
  const positive = backendQuery(query, positions);
  if (positive === null) return null;
  const predicate = filterPredicateOrNone(corpus, resolveFilters(corpus, query.filters, {}));
  // The ranking of substance weighs the hits as matchSteps does; the weights are at most 1, so
  // the backend's bounds still bound the weighted scores.
  const top = backend.searchTop(positive, predicate, count, sort, (ordinal) =>
    substanceWeight(corpus, ordinal),
  );
  if (top === null) return null;
  return {
    total: top.total,
    first: top.hits.map((hit) => ({ ordinal: hit.ordinal, score: hit.score, hit })),
  };
}

/** The first `count` matches in `sort` order and how many there are (as topMatches over matchSteps). */
function* rankedSteps(
  corpus: Corpus,
  query: ParsedQuery,
  sort: SortOrder,
  count: number,
  pace: Pace,
): Steps<{ total: number; first: Match[] }> {
  const top = backendTop(corpus, query, sort, count);
  if (top !== null) return top;
  const matches = yield* matchSteps(corpus, query, {}, pace);
  if (pace.due()) yield;
  return { total: matches.length, first: topMatches(matches, sort, count) };
}

/** Checks a page window. */
export function checkPage(limit: number, offset: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new QueryError("limit", `must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
    throw new QueryError("offset", `must be a whole number from 0 to ${MAX_OFFSET}`);
  }
}

/** A result for a match: the utterance with its snippet and highlights. */
export function toHit(
  corpus: Corpus,
  match: Match,
  query: ParsedQuery,
  options: PresentOptions,
): SearchHit {
  const view = utteranceView(corpus, match.ordinal, options);
  const spans = highlightSpans(view.text, query, matchedWordTerms(query, match.hit.terms));
  // The view is ours alone: extend it rather than copy it.
  return Object.assign(view, {
    score: match.score,
    snippet: makeSnippet(view.text, spans),
    highlights: spans,
  });
}

/** Searches the corpus. Throws QueryError (naming the parameter) on a bad request. */
export function search(
  corpus: Corpus,
  request: SearchRequest,
  options: PresentOptions = {},
): SearchPage {
  return runToEnd(searchSteps(corpus, request, options, NEVER_PAUSE));
}

/** search as pausable steps (see ./pace.ts); bad requests throw before the first pause. */
export function* searchSteps(
  corpus: Corpus,
  request: SearchRequest,
  options: PresentOptions,
  pace: Pace,
): Steps<SearchPage> {
  const limit = request.limit ?? DEFAULT_LIMIT;
  const offset = request.offset ?? 0;
  checkPage(limit, offset);
  return yield* searchWindowSteps(corpus, request, { offset, limit }, options, pace);
}

/** The largest window a shard is asked for: the last page a client may ask for, from the top. */
export const MAX_WINDOW = MAX_OFFSET + MAX_LIMIT;

/**
 * The results [offset, offset + limit) of a request, the window unchecked against the API's
 * page bounds (a router asks each shard for the first `offset + limit`, up to MAX_WINDOW).
 */
export function* searchWindowSteps(
  corpus: Corpus,
  request: SearchRequest,
  window: { offset: number; limit: number },
  options: PresentOptions,
  pace: Pace,
): Steps<SearchPage> {
  const { offset, limit } = window;
  const { query, sort } = requestQuery(corpus, request);
  const { total, first } = yield* rankedSteps(corpus, query, sort, offset + limit, pace);
  const page = first.slice(offset);
  if (pace.due()) yield;
  return {
    total,
    offset,
    limit,
    sort,
    results: page.map((match) => toHit(corpus, match, query, options)),
    synthetic: corpus.store.synthetic,
    notice: corpus.store.notice,
  };
}

/**
 * The query of a request and its order (relevance when there are words, else chronological);
 * throws QueryError when there is nothing to search for.
 */
export function requestQuery(
  corpus: Corpus,
  request: SearchRequest,
): { query: ParsedQuery; sort: SortOrder } {
  const query = prepareQuery(corpus, request.q, request.filters, request.origins);
  if (isEmptyQuery(query) && !hasFilters(query.filters)) {
    throw new QueryError("q", "nothing to search for: give words, a phrase or a filter");
  }
  return { query, sort: request.sort ?? (query.groups.length > 0 ? "relevance" : "chronological") };
}

/**
 * Parses `q` and merges its filters with the ones given as parameters. Each side's values are
 * resolved on their own first, so an unknown speaker or session is reported under the parameter
 * it came from.
 */
export function prepareQuery(
  corpus: Corpus,
  q: string,
  extra: FilterSpec = emptyFilters(),
  origins: FilterOrigins = {},
): ParsedQuery {
  const query = parseQuery(q, "q");
  resolveFilters(corpus, query.filters);
  resolveFilters(corpus, extra, origins);
  const merged: FilterSpec = {
    conference: [...query.filters.conference, ...extra.conference],
    speaker: [...query.filters.speaker, ...extra.speaker],
    session: [...query.filters.session, ...extra.session],
    body: [...query.filters.body, ...extra.body],
    kind: [...query.filters.kind, ...extra.kind],
    from: query.filters.from,
    to: query.filters.to,
  };
  narrowDates(merged, extra.from, extra.to);
  checkDates(merged, extra.from !== null || extra.to !== null ? "from" : "q");
  return { ...query, filters: merged };
}
