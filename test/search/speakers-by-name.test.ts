import { beforeAll, describe, expect, test } from "vitest";
import type { Corpus } from "../../src/search/corpus";
import { openCorpus } from "../../src/search/load";
import { speakersByName } from "../../src/search/names";
import { fixtureAssets, memoryReader } from "../fixtures/corpus";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await openCorpus(memoryReader(fixtureAssets().files));
});

describe("speakersByName", () => {
  test("puts names, ids and aliases that start with the partial first, any case", () => {
    expect(speakersByName(corpus, "EG")[0]?.id).toBe("EGY");
    expect(speakersByName(corpus, "egy")[0]?.id).toBe("EGY");
  });

  test("then names that contain it; quotes are ignored", () => {
    const found = speakersByName(corpus, '"speaker').map((s) => s.id);
    expect(found).toContain("unknown"); // "Unidentified speaker" contains it
  });

  test("offers every speaker, in store order, for an empty partial, and none for nonsense", () => {
    expect(speakersByName(corpus, "").map((s) => s.id)).toEqual(
      corpus.store.speakers.map((s) => s.id),
    );
    expect(speakersByName(corpus, "zzqx")).toEqual([]);
  });
});
