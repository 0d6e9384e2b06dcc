/**
 * What a query's words say beyond the words: the speakers they name (names.ts, the "Delegations
 * matching" box and `speakers` of /api/search) and a better spelling (spelling.ts, `suggestion`).
 * Runtime-free.
 */
import type { SpeakerKind } from "../domain";
import { listSpeakers } from "./catalog";
import type { Corpus } from "./corpus";
import { type NameRule, corpusNameTable, recogniseNames } from "./names";
import type { Pace, Steps } from "./pace";
import { asPlainWord, parseQuery } from "./query";
import { type SearchRequest, matchQuery, prepareQuery } from "./search";
import { type Suggestion, suggestQuery, termFrequency } from "./spelling";

/** Most speakers a query is read as naming. */
export const MAX_SPEAKER_HINTS = 5;

/** A speaker the query's words name. */
export interface SpeakerHint {
  id: string;
  name: string;
  kind: SpeakerKind;
  /** Interventions in the finished sessions (0: in the catalogue, silent in these transcripts). */
  utterances: number;
  /** The words that named it, as typed. */
  words: string;
  /** Which rule of names.ts recognised it. */
  rule: NameRule;
  /** The query for its interventions on the rest of the words ("speaker:EGY spam"). */
  q: string;
}

/** What /api/search adds to a page of results. */
export interface QueryHelp {
  speakers: SpeakerHint[];
  suggestion: Suggestion | null;
}

const counts = new WeakMap<Corpus, Map<string, number>>();

function utteranceCounts(corpus: Corpus): Map<string, number> {
  let table = counts.get(corpus);
  if (!table) {
    table = new Map(listSpeakers(corpus).speakers.map((s) => [s.id, s.utterances]));
    counts.set(corpus, table);
  }
  return table;
}

/** The raw words of a query's positive plain clauses, in the order typed. */
function typedWords(q: string): string[] {
  try {
    return parseQuery(q)
      .groups.flat()
      .flatMap((term) => asPlainWord(term)?.raw ?? []);
  } catch {
    return [];
  }
}

/** `q` without one occurrence of each of `words` (tokens outside quotes). */
export function withoutWords(q: string, words: readonly string[]): string {
  const left = [...words];
  const tokens = q.match(/"[^"]*"|\S+/g) ?? [];
  return tokens
    .filter((token) => {
      const at = left.indexOf(token);
      if (at < 0) return true;
      left.splice(at, 1);
      return false;
    })
    .join(" ");
}

/** The speakers a query's words name, with the query for their interventions on the rest. */
export function speakerHints(corpus: Corpus, q: string): SpeakerHint[] {
  const typed = typedWords(q);
  if (typed.length === 0) return [];
  const known = new Map<string, boolean>();
  const isCorpusWord = (term: string) => {
    let seen = known.get(term);
    if (seen === undefined) known.set(term, (seen = termFrequency(corpus, term) > 0));
    return seen;
  };
  const matches = recogniseNames(corpusNameTable(corpus), typed, isCorpusWord);
  const named = matches.flatMap((m) => typed.slice(m.start, m.end));
  const rest = withoutWords(q, [...new Set(named)]);
  const utterances = utteranceCounts(corpus);
  return matches.slice(0, MAX_SPEAKER_HINTS).map((m) => ({
    id: m.id,
    name: m.name,
    kind: m.kind,
    utterances: utterances.get(m.id) ?? 0,
    words: m.words,
    rule: m.rule,
    q: `speaker:${m.id}${rest === "" ? "" : ` ${rest}`}`,
  }));
}

/** True when some clause of the query has alternatives (a OR b): a word may then match nothing. */
export function hasAlternatives(q: string): boolean {
  try {
    return parseQuery(q).groups.some((group) => group.length > 1);
  } catch {
    return false;
  }
}

/**
 * The speakers and the suggestion for a request, as pausable steps (see ./pace.ts). `total` is
 * the request's own result count when known: a query that found something without OR has no
 * word found nowhere, so the spelling is not looked at.
 */
export function* queryHelpSteps(
  corpus: Corpus,
  request: SearchRequest,
  pace: Pace,
  total?: number,
): Steps<QueryHelp> {
  const speakers = speakerHints(corpus, request.q);
  if (pace.due()) yield;
  if (total !== undefined && !spellingWanted(request.q, total))
    return { speakers, suggestion: null };
  const suggestion = suggestQuery(corpus, request.q, (q) => queryCount(corpus, request, q));
  return { speakers, suggestion };
}

/** How many utterances `q` matches with the request's filters (a suggestion's total). */
export function queryCount(corpus: Corpus, request: SearchRequest, q: string): number {
  return matchQuery(corpus, prepareQuery(corpus, q, request.filters, request.origins)).length;
}

/** True when one index would look at the spelling of a query that found `total` (rule S4). */
export function spellingWanted(q: string, total: number): boolean {
  return total === 0 || hasAlternatives(q);
}
