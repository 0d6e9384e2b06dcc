import { describe, expect, test } from "vitest";
import { AssetError } from "../../src/search/errors";
import { openCorpus } from "../../src/search/load";
import { type AssetManifest, MANIFEST_FILE, type StoreFile } from "../../src/search/schema";
import { search } from "../../src/search/search";
import {
  ROW_CHUNK_SIZE,
  ROW_COLUMNS,
  ROW_TABLES,
  WHOLE_COLUMNS,
  WHOLE_TABLES,
  readStoreFile,
  writeStoreFile,
} from "../../src/search/store-file";
import { generatedAssets } from "../fixtures/generated-corpus";
import { fixtureAssets, memoryReader } from "../fixtures/corpus";

const NAME = "data/store.test.json";

/** The generated corpus's files and manifest (built once). */
let built: { files: Map<string, string>; manifest: AssetManifest } | undefined;
function generated() {
  if (built) return built;
  const files = generatedAssets();
  built = { files, manifest: JSON.parse(files.get(MANIFEST_FILE) ?? "{}") as AssetManifest };
  return built;
}
const noCheck = () => {};

/** The store file of a built corpus, and the same store as one plain JSON value. */
function builtStore(files: Map<string, string>, storeName: string) {
  const text = files.get(storeName) ?? "";
  const plain = JSON.parse(JSON.stringify(readStoreFile(text, NAME, noCheck).file)) as StoreFile;
  return { text, plain };
}

/** Counts the JSON.parse calls made while `run` runs. */
function countParses(run: () => void): number {
  const parse = JSON.parse;
  let calls = 0;
  JSON.parse = ((text: string, reviver?: never) => {
    calls++;
    return parse(text, reviver);
  }) as typeof JSON.parse;
  try {
    run();
  } finally {
    JSON.parse = parse;
  }
  return calls;
}

describe("the store file", () => {
  const { files, manifest } = generated();
  const { text, plain } = builtStore(files, manifest.files.store);

  test("is ASCII JSON lines: the header, the whole parts, then a row chunk per ROW_CHUNK_SIZE utterances", () => {
    expect(text).not.toMatch(/[^\u0020-\u007e\n]/);
    const lines = text.split("\n");
    expect(lines.pop()).toBe("");
    const utterances = plain.utterances.seq.length;
    expect(utterances).toBeGreaterThan(2 * ROW_CHUNK_SIZE);
    expect(lines).toHaveLength(
      1 + WHOLE_COLUMNS.length + WHOLE_TABLES.length + Math.ceil(utterances / ROW_CHUNK_SIZE),
    );
    expect(JSON.parse(lines[0]!)).toMatchObject({ utterances, sessions: plain.sessions });
  });

  test("reads back every field, by index and whole, from text or bytes, and writes back the same file", () => {
    for (const content of [text, new TextEncoder().encode(text)]) {
      const { file, utterances } = readStoreFile(content, NAME, noCheck);
      expect(utterances).toBe(plain.utterances.seq.length);
      for (const column of [...WHOLE_COLUMNS, ...ROW_COLUMNS]) {
        const expected = plain.utterances[column];
        const last = expected.length - 1;
        expect([file.utterances[column][0], file.utterances[column][last]]).toEqual([
          expected[0],
          expected[last],
        ]);
        expect(file.utterances[column][last + 1]).toBeUndefined();
        expect(file.utterances[column].length).toBe(expected.length);
        expect(file.utterances[column].map((v) => v)).toEqual(expected);
      }
      for (const table of ROW_TABLES) {
        const keys = Object.keys(plain[table]);
        if (table !== "attributions") expect(keys.length).toBeGreaterThan(0);
        for (const key of keys.slice(0, 3)) expect(file[table][key]).toEqual(plain[table][key]);
        expect(file[table]["999999"]).toBeUndefined();
        expect({ ...file[table] }).toEqual(plain[table]);
      }
      expect(writeStoreFile(file)).toBe(text);
    }
  });

  test("a page parses the rows of its hits, not every row", () => {
    const { file } = readStoreFile(text, NAME, noCheck);
    const ordinal = 3 * ROW_CHUNK_SIZE + 1;
    const parses = countParses(() => {
      for (const column of ROW_COLUMNS) void file.utterances[column][ordinal];
      for (const table of ROW_TABLES) void file[table][String(ordinal)];
    });
    expect(parses).toBe(1);
    expect(file.utterances.start[ordinal]).toBe(plain.utterances.start[ordinal]);
  });

  test("an assignment replaces a part, read or not", () => {
    const { file } = readStoreFile(text, NAME, noCheck);
    file.utterances.speaker = file.utterances.speaker.map(() => 7);
    file.utterances.start[0] = 12345;
    expect(file.utterances.speaker[1]).toBe(7);
    expect(file.utterances.start[0]).toBe(12345);
    expect(readStoreFile(writeStoreFile(file), NAME, noCheck).file.utterances.start[0]).toBe(12345);
  });
});

describe("malformed store files", () => {
  const { files, manifest } = generated();
  const text = files.get(manifest.files.store) ?? "";
  const lines = text.split("\n");
  test.each([
    ["an empty file", "", /store\.test\.json: empty/],
    ["a last line without its end", text.slice(0, -1), /the last line does not end/],
    ["a header that is not JSON", `{${text}`, /the header is not valid JSON/],
    [
      "a row chunk missing",
      `${lines.slice(0, -2).join("\n")}\n`,
      /lines, a store of \d+ utterances has/,
    ],
  ])("%s -> an AssetError naming the file, on open", (_, broken, message) => {
    const open = () => readStoreFile(broken, NAME, noCheck);
    expect(open).toThrow(AssetError);
    expect(open).toThrow(message);
  });

  test.each([
    ["a row chunk that is not JSON", "[", /row chunk \d+ is not valid JSON/],
    ["a row chunk of the wrong shape", "[[1]]", /row chunk \d+ is not 10 parts of \d+ utterances/],
  ])("%s -> an AssetError naming the file, when first read", (_, line, message) => {
    const broken = [...lines];
    broken[broken.length - 2] = line;
    const { file } = readStoreFile(broken.join("\n"), NAME, noCheck);
    expect(file.utterances.start[0]).toBeDefined();
    const last = file.utterances.seq.length - 1;
    expect(() => file.utterances.start[last]).toThrow(AssetError);
    expect(() => file.utterances.start[last]).toThrow(message);
  });
});

describe("openCorpus from bytes", () => {
  test("answers as from text", async () => {
    const { files } = fixtureAssets();
    const bytes = new Map([...files].map(([name, text]) => [name, new TextEncoder().encode(text)]));
    const fromText = await openCorpus(memoryReader(files));
    const fromBytes = await openCorpus(async (name) => {
      const content = bytes.get(name);
      if (!content) throw new Error(`no asset ${name}`);
      return content;
    });
    for (const q of ["egypt", "proposal", '"the floor"', "speaker:EGY internet", "propos*"]) {
      expect(search(fromBytes, { q, limit: 20 }), q).toEqual(search(fromText, { q, limit: 20 }));
    }
  });
});
