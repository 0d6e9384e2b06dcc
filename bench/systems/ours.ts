/**
 * Our engine (issue 4), measured through its real entry points: the assets are built by
 * `buildAssets` (ingest/build-index.ts: manifest, store and index files, with the speaker alias
 * table as `npm run build` passes it), loaded by `openCorpus`
 * (src/search/load.ts, the same loader the Worker and the Node server use, here reading from
 * memory), and queried with `search` (src/search/search.ts: query-language parsing, filters,
 * phrase verification, sorting, and presentation of the page of results with snippets and
 * citations, as the API does). Queries are given as the product's query language
 * (BenchQuery.text). `ours` builds with the engine's default backend; `ours-minisearch` (opt-in:
 * --systems) forces the MiniSearch backend, to tell the backend's share from the rest.
 */
import type { SessionRecord } from "../../src/domain";
import type { BackendFactory } from "../../src/search/backend";
import { DEFAULT_BACKEND } from "../../src/search/backends";
import type { Corpus } from "../../src/search/corpus";
import { miniSearchBackend } from "../../src/search/minisearch-backend";
import { openCorpus } from "../../src/search/load";
import { search } from "../../src/search/search";
import { buildAssets } from "../../ingest/build-index";
import { listSpeakerAliases } from "../../ingest/parse/speakers";
import type { Artifact, BenchQuery, BenchResult, BenchSystem, LoadedArtifact } from "../types";

/** Builds with a given search backend, as `npm run build` does (ingest/commands/build.ts): the speaker alias table goes into the store. */
function builder(backend: BackendFactory): (records: readonly SessionRecord[]) => Artifact {
  return (records) => Object.fromEntries(buildAssets(records, listSpeakerAliases(), backend).files);
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

/** Our engine with its default search backend (src/search/backends.ts), as a benchmark system. */
export const ours = {
  name: "ours",
  description: `issue-4 engine, default backend "${DEFAULT_BACKEND.name}": buildAssets -> openCorpus -> search (API path, page presented)`,
  build: builder(DEFAULT_BACKEND),
  load,
  query,
} satisfies BenchSystem<Corpus>;

/** Our engine forced onto its MiniSearch backend: isolates what the backend changes. */
export const oursMinisearch = {
  name: "ours-minisearch",
  description: "issue-4 engine on its MiniSearch backend: buildAssets -> openCorpus -> search",
  build: builder(miniSearchBackend),
  load,
  query,
} satisfies BenchSystem<Corpus>;
