/**
 * Loads the built assets (see src/search/schema.ts) through a reader the caller gives: the
 * Worker reads them through its ASSETS binding, Node from dist/assets, tests from memory, as
 * text or as bytes. From bytes, the big assets (the index and the utterance texts) are decoded
 * only where a query reads them (./asset-content.ts). Refuses assets of another format version
 * or built with other index options.
 *
 * Runtime-free.
 */
import { type AssetContent, assetString } from "./asset-content";
import type { BackendFactory } from "./backend/interface";
import { findBackend } from "./backend/registry";
import { type Corpus, createCorpus } from "./corpus";
import { AssetError } from "./errors";
import { readStoreFile } from "./store-file";
import { chunkedTexts } from "./text-column";
import {
  type AssetManifest,
  type CorpusStore,
  DATA_DIR,
  INDEX_FORMAT_VERSION,
  MANIFEST_FILE,
  indexOptionsHash,
} from "./schema";

/**
 * Reads one data asset by its file name inside DATA_DIR ("manifest.json"...), as text or as its
 * bytes (UTF-8): bytes let the loader leave what no query reads undecoded.
 */
export type ReadAsset = (name: string) => Promise<AssetContent>;

export interface OpenCorpusOptions {
  /** Finds a backend by the name in the manifest; defaults to the registered backends. */
  findBackend?: (name: string) => BackendFactory | undefined;
}

function parseJson<T>(text: string, name: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new AssetError(
      `search: ${DATA_DIR}/${name}: not valid JSON (${(error as Error).message}): run npm run build`,
    );
  }
}

/** Reads one asset; a failure names it. */
async function readNamed(read: ReadAsset, name: string): Promise<AssetContent> {
  try {
    return await read(name);
  } catch (error) {
    throw new AssetError(
      `search: ${DATA_DIR}/${name}: cannot be read (${(error as Error).message}): run npm run build`,
    );
  }
}

/** Refuses a store of another format version. */
function checkStoreVersion(header: { formatVersion?: unknown }): void {
  if (header.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new AssetError(
      `search: store version ${String(header.formatVersion)} does not match ${INDEX_FORMAT_VERSION}: run npm run build`,
    );
  }
}

/**
 * The store in memory: the store file's parts (each parsed on first read: ./store-file.ts) and
 * the texts asset's column beside them.
 */
function storeOf(
  content: AssetContent,
  storeName: string,
  texts: AssetContent,
  textsName: string,
): CorpusStore {
  const { file, utterances } = readStoreFile(
    content,
    `${DATA_DIR}/${storeName}`,
    checkStoreVersion,
  );
  const store = file as unknown as CorpusStore;
  store.utterances.text = chunkedTexts(texts, utterances, `${DATA_DIR}/${textsName}`);
  return store;
}

/** Checks a manifest against this code's format version and index options. */
export function checkManifest(
  manifest: AssetManifest,
  backend: BackendFactory | undefined,
): BackendFactory {
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new AssetError(
      `search: index version ${String(manifest.formatVersion)} does not match ${INDEX_FORMAT_VERSION}: run npm run build`,
    );
  }
  if (!backend) {
    throw new AssetError(
      `search: index backend ${JSON.stringify(manifest.backend)} is unknown: run npm run build`,
    );
  }
  const expected = indexOptionsHash(backend.options);
  if (manifest.optionsHash !== expected) {
    throw new AssetError(
      `search: index options ${String(manifest.optionsHash)} do not match ${expected}: run npm run build`,
    );
  }
  return backend;
}

/** Reads and checks the manifest, then the store and the index. */
export async function openCorpus(
  read: ReadAsset,
  options: OpenCorpusOptions = {},
): Promise<Corpus> {
  const find = options.findBackend ?? findBackend;
  let manifestText: string;
  try {
    manifestText = assetString(await read(MANIFEST_FILE));
  } catch (error) {
    throw new AssetError(
      `search: ${DATA_DIR}/${MANIFEST_FILE}: cannot be read (${(error as Error).message}): run npm run build`,
    );
  }
  const manifest = parseJson<AssetManifest>(manifestText, MANIFEST_FILE);
  const backend = checkManifest(manifest, find(manifest.backend));
  const [storeText, textsText, indexText] = await Promise.all([
    readNamed(read, manifest.files.store),
    readNamed(read, manifest.files.utteranceTexts),
    readNamed(read, manifest.files.index),
  ]);
  const store = storeOf(storeText, manifest.files.store, textsText, manifest.files.utteranceTexts);
  let loaded;
  try {
    loaded = backend.load(indexText);
  } catch (error) {
    throw new AssetError(
      `search: ${DATA_DIR}/${manifest.files.index}: ${(error as Error).message}: run npm run build`,
    );
  }
  return createCorpus(manifest, store, loaded, read);
}
