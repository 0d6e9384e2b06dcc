/**
 * Two conferences in one corpus, end to end: sources of the WCIT-12 sample and of the PP-14
 * sample (in its own subfolder, as transcripts/sources/pp-14/) go through the offline ingest and
 * the build into assets, and the app answers over them: the conference filter, /api/conferences,
 * the phrase timeline and the variant finder across both conferences, citations naming each.
 */
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runBuild } from "../../ingest/commands/build";
import { runIngest } from "../../ingest/commands/ingest";
import { fileAssetReader } from "../../src/node/assets";
import { openCorpus } from "../../src/search/load";
import { createApp } from "../../src/web/app";
import { silentLogger } from "../../src/domain";
import { getJson } from "./api/app";
import { conferenceIds } from "../../src/conferences/registry";

/** Sources of the bundled sample (transcripts/sources/), two of each conference. */
const SOURCES = [
  "com5-1.docx",
  "plenary3-copy.html",
  "pp-14/committee-5-oct27.txt",
  "pp-14/wg-plenary-9.txt",
];

let dir: string;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "two-conferences-"));
  const sources = join(dir, "sources");
  await mkdir(join(sources, "pp-14"), { recursive: true });
  for (const file of SOURCES)
    await copyFile(join("transcripts/sources", file), join(sources, file));
  const transcripts = join(dir, "transcripts");
  const assets = join(dir, "assets");
  const ingested = await runIngest({ sourcesDir: sources, outDir: transcripts });
  expect(ingested.failures).toEqual([]);
  await runBuild({ transcriptsDir: transcripts, assetsDir: assets, logger: silentLogger });
  app = createApp({ loadCorpus: () => openCorpus(fileAssetReader(assets)), logger: silentLogger });
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("two conferences in one corpus", () => {
  test("ingest gives every session its conference, PP-14's ids with its prefix", async () => {
    const { body } = await getJson(app, "/api/sessions");
    const ids = (body.sessions as { id: string; conference: string }[]).map(
      (s) => `${s.conference} ${s.id}`,
    );
    expect(ids.filter((id) => id.startsWith("wcit-12 "))).toEqual([
      "wcit-12 plenary-3",
      "wcit-12 committee-5-1",
    ]);
    const pp14 = ids.filter((id) => id.startsWith("pp-14 "));
    expect(pp14).toHaveLength(2);
    for (const id of pp14) expect(id).toMatch(/^pp-14 pp-14-/);
  });

  test("/api/conferences lists both, with their facts and counts", async () => {
    const { response, body } = await getJson(app, "/api/conferences");
    expect(response.status).toBe(200);
    const conferences = body.conferences as Record<string, unknown>[];
    expect(conferences.map((c) => c.id)).toEqual(["wcit-12", "pp-14"]);
    const [wcit, pp14] = conferences;
    expect(wcit).toMatchObject({
      shortName: "WCIT-12",
      place: "Dubai, United Arab Emirates",
      dates: { from: "2012-12-03", to: "2012-12-14" },
      sessions: 2,
      synthetic: true,
    });
    expect(pp14).toMatchObject({ shortName: "PP-14", city: "Busan", sessions: 2 });
    const bodies = (pp14?.bodies as { id: string; sessions: number }[]).filter((b) => b.sessions);
    expect(bodies.map((b) => b.id).sort()).toEqual(["committee-5", "working-group"]);
    const { body: corpus } = await getJson(app, "/api/corpus");
    expect((wcit?.utterances as number) + (pp14?.utterances as number)).toBe(
      corpus.counts.utterances,
    );
    expect(corpus.conferences.map((c: { id: string }) => c.id)).toEqual(["wcit-12", "pp-14"]);
  });

  test("/api/conferences/:id lists that conference's sessions; an unknown id is a 404", async () => {
    const { body } = await getJson(app, "/api/conferences/pp-14");
    expect(body.name).toBe("ITU Plenipotentiary Conference 2014 (PP-14)");
    const sessions = body.sessionList as { conference: string; date: string }[];
    expect(sessions).toHaveLength(2);
    expect(sessions.every((s) => s.conference === "pp-14")).toBe(true);
    const missing = await getJson(app, "/api/conferences/wcit-13");
    expect(missing.response.status).toBe(404);
  });

  test("the conference filter narrows results, in q and as a parameter, alike", async () => {
    const all = (await getJson(app, "/api/search?q=spam&limit=100")).body;
    const pp = (await getJson(app, "/api/search?q=spam&conference=pp-14&limit=100")).body;
    const inQ = (await getJson(app, "/api/search?q=spam+conference:pp-14&limit=100")).body;
    const wcit = (await getJson(app, "/api/search?q=spam+conference:wcit-12&limit=100")).body;
    expect(pp.total).toBeGreaterThan(0);
    expect(wcit.total).toBeGreaterThan(0);
    expect(pp.total + wcit.total).toBe(all.total);
    expect(inQ.results.map((h: { id: string }) => h.id)).toEqual(
      pp.results.map((h: { id: string }) => h.id),
    );
    for (const hit of pp.results) {
      expect(hit.session).toMatchObject({ conference: "pp-14", conferenceShortName: "PP-14" });
    }
  });

  test("an unknown conference is a 400 naming the parameter and the known ids", async () => {
    for (const path of [
      "/api/search?q=spam&conference=wcit-13",
      "/api/phrase?q=spam&conference=wcit-13",
      "/api/phrase/variants?q=spam&conference=wcit-13",
      "/api/sessions?conference=wcit-13",
      "/api/speakers?conference=wcit-13",
    ]) {
      const { response, body } = await getJson(app, path);
      expect(response.status, path).toBe(400);
      expect(body.parameter, path).toBe("conference");
      expect(body.message, path).toContain(conferenceIds().join(", "));
      expect(body.suggestions, path).toEqual(conferenceIds());
    }
    const inQ = await getJson(app, "/api/search?q=conference:busan");
    expect(inQ.response.status).toBe(400);
    expect(inQ.body.parameter).toBe("q");
  });

  test("sessions and speakers narrow to one conference", async () => {
    const sessions = (await getJson(app, "/api/sessions?conference=wcit-12")).body.sessions;
    expect(sessions.map((s: { id: string }) => s.id)).toEqual(["plenary-3", "committee-5-1"]);
    const all = (await getJson(app, "/api/speakers")).body.speakers as { id: string }[];
    const pp = (await getJson(app, "/api/speakers?conference=pp-14")).body.speakers as {
      id: string;
    }[];
    expect(pp.length).toBeGreaterThan(0);
    expect(pp.length).toBeLessThan(all.length);
    // Egypt spoke at both.
    expect(pp.map((s) => s.id)).toContain("EGY");
  });

  test("citations name each session's conference and its place", async () => {
    const hits = (await getJson(app, "/api/search?q=egypt+enabling&limit=100")).body.results;
    const byConference = new Map(
      hits.map((h: { session: { conference: string }; citation: unknown }) => [
        h.session.conference,
        h.citation,
      ]),
    );
    expect(byConference.get("wcit-12")).toMatchObject({
      conference: "World Conference on International Telecommunications (WCIT-12)",
      place: "Dubai, United Arab Emirates",
    });
    const pp = byConference.get("pp-14") as { conference: string; place: string; text: string };
    expect(pp).toMatchObject({
      conference: "ITU Plenipotentiary Conference 2014 (PP-14)",
      place: "Busan, Republic of Korea",
    });
    expect(pp.text).toContain("ITU Plenipotentiary Conference 2014 (PP-14), Busan");
    expect(pp.text).not.toContain("WCIT");
  });

  test("the phrase timeline runs across both conferences, grouped by conference", async () => {
    const { body } = await getJson(app, "/api/phrase?q=enabling+environment");
    const groups = body.conferences as {
      conference: string;
      count: number;
      sessionsWithPhrase: number;
      utterances: number;
      first: string | null;
    }[];
    expect(groups.map((g) => g.conference)).toEqual(["wcit-12", "pp-14"]);
    for (const group of groups) {
      expect(group.sessionsWithPhrase).toBeGreaterThan(0);
      expect(group.first?.startsWith(group.conference === "pp-14" ? "pp-14-" : "plenary-3")).toBe(
        true,
      );
    }
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(body.sessions.length);
    expect(groups.reduce((n, g) => n + g.utterances, 0)).toBe(body.total);
    const onlyPp = (await getJson(app, "/api/phrase?q=enabling+environment&conference=pp-14")).body;
    expect(onlyPp.conferences.map((g: { conference: string }) => g.conference)).toEqual(["pp-14"]);
    expect(onlyPp.total).toBe(groups[1]?.utterances);
  });

  test("the variant finder follows a Dubai wording into Busan, grouped by conference", async () => {
    const q = "an enabling environment for the greater growth of the Internet";
    const { body } = await getJson(app, `/api/phrase/variants?q=${encodeURIComponent(q)}`);
    const groups = body.conferences as { conference: string; count: number; wordings: number }[];
    expect(groups.map((g) => g.conference)).toEqual(["wcit-12", "pp-14"]);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(body.total);
    const busan = body.variants.filter(
      (v: { session: { conference: string } }) => v.session.conference === "pp-14",
    );
    expect(busan.length).toBeGreaterThan(0);
    // A changed wording: Busan's passages are not all the Dubai words.
    expect(busan.some((v: { similarity: number }) => v.similarity < 1)).toBe(true);
    const onlyPp = (
      await getJson(app, `/api/phrase/variants?q=${encodeURIComponent(q)}&conference=pp-14`)
    ).body;
    expect(
      onlyPp.variants.every(
        (v: { session: { conference: string } }) => v.session.conference === "pp-14",
      ),
    ).toBe(true);
  });

  test("exports: a neutral file stem for both conferences, the profile's for one", async () => {
    const both = await app.request("/api/export?q=spam");
    expect(both.headers.get("Content-Disposition")).toMatch(/filename="itu-captions-search-spam-/);
    const one = await app.request("/api/export?q=spam&conference=pp-14");
    expect(one.headers.get("Content-Disposition")).toMatch(/filename="pp14-search-spam-/);
    const csv = await one.text();
    const lines = csv.trimEnd().split("\r\n").slice(1);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.split(",")[3]).toBe("pp-14");
  });
});
