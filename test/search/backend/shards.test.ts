/**
 * Sharded serving (src/search/backend/shards.ts): the SYNTHETIC fixture corpus cut into small
 * shards, each built with the collection's statistics; merging the shards' pages must give the
 * page of one index over everything (same totals, same ids in the same order, same scores).
 */
import { readIndexFile } from "../../../src/search/backend/compact/format";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { buildAssets } from "../../../ingest/build-index";
import type { SessionRecord } from "../../../src/domain";
import { buildCompactIndex } from "../../../src/search/backend/compact/build";
import {
  collectionDocuments,
  mergePages,
  planShards,
  shardBackend,
  shardStatistics,
  shardsFor,
} from "../../../src/search/backend/shards";
import type { Corpus } from "../../../src/search/corpus";
import { openCorpus } from "../../../src/search/load";
import { type SearchRequest, search } from "../../../src/search/search";
import { sessionOrderKey } from "../../../src/search/session-order";
import {
  FIXTURE_ALIASES,
  FIXTURE_QUERIES,
  fixtureCorpus,
  fixtureSessions,
  memoryReader,
} from "../../fixtures/corpus";

async function openShards(records: SessionRecord[], maxUtterances: number) {
  const plan = planShards(records, maxUtterances);
  const statistics = shardStatistics(records);
  const corpora = await Promise.all(
    plan.map((shard) =>
      openCorpus(
        memoryReader(buildAssets(shard.sessions, FIXTURE_ALIASES, shardBackend(statistics)).files),
      ),
    ),
  );
  return { plan, corpora };
}

/** What a router does: ask every shard that may match for the first offset + limit, merge. */
function routedSearch(
  plan: ReturnType<typeof planShards>,
  corpora: Corpus[],
  request: SearchRequest & { offset: number; limit: number },
) {
  const targets = shardsFor(plan, {
    sessions: request.filters?.session ?? [],
    from: request.filters?.from ?? null,
    to: request.filters?.to ?? null,
  });
  const pages = targets.map((shard) =>
    search(corpora[shard.index]!, { ...request, offset: 0, limit: request.offset + request.limit }),
  );
  const sort = pages[0]?.sort ?? request.sort ?? "relevance";
  return mergePages(pages, { sort, offset: request.offset, limit: request.limit });
}

const QUERIES = [
  ...FIXTURE_QUERIES,
  "the",
  "kind:chair floor",
  "body:committee-5 proposal",
  "date:2012-12-05..2012-12-14 the",
];

describe("planShards", () => {
  test("cuts whole sessions, in chronological order, within the bound", () => {
    const records = fixtureSessions();
    const plan = planShards(records, 8);
    expect(plan.length).toBeGreaterThan(1);
    const flat = plan.flatMap((shard) => shard.sessions);
    expect(flat.map((s) => s.id).sort()).toEqual(records.map((s) => s.id).sort());
    const keys = flat.map(sessionOrderKey);
    expect(keys).toEqual([...keys].sort());
    for (const shard of plan) {
      expect(shard.utterances <= 8 || shard.sessions.length === 1).toBe(true);
      expect(shard.sessionIds).toEqual(shard.sessions.map((s) => s.id));
    }
    expect(planShards(records, 1_000_000)).toHaveLength(1);
    expect(() => planShards(records, 0)).toThrow(/maxUtterances must be a positive integer/);
  });

  test("routes session and date filters to the shards that hold them", () => {
    const plan = planShards(fixtureSessions(), 8);
    const last = plan[plan.length - 1]!;
    const id = last.sessionIds[0]!;
    expect(shardsFor(plan, { sessions: [id.toUpperCase()] }).map((s) => s.index)).toEqual([
      last.index,
    ]);
    expect(shardsFor(plan)).toHaveLength(plan.length);
    expect(shardsFor(plan, { from: "2099-01-01" })).toEqual([]);
    const first = plan[0]!;
    expect(shardsFor(plan, { from: first.from, to: first.from }).map((s) => s.index)).toContain(
      first.index,
    );
  });
});

describe("statistics of the collection", () => {
  test("a shard built with them scores like the whole index", () => {
    const records = fixtureSessions();
    const documents = [...collectionDocuments(records)];
    const whole = readIndexFile(buildCompactIndex(documents));
    const statistics = shardStatistics(records);
    expect(statistics.documentCount).toBe(whole.documentCount);
    expect(statistics.averageLength).toBe(whole.averageLength);
    const shard = readIndexFile(buildCompactIndex(documents.slice(0, 5), statistics));
    expect(shard.documentCount).toBe(whole.documentCount);
    expect(typeof shard.frequencies).toBe("string");
  });

  test("refuses statistics that miss the shard's terms", () => {
    const statistics = shardStatistics(fixtureSessions());
    expect(() => buildCompactIndex([{ ordinal: 0, text: "zzyzx" }], statistics)).toThrow(
      /count 0 documents with "zzyzx", the shard has 1/,
    );
  });
});

describe("merged shard pages equal the whole corpus's page", () => {
  test.each([3, 8, 20])("shards of at most %i utterances", async (bound) => {
    const whole = await fixtureCorpus();
    const { plan, corpora } = await openShards(fixtureSessions(), bound);
    let nonEmpty = 0;
    for (const q of QUERIES) {
      for (const sort of ["relevance", "chronological"] as const) {
        for (const [offset, limit] of [
          [0, 20],
          [2, 3],
        ] as const) {
          const expected = search(whole, { q, sort, offset, limit });
          const actual = routedSearch(plan, corpora, { q, sort, offset, limit });
          expect(actual.total, q).toBe(expected.total);
          expect(
            actual.results.map((hit) => [hit.id, hit.score]),
            `${q} ${sort} ${offset}`,
          ).toEqual(expected.results.map((hit) => [hit.id, hit.score]));
          if (expected.total > 0) nonEmpty++;
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(QUERIES.length * 3);
  });

  test("routed session filters reach only the shard holding the session", async () => {
    const whole = await fixtureCorpus();
    const { plan, corpora } = await openShards(fixtureSessions(), 8);
    for (const shard of plan) {
      for (const session of shard.sessionIds) {
        const request = {
          q: "the",
          filters: {
            conference: [],
            speaker: [],
            session: [session],
            body: [],
            kind: [],
            from: null,
            to: null,
          },
          offset: 0,
          limit: 50,
        };
        const expected = search(whole, request);
        const actual = routedSearch(plan, corpora, request);
        expect(actual.total).toBe(expected.total);
        expect(actual.results.map((hit) => hit.id)).toEqual(expected.results.map((hit) => hit.id));
      }
    }
  });

  test("any cut of the sessions merges to the same pages (property)", async () => {
    const whole = await fixtureCorpus();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom(...QUERIES),
        async (bound, q) => {
          const { plan, corpora } = await openShards(fixtureSessions(), bound);
          const expected = search(whole, { q, offset: 0, limit: 10 });
          const actual = routedSearch(plan, corpora, { q, offset: 0, limit: 10 });
          expect(actual.total).toBe(expected.total);
          expect(actual.results.map((hit) => hit.id)).toEqual(
            expected.results.map((hit) => hit.id),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});
