/**
 * What every Worker entry of ours shares (src/worker.ts, src/shard-worker.ts,
 * src/router-worker.ts): reading data assets through the ASSETS binding, and the logger.
 */
import type { Logger } from "../domain";
import { DATA_DIR } from "../search/schema";

/** Origin used for asset requests; the ASSETS binding only looks at the path. */
const ASSET_ORIGIN = "https://assets.invalid";

/**
 * Reads a data asset through the ASSETS binding, as bytes: the loader decodes only the parts of
 * the big assets a query reads (src/search/asset-content.ts).
 */
export function assetsReader(assets: Fetcher): (name: string) => Promise<Uint8Array> {
  return async (name) => {
    const response = await assets.fetch(new Request(`${ASSET_ORIGIN}/${DATA_DIR}/${name}`));
    if (!response.ok) throw new Error(`${DATA_DIR}/${name}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
}

/** Workers logs are what the runtime captures from the console. */
/* eslint-disable no-console */
export const workerLogger: Logger = {
  info: (message) => console.log(message),
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
};
/* eslint-enable no-console */
