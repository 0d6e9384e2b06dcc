/**
 * FlexSearch 0.8 (a dev dependency of the benchmark only): two `Index`es of the utterance text
 * with an encoder that lower-cases and splits where MiniSearch's tokenizer splits (so the terms
 * are the same as everyone's), one `tokenize: "strict"` (whole words: term, AND, phrase,
 * filtered, chronological queries) and one `tokenize: "forward"` (every prefix of every word:
 * prefix queries; a strict query on it would also match longer words). Multi-word queries are
 * FlexSearch's intersection; results come in FlexSearch's own relevance order (position buckets,
 * not BM25). Beside the indexes, the utterance columns (./columns.ts) answer what FlexSearch
 * cannot: filters (its tag filters need the Document index and cannot take a date range), the
 * exact phrase check, chronological order and ids. A total needs the full result list, so every
 * search asks for all results (`limit` = corpus size). The artifact is FlexSearch's own export
 * (`index.export`, one file per key), revived with `index.import`. Fuzzy words cannot be
 * expressed: FlexSearch matches variants through encoders (phonetic, letter folding), not an
 * edit distance.
 */
import { Encoder, Index } from "flexsearch";
import type { SessionRecord } from "../../src/domain";
import type { Artifact, BenchQuery, BenchResult, BenchSystem, LoadedArtifact } from "../types";
import { flattenRecords } from "./documents";
import { SEPARATOR_RUNS } from "./text-match";
import {
  COLUMNS_FILE,
  columnsJson,
  page,
  parseColumns,
  refine,
  type UtteranceColumns,
} from "./columns";

const KINDS = ["strict", "forward"] as const;
type Kind = (typeof KINDS)[number];

/** The encoder: lower case, MiniSearch's split, nothing else folded, deduplicated or dropped. */
function encoder(): Encoder {
  return new Encoder({
    normalize: (text: string) => text.toLowerCase(),
    split: SEPARATOR_RUNS,
    dedupe: false,
    numeric: false,
    minlength: 1,
    cache: false,
  });
}

function createIndex(kind: Kind): Index {
  return new Index({ tokenize: kind, encoder: encoder() });
}

/** Loaded indexes and columns. */
export interface FlexSearchInstance {
  indexes: Record<Kind, Index>;
  columns: UtteranceColumns;
}

async function build(records: readonly SessionRecord[]): Promise<Artifact> {
  const files: Artifact = { [COLUMNS_FILE]: columnsJson(records) };
  const documents = flattenRecords(records);
  for (const kind of KINDS) {
    const index = createIndex(kind);
    for (const d of documents) index.add(d.order, d.text);
    await index.export((key: string, data: string) => {
      files[`${kind}/${key}`] = data;
    });
  }
  return files;
}

function load(artifact: LoadedArtifact): FlexSearchInstance {
  const decoder = new TextDecoder();
  const indexes = { strict: createIndex("strict"), forward: createIndex("forward") };
  for (const [name, bytes] of Object.entries(artifact)) {
    const slash = name.indexOf("/");
    if (slash < 0) continue;
    const kind = name.slice(0, slash) as Kind;
    if (!KINDS.includes(kind)) throw new Error(`flexsearch: unexpected artifact file ${name}`);
    indexes[kind].import(name.slice(slash + 1), decoder.decode(bytes));
  }
  return { indexes, columns: parseColumns(artifact[COLUMNS_FILE], "flexsearch") };
}

/** Every result of the query (positions), filtered, phrase-checked and ordered. */
function results(instance: FlexSearchInstance, q: BenchQuery): number[] {
  if (q.fuzzy !== undefined) throw new Error("flexsearch: fuzzy words cannot be expressed");
  const index = q.prefix === true ? instance.indexes.forward : instance.indexes.strict;
  const found = index.search(q.terms.join(" "), {
    limit: instance.columns.ids.length,
  }) as number[];
  return refine(instance.columns, q, found);
}

function query(instance: FlexSearchInstance, q: BenchQuery): BenchResult {
  return page(instance.columns, q, results(instance, q));
}

function matches(instance: FlexSearchInstance, q: BenchQuery): string[] {
  return results(instance, q).map((i) => instance.columns.ids[i]!);
}

/** FlexSearch, as a benchmark system. */
export const flexsearch = {
  name: "flexsearch",
  description:
    "FlexSearch 0.8: strict + forward Index, MiniSearch's split, export/import; filters, phrase check and order on stored columns",
  unsupported: {
    fuzzy:
      "FlexSearch has no edit-distance matching (its fuzziness is encoder-based: phonetic or letter folding)",
  },
  build,
  load,
  query,
  matches,
} satisfies BenchSystem<FlexSearchInstance>;
