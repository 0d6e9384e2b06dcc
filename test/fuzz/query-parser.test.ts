/**
 * Fuzzing the query parser (src/search/query.ts parseQuery, src/search/phrase.ts parsePhrase)
 * and the search core behind it, with fast-check and fixed seeds (test/fuzz/seed.ts):
 *
 * - any string: the parser returns a well-formed query or throws a QueryError naming the
 *   parameter, nothing else, and gives the same answer twice;
 * - queries built from valid pieces of the language: parsed exactly as built (groups, OR
 *   alternatives, exclusions, prefixes, fuzzy distances, phrases, filters), or refused for the
 *   one reason that applies (too long, too many terms, an empty date range);
 * - good and bad pieces mixed, unicode, control characters, payloads, very long input: the
 *   same invariants; a clause that is wrong on its own always makes the query fail;
 * - the whole search (parse, filters resolved against a corpus, backend, phrase check,
 *   snippets) on those queries: a page or a QueryError, snippets escaped.
 *
 * Generated queries: 3,000 + 1,200 (+ as many with a bad clause put in) + 1,200 + 1,000 + 600
 * + 1,000 = 8,000 here; with test/fuzz/api-routes (2,000) and pages (400), 10,400.
 */
import fc from "fast-check";
import { MAX_PROXIMITY } from "../../src/search/proximity";
import { beforeAll, describe, expect, test } from "vitest";
import { openCorpus } from "../../src/search/load";
import type { Corpus } from "../../src/search/corpus";
import { QueryError } from "../../src/search/errors";
import { BODIES, SPEAKER_KINDS } from "../../src/search/filters";
import { parsePhrase } from "../../src/search/phrase";
import {
  MAX_QUERY_LENGTH,
  MAX_QUERY_TERMS,
  MIN_FUZZY_LENGTH,
  MIN_PREFIX_LENGTH,
  type ParsedQuery,
  parseQuery,
} from "../../src/search/query";
import { search } from "../../src/search/search";
import { foldPhrase } from "../../src/search/text";
import { buildAssets } from "../../ingest/build-index";
import { FIXTURE_ALIASES, memoryReader } from "../fixtures/corpus";
import { fuzzRecords } from "./fuzz-app";
import { snippetProblems } from "./payloads";
import { BAD_CLAUSES, type Clause, isControl, messyQuery, validQuery } from "./query-language";
import { check } from "./seed";

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Parses, returning the query or the QueryError; any other exception escapes (a failure). */
function attempt(q: string, parameter = "q"): ParsedQuery | QueryError {
  try {
    return parseQuery(q, parameter);
  } catch (error) {
    if (error instanceof QueryError) return error;
    throw error;
  }
}

/** Invariants of any parse outcome. */
function expectWellFormed(q: string, outcome: ParsedQuery | QueryError, parameter = "q"): void {
  if (outcome instanceof QueryError) {
    expect(outcome.parameter).toBe(parameter);
    expect(outcome.message.startsWith(`${parameter}: `)).toBe(true);
    return;
  }
  expect(q.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
  // The parser refuses control characters other than tab, line feed and carriage return.
  expect([...q].some((c) => isControl(c) && !"\t\n\r".includes(c))).toBe(false);
  const all = [...outcome.groups.flat(), ...outcome.exclude];
  expect(outcome.termCount).toBe(all.reduce((sum, term) => sum + term.terms.length, 0));
  expect(outcome.termCount).toBeLessThanOrEqual(MAX_QUERY_TERMS);
  for (const group of outcome.groups) expect(group.length).toBeGreaterThan(0);
  for (const term of all) {
    expect(term.terms.length).toBeGreaterThan(0);
    for (const t of term.terms) {
      expect(t).not.toBe("");
      expect(/\s/.test(t)).toBe(false);
    }
    if (term.type === "phrase") {
      expect(term.raw.includes('"')).toBe(false);
      expect(term.phrase).toBe(foldPhrase(term.raw));
      continue;
    }
    if (term.type === "proximity") {
      expect(term.raw.includes('"')).toBe(false);
      expect(Number.isInteger(term.distance)).toBe(true);
      expect(term.distance).toBeGreaterThanOrEqual(0);
      expect(term.distance).toBeLessThanOrEqual(MAX_PROXIMITY);
      continue;
    }
    if (term.prefix) {
      expect(term.terms).toHaveLength(1);
      expect(term.terms[0]!.length).toBeGreaterThanOrEqual(MIN_PREFIX_LENGTH);
      expect(term.fuzzy).toBe(0);
    }
    if (term.fuzzy > 0) {
      expect([1, 2]).toContain(term.fuzzy);
      expect(term.terms).toHaveLength(1);
      expect(term.terms[0]!.length).toBeGreaterThanOrEqual(MIN_FUZZY_LENGTH);
    }
  }
  const { filters } = outcome;
  for (const body of filters.body) expect(BODIES).toContain(body);
  for (const kind of filters.kind) expect(SPEAKER_KINDS).toContain(kind);
  for (const value of [...filters.speaker, ...filters.session]) expect(value.trim()).toBe(value);
  if (filters.from !== null) expect(filters.from).toMatch(DATE_RE);
  if (filters.to !== null) expect(filters.to).toMatch(DATE_RE);
  if (filters.from !== null && filters.to !== null) expect(filters.from <= filters.to).toBe(true);
}

function expectDeterministic(q: string, first: ParsedQuery | QueryError): void {
  const second = attempt(q);
  if (first instanceof QueryError) expect(second).toEqual(first);
  else expect(JSON.stringify(second)).toBe(JSON.stringify(first));
}

/** What a clause must parse to, as compared below. */
function expectedTerm(clause: Clause): unknown {
  switch (clause.type) {
    case "word":
      return { type: "word", terms: clause.terms, prefix: false, fuzzy: 0 };
    case "prefix":
      return { type: "word", terms: clause.terms, prefix: true, fuzzy: 0 };
    case "fuzzy":
      return { type: "word", terms: clause.terms, prefix: false, fuzzy: clause.fuzzy };
    case "phrase":
      return { type: "phrase", terms: clause.terms };
    case "proximity":
      return { type: "proximity", terms: clause.terms, distance: clause.distance };
    default:
      throw new Error(`not a term: ${clause.type}`);
  }
}

function shape(query: ParsedQuery["groups"][number][number]): unknown {
  switch (query.type) {
    case "phrase":
      return { type: "phrase", terms: query.terms };
    case "proximity":
      return { type: "proximity", terms: query.terms, distance: query.distance };
    case "word":
      return { type: "word", terms: query.terms, prefix: query.prefix, fuzzy: query.fuzzy };
    default:
      return query satisfies never;
  }
}

function termsOf(clause: Clause): number {
  if (clause.type === "not") return termsOf(clause.inner);
  if (clause.type === "or") return clause.items.reduce((sum, item) => sum + termsOf(item), 0);
  if (clause.type === "filter") return 0;
  return clause.terms.length;
}

/** The filters a correct parser collects from the clauses, or "empty" for an empty date range. */
function expectedFilters(clauses: Clause[]) {
  const out = {
    conference: [] as string[],
    speaker: [] as string[],
    session: [] as string[],
    body: [] as string[],
    kind: [] as string[],
    from: null as string | null,
    to: null as string | null,
  };
  const narrow = (from: string | null, to: string | null) => {
    if (from !== null && (out.from === null || from > out.from)) out.from = from;
    if (to !== null && (out.to === null || to < out.to)) out.to = to;
  };
  for (const clause of clauses) {
    if (clause.type !== "filter") continue;
    const value = clause.value.replace(/^"(.*)"$/, "$1").trim();
    if (clause.key === "speaker" || clause.key === "session") out[clause.key].push(value);
    else if (clause.key === "body" || clause.key === "kind" || clause.key === "conference")
      out[clause.key].push(value.toLowerCase());
    else if (clause.key === "from") narrow(value, null);
    else if (clause.key === "to") narrow(null, value);
    else if (value.includes("..")) {
      const [a = "", b = ""] = value.split("..");
      narrow(a === "" ? null : a, b === "" ? null : b);
    } else narrow(value, value);
  }
  return out;
}

describe("query parser, fuzzed", () => {
  test("arbitrary strings: a well-formed query or a QueryError naming q, the same twice", () => {
    check(
      "parser-arbitrary",
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 240 }),
          fc.string({ unit: "grapheme", maxLength: 240 }),
          fc.string({ maxLength: 240 }),
        ),
        (q) => {
          const outcome = attempt(q);
          expectWellFormed(q, outcome);
          expectDeterministic(q, outcome);
        },
      ),
      3_000,
    );
  });

  test("queries built from valid pieces parse exactly as built", () => {
    check(
      "parser-grammar-valid",
      fc.property(validQuery, ({ q, clauses }) => {
        const outcome = attempt(q);
        expectWellFormed(q, outcome);
        const terms = clauses.reduce((sum, clause) => sum + termsOf(clause), 0);
        const filters = expectedFilters(clauses);
        const emptyRange =
          filters.from !== null && filters.to !== null && filters.from > filters.to;
        if (q.length > MAX_QUERY_LENGTH) {
          expect(outcome).toBeInstanceOf(QueryError);
          expect((outcome as QueryError).message).toMatch(/characters long/);
          return;
        }
        if (emptyRange) {
          expect(outcome).toBeInstanceOf(QueryError);
          expect((outcome as QueryError).message).toMatch(/date range is empty/);
          return;
        }
        if (terms > MAX_QUERY_TERMS) {
          expect(outcome).toBeInstanceOf(QueryError);
          expect((outcome as QueryError).message).toMatch(/terms; at most/);
          return;
        }
        if (outcome instanceof QueryError)
          throw new Error(`refused ${JSON.stringify(q)}: ${outcome.message}`);
        expect(outcome.termCount).toBe(terms);
        const groups = clauses.flatMap((clause) =>
          clause.type === "or"
            ? [clause.items.map(expectedTerm)]
            : clause.type === "not" || clause.type === "filter"
              ? []
              : [[expectedTerm(clause)]],
        );
        expect(outcome.groups.map((group) => group.map(shape))).toEqual(groups);
        expect(outcome.exclude.map(shape)).toEqual(
          clauses.flatMap((clause) => (clause.type === "not" ? [expectedTerm(clause.inner)] : [])),
        );
        expect(outcome.filters).toEqual(filters);
      }),
      1_200,
    );
  });

  test("good and bad pieces mixed: invariants hold; a bad clause on its own always fails", () => {
    check(
      "parser-grammar-messy",
      fc.property(messyQuery, fc.constantFrom(...BAD_CLAUSES), fc.nat(), (q, bad, at) => {
        const outcome = attempt(q);
        expectWellFormed(q, outcome);
        expectDeterministic(q, outcome);
        // The same query with a bad clause put between two of its clauses (outside quotes).
        const cuts = [0, ...[...q.matchAll(/ /g)].map((m) => m.index)].filter(
          (i) => (q.slice(0, i).match(/"/g) ?? []).length % 2 === 0,
        );
        const cut = cuts[at % cuts.length] ?? 0;
        const spoiled = `${q.slice(0, cut)} ${bad} ${q.slice(cut)}`;
        const spoiledOutcome = attempt(spoiled);
        expectWellFormed(spoiled, spoiledOutcome);
        expect(spoiledOutcome).toBeInstanceOf(QueryError);
      }),
      1_200,
    );
  });

  test("errors name the parameter the query came from", () => {
    check(
      "parser-parameter-name",
      fc.property(messyQuery, fc.constantFrom("q", "vs", "speaker"), (q, parameter) => {
        expectWellFormed(q, attempt(q, parameter), parameter);
      }),
      1_000,
    );
  });

  test("parsePhrase: one phrase or a QueryError naming q", () => {
    check(
      "parse-phrase",
      fc.property(fc.oneof(messyQuery, fc.string({ unit: "grapheme", maxLength: 220 })), (q) => {
        let parsed: ParsedQuery;
        try {
          parsed = parsePhrase(q);
        } catch (error) {
          if (!(error instanceof QueryError)) throw error;
          expect(error.parameter).toBe("q");
          return;
        }
        expect(parsed.groups).toHaveLength(1);
        expect(parsed.groups[0]).toHaveLength(1);
        expect(parsed.groups[0]![0]!.type).toBe("phrase");
        expect(parsed.exclude).toEqual([]);
      }),
      600,
    );
  });
});

describe("search core, fuzzed", () => {
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = await openCorpus(memoryReader(buildAssets(fuzzRecords(), FIXTURE_ALIASES).files));
  });

  test("any query: a page with escaped snippets, or a QueryError naming a parameter", () => {
    const query = fc.oneof(
      validQuery.map((v) => v.q),
      messyQuery,
      fc.constantFrom(
        "zanzibarish",
        "digital divide",
        '"digital divide"',
        "human rights",
        "speaker:egypt",
      ),
    );
    check(
      "search-core",
      fc.property(
        query,
        fc.option(
          fc.constantFrom("relevance", "chronological") as fc.Arbitrary<
            "relevance" | "chronological"
          >,
        ),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 1000 }),
        (q, sort, limit, offset) => {
          let page;
          try {
            page = search(corpus, { q, sort: sort ?? undefined, limit, offset });
          } catch (error) {
            if (!(error instanceof QueryError)) throw error;
            expect(error.parameter).toBe("q");
            return;
          }
          expect(page.results.length).toBeLessThanOrEqual(limit);
          expect(page.total).toBeGreaterThanOrEqual(page.results.length);
          if (offset >= page.total) expect(page.results).toEqual([]);
          for (const hit of page.results) {
            expect(snippetProblems(hit.snippet)).toEqual([]);
            for (const [start, end] of hit.highlights) {
              expect(0 <= start && start < end && end <= hit.text.length).toBe(true);
            }
          }
        },
      ),
      1_000,
    );
  });
});
