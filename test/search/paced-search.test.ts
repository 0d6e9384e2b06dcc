/**
 * Pausable search gives exactly what the straight search gives, however often it pauses: each
 * query runs once straight through and once with a pace that asks for a pause at every
 * checkpoint, on a generated corpus of 3,000 utterances. Broad queries must actually pause (or
 * the slow lane could never let other requests through).
 */
import { beforeAll, describe, expect, test } from "vitest";
import type { Corpus } from "../../src/search/corpus";
import { NEVER_PAUSE, type Pace, type Steps, runToEnd } from "../../src/search/pace";
import { phraseTimeline, phraseTimelineSteps } from "../../src/search/phrase";
import { type SearchRequest, search, searchSteps } from "../../src/search/search";
import { facetCounts, facetSteps } from "../../src/web/pages/facets";
import { EMPTY_STATE } from "../../src/web/pages/search-state";
import { generatedCorpus } from "../fixtures/generated-corpus";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await generatedCorpus();
}, 60_000);

const ALWAYS: Pace = { due: () => true };

/** Runs steps to their end, counting the pauses. */
function paused<T>(steps: Steps<T>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, pauses };
    pauses++;
  }
}

const BROAD = [
  "the OR of OR and OR to OR you OR in OR thank OR that OR we OR is",
  "the* OR and* OR you* OR tha* OR thi*",
  "thank~1 OR chair~1 OR which~1 OR would~1 OR floor~1",
  '"thank you" OR "the floor" OR "very much"',
  '-"thank you"',
  "-the -of -and",
  "the -internet",
];
const NARROW = [
  "internet",
  "member states",
  '"international telecommunication"',
  "regul*",
  "secretariat~1",
  "internet speaker:USA",
  "kind:delegation",
];

describe("searchSteps", () => {
  test.each([...BROAD, ...NARROW])("%j: the same page when paused at every checkpoint", (q) => {
    for (const request of [
      { q, limit: 50 },
      { q, limit: 20, offset: 40, sort: "chronological" },
    ] satisfies SearchRequest[]) {
      const straight = search(corpus, request);
      const { value } = paused(searchSteps(corpus, request, {}, ALWAYS));
      expect(value).toEqual(straight);
      expect(runToEnd(searchSteps(corpus, request, {}, NEVER_PAUSE))).toEqual(straight);
    }
  });

  test.each(BROAD)("%j pauses at least 5 times", (q) => {
    const { pauses } = paused(searchSteps(corpus, { q }, {}, ALWAYS));
    expect(pauses).toBeGreaterThanOrEqual(5);
  });

  test("a bad query throws before its first pause", () => {
    const steps = searchSteps(corpus, { q: '"unterminated' }, {}, ALWAYS);
    expect(() => steps.next()).toThrow(/^q: /);
  });
});

describe("phraseTimelineSteps and facetSteps", () => {
  test.each(["thank you", "the floor", "international telecommunication regulations"])(
    "the timeline of %j is the same when paused",
    (q) => {
      const straight = phraseTimeline(corpus, { q, limit: 30 });
      expect(paused(phraseTimelineSteps(corpus, { q, limit: 30 }, {}, ALWAYS)).value).toEqual(
        straight,
      );
    },
  );

  test("facet counts are the same when paused", () => {
    const state = { ...EMPTY_STATE, q: "thank OR floor", kind: "delegation" as const };
    const { value, pauses } = paused(facetSteps(corpus, state, ALWAYS));
    expect(value).toEqual(facetCounts(corpus, state));
    expect(pauses).toBeGreaterThan(0);
  });
});
