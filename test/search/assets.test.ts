import { readStoreFile, writeStoreFile } from "../../src/search/store-file";
import { mkdir, mkdtemp, readFile, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { buildAssets, readSessionRecords, writeAssets } from "../../ingest/build-index";
import { staleReason } from "../../ingest/commands/ensure-built";
import { fileAssetReader } from "../../src/node/assets";
import type { BackendFactory } from "../../src/search/backend/interface";
import { miniSearchBackend } from "../../src/search/backend/minisearch/backend";
import { AssetError } from "../../src/search/errors";
import { openCorpus } from "../../src/search/load";
import {
  type AssetManifest,
  INDEX_FORMAT_VERSION,
  MANIFEST_FILE,
  type StoreFile,
} from "../../src/search/schema";
import { allTexts, chunkedTexts } from "../../src/search/text-column";
import { search } from "../../src/search/search";
import {
  FIXTURE_ALIASES,
  fixtureAssets,
  fixtureSessions,
  memoryReader,
  sourceTextOf,
  writeFixtureTranscripts,
} from "../fixtures/corpus";

function withManifest(change: (manifest: AssetManifest) => AssetManifest): Map<string, string> {
  const files = new Map(fixtureAssets().files);
  files.set(
    MANIFEST_FILE,
    JSON.stringify(change(JSON.parse(files.get(MANIFEST_FILE) ?? "{}") as AssetManifest)),
  );
  return files;
}

describe("buildAssets", () => {
  test("is deterministic and names files by content", () => {
    const a = fixtureAssets();
    const reversed = [...fixtureSessions()].reverse();
    const texts = new Map(reversed.map((r) => [r.id, sourceTextOf(r)]));
    const b = buildAssets(reversed, FIXTURE_ALIASES, undefined, texts);
    expect([...a.files.keys()]).toEqual([...b.files.keys()]);
    expect([...a.files.values()]).toEqual([...b.files.values()]);
    expect(a.manifest.files.index).toMatch(/^index\.[0-9a-f]{12}\.json$/);
    expect(a.manifest.files.store).toMatch(/^store\.[0-9a-f]{12}\.json$/);
    for (const name of Object.values(a.manifest.files.texts)) {
      expect(name).toMatch(/^text\.[0-9a-f]{12}\.txt$/);
    }
  });

  test("writes the store and the index as pure ASCII that parses back to the same words", async () => {
    const said = "C\u00f4te d\u2019Ivoire \u2014 \u00abcoop\u00e9ration\u00bb";
    const records = fixtureSessions().map((record, at) =>
      at === 0
        ? {
            ...record,
            utterances: record.utterances.map((u, i) => (i === 0 ? { ...u, text: said } : u)),
          }
        : record,
    );
    const built = buildAssets(records, FIXTURE_ALIASES);
    for (const name of [built.manifest.files.store, built.manifest.files.index]) {
      expect(built.files.get(name)).not.toMatch(/[^\u0020-\u007e\n]/);
    }
    const corpus = await openCorpus(memoryReader(built.files));
    expect(allTexts(corpus.store.utterances.text)).toContain(said);
  });

  test("keeps utterance text out of the index and the store, in its own asset, in chronological order", () => {
    const { files, manifest } = fixtureAssets();
    for (const name of [manifest.files.index, manifest.files.store])
      expect(files.get(name)).not.toContain("Good afternoon, distinguished delegates");
    expect(manifest.files.utteranceTexts).toMatch(/^utterances\.[0-9a-f]{12}\.jsonl$/);
    const { file: store } = readStoreFile(files.get(manifest.files.store) ?? "", "store", () => {});
    const texts = chunkedTexts(
      files.get(manifest.files.utteranceTexts) ?? "",
      manifest.counts.utterances,
      manifest.files.utteranceTexts,
    );
    expect(allTexts(texts)).toContain(
      "Good afternoon, distinguished delegates. I declare the conference open. (Applause) Egypt, you have the floor.",
    );
    expect(store.sessions.map((s) => s.id)).toEqual([
      "plenary-1",
      "plenary-1-rough",
      "committee-5-1",
      "plenary-2",
    ]);
    expect(manifest).toMatchObject({
      formatVersion: INDEX_FORMAT_VERSION,
      backend: "compact",
      synthetic: true,
      counts: { sessions: 4, utterances: 25 },
    });
  });

  test("refuses duplicate session ids", () => {
    const sessions = fixtureSessions();
    expect(() => buildAssets([...sessions, sessions[0]!])).toThrow(
      /build: session id "plenary-2" appears twice/,
    );
  });
});

describe("openCorpus refuses what it cannot trust", () => {
  test("another format version", async () => {
    const files = withManifest((m) => ({ ...m, formatVersion: INDEX_FORMAT_VERSION + 1 }));
    await expect(openCorpus(memoryReader(files))).rejects.toThrow(
      `search: index version ${INDEX_FORMAT_VERSION + 1} does not match ${INDEX_FORMAT_VERSION}: run npm run build`,
    );
  });

  test("other index options", async () => {
    const files = withManifest((m) => ({ ...m, optionsHash: "00000000" }));
    await expect(openCorpus(memoryReader(files))).rejects.toThrow(
      /search: index options 00000000 do not match [0-9a-f]{8}: run npm run build/,
    );
  });

  test("a backend built with other options than the loader's", async () => {
    const changed: BackendFactory = {
      ...miniSearchBackend,
      options: { ...(miniSearchBackend.options as object), fields: ["text", "title"] },
    };
    const built = buildAssets(fixtureSessions(), FIXTURE_ALIASES, changed);
    await expect(openCorpus(memoryReader(built.files))).rejects.toThrow(
      /index options .* do not match/,
    );
  });

  test("an unknown backend", async () => {
    const files = withManifest((m) => ({ ...m, backend: "lucene" }));
    await expect(openCorpus(memoryReader(files))).rejects.toThrow(
      /index backend "lucene" is unknown/,
    );
  });

  test("a missing or corrupt manifest", async () => {
    await expect(openCorpus(memoryReader(new Map()))).rejects.toThrow(
      /data\/manifest\.json: cannot be read .* run npm run build/,
    );
    const files = new Map([[MANIFEST_FILE, "{not json"]]);
    await expect(openCorpus(memoryReader(files))).rejects.toBeInstanceOf(AssetError);
  });

  test("a missing or corrupt texts asset is an AssetError naming it", async () => {
    const built = fixtureAssets();
    const name = built.manifest.files.utteranceTexts;
    const missing = new Map(built.files);
    missing.delete(name);
    await expect(openCorpus(memoryReader(missing))).rejects.toThrow(
      new RegExp(`data/${name.replace(".", "\\.")}: cannot be read`),
    );
    const truncated = new Map(built.files);
    truncated.set(name, (built.files.get(name) ?? "").slice(0, -1));
    await expect(openCorpus(memoryReader(truncated))).rejects.toBeInstanceOf(AssetError);
  });

  test("a store of another version", async () => {
    const built = fixtureAssets();
    const files = new Map(built.files);
    const { file: store } = readStoreFile(
      files.get(built.manifest.files.store) ?? "",
      "s",
      () => {},
    );
    files.set(
      built.manifest.files.store,
      writeStoreFile({ ...store, formatVersion: 99 } as unknown as StoreFile),
    );
    await expect(openCorpus(memoryReader(files))).rejects.toThrow(
      /store version 99 does not match/,
    );
  });
});

describe("on disk", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "wcit-assets-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("writeAssets writes every file, removes stale index/store files, keeps others", async () => {
    const data = join(dir, "assets", "data");
    await mkdir(data, { recursive: true });
    await writeFile(join(data, "index.aaaaaaaaaaaa.json"), "old");
    await writeFile(join(data, "store.bbbbbbbbbbbb.json"), "old");
    await writeFile(join(data, "text.cccccccccccc.txt"), "old");
    await writeFile(join(data, "notes.txt"), "kept");
    const built = fixtureAssets();
    await writeAssets(join(dir, "assets"), built);
    expect((await readdir(data)).sort()).toEqual(
      [
        built.manifest.files.index,
        MANIFEST_FILE,
        "notes.txt",
        built.manifest.files.store,
        built.manifest.files.utteranceTexts,
        ...new Set(Object.values(built.manifest.files.texts)),
      ].sort(),
    );
    const corpus = await openCorpus(fileAssetReader(join(dir, "assets")));
    expect(search(corpus, { q: '"digital divide"' }).total).toBe(3);
  });

  test("readSessionRecords reads the manifest's sessions and names a bad file", async () => {
    await writeFixtureTranscripts(dir);
    const { records } = await readSessionRecords(dir);
    expect(records.map((r) => r.id).sort()).toEqual([
      "committee-5-1",
      "plenary-1",
      "plenary-1-rough",
      "plenary-2",
    ]);
    await writeFile(join(dir, "plenary-2.json"), "{broken");
    await expect(readSessionRecords(dir)).rejects.toThrow(
      new RegExp(`^build: ${join(dir, "plenary-2.json")}: `),
    );
    const record = JSON.parse(await readFile(join(dir, "plenary-1.json"), "utf8"));
    await writeFile(join(dir, "plenary-2.json"), JSON.stringify({ ...record, schemaVersion: 0 }));
    await expect(readSessionRecords(dir)).rejects.toThrow(
      /schema version 0 is not 3: run npm run ingest/,
    );
    await writeFile(join(dir, "plenary-2.json"), JSON.stringify(record));
    await expect(readSessionRecords(dir)).rejects.toThrow(
      /id "plenary-1" does not match the manifest's "plenary-2"/,
    );
    await rm(join(dir, "manifest.json"));
    await expect(readSessionRecords(dir)).rejects.toThrow(/^build: .*manifest\.json: /);
  });

  test("staleReason: missing, up to date, then stale when a transcript changes", async () => {
    const transcripts = join(dir, "transcripts");
    const assets = join(dir, "assets");
    await writeFixtureTranscripts(transcripts);
    expect(await staleReason(transcripts, assets)).toMatch(/manifest\.json is missing/);
    const { records } = await readSessionRecords(transcripts);
    await writeAssets(assets, buildAssets(records, FIXTURE_ALIASES));
    const past = new Date(Date.now() - 60_000);
    for (const name of await readdir(transcripts))
      await utimes(join(transcripts, name), past, past);
    expect(await staleReason(transcripts, assets)).toBeNull();
    await utimes(join(transcripts, "plenary-1.json"), new Date(), new Date(Date.now() + 60_000));
    expect(await staleReason(transcripts, assets)).toMatch(
      /plenary-1\.json is newer than the index/,
    );
  });
});
