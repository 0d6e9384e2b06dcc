/**
 * The router and the shard Workers in the real Workers runtime: the bundled SYNTHETIC sample
 * (transcripts/, two conferences) cut into at least three shards by the shard build (ingest/shards.ts writeShards, the same configs
 * `npm run build:shards` writes), each shard Worker and the router started with
 * `wrangler dev --local` (scripts/wrangler-dev.ts), the router reaching the shards through its
 * service bindings. Every answer must equal the answer of one index over the whole corpus.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildAssets, readSessionRecords, readSourceTexts } from "../../ingest/build-index";
import { listSpeakerAliases } from "../../ingest/parse/speakers";
import { buildShards, writeShards } from "../../ingest/shards";
import { type ShardedDev, startShardedDev } from "../../scripts/wrangler-dev";
import { ORIGIN, answer, appOver, readAnswer } from "../support/router";

const ROOT = resolve(import.meta.dirname, "../..");
const { records } = await readSessionRecords(join(ROOT, "transcripts"));
const texts = await readSourceTexts(join(ROOT, "transcripts"), records);
const aliases = listSpeakerAliases();
const total = records.reduce((sum, record) => sum + record.utterances.length, 0);
// About a third of the corpus per shard: three or four shards of whole sessions.
const built = buildShards(records, aliases, { maxUtterances: Math.ceil(total / 3), texts });
const whole = appOver(buildAssets(records, aliases, undefined, texts).files, false);

let dir = "";
let dev: ShardedDev | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "wcit-router-runtime-"));
  const configs = await writeShards(join(dir, "shards"), built, {
    prefix: `wcit-runtime-${process.pid}`,
    canonicalOrigin: ORIGIN,
    root: ROOT,
  });
  dev = await startShardedDev(configs, dir);
}, 600_000);

afterAll(async () => {
  await dev?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const q = (text: string) => encodeURIComponent(text);
const sessionIds = built.plan.shards.flatMap((shard) => shard.sessionIds);

const PATHS = [
  `/api/search?q=${q('"security and robustness"')}`,
  `/api/search?q=${q("internet")}&sort=chronological&offset=2&limit=5`,
  `/api/search?q=${q("spam OR unsolicited")}&limit=100`,
  `/api/search?q=${q("roaming transparency")}&session=${q(sessionIds.at(-1) ?? "")}`,
  `/api/search?q=${q("internet")}&conference=pp-14`,
  "/api/search?q=internet&from=2012-12-05&to=2012-12-07",
  "/api/search?q=ab*",
  "/api/sessions",
  "/api/sessions?conference=pp-14",
  "/api/speakers",
  "/api/phrase?q=enabling+environment",
  `/api/phrase/variants?q=${q("an enabling environment for the greater growth of the Internet")}`,
  ...sessionIds.slice(0, 6).map((id) => `/api/utterances/${q(`${id}.3`)}?context=2`),
  `/api/sessions/${q(sessionIds[0] ?? "")}`,
];

async function routed(path: string) {
  if (dev === undefined) throw new Error("runtime: the Workers did not start");
  return readAnswer(await fetch(`${dev.router.base}${path}`));
}

describe("the router Worker over shard Workers in wrangler dev --local", () => {
  test("the build cut the corpus into at least three shards, one Worker each", () => {
    expect(built.plan.shards.length).toBeGreaterThanOrEqual(3);
    expect(dev?.shards).toHaveLength(built.plan.shards.length);
  });

  test.each(PATHS)("%s: the same answer as one index", async (path) => {
    const expected = await answer(whole, path);
    expect(expected.status, "only ab* is malformed").toBe(path.includes("ab*") ? 400 : 200);
    const got = await routed(path);
    expect({ status: got.status, body: got.body }).toEqual({
      status: expected.status,
      body: expected.body,
    });
  });

  test("an unfiltered search is asked of every shard Worker; a session filter of one", async () => {
    const all = await routed("/api/search?q=the");
    expect(all.shards.split(",")).toHaveLength(built.plan.shards.length);
    const last = built.plan.shards.at(-1);
    const one = await routed(`/api/search?q=the&session=${q(last?.sessionIds[0] ?? "")}`);
    expect(one.shards).toBe(String(last?.index));
    // A date range skips the shards whose sessions all fall outside it.
    const dated = await routed("/api/search?q=internet&from=2012-12-05&to=2012-12-07");
    expect(dated.shards.split(",").length).toBeLessThan(built.plan.shards.length);
  });

  test("an utterance said elsewhere in another shard Worker: the same answer, asked of both", async () => {
    const shardOf = new Map(
      built.plan.shards.flatMap((shard) => shard.sessionIds.map((id) => [id, shard.index])),
    );
    const crossing: string[] = [];
    for (const record of records)
      for (const utterance of record.utterances) {
        const id = `${record.id}.${utterance.seq}`;
        const { body } = await answer(whole, `/api/utterances/${q(id)}`);
        const elsewhere = (body as { elsewhere?: { session: { id: string } }[] }).elsewhere ?? [];
        const other = elsewhere.find((e) => shardOf.get(e.session.id) !== shardOf.get(record.id));
        if (other !== undefined) crossing.push(id);
      }
    expect(crossing.length).toBeGreaterThan(0);
    for (const id of crossing.slice(0, 5)) {
      const path = `/api/utterances/${q(id)}`;
      const got = await routed(path);
      expect(got.shards.split(",").length, path).toBeGreaterThan(1);
      expect(got.body, path).toEqual((await answer(whole, path)).body);
    }
  });

  test("the router serves the plan from its own assets, flagged synthetic", async () => {
    const plan = JSON.parse(
      await readFile(join(dir, "shards/router/data/shard-plan.json"), "utf8"),
    );
    expect(plan).toMatchObject({ format: "wcit-shard-plan", synthetic: true });
    const sessions = await routed("/api/sessions");
    expect(sessions.body).toMatchObject({ synthetic: true });
  });
});
