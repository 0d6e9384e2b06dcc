import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { AssetError } from "../../src/search/errors";
import {
  TEXT_CHUNK_SIZE,
  allTexts,
  chunkedTexts,
  textArray,
  writeTextChunks,
} from "../../src/search/text-column";

const NAME = "data/utterances.test.jsonl";

describe("the texts asset", () => {
  test("round-trips any texts, in ordinal order, across chunk edges", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "grapheme", maxLength: 30 }), {
          maxLength: 3 * TEXT_CHUNK_SIZE + 7,
        }),
        (texts) => {
          const file = writeTextChunks(texts);
          expect(file).not.toMatch(/[^\u0020-\u007e\n]/);
          const column = chunkedTexts(file, texts.length, NAME);
          expect(column.length).toBe(texts.length);
          expect(allTexts(column)).toEqual(texts);
          // From the asset's bytes (as the Worker and Node read it): the same texts.
          const fromBytes = chunkedTexts(new TextEncoder().encode(file), texts.length, NAME);
          expect(allTexts(fromBytes)).toEqual(texts);
          expect(column.get(texts.length)).toBeUndefined();
          expect(column.get(-1)).toBeUndefined();
        },
      ),
      { numRuns: 40 },
    );
  });

  test("parses a chunk only when one of its texts is asked for", () => {
    const texts = Array.from({ length: 2 * TEXT_CHUNK_SIZE }, (_, i) => `turn ${i}`);
    const lines = writeTextChunks(texts).split("\n");
    lines[1] = "[not json"; // the second chunk is broken: the first still answers
    const column = chunkedTexts(lines.join("\n"), texts.length, NAME);
    expect(column.get(0)).toBe("turn 0");
    expect(() => column.get(TEXT_CHUNK_SIZE)).toThrow(
      /utterances\.test\.jsonl: line 2 is not valid JSON/,
    );
  });

  test("agrees with the in-memory column", () => {
    const texts = ["a", "b, c", "«d»"];
    const column = chunkedTexts(writeTextChunks(texts), texts.length, NAME);
    expect(allTexts(column)).toEqual(allTexts(textArray(texts)));
  });
});

describe("malformed texts assets", () => {
  test("a chunk whose bytes are not ASCII -> an AssetError naming the file, when first read", () => {
    const texts = Array.from({ length: TEXT_CHUNK_SIZE + 1 }, (_, i) => `t${i}`);
    const bytes = new TextEncoder().encode(writeTextChunks(texts));
    bytes[bytes.length - 4] = 0xe9; // inside the second chunk's last text
    const column = chunkedTexts(bytes, texts.length, NAME);
    expect(column.get(0)).toBe("t0");
    expect(() => column.get(TEXT_CHUNK_SIZE)).toThrow(AssetError);
    expect(() => column.get(TEXT_CHUNK_SIZE)).toThrow(
      /utterances\.test\.jsonl: bytes \d+-\d+ are not ASCII/,
    );
  });

  const texts = Array.from({ length: TEXT_CHUNK_SIZE + 1 }, (_, i) => `t${i}`);
  const file = writeTextChunks(texts);
  test.each([
    [
      "fewer chunks than the store needs",
      file.split("\n")[0] + "\n",
      new RegExp(
        `1 chunks of texts, the store has ${TEXT_CHUNK_SIZE + 1} utterances \\(2 chunks\\)`,
      ),
    ],
    ["a last line without its end", file.slice(0, -1), /the last line does not end/],
    [
      "a chunk of the wrong size",
      `${file.split("\n")[0]}\n["x","y"]\n`,
      /line 2 is not an array of 1 texts/,
    ],
    [
      "a chunk that is not texts",
      `${file.split("\n")[0]}\n[1]\n`,
      /line 2 is not an array of 1 texts/,
    ],
  ])("%s -> an AssetError naming the file", (_, broken, message) => {
    const read = (): void => {
      const column = chunkedTexts(broken, texts.length, NAME);
      allTexts(column);
    };
    expect(read).toThrow(AssetError);
    expect(read).toThrow(message);
    expect(read).toThrow(/utterances\.test\.jsonl/);
  });
});
