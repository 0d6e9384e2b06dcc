/**
 * Our engine (issue 4), measured through its real entry points: the assets are built by
 * `buildAssets` (ingest/build-index.ts: manifest, store and index files, with the speaker alias
 * table as `npm run build` passes it), loaded by `openCorpus`
 * (src/search/load.ts, the same loader the Worker and the Node server use, here reading from
 * memory), and queried with `search` (src/search/search.ts: query-language parsing, filters,
 * phrase verification, sorting, and presentation of the page of results with snippets and
 * citations, as the API does). Queries are given as the product's query language
 * (BenchQuery.text).
 */
import type { SessionRecord } from "../../src/domain";
import type { Corpus } from "../../src/search/corpus";
import { openCorpus } from "../../src/search/load";
import { search } from "../../src/search/search";
import { buildAssets } from "../../ingest/build-index";
import { listSpeakerAliases } from "../../ingest/parse/speakers";
import type { Artifact, BenchQuery, BenchResult, BenchSystem, LoadedArtifact } from "../types";

function build(records: readonly SessionRecord[]): Artifact {
  // As `npm run build` does (ingest/commands/build.ts): the speaker alias table goes into the store.
  const built = buildAssets(records, listSpeakerAliases());
  return Object.fromEntries(built.files);
}

async function load(artifact: LoadedArtifact): Promise<Corpus> {
  const decoder = new TextDecoder();
  return openCorpus(async (name) => {
    const bytes = artifact[name];
    if (bytes === undefined) throw new Error(`ours: artifact has no ${name}`);
    return decoder.decode(bytes);
  });
}

function query(corpus: Corpus, q: BenchQuery): BenchResult {
  const page = search(corpus, { q: q.text, sort: q.sort, limit: q.limit });
  return { total: page.total, ids: page.results.map((hit) => hit.id) };
}

/** Our engine, as a benchmark system. */
export const ours = {
  name: "ours",
  description:
    "issue-4 engine: buildAssets -> openCorpus -> search (full API path, page presented)",
  build,
  load,
  query,
} satisfies BenchSystem<Corpus>;
