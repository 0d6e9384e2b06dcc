/**
 * The baseline: stock MiniSearch with default options, the text indexed and stored, the whole
 * index serialized with JSON.stringify and revived with MiniSearch.loadJSON. Phrases are an AND
 * query then an exact check on the stored text; filters use the `filter` search option on stored
 * fields; chronological order sorts the results on a stored rank.
 */
import MiniSearch, { type Options, type SearchOptions, type SearchResult } from "minisearch";
import type { SessionRecord } from "../../src/domain";
import type { BenchQuery, BenchResult, BenchSystem, LoadedArtifact } from "../types";
import { flattenRecords, type FlatDocument } from "./documents";
import { matchesFilter } from "./filter";
import { containsWords } from "./text-match";

const FILE = "index.json";

/** Default MiniSearch options, but for the fields: only `text` is indexed; the rest are stored. */
const OPTIONS: Options<FlatDocument> = {
  fields: ["text"],
  storeFields: ["text", "speaker", "body", "date", "order"],
};

function build(records: readonly SessionRecord[]): Record<string, string> {
  const index = new MiniSearch<FlatDocument>(OPTIONS);
  index.addAll(flattenRecords(records));
  return { [FILE]: JSON.stringify(index) };
}

function load(artifact: LoadedArtifact): MiniSearch<FlatDocument> {
  const bytes = artifact[FILE];
  if (bytes === undefined) throw new Error(`minisearch-stock: artifact has no ${FILE}`);
  return MiniSearch.loadJSON<FlatDocument>(new TextDecoder().decode(bytes), OPTIONS);
}

function results(index: MiniSearch<FlatDocument>, q: BenchQuery): SearchResult[] {
  const options: SearchOptions = { combineWith: "AND" };
  if (q.prefix === true) options.prefix = true;
  if (q.fuzzy !== undefined) options.fuzzy = q.fuzzy;
  const { filter, phrase } = q;
  if (filter !== undefined || phrase !== undefined) {
    options.filter = (result: SearchResult) => {
      if (filter !== undefined) {
        if (
          !matchesFilter(
            filter,
            result.speaker as string,
            result.body as string,
            result.date as string,
          )
        )
          return false;
      }
      return phrase === undefined || containsWords((result.text as string).toLowerCase(), phrase);
    };
  }
  return index.search(phrase ?? q.terms.join(" "), options);
}

function query(index: MiniSearch<FlatDocument>, q: BenchQuery): BenchResult {
  const found = results(index, q);
  if (q.sort === "chronological") found.sort((a, b) => (a.order as number) - (b.order as number));
  const ids: string[] = [];
  for (let i = 0; i < found.length && i < q.limit; i++) ids.push(found[i]!.id as string);
  return { total: found.length, ids };
}

function matches(index: MiniSearch<FlatDocument>, q: BenchQuery): string[] {
  return results(index, q).map((result) => result.id as string);
}

/** Stock MiniSearch, as a benchmark system. */
export const minisearchStock = {
  name: "minisearch-stock",
  description: "MiniSearch 7, default options, text in storeFields, JSON.stringify + loadJSON",
  build,
  load,
  query,
  matches,
} satisfies BenchSystem<MiniSearch<FlatDocument>>;
