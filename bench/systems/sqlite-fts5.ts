/**
 * SQLite FTS5 (through better-sqlite3 12, a dev dependency of the benchmark only), the engine
 * under Cloudflare D1 and Durable Object storage: one FTS5 table with the utterance text indexed
 * (`tokenize = 'unicode61 remove_diacritics 2'`), the id and the filter columns (speaker, body,
 * date) stored UNINDEXED, rowid = chronological rank + 1. The artifact is the serialized
 * database; loading deserializes it (`new Database(buffer)`: one copy into SQLite's own, native,
 * memory, pages then read as queries need them). Relevance is FTS5's bm25 (`ORDER BY rank`),
 * chronological order `ORDER BY rowid`; the total is a `count(*)` of the same MATCH. Phrases
 * are an FTS5 phrase query, then the exact check on the text every system makes (FTS5 ignores
 * punctuation between the words of a phrase). Fuzzy words cannot be expressed: FTS5 has no edit
 * distance (SQLite's spellfix1 is not part of it).
 */
import Database from "better-sqlite3";
import type { SessionRecord } from "../../src/domain";
import type { BenchFilter, BenchQuery, BenchResult, BenchSystem, LoadedArtifact } from "../types";
import { flattenRecords } from "./documents";
import { containsWords } from "./text-match";

const FILE = "utterances.sqlite";
const TABLE = "utterances";

/** The table: only `text` is indexed; the other columns are stored for filters and ids. */
const SCHEMA = `CREATE VIRTUAL TABLE ${TABLE} USING fts5(text, uid UNINDEXED, speaker UNINDEXED, body UNINDEXED, date UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')`;

/** A loaded database and its prepared statements, by SQL text. */
export interface SqliteInstance {
  db: Database.Database;
  statements: Map<string, Database.Statement>;
}

function build(records: readonly SessionRecord[]): Record<string, Uint8Array> {
  const db = new Database(":memory:");
  try {
    db.exec(SCHEMA);
    const insert = db.prepare(
      `INSERT INTO ${TABLE} (rowid, text, uid, speaker, body, date) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      for (const d of flattenRecords(records))
        insert.run(d.order + 1, d.text, d.id, d.speaker, d.body, d.date);
    })();
    db.exec(`INSERT INTO ${TABLE} (${TABLE}) VALUES ('optimize')`);
    const bytes = db.serialize();
    return { [FILE]: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  } finally {
    db.close();
  }
}

function load(artifact: LoadedArtifact): SqliteInstance {
  const bytes = artifact[FILE];
  if (bytes === undefined) throw new Error(`sqlite-fts5: artifact has no ${FILE}`);
  const db = new Database(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return { db, statements: new Map() };
}

function statement(instance: SqliteInstance, sql: string): Database.Statement {
  let prepared = instance.statements.get(sql);
  if (prepared === undefined) {
    prepared = instance.db.prepare(sql);
    instance.statements.set(sql, prepared);
  }
  return prepared;
}

/** An FTS5 string literal (a quoted word or phrase). */
function quoted(words: string): string {
  return `"${words.replaceAll('"', '""')}"`;
}

/** The MATCH expression of a query: AND of quoted words, a prefix, or a phrase. */
export function matchExpression(q: BenchQuery): string {
  if (q.phrase !== undefined) return quoted(q.phrase);
  if (q.prefix === true) return `${quoted(q.terms[0] ?? "")}*`;
  return q.terms.map(quoted).join(" AND ");
}

/** WHERE clause and parameters for a query and its filters. */
function where(q: BenchQuery): { sql: string; params: string[] } {
  const parts = [`${TABLE} MATCH ?`];
  const params = [matchExpression(q)];
  const f: BenchFilter = q.filter ?? {};
  const conditions: [string, string | undefined][] = [
    ["speaker = ?", f.speaker],
    ["body = ?", f.body],
    ["date >= ?", f.from],
    ["date <= ?", f.to],
  ];
  for (const [condition, value] of conditions) {
    if (value === undefined) continue;
    parts.push(condition);
    params.push(value);
  }
  return { sql: parts.join(" AND "), params };
}

function orderBy(q: BenchQuery): string {
  return q.sort === "chronological" ? "rowid" : "rank";
}

/** Phrases: every FTS5 phrase match in result order, kept when its text has the exact phrase. */
function verifiedPhrase(instance: SqliteInstance, q: BenchQuery): string[] {
  const { sql, params } = where(q);
  const rows = statement(
    instance,
    `SELECT uid, text FROM ${TABLE} WHERE ${sql} ORDER BY ${orderBy(q)}`,
  )
    .raw()
    .all(...params) as [string, string][];
  const phrase = q.phrase ?? "";
  return rows.filter(([, text]) => containsWords(text.toLowerCase(), phrase)).map(([id]) => id);
}

function query(instance: SqliteInstance, q: BenchQuery): BenchResult {
  if (q.fuzzy !== undefined) throw new Error("sqlite-fts5: fuzzy words cannot be expressed");
  if (q.phrase !== undefined) {
    const all = verifiedPhrase(instance, q);
    return { total: all.length, ids: all.slice(0, q.limit) };
  }
  const { sql, params } = where(q);
  const total = statement(instance, `SELECT count(*) FROM ${TABLE} WHERE ${sql}`)
    .pluck()
    .get(...params) as number;
  const ids = statement(
    instance,
    `SELECT uid FROM ${TABLE} WHERE ${sql} ORDER BY ${orderBy(q)} LIMIT ?`,
  )
    .pluck()
    .all(...params, q.limit) as string[];
  return { total, ids };
}

function matches(instance: SqliteInstance, q: BenchQuery): string[] {
  if (q.phrase !== undefined) return verifiedPhrase(instance, q);
  const { sql, params } = where(q);
  return statement(instance, `SELECT uid FROM ${TABLE} WHERE ${sql}`)
    .pluck()
    .all(...params) as string[];
}

/** SQLite FTS5, as a benchmark system. */
export const sqliteFts5 = {
  name: "sqlite-fts5",
  description:
    "SQLite FTS5 (better-sqlite3 12): unicode61 remove_diacritics 2, UNINDEXED filter columns, bm25; serialized database, deserialized",
  unsupported: {
    fuzzy: "FTS5 has no edit-distance matching (spellfix1 is a separate extension, not in FTS5)",
  },
  build,
  load,
  query,
  matches,
} satisfies BenchSystem<SqliteInstance>;
