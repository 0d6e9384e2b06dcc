/**
 * The utterance columns a peer without stored fields keeps beside its index (ids, texts and the
 * filter fields, in chronological order), and the answers every such peer gives the same way:
 * filters on the columns, the exact phrase check on the text, chronological order by position.
 */
import type { SessionRecord } from "../../src/domain";
import type { BenchQuery, BenchResult } from "../types";
import { flattenRecords } from "./documents";
import { matchesFilter } from "./filter";
import { containsWords } from "./text-match";

/** Columns by chronological position. */
export interface UtteranceColumns {
  ids: string[];
  texts: string[];
  speakers: string[];
  bodies: string[];
  dates: string[];
}

/** The columns of the records, JSON-serialized. */
export function columnsJson(records: readonly SessionRecord[]): string {
  const documents = flattenRecords(records);
  const columns: UtteranceColumns = {
    ids: documents.map((d) => d.id),
    texts: documents.map((d) => d.text),
    speakers: documents.map((d) => d.speaker),
    bodies: documents.map((d) => d.body),
    dates: documents.map((d) => d.date),
  };
  return JSON.stringify(columns);
}

/** Parses columns written by columnsJson; `owner` names the system in errors. */
export function parseColumns(bytes: Uint8Array | undefined, owner: string): UtteranceColumns {
  if (bytes === undefined) throw new Error(`${owner}: artifact has no ${COLUMNS_FILE}`);
  return JSON.parse(new TextDecoder().decode(bytes)) as UtteranceColumns;
}

/** File name of the columns in a peer's artifact. */
export const COLUMNS_FILE = "columns.json";

/**
 * Keeps the positions (in the index's result order) that pass the query's filter and, for a
 * phrase, whose text contains it; sorts them chronologically when asked.
 */
export function refine(
  columns: UtteranceColumns,
  q: BenchQuery,
  positions: readonly number[],
): number[] {
  const { filter, phrase } = q;
  let kept = positions;
  if (filter !== undefined || phrase !== undefined) {
    kept = positions.filter(
      (i) =>
        (filter === undefined ||
          matchesFilter(filter, columns.speakers[i]!, columns.bodies[i]!, columns.dates[i]!)) &&
        (phrase === undefined || containsWords(columns.texts[i]!.toLowerCase(), phrase)),
    );
  }
  return q.sort === "chronological" ? [...kept].sort((a, b) => a - b) : [...kept];
}

/** The page of a refined result list. */
export function page(columns: UtteranceColumns, q: BenchQuery, positions: number[]): BenchResult {
  const ids: string[] = [];
  for (let i = 0; i < positions.length && i < q.limit; i++) ids.push(columns.ids[positions[i]!]!);
  return { total: positions.length, ids };
}
