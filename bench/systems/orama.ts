/**
 * Orama 3 (@orama/orama, a dev dependency of the benchmark only): one database with the
 * utterance text (`string`, searched), speaker and body (`enum`), date (`number`, YYYYMMDD) and
 * chronological rank (`number`, sortable), a tokenizer that lower-cases and splits where
 * MiniSearch's does (so the terms are everyone's), and Orama's BM25. Whole words are
 * `exact: true` (Orama then also requires every query word as a whole word in the stored text,
 * case-sensitively: the text is stored lower-cased so that check is case-insensitive), several
 * words `threshold: 0` (all of them), prefixes `exact: false` (Orama's default: every word
 * starting with the term), fuzzy words `tolerance` (Orama's bounded Levenshtein over its radix
 * tree; see bench/README.md for how its semantics differ), filters `where` (`eq`, `between`),
 * chronological order `sortBy` the rank. Phrases are the words' query with every result, then
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
import { containsWords } from "./text-match";

const FILE = "orama.json";
const SCHEMA = {
  text: "string",
  speaker: "enum",
  body: "enum",
  date: "number",
  order: "number",
} as const;
type Database = Orama<typeof SCHEMA>;

/** MiniSearch's default token separators (see ./text-match.ts), as one split pattern. */
const SEPARATORS = /[\n\r\p{Z}\p{P}]+/u;

function createDatabase(): Database {
  return create({
    schema: SCHEMA,
    components: {
      tokenizer: {
        language: "english",
        normalizationCache: new Map(),
        tokenize: (raw: string) =>
          raw
            .toLowerCase()
            .split(SEPARATORS)
            .filter((token) => token !== ""),
      },
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
    term: q.terms.join(" "),
    properties: ["text"],
    exact: q.prefix !== true && q.fuzzy === undefined,
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
