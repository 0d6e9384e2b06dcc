/**
 * The built assets on disk, as the Node server and the command line read them: the folder
 * `npm run build` writes (dist/assets/) and a reader of its data files for openCorpus.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DATA_DIR } from "../search/schema";

/** Where `npm run build` writes and the Node server reads, relative to the project root. */
export const DEFAULT_ASSETS_DIR = "dist/assets";

/** Reads data assets from `<assetsDir>/data/` as bytes (for openCorpus in Node). */
export function fileAssetReader(assetsDir: string): (name: string) => Promise<Uint8Array> {
  const dataDir = join(assetsDir, DATA_DIR);
  return async (name) => {
    if (name.includes("/") || name.includes("\\") || name.startsWith(".")) {
      throw new Error(`search: bad asset name ${JSON.stringify(name)}`);
    }
    return readFile(join(dataDir, name));
  };
}
