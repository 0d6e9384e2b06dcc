/**
 * The contract between the benchmark harness and the systems it measures: the queries (one
 * precise meaning per class, so every system answers the same question), the artifacts a system
 * builds, and the interface a system implements.
 */
import type { Body, SessionRecord } from "../src/domain";

/** Query classes measured separately; "all" aggregates them. */
export const QUERY_CLASSES = [
  "term",
  "and",
  "phrase",
  "prefix",
  "fuzzy",
  "filtered",
  "chronological",
] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];
/** Every class reported, "all" included. */
export type ReportedClass = QueryClass | "all";

/** Filters a query may carry (all given ones must hold). */
export interface BenchFilter {
  /** Speaker id (alpha-3 code for delegations, "chair", "secretariat", ...). */
  speaker?: string;
  body?: Body;
  /** Inclusive date range, YYYY-MM-DD. */
  from?: string;
  to?: string;
}

/**
 * One benchmark query. The structured fields are authoritative; `text` is the same query in the
 * product's query language (issue 4) for systems that parse strings.
 *
 * Meaning, for every system:
 * - a word matches a token of the utterance text, case-insensitively, tokens being split at
 *   whitespace and punctuation (MiniSearch's default tokenizer);
 * - all `terms` must match (AND); with `prefix`, the (single) term matches any token starting
 *   with it; with `fuzzy`, any token within that Levenshtein distance;
 * - with `phrase`, the lowercased text must also contain the phrase with word boundaries on both
 *   sides;
 * - `filter` must hold;
 * - results: `total` matches, and the first `limit` ids by relevance (system-defined ranking)
 *   or, with sort "chronological", by session date and time, then position in the session.
 */
export interface BenchQuery {
  /** Position in the query set. */
  index: number;
  class: QueryClass;
  /** Lowercase words; all must match. */
  terms: string[];
  /** Lowercase words separated by single spaces (phrase class). */
  phrase?: string;
  /** terms[0] is a prefix of at least 3 characters (prefix class). */
  prefix?: boolean;
  /** Maximum edit distance for terms[0] (fuzzy class, terms of 5 characters or more). */
  fuzzy?: number;
  filter?: BenchFilter;
  sort: "relevance" | "chronological";
  limit: number;
  /** The query as typed in the product: `word`, `a b`, `"a b c"`, `pre*`, `word~`, `speaker:EGY word`. */
  text: string;
}

/** What a query returns. */
export interface BenchResult {
  /** Number of matching utterances. */
  total: number;
  /** Ids of the first `limit` results, in result order. */
  ids: string[];
}

/** Built artifact: file name (may contain "/") to bytes. Strings are written as UTF-8. */
export type Artifact = Record<string, Uint8Array | string>;
/** The artifact as a loader receives it: bytes, as a Worker gets them from its assets. */
export type LoadedArtifact = Record<string, Uint8Array>;

/**
 * Classes a system cannot express, each with the reason (shown in the report and the README).
 * Its queries of those classes are neither timed nor compared: the figures say "n/a".
 */
export type Unsupported = Partial<Record<QueryClass, string>>;

/**
 * A system under measurement. `build` turns records into serialized bytes (timed by the
 * harness, serialization included); `load` turns those bytes into a ready instance (timed in a
 * fresh process: the cold start); `query` answers one query on a loaded instance; `matches`
 * lists every matching id (untimed: the cross-check of full result sets between systems).
 */
export interface BenchSystem<Instance = unknown> {
  /** Key in the JSON output and the table. */
  readonly name: string;
  /** One line saying what it is. */
  readonly description: string;
  /** Classes it cannot express (absent: it expresses every class). */
  readonly unsupported?: Unsupported;
  build(records: readonly SessionRecord[]): Artifact | Promise<Artifact>;
  load(artifact: LoadedArtifact): Instance | Promise<Instance>;
  query(instance: Instance, query: BenchQuery): BenchResult | Promise<BenchResult>;
  /** Ids of every match of the query, in any order. */
  matches(instance: Instance, query: BenchQuery): string[] | Promise<string[]>;
}

/** True when the system can express the query's class. */
export function expresses(system: Pick<BenchSystem, "unsupported">, query: BenchQuery): boolean {
  return system.unsupported?.[query.class] === undefined;
}
