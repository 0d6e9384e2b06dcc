/**
 * `npm run start:shards -- [build-shards options]`: builds the shards (ingest/commands/
 * build-shards.ts, the same options) and serves them locally in the Workers runtime, one
 * `wrangler dev` per shard Worker and one for the router (scripts/wrangler-dev.ts). The router
 * answers the search API on http://127.0.0.1:$PORT (default 8787) until Ctrl-C.
 */
import { join } from "node:path";
import { parseBuildShardsArgs, runBuildShards } from "../ingest/commands/build-shards";
import { DEFAULT_SHARDS_DIR } from "../ingest/shards";
import { startShardedDev } from "./wrangler-dev";

const DEFAULT_PORT = 8787;

async function main(args: string[]): Promise<void> {
  const options = parseBuildShardsArgs(args);
  const configs = await runBuildShards(options);
  const port = Number(process.env.PORT ?? DEFAULT_PORT);
  process.stderr.write(
    `start-shards: starting ${configs.length - 1} shard Workers and the router\n`,
  );
  const dev = await startShardedDev(configs, join(options.outDir ?? DEFAULT_SHARDS_DIR, ".dev"), {
    routerPort: port,
  });
  process.stdout.write(
    `start-shards: the router answers on ${dev.router.base}/api/search?q=... ` +
      `(shards on ${dev.shards.map((shard) => shard.base).join(", ")}); Ctrl-C stops them\n`,
  );
  const stop = () => {
    void dev.stop().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`start-shards: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
