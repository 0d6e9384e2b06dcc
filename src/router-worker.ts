/**
 * The router Worker over shards (src/router/app.ts): reads the shard plan through its ASSETS
 * binding (data/shard-plan.json, written by `npm run build:shards`) and asks shard `i` through
 * the service binding SHARD_<i> (the configs ingest/shards.ts writes bind them).
 */
import { assetsReader, workerLogger } from "./adapter/workers";
import { assetString } from "./search/asset-content";
import { createRouterApp } from "./router/app";
import { SHARD_PLAN_FILE, parseShardPlan, shardBinding } from "./router/plan";

/** The router's bindings: its assets (the plan) and one service binding per shard. */
export interface RouterWorkerEnv {
  ASSETS: Fetcher;
  [binding: `SHARD_${number}`]: Fetcher | undefined;
}

/** Host of the requests to shards; a service binding ignores it. */
const SHARD_ORIGIN = "https://shard.invalid";

const app = createRouterApp<RouterWorkerEnv>({
  loadPlan: async (env) =>
    parseShardPlan(
      assetString(await assetsReader(env.ASSETS)(SHARD_PLAN_FILE)),
      `data/${SHARD_PLAN_FILE}`,
    ),
  shard: (env, index) => {
    const binding = env[shardBinding(index)];
    if (binding === undefined)
      throw new Error(`router: no service binding ${shardBinding(index)} for shard ${index}`);
    return (path) => binding.fetch(new Request(`${SHARD_ORIGIN}${path}`));
  },
  logger: workerLogger,
});

export default { fetch: app.fetch } satisfies ExportedHandler<RouterWorkerEnv>;
