/**
 * Our engine (issue 4), measured through its real entry points: the assets are built by
 * `buildAssets` (ingest/build-index.ts: manifest, store and index files, with the speaker alias
 * table as `npm run build` passes it), loaded by `openCorpus`
 * (src/search/load.ts, the same loader the Worker and the Node server use, here reading from
 * memory), and queried with `search` (src/search/search.ts: query-language parsing, filters,
 * phrase verification, sorting, and presentation of the page of results with snippets and
 * citations, as the API does). Queries are given as the product's query language
 * (BenchQuery.text). `ours` builds with the engine's default backend; `ours-minisearch` (opt-in:
 * --systems) forces the MiniSearch backend, to tell the backend's share from the rest;
 * `ours-exhaustive` (opt-in) is `ours` with the backend's top-k path hidden, so every match is
 * scored and the page picked from all of them (the evaluator before early termination).
 * `matches` lists every match through `matchQuery`, the function `search` pages from.
 */
import type { SessionRecord } from "../../src/domain";
import type { BackendFactory } from "../../src/search/backend/interface";
import { DEFAULT_BACKEND } from "../../src/search/backend/registry";
import { utteranceId, type Corpus } from "../../src/search/corpus";
import { miniSearchBackend } from "../../src/search/backend/minisearch/backend";
import { openCorpus } from "../../src/search/load";
import { matchQuery, prepareQuery, search } from "../../src/search/search";
import { buildAssets } from "../../ingest/build-index";
import { listSpeakerAliases } from "../../ingest/parse/speakers";
import type { Artifact, BenchQuery, BenchResult, BenchSystem, LoadedArtifact } from "../types";

/** Builds with a given search backend, as `npm run build` does (ingest/commands/build.ts): the speaker alias table goes into the store. */
function builder(backend: BackendFactory): (records: readonly SessionRecord[]) => Artifact {
  return (records) => Object.fromEntries(buildAssets(records, listSpeakerAliases(), backend).files);
}

/** Opens the corpus from the artifact's bytes, as the Worker does from its ASSETS binding. */
async function load(artifact: LoadedArtifact): Promise<Corpus> {
  return openCorpus(async (name) => {
    const bytes = artifact[name];
    if (bytes === undefined) throw new Error(`ours: artifact has no ${name}`);
    return bytes;
  });
}

/** The same corpus with the backend's top-k path hidden: every search scores every match. */
async function loadExhaustive(artifact: LoadedArtifact): Promise<Corpus> {
  const corpus = await load(artifact);
  const { backend } = corpus;
  corpus.backend = {
    ...(backend.positions ? { positions: true } : {}),
    search: (query, filter) => backend.search(query, filter),
    ...(backend.searchSteps ? { searchSteps: backend.searchSteps.bind(backend) } : {}),
  };
  return corpus;
}

function query(corpus: Corpus, q: BenchQuery): BenchResult {
  const page = search(corpus, { q: q.text, sort: q.sort, limit: q.limit });
  return { total: page.total, ids: page.results.map((hit) => hit.id) };
}

function matches(corpus: Corpus, q: BenchQuery): string[] {
  return matchQuery(corpus, prepareQuery(corpus, q.text)).map((match) =>
    utteranceId(corpus, match.ordinal),
  );
}

/** Our engine with its default search backend (src/search/backend/registry.ts), as a benchmark system. */
export const ours = {
  name: "ours",
  description: `issue-4 engine, default backend "${DEFAULT_BACKEND.name}": buildAssets -> openCorpus -> search (API path, page presented)`,
  build: builder(DEFAULT_BACKEND),
  load,
  query,
  matches,
} satisfies BenchSystem<Corpus>;

/** `ours` scoring every match (no early termination): the before of the top-k path. */
export const oursExhaustive = {
  name: "ours-exhaustive",
  description: `issue-4 engine, backend "${DEFAULT_BACKEND.name}" with its top-k path hidden: every match scored`,
  build: builder(DEFAULT_BACKEND),
  load: loadExhaustive,
  query,
  matches,
} satisfies BenchSystem<Corpus>;

/** Our engine forced onto its MiniSearch backend: isolates what the backend changes. */
export const oursMinisearch = {
  name: "ours-minisearch",
  description: "issue-4 engine on its MiniSearch backend: buildAssets -> openCorpus -> search",
  build: builder(miniSearchBackend),
  load,
  query,
  matches,
} satisfies BenchSystem<Corpus>;
