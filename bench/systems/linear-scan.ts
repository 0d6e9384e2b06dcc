/**
 * The no-index reference: the utterances as columns of JSON, each query a scan over every
 * lowercased text (`indexOf` with token-boundary checks; fuzzy by a bounded edit distance per
 * token). Results come in corpus order, which is chronological; there is no relevance ranking.
 */
import type { SessionRecord } from "../../src/domain";
import type { BenchQuery, BenchResult, BenchSystem, LoadedArtifact } from "../types";
import { columnsJson, parseColumns, type UtteranceColumns } from "./columns";
import { matchesFilter } from "./filter";
import { containsFuzzy, containsPrefix, containsWords } from "./text-match";

const FILE = "utterances.json";

/** A loaded linear-scan corpus. */
export interface LinearScanInstance extends UtteranceColumns {
  lower: string[];
}

function build(records: readonly SessionRecord[]): Record<string, string> {
  return { [FILE]: columnsJson(records) };
}

function load(artifact: LoadedArtifact): LinearScanInstance {
  const bytes = artifact[FILE];
  if (bytes === undefined) throw new Error(`linear-scan: artifact has no ${FILE}`);
  const columns = parseColumns(bytes, "linear-scan");
  return { ...columns, lower: columns.texts.map((text) => text.toLowerCase()) };
}

/** Scans every utterance; keeps the first `limit` ids (all with Infinity) and counts the rest. */
function scan(instance: LinearScanInstance, q: BenchQuery, limit: number): BenchResult {
  const { lower, ids, speakers, bodies, dates } = instance;
  const ids_: string[] = [];
  let total = 0;
  const term = q.terms[0] ?? "";
  for (let i = 0; i < lower.length; i++) {
    if (q.filter !== undefined && !matchesFilter(q.filter, speakers[i]!, bodies[i]!, dates[i]!))
      continue;
    const text = lower[i]!;
    let match: boolean;
    if (q.phrase !== undefined) match = containsWords(text, q.phrase);
    else if (q.prefix === true) match = containsPrefix(text, term);
    else if (q.fuzzy !== undefined) match = containsFuzzy(text, term, q.fuzzy);
    else {
      match = true;
      for (const t of q.terms) {
        if (!containsWords(text, t)) {
          match = false;
          break;
        }
      }
    }
    if (!match) continue;
    total++;
    if (ids_.length < limit) ids_.push(ids[i]!);
  }
  return { total, ids: ids_ };
}

function query(instance: LinearScanInstance, q: BenchQuery): BenchResult {
  return scan(instance, q, q.limit);
}

function matches(instance: LinearScanInstance, q: BenchQuery): string[] {
  return scan(instance, q, Infinity).ids;
}

/** The linear scan, as a benchmark system. */
export const linearScan = {
  name: "linear-scan",
  description: "no index: indexOf over every lowercased utterance, token boundaries checked",
  build,
  load,
  query,
  matches,
} satisfies BenchSystem<LinearScanInstance>;
