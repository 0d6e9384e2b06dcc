import { beforeAll, describe, expect, test } from "vitest";
import type { Corpus } from "../../src/search/corpus";
import { openCorpus } from "../../src/search/load";
import { countBySession, countBySpeaker } from "../../src/search/tally";
import { fixtureAssets, memoryReader } from "../fixtures/corpus";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await openCorpus(memoryReader(fixtureAssets().files));
});

describe("countBySession and countBySpeaker", () => {
  test("over every utterance, each session counts its own utterances, in store order", () => {
    const all = Array.from({ length: corpus.size }, (_, ordinal) => ordinal);
    const sessions = countBySession(corpus, all);
    expect(sessions.map((t) => t.entry.id)).toEqual(
      corpus.store.sessions.filter((s) => s.count > 0).map((s) => s.id),
    );
    for (const { entry, count } of sessions) expect(count).toBe(entry.count);
  });

  test("counts each speaker's utterances among the ones given, leaving out those with none", () => {
    const speakerAt = corpus.store.utterances.speaker;
    const some = [0, 1, 2, 2, 5].filter((ordinal) => ordinal < corpus.size);
    const expected = new Map<string, number>();
    for (const ordinal of some) {
      const id = corpus.store.speakers[speakerAt[ordinal] ?? -1]!.id;
      expected.set(id, (expected.get(id) ?? 0) + 1);
    }
    const counted = countBySpeaker(corpus, some);
    expect(new Map(counted.map((t) => [t.entry.id, t.count]))).toEqual(expected);
    expect(countBySpeaker(corpus, [])).toEqual([]);
  });
});
