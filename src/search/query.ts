/**
 * The query language's parser. A query is a list of clauses separated by spaces: words, "exact
 * phrases", "proximity"~N, OR, -exclusions, prefix*, fuzzy~ and key:value filters (quote values
 * with spaces: speaker:"saudi arabia"). What each means is written once, in ./syntax.ts (the
 * help, the README and the API description are made from it); a new clause type is a member of
 * QueryTerm, which the compiler then asks every switch over clauses to handle.
 *
 * Bounds: at most MAX_QUERY_LENGTH characters and MAX_QUERY_TERMS terms (each word of a phrase
 * counts). Any violation throws a QueryError naming the parameter.
 *
 * Runtime-free.
 */
import { QueryError } from "./errors";
import {
  type FilterSpec,
  addFilter,
  checkDates,
  emptyFilters,
  isFilterKey,
  FILTER_KEYS,
} from "./filters";
import { MAX_PROXIMITY } from "./proximity";
import { foldPhrase, terms } from "./text";

export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_TERMS = 10;
export const MIN_PREFIX_LENGTH = 3;
export const MIN_FUZZY_LENGTH = 5;
/** Fuzzy words this long or longer get edit distance 2 by default, shorter ones 1. */
export const FUZZY_DISTANCE_2_FROM = 8;
export const MAX_FUZZY_DISTANCE = 2;

/** A searchable clause. `terms` are the index terms (src/search/text.ts) it stands for. */
export type QueryTerm =
  | { type: "word"; raw: string; terms: string[]; prefix: boolean; fuzzy: number }
  | { type: "phrase"; raw: string; phrase: string; terms: string[] }
  | { type: "proximity"; raw: string; terms: string[]; distance: number };

/** The word clause of QueryTerm (words, prefixes, fuzzy words). */
export type WordClause = Extract<QueryTerm, { type: "word" }>;
/** The exact-phrase clause of QueryTerm. */
export type PhraseClause = Extract<QueryTerm, { type: "phrase" }>;

/**
 * The clause when it is a word clause, else null. Code reading the word clauses of a query goes
 * through here (an exhaustive switch), so a new clause type does not compile until it is placed.
 */
export function asWord(term: QueryTerm): WordClause | null {
  switch (term.type) {
    case "word":
      return term;
    case "phrase":
    case "proximity":
      return null;
    default:
      return term satisfies never;
  }
}

/** The clause when it is an exact phrase, else null (exhaustive, as asWord). */
export function asPhrase(term: QueryTerm): PhraseClause | null {
  switch (term.type) {
    case "phrase":
      return term;
    case "word":
    case "proximity":
      return null;
    default:
      return term satisfies never;
  }
}

/** The clause when it is a plain word clause (no * or ~), else null. */
export function asPlainWord(term: QueryTerm): WordClause | null {
  const word = asWord(term);
  return word && !word.prefix && word.fuzzy === 0 ? word : null;
}

/** A parsed query. */
export interface ParsedQuery {
  /** All groups must match; a group matches when any of its terms does. */
  groups: QueryTerm[][];
  /** An utterance matching any of these is dropped. */
  exclude: QueryTerm[];
  filters: FilterSpec;
  /** Number of index terms the query uses (bounded by MAX_QUERY_TERMS). */
  termCount: number;
}

type Token =
  | { kind: "term"; term: QueryTerm; negated: boolean; at: number }
  | { kind: "or"; at: number }
  | { kind: "filter"; at: number };

const FILTER_PREFIX_RE = /^([A-Za-z]+):(?=\S)/;

/** Parses a query string. Filters are added to `filters` (a fresh spec by default). */
export function parseQuery(
  q: string,
  parameter = "q",
  filters: FilterSpec = emptyFilters(),
): ParsedQuery {
  if (q.length > MAX_QUERY_LENGTH) {
    throw new QueryError(
      parameter,
      `query is ${q.length} characters long; at most ${MAX_QUERY_LENGTH} are allowed`,
    );
  }
  if (hasControlCharacters(q)) {
    throw new QueryError(parameter, "query contains control characters");
  }
  const tokens = lex(q, parameter, filters);
  const parsed = group(tokens, parameter, filters);
  checkDates(filters, parameter);
  if (parsed.termCount > MAX_QUERY_TERMS) {
    throw new QueryError(
      parameter,
      `query has ${parsed.termCount} terms; at most ${MAX_QUERY_TERMS} are allowed (each word of a phrase counts)`,
    );
  }
  return parsed;
}

function lex(q: string, parameter: string, filters: FilterSpec): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const char = q[i] ?? "";
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    const at = i;
    let negated = false;
    if (char === "-" && i + 1 < q.length && !/\s/.test(q[i + 1] ?? "")) {
      negated = true;
      i++;
    }
    if (q[i] === '"') {
      const close = q.indexOf('"', i + 1);
      if (close < 0) throw new QueryError(parameter, `unterminated quote at column ${i + 1}`);
      const raw = q.slice(i + 1, close);
      i = close + 1;
      const slop = /^~(\d*)/.exec(q.slice(i));
      if (slop) {
        i += slop[0].length;
        tokens.push({
          kind: "term",
          term: proximityTerm(raw, slop[1] ?? "", parameter),
          negated,
          at,
        });
        continue;
      }
      tokens.push({ kind: "term", term: phraseTerm(raw, parameter), negated, at });
      continue;
    }
    const rest = q.slice(i);
    const filter = FILTER_PREFIX_RE.exec(rest);
    if (filter) {
      const key = (filter[1] ?? "").toLowerCase();
      if (!isFilterKey(key)) {
        throw new QueryError(
          parameter,
          `unknown filter ${JSON.stringify(`${filter[1]}:`)}; known filters: ${FILTER_KEYS.map((k) => `${k}:`).join(" ")}`,
        );
      }
      if (negated) throw new QueryError(parameter, `filters cannot be excluded: -${key}:`);
      i += filter[0].length;
      let value: string;
      if (q[i] === '"') {
        const close = q.indexOf('"', i + 1);
        if (close < 0) throw new QueryError(parameter, `unterminated quote at column ${i + 1}`);
        value = q.slice(i + 1, close);
        i = close + 1;
      } else {
        const end = q.slice(i).search(/\s/);
        value = end < 0 ? q.slice(i) : q.slice(i, i + end);
        i += value.length;
      }
      addFilter(filters, key, value, parameter);
      tokens.push({ kind: "filter", at });
      continue;
    }
    const end = rest.search(/[\s"]/);
    const word = end < 0 ? rest : rest.slice(0, end);
    i = end < 0 ? q.length : i + end;
    if (word === "OR" && !negated) {
      tokens.push({ kind: "or", at });
      continue;
    }
    const term = wordTerm(word, parameter);
    if (term) tokens.push({ kind: "term", term, negated, at });
  }
  return tokens;
}

function phraseTerm(raw: string, parameter: string): QueryTerm {
  const phrase = foldPhrase(raw);
  const phraseTerms = terms(raw);
  if (phraseTerms.length === 0) {
    throw new QueryError(parameter, `phrase ${JSON.stringify(`"${raw}"`)} has no words`);
  }
  return { type: "phrase", raw, phrase, terms: phraseTerms };
}

function proximityTerm(raw: string, digits: string, parameter: string): QueryTerm {
  const quoted = JSON.stringify(`"${raw}"~${digits}`);
  if (!/^\d{1,3}$/.test(digits) || Number(digits) > MAX_PROXIMITY) {
    throw new QueryError(
      parameter,
      `proximity ${quoted} needs a distance from 0 to ${MAX_PROXIMITY} after the ~ (as in "a b"~5)`,
    );
  }
  const proximityTerms = terms(raw);
  if (proximityTerms.length === 0) {
    throw new QueryError(parameter, `proximity ${quoted} has no words`);
  }
  return { type: "proximity", raw, terms: proximityTerms, distance: Number(digits) };
}

function wordTerm(raw: string, parameter: string): QueryTerm | null {
  let base = raw;
  let prefix = false;
  let fuzzy = 0;
  const fuzzyMatch = /~(\d*)$/.exec(base);
  if (fuzzyMatch) {
    base = base.slice(0, fuzzyMatch.index);
    const digits = fuzzyMatch[1] ?? "";
    const wordTerms = terms(base);
    const word = wordTerms[0] ?? "";
    if (wordTerms.length !== 1) {
      throw new QueryError(parameter, `fuzzy ${JSON.stringify(raw)} must be one word`);
    }
    if (word.length < MIN_FUZZY_LENGTH) {
      throw new QueryError(
        parameter,
        `fuzzy ${JSON.stringify(raw)} needs a word of at least ${MIN_FUZZY_LENGTH} characters`,
      );
    }
    fuzzy = digits === "" ? (word.length >= FUZZY_DISTANCE_2_FROM ? 2 : 1) : Number(digits);
    if (!Number.isInteger(fuzzy) || fuzzy < 1 || fuzzy > MAX_FUZZY_DISTANCE) {
      throw new QueryError(
        parameter,
        `fuzzy distance in ${JSON.stringify(raw)} must be 1 or ${MAX_FUZZY_DISTANCE}`,
      );
    }
    // Two edits on a short word match most of the vocabulary (a bounded cost, not a typo fix).
    if (fuzzy === 2 && word.length < FUZZY_DISTANCE_2_FROM) {
      throw new QueryError(
        parameter,
        `fuzzy distance 2 in ${JSON.stringify(raw)} needs a word of at least ${FUZZY_DISTANCE_2_FROM} characters; use ~1`,
      );
    }
  }
  if (base.endsWith("*")) {
    if (fuzzy > 0)
      throw new QueryError(parameter, `${JSON.stringify(raw)} cannot be both prefix and fuzzy`);
    base = base.slice(0, -1);
    prefix = true;
    const wordTerms = terms(base);
    if (wordTerms.length > 1)
      throw new QueryError(parameter, `prefix ${JSON.stringify(raw)} must be one word`);
    if ((wordTerms[0] ?? "").length < MIN_PREFIX_LENGTH) {
      throw new QueryError(
        parameter,
        `prefix ${JSON.stringify(raw)} needs at least ${MIN_PREFIX_LENGTH} characters before the *`,
      );
    }
  }
  const wordTerms = terms(base);
  // Punctuation on its own ("&", "--") matches nothing and is dropped, like the indexer drops it.
  if (wordTerms.length === 0) return null;
  return { type: "word", raw, terms: wordTerms, prefix, fuzzy };
}

function group(tokens: Token[], parameter: string, filters: FilterSpec): ParsedQuery {
  const groups: QueryTerm[][] = [];
  const exclude: QueryTerm[] = [];
  let pendingOr = false;
  let previousWasPositive = false;
  for (const token of tokens) {
    if (token.kind === "or") {
      if (!previousWasPositive) {
        throw new QueryError(
          parameter,
          `OR at column ${token.at + 1} needs a search term before it`,
        );
      }
      pendingOr = true;
      previousWasPositive = false;
      continue;
    }
    if (token.kind === "filter") {
      if (pendingOr)
        throw new QueryError(parameter, `OR at column ${token.at + 1} cannot join a filter`);
      previousWasPositive = false;
      continue;
    }
    if (token.negated) {
      if (pendingOr)
        throw new QueryError(parameter, `OR cannot join an exclusion (column ${token.at + 1})`);
      exclude.push(token.term);
      previousWasPositive = false;
      continue;
    }
    if (pendingOr) {
      const last = groups[groups.length - 1];
      if (last) last.push(token.term);
      pendingOr = false;
    } else {
      groups.push([token.term]);
    }
    previousWasPositive = true;
  }
  if (pendingOr) throw new QueryError(parameter, "OR at the end needs a search term after it");
  const termCount = [...groups.flat(), ...exclude].reduce(
    (sum, term) => sum + term.terms.length,
    0,
  );
  return { groups, exclude, filters, termCount };
}

/** True when the query has nothing to search for and nothing to filter by. */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.groups.length === 0 && query.exclude.length === 0;
}

/** True for C0 control characters other than tab, line feed and carriage return, and DEL. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f)
      return true;
  }
  return false;
}
