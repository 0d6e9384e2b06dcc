/**
 * The router over shards (src/router/app.ts), in process: SYNTHETIC corpora cut into shards of
 * several sizes (ingest/shards.ts), each shard served by the app with its internal routes, the
 * router asking them through `app.request`. Every answer of the router must equal, byte for
 * byte once parsed, the answer of one index over the whole corpus: search pages in both orders
 * and several windows, filters routed or not, the spelling suggestions (their evidence and
 * counts are the collection's), errors, the session and speaker lists, the phrase
 * timeline, the variant finder (its chains cross shards) and the routes passed to one shard.
 */
import { beforeAll, describe, expect, test } from "vitest";
import {
  type BuiltAssets,
  buildAssets,
  readSessionRecords,
  readSourceTexts,
} from "../../ingest/build-index";
import { listSpeakerAliases } from "../../ingest/parse/speakers";
import { buildShards } from "../../ingest/shards";
import type { SessionRecord } from "../../src/domain";
import type { SpeakerAlias } from "../../src/search/schema";
import { SHARDS_HEADER, createRouterApp } from "../../src/router/app";
import { parseShardPlan } from "../../src/router/plan";
import { answer, appOver } from "../support/router";
import {
  FIXTURE_ALIASES,
  FIXTURE_QUERIES,
  fixtureSessions,
  sourceTextOf,
} from "../fixtures/corpus";
import { AMENDED, DRAFT, variantSessions } from "../fixtures/variants";

interface Case {
  name: string;
  records: SessionRecord[];
  aliases: readonly SpeakerAlias[];
  texts: Map<string, string>;
  paths: string[];
}

const q = (text: string) => encodeURIComponent(text);

function searchPaths(queries: readonly string[]): string[] {
  const paths: string[] = [];
  for (const text of queries)
    for (const sort of ["relevance", "chronological"])
      for (const window of ["", "&offset=2&limit=3", "&limit=100"])
        paths.push(`/api/search?q=${q(text)}&sort=${sort}${window}`);
  return paths;
}

const COMMON_PATHS = [
  "/api/sessions",
  "/api/speakers",
  "/api/search?q=the&date=2012-12-05..2012-12-14",
  "/api/search?q=the&from=2012-12-10",
  "/api/search?q=the&date=2099-01-01",
  "/api/search?q=ab*",
  "/api/search?q=the&limit=500",
  "/api/search?q=the&offset=1001",
  "/api/search?q=the&bogus=1",
  "/api/search?q=the&sort=sideways",
  "/api/search?q=secrity",
  "/api/search?q=proposel",
  "/api/search?q=secrity+proposel",
  `/api/search?q=${q("secrity OR proposal")}`,
  "/api/search?q=secrity&from=2012-12-10",
  "/api/search?q=rihgts&sort=chronological&limit=3",
  "/api/phrase",
  "/api/phrase?q=the&limit=0",
  "/api/phrase/variants",
];

function fixtureCase(): Case {
  const records = fixtureSessions();
  const sessions = records.filter((r) => r.version === "finished").map((r) => r.id);
  return {
    name: "fixture corpus",
    records,
    aliases: FIXTURE_ALIASES,
    texts: new Map(records.map((r) => [r.id, sourceTextOf(r)])),
    paths: [
      ...searchPaths([
        ...FIXTURE_QUERIES,
        "the",
        "kind:chair floor",
        "body:committee-5 proposal",
        "egypt spam",
      ]),
      ...sessions.flatMap((id) => [
        `/api/search?q=the&session=${q(id)}`,
        `/api/sessions/${q(id)}`,
        `/api/sessions/${q(id)}/text`,
        `/api/utterances/${q(`${id}.2`)}?context=3`,
      ]),
      "/api/sessions/no-such-session",
      "/api/utterances/no-such-session.4",
      "/api/phrase?q=human+rights",
      "/api/phrase?q=human+rights&offset=1&limit=2",
      `/api/phrase?q=${q('"the"')}&limit=100`,
      "/api/phrase?q=zzyzx",
      "/api/phrase/variants?q=human+rights+online",
      "/api/phrase/variants?q=human+rights&speaker=EGY",
    ],
  };
}

function variantCase(): Case {
  const records = variantSessions();
  return {
    name: "variant chains",
    records,
    aliases: FIXTURE_ALIASES,
    texts: new Map(),
    paths: [
      `/api/phrase/variants?q=${q(DRAFT)}&limit=100`,
      `/api/phrase/variants?q=${q(AMENDED)}&limit=100`,
      `/api/phrase/variants?q=${q(AMENDED)}&limit=2`,
      `/api/phrase/variants?q=${q(AMENDED)}&speaker=canada`,
      `/api/phrase/variants?q=${q(DRAFT)}&body=plenary`,
      ...searchPaths(["roaming charges", '"roaming charges"', "roam*"]),
      `/api/phrase?q=${q("roaming charges")}`,
    ],
  };
}

async function bundledCase(): Promise<Case> {
  const { records } = await readSessionRecords("transcripts");
  return {
    name: "bundled sample (two conferences)",
    records,
    aliases: listSpeakerAliases(),
    texts: await readSourceTexts("transcripts", records),
    paths: [
      ...searchPaths([
        '"security and robustness"',
        "spam OR unsolicited",
        "roaming transparency",
        "internet",
      ]),
      ...records.flatMap((r) => [3, 9, 15].map((seq) => `/api/utterances/${q(`${r.id}.${seq}`)}`)),
      "/api/sessions?conference=pp-14",
      "/api/speakers?conference=wcit-12",
      "/api/search?q=internet&conference=pp-14",
      "/api/phrase?q=enabling+environment",
      "/api/phrase?q=enabling+environment&conference=pp-14",
      `/api/phrase/variants?q=${q("an enabling environment for the greater growth of the Internet")}`,
    ],
  };
}

function routerOver(built: {
  plan: ReturnType<typeof buildShards>["plan"];
  shards: BuiltAssets[];
}) {
  const shards = built.shards.map((shard) => appOver(shard.files, true));
  const asked: number[] = [];
  const router = createRouterApp({
    loadPlan: async () => parseShardPlan(JSON.stringify(built.plan)),
    shard: (_env, index) => async (path) => {
      asked.push(index);
      return shards[index]!.request(path);
    },
  });
  return { router, asked };
}

const cases: Case[] = [];

beforeAll(async () => {
  cases.push(fixtureCase(), variantCase(), await bundledCase());
});

describe("the router's answers equal one index's", () => {
  test.each([2, 7, 40])(
    "shards of at most %i utterances",
    async (bound) => {
      let compared = 0;
      let found = 0;
      // Utterances whose "where else" passages were presented from another shard.
      let crossing = 0;
      let suggested = 0;
      for (const c of cases) {
        const whole = appOver(buildAssets(c.records, c.aliases, undefined, c.texts).files, false);
        const built = buildShards(c.records, c.aliases, { maxUtterances: bound, texts: c.texts });
        if (bound === 2) expect(built.plan.shards.length, c.name).toBeGreaterThan(2);
        const { router } = routerOver(built);
        const differ: string[] = [];
        for (const path of [...COMMON_PATHS, ...c.paths]) {
          const { shards: _none, ...expected } = await answer(whole, path);
          const routed = await answer(router, path);
          const { shards: _asked, ...actual } = routed;
          if (JSON.stringify(actual) !== JSON.stringify(expected)) differ.push(path);
          if (path.startsWith("/api/utterances/") && routed.shards.includes(",")) crossing++;
          if ((expected.body as { suggestion?: unknown }).suggestion) suggested++;
          compared++;
          const body = expected.body as { total?: number };
          if (expected.status === 200 && (body.total ?? 1) > 0) found++;
        }
        expect(differ, c.name).toEqual([]);
      }
      // The comparison is not of empty answers only, and "where else" crossed shards.
      expect(found).toBeGreaterThan(compared / 2);
      if (bound < 40) expect(crossing).toBeGreaterThan(0);
      expect(suggested).toBeGreaterThan(3);
    },
    120_000,
  );
});

describe("routing", () => {
  test("a session filter reaches only the shard holding it; an unfiltered search every shard", async () => {
    const c = fixtureCase();
    const built = buildShards(c.records, c.aliases, { maxUtterances: 4, texts: c.texts });
    const { router } = routerOver(built);
    const last = built.plan.shards[built.plan.shards.length - 1]!;
    const response = await router.request(`/api/search?q=the&session=${q(last.sessionIds[0]!)}`);
    expect(response.headers.get(SHARDS_HEADER)).toBe(String(last.index));
    const all = await router.request("/api/search?q=the");
    expect(all.headers.get(SHARDS_HEADER)?.split(",")).toHaveLength(built.plan.shards.length);
  });

  test("a shard that cannot be reached is a 502 naming it", async () => {
    const c = fixtureCase();
    const built = buildShards(c.records, c.aliases, { maxUtterances: 4 });
    const router = createRouterApp({
      loadPlan: async () => built.plan,
      shard: (_env, index) => async () => {
        throw new Error(`connection refused (${index})`);
      },
    });
    const response = await router.request("/api/search?q=the");
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({
      error: "shard_unavailable",
      message: expect.stringMatching(
        /^router: shard \d+ did not answer \/internal\/search: connection refused/,
      ),
    });
  });

  test("a shard answering with the runtime's text instead of the app's JSON is a 502 quoting it", async () => {
    const c = fixtureCase();
    const built = buildShards(c.records, c.aliases, { maxUtterances: 4 });
    const router = createRouterApp({
      loadPlan: async () => built.plan,
      shard: (_env, index) => async () =>
        new Response(`Worker "shard-${index}" not found.`, { status: 503 }),
    });
    const response = await router.request("/api/sessions");
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({
      error: "shard_unavailable",
      message: expect.stringMatching(
        /^router: shard \d+ answered HTTP 503 to \/api\/sessions: Worker "shard-\d+" not found\.$/,
      ),
    });
  });

  test("CSV exports and unknown routes are refused with a message, not answered wrongly", async () => {
    const c = fixtureCase();
    const { router } = routerOver(buildShards(c.records, c.aliases, { maxUtterances: 4 }));
    const csv = await answer(router, "/api/search?q=the&format=csv");
    expect(csv).toMatchObject({ status: 400, body: { parameter: "format", synthetic: true } });
    const page = await answer(router, "/api/documents");
    expect(page).toMatchObject({ status: 404, body: { error: "not_found", synthetic: true } });
  });
});

describe("the shard plan file", () => {
  const plan = () => buildShards(fixtureSessions(), FIXTURE_ALIASES, { maxUtterances: 4 }).plan;

  test("reads what the build writes", () => {
    const written = plan();
    expect(parseShardPlan(JSON.stringify(written))).toEqual(written);
    expect(written).toMatchObject({ format: "wcit-shard-plan", synthetic: true, maxUtterances: 4 });
  });

  test.each([
    ["not JSON", "{", /router: p\.json: not JSON/],
    ["another format", '{"format":"x"}', /not a shard plan/],
    [
      "another version",
      JSON.stringify({ ...plan(), version: 99 }),
      /plan version 99; this router reads 1/,
    ],
    ["no shards", JSON.stringify({ ...plan(), shards: [] }), /no shards in the plan/],
    [
      "a malformed shard",
      JSON.stringify({ ...plan(), shards: [{ ...plan().shards[0], from: "5 Dec" }] }),
      /shard 0 is malformed/,
    ],
  ])("refuses %s, naming the file", (_name, text, message) => {
    expect(() => parseShardPlan(text, "p.json")).toThrow(message);
  });
});
