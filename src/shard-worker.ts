/**
 * A shard Worker: the app over one shard's assets (a complete corpus of its own, built with the
 * collection's statistics: ingest/shards.ts) with the internal shard routes (/internal/*) a
 * router asks it (src/router-worker.ts, through a service binding). The same bindings as the
 * main Worker (`Env`): ASSETS, CANONICAL_ORIGIN.
 */
import { assetsReader, workerLogger } from "./adapter/workers";
import { openCorpus } from "./search/load";
import { createApp } from "./web/app";

const app = createApp<Env>({
  loadCorpus: (env) => openCorpus(assetsReader(env.ASSETS)),
  logger: workerLogger,
  canonicalOrigin: (env) => env.CANONICAL_ORIGIN,
  internal: true,
});

export default { fetch: app.fetch } satisfies ExportedHandler<Env>;
