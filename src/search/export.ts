/**
 * Exports: every result of a query, in the order the search page shows them, up to
 * EXPORT_MAX_ROWS rows (the documented cap; a file that reaches it says so). The rows are
 * presented one by one as a download streams them, so a large export never holds every row's
 * view at once. Runtime-free.
 */
import { conferenceById } from "../conferences/registry";
import { CORPUS_ID } from "../domain";
import { corpusConferences } from "./conferences";
import type { Corpus } from "./corpus";
import type { FilterSpec } from "./filters";
import { corpusNameTable, lookupName } from "./names";
import type { Pace, Steps } from "./pace";
import { type Match, type SearchRequest, matchSteps, requestQuery, sortMatches } from "./search";
import { foldName } from "./text";
import type { SortOrder } from "./types";

/** Most rows an export holds. */
export const EXPORT_MAX_ROWS = 10_000;
/** Longest query part of an export's file name. */
export const MAX_FILE_NAME_WORDS_LENGTH = 60;

/** The matches an export will write, in order. */
export interface ExportPlan {
  /** Every match of the query. */
  total: number;
  sort: SortOrder;
  /** The matches to write (at most the cap), in order. */
  matches: Match[];
  /** True when `total` is more than the rows written because of EXPORT_MAX_ROWS. */
  capReached: boolean;
  cap: number;
}

/**
 * Matches and orders every result of a request (its limit and offset, when given, choose a window
 * of at most `cap` rows). Throws QueryError like search.
 */
export function* exportSteps(
  corpus: Corpus,
  request: SearchRequest,
  pace: Pace,
  cap = EXPORT_MAX_ROWS,
): Steps<ExportPlan> {
  const { query, sort } = requestQuery(corpus, request);
  const matches = yield* matchSteps(corpus, query, {}, pace);
  if (pace.due()) yield;
  const offset = request.offset ?? 0;
  const rows = Math.min(cap, request.limit ?? cap);
  const ordered = sortMatches(matches, sort).slice(offset, offset + rows);
  return {
    total: matches.length,
    sort,
    matches: ordered,
    capReached: rows === cap && matches.length - offset > cap,
    cap,
  };
}

/** The words of a file name for what a request searched: speaker filters by their names. */
function nameWords(corpus: Corpus, q: string, filters: FilterSpec | undefined): string[] {
  const table = corpusNameTable(corpus);
  const speakerName = (value: string) => {
    const id = lookupName(table, value)[0];
    return (id && table.entries.get(id)?.name) ?? value;
  };
  const words: string[] = [];
  for (const token of q.match(/"[^"]*"|\S+/g) ?? []) {
    const filter = /^([A-Za-z]+):(.*)$/.exec(token);
    if (filter?.[1]?.toLowerCase() === "speaker") words.push(speakerName(filter[2] ?? ""));
    else if (filter) words.push(filter[2] ?? "");
    else if (token !== "OR") words.push(token.startsWith("-") ? `not ${token.slice(1)}` : token);
  }
  for (const value of filters?.speaker ?? []) words.push(speakerName(value));
  for (const value of [...(filters?.session ?? []), ...(filters?.body ?? [])]) words.push(value);
  for (const value of filters?.kind ?? []) words.push(value);
  return words;
}

/** What an exported file holds: search results, a phrase's occurrences, its variants. */
export type ExportKind = "search" | "phrase" | "variants";

/**
 * The stem of an export's file name: the fileStem of the one conference the request is filtered
 * to, or of the corpus's only conference ("wcit12"); else the neutral CORPUS_ID.
 */
export function exportStem(corpus: Corpus, filters: FilterSpec | undefined): string {
  const asked = [...new Set(filters?.conference ?? [])];
  if (asked.length === 1) return conferenceById(asked[0])?.fileStem ?? CORPUS_ID;
  const present = corpusConferences(corpus);
  const unidentified = corpus.store.sessions.some((session) => session.conference === null);
  return present.length === 1 && !unidentified && present[0] ? present[0].fileStem : CORPUS_ID;
}

/**
 * A file name that says what is inside: "wcit12-search-egypt-spam-2026-12-03.csv",
 * "itu-captions-phrase-digital-divide-2026-12-03.csv" (the stem (exportStem), the kind of export,
 * the words and filters searched, speakers by name, folded to ASCII; the UTC date of the export).
 */
export function exportFileName(
  corpus: Corpus,
  request: Pick<SearchRequest, "q" | "filters">,
  extension: "csv" | "json",
  now: Date,
  kind: ExportKind = "search",
): string {
  const words: string[] = [];
  for (const word of nameWords(corpus, request.q, request.filters)) {
    // ASCII letters and digits only: a header's file name must be plain bytes.
    for (const part of foldName(word)
      .replace(/[^a-z0-9 ]/g, "")
      .split(" "))
      if (part !== "" && !words.includes(part)) words.push(part);
  }
  let slug = "";
  for (const word of words) {
    const next = slug === "" ? word : `${slug}-${word}`;
    if (next.length > MAX_FILE_NAME_WORDS_LENGTH) break;
    slug = next;
  }
  const date = now.toISOString().slice(0, 10);
  const stem = exportStem(corpus, request.filters);
  return `${stem}-${kind}-${slug === "" ? "all" : slug}-${date}.${extension}`;
}
