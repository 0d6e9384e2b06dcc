/**
 * Orama 3 (@orama/orama, a dev dependency of the benchmark only): one database with the
 * utterance text (`string`, searched), speaker and body (`enum`), date (`number`, YYYYMMDD) and
 * chronological rank (`number`, sortable), a tokenizer that lower-cases and splits where
 * MiniSearch's does (so the terms are everyone's), and Orama's BM25. Orama matches every word of a
 * query as a prefix; its `exact: true` re-checks every hit's stored text with a regular
 * expression built per hit and word (case-sensitively), which made a frequent word take tens of
 * milliseconds. So the tokenizer ends every indexed word with END_MARK: a query word with the
 * mark matches that word only (through Orama's ordinary prefix search), a prefix query is given
 * without it (the query text carries PREFIX_MARK, which the tokenizer drops), and a fuzzy word
 * keeps it, so Orama's Levenshtein compares whole words. Several words are `threshold: 0` (all
 * of them), fuzzy words `tolerance`, filters `where` (`eq`, `between`), chronological order
 * `sortBy` the rank. Phrases are the words' query with every result, then
 * the exact phrase check on the stored text. The total is Orama's `count`. The artifact is
 * Orama's `save()` as JSON, revived with `load()`.
 */
import {
  create,
  count,
  load as loadRaw,
  save,
  search,
  insert,
  type Orama,
  type RawData,
  type SearchParams,
} from "@orama/orama";
import type { SessionRecord } from "../../src/domain";
import type { BenchQuery, BenchResult, BenchSystem, LoadedArtifact } from "../types";
import { flattenRecords } from "./documents";
import { containsWords, SEPARATOR_RUNS } from "./text-match";

const FILE = "orama.json";
const SCHEMA = {
  text: "string",
  speaker: "enum",
  body: "enum",
  date: "number",
  order: "number",
} as const;
type Database = Orama<typeof SCHEMA>;

/** Ends every indexed word (a control character: no separator, in no text). */
const END_MARK = "\u0001";
/** Ends a query whose word is a prefix: its words get no END_MARK. */
const PREFIX_MARK = "\u0002";

/**
 * Lower case, MiniSearch's split, and END_MARK after every word: always when indexing (Orama
 * passes the property), and at query time unless the query ends with PREFIX_MARK.
 */
export function tokenize(raw: string, _language?: string, property?: string): string[] {
  const prefix = property === undefined && raw.endsWith(PREFIX_MARK);
  const words = (prefix ? raw.slice(0, -1) : raw)
    .toLowerCase()
    .split(SEPARATOR_RUNS)
    .filter((token) => token !== "");
  return prefix ? words : words.map((word) => word + END_MARK);
}

function createDatabase(): Database {
  return create({
    schema: SCHEMA,
    components: {
      tokenizer: { language: "english", normalizationCache: new Map(), tokenize },
    },
  });
}

/** YYYY-MM-DD as the number YYYYMMDD (0 for no date). */
function dateNumber(date: string): number {
  return date === "" ? 0 : Number(date.replaceAll("-", ""));
}

function build(records: readonly SessionRecord[]): Record<string, string> {
  const db = createDatabase();
  const documents = flattenRecords(records).map((d) => ({
    id: d.id,
    text: d.text.toLowerCase(),
    speaker: d.speaker,
    body: d.body,
    date: dateNumber(d.date),
    order: d.order,
  }));
  // One insert per document: insertMultiple rebalances its AVL trees (the number fields) only
  // once per batch, and documents in chronological order then make them lists deep enough to
  // overflow the stack when saved.
  for (const document of documents) void insert(db, document);
  return { [FILE]: JSON.stringify(save(db)) };
}

function load(artifact: LoadedArtifact): Database {
  const bytes = artifact[FILE];
  if (bytes === undefined) throw new Error(`orama: artifact has no ${FILE}`);
  const db = createDatabase();
  loadRaw(db, JSON.parse(new TextDecoder().decode(bytes)) as RawData);
  return db;
}

/** The search parameters of a query, `limit` results from the first. */
function parameters(q: BenchQuery, limit: number): SearchParams<Database> {
  const params: SearchParams<Database> = {
    term: q.terms.join(" ") + (q.prefix === true ? PREFIX_MARK : ""),
    properties: ["text"],
    threshold: 0,
    limit,
  };
  if (q.fuzzy !== undefined) params.tolerance = q.fuzzy;
  if (q.sort === "chronological") params.sortBy = { property: "order", order: "ASC" };
  const f = q.filter;
  if (f !== undefined) {
    const where: Record<string, unknown> = {};
    if (f.speaker !== undefined) where.speaker = { eq: f.speaker };
    if (f.body !== undefined) where.body = { eq: f.body };
    if (f.from !== undefined || f.to !== undefined)
      where.date = { between: [dateNumber(f.from ?? ""), f.to ? dateNumber(f.to) : 99_999_999] };
    params.where = where as SearchParams<Database>["where"];
  }
  return params;
}

interface Hit {
  id: string;
  text: string;
}

function hits(db: Database, q: BenchQuery, limit: number): { count: number; hits: Hit[] } {
  const result = search(db, parameters(q, limit)) as {
    count: number;
    hits: { id: string; document: { text: string } }[];
  };
  return {
    count: result.count,
    hits: result.hits.map((hit) => ({ id: hit.id, text: hit.document.text })),
  };
}

/** Phrases: every result of the words, kept when the text has the exact phrase. */
function phraseMatches(db: Database, q: BenchQuery): string[] {
  const phrase = q.phrase ?? "";
  return hits(db, q, count(db))
    .hits.filter((hit) => containsWords(hit.text, phrase))
    .map((hit) => hit.id);
}

function query(db: Database, q: BenchQuery): BenchResult {
  if (q.phrase !== undefined) {
    const all = phraseMatches(db, q);
    return { total: all.length, ids: all.slice(0, q.limit) };
  }
  const found = hits(db, q, q.limit);
  return { total: found.count, ids: found.hits.map((hit) => hit.id) };
}

function matches(db: Database, q: BenchQuery): string[] {
  if (q.phrase !== undefined) return phraseMatches(db, q);
  return hits(db, q, count(db)).hits.map((hit) => hit.id);
}

/** Orama, as a benchmark system. */
export const orama = {
  name: "orama",
  description:
    "Orama 3: BM25, MiniSearch's split, enum/number filters, sortBy; save() as JSON, load()",
  build,
  load,
  query,
  matches,
} satisfies BenchSystem<Database>;
