/**
 * /api/search reads what people type (issue 11): the speakers plain words name (`speakers`),
 * a better spelling (`suggestion`), forgiving speaker URLs and filters; and /api/export, the
 * files people can open. Through app.request() on the synthetic fixture corpus.
 */
import { describe, expect, test } from "vitest";
import { buildAssets } from "../../../ingest/build-index";
import { fixtureSessions } from "../../fixtures/corpus";
import { EXPORT_MAX_ROWS } from "../../../src/search/export";
import { CSV_BOM } from "../../../src/web/api/csv";
import { getJson, testApp } from "./app";

const { app } = testApp();
const today = () => new Date().toISOString().slice(0, 10);

describe("GET /api/search: speakers named by plain words", () => {
  test("a delegation's name with a topic: `speakers` first, its query on the rest of the words", async () => {
    const { body } = await getJson(app, "/api/search?q=egypt+roaming");
    expect(body.speakers).toEqual([
      {
        id: "EGY",
        name: "Egypt",
        kind: "delegation",
        utterances: expect.any(Number),
        words: "egypt",
        rule: "exact",
        q: "speaker:EGY roaming",
      },
    ]);
    expect(body.speakers[0].utterances).toBeGreaterThan(0);
    // The plain-text results stay: utterances with both words.
    expect(body.total).toBe(body.results.length);
  });

  test("the query a speaker entry offers finds that delegation's words", async () => {
    const { body } = await getJson(app, "/api/search?q=egypt+roaming");
    const { body: theirs } = await getJson(
      app,
      `/api/search?q=${encodeURIComponent(body.speakers[0].q)}`,
    );
    expect(theirs.total).toBeGreaterThan(0);
    expect(
      theirs.results.every((hit: { speaker: { id: string } }) => hit.speaker.id === "EGY"),
    ).toBe(true);
  });

  test.each([
    ["chairman", "chair", "exact"],
    ["egipt", "EGY", "spelling"],
    ["republic+of+korea+security", "KOR", "exact"],
  ])("%s names %s (%s)", async (q, id, rule) => {
    const { body } = await getJson(app, `/api/search?q=${q}`);
    expect(body.speakers.map((s: { id: string; rule: string }) => `${s.id}/${s.rule}`)).toContain(
      `${id}/${rule}`,
    );
  });

  test("no name, no speakers; filters, phrases and exclusions are not read as names", async () => {
    for (const q of ["human+rights", "%22egypt%22", "-egypt+rights", "speaker:EGY+rights"]) {
      const { body } = await getJson(app, `/api/search?q=${q}`);
      expect(body.speakers, q).toEqual([]);
    }
  });
});

describe("GET /api/search: did you mean", () => {
  test("a word found nowhere gets the corpus's spelling with its total", async () => {
    const { body } = await getJson(app, "/api/search?q=secrity");
    expect(body.total).toBe(0);
    const { body: corrected } = await getJson(app, "/api/search?q=security");
    expect(corrected.total).toBeGreaterThan(0);
    expect(body.suggestion).toEqual({ q: "security", total: corrected.total });
  });

  test("several words: the combination that matches most, filters kept as typed", async () => {
    const { body } = await getJson(app, "/api/search?q=humna+rigths+speaker:CAN");
    expect(body.suggestion?.q).toBe("human rights speaker:CAN");
    const { body: corrected } = await getJson(app, "/api/search?q=human+rights+speaker:CAN");
    expect(body.suggestion.total).toBe(corrected.total);
  });

  test("words the corpus has get no suggestion; neither does a correction that finds nothing", async () => {
    expect((await getJson(app, "/api/search?q=security")).body.suggestion).toBeNull();
    expect((await getJson(app, "/api/search?q=qwertyuiop")).body.suggestion).toBeNull();
  });
});

describe("speaker URLs and filters forgive", () => {
  test.each([
    ["/speakers/egypt", "/speakers/EGY"],
    ["/speakers/egy", "/speakers/EGY"],
    ["/speakers/EGYPT", "/speakers/EGY"],
    ["/speakers/Arab%20Republic%20of%20Egypt", "/speakers/EGY"],
    ["/speakers/chairman?page=1", "/speakers/chair?page=1"],
    ["/api/speakers/egypt", "/api/speakers/EGY"],
  ])("%s -> 301 %s", async (path, location) => {
    const response = await app.request(path);
    expect(response.status).toBe(301);
    expect(response.headers.get("Location")).toBe(location);
  });

  test("the canonical URL answers as before", async () => {
    expect((await app.request("/speakers/EGY")).status).toBe(200);
  });

  test("a speaker URL naming nobody: 404 with the nearest names as links", async () => {
    const response = await app.request("/speakers/egipt");
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain("Did you mean");
    expect(html).toContain('href="/speakers/EGY"');
  });

  test("an unknown speaker: is a 400 that suggests the nearest names", async () => {
    const { response, body } = await getJson(app, "/api/search?q=speaker:egipt+rights");
    expect(response.status).toBe(400);
    expect(body.parameter).toBe("q");
    expect(body.message).toContain("did you mean Egypt (speaker:EGY)?");
    expect(body.suggestions).toEqual(["EGY"]);
  });

  test("the speaker parameter is named in its own 400", async () => {
    const { response, body } = await getJson(app, "/api/search?q=rights&speaker=canda");
    expect(response.status).toBe(400);
    expect(body.parameter).toBe("speaker");
    expect(body.suggestions).toContain("CAN");
  });
});

async function bytes(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer());
}

function decode(data: Uint8Array): string {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(data);
}

describe("GET /api/export: files people can open", () => {
  test("CSV: UTF-8 with a byte-order mark, every result, a descriptive file name", async () => {
    const response = await app.request("/api/export?q=rights&speaker=EGY");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="wcit12-search-rights-egypt-${today()}.csv"`,
    );
    const data = await bytes(response);
    expect([...data.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = decode(data);
    expect(text.startsWith(`${CSV_BOM}id,date,session_time,conference,session_id`)).toBe(true);
    const { body } = await getJson(app, "/api/search?q=rights&speaker=EGY&limit=100");
    expect(text.trimEnd().split("\r\n")).toHaveLength(1 + body.total);
  });

  test("the file name names speakers typed in q by name; JSON gets the same name", async () => {
    const response = await app.request("/api/export?q=speaker:EGY+digital+divide&format=json");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="wcit12-search-egypt-digital-divide-${today()}.json"`,
    );
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ synthetic: true, capReached: false, cap: EXPORT_MAX_ROWS });
    expect((body.results as unknown[]).length).toBe(body.total);
  });

  test("/api/search?format=csv is the same export", async () => {
    const a = decode(await bytes(await app.request("/api/search?q=rights&format=csv")));
    const b = decode(await bytes(await app.request("/api/export?q=rights")));
    expect(a).toBe(b);
  });

  test("a bad query is a 400 naming the parameter, not a broken file", async () => {
    const { response, body } = await getJson(app, "/api/export?q=&format=csv");
    expect(response.status).toBe(400);
    expect(body.parameter).toBe("q");
  });

  test(`every row up to the cap of ${EXPORT_MAX_ROWS}, streamed, and the file says when it stopped`, async () => {
    const template = fixtureSessions().find((s) => s.version === "finished")!;
    const rows = EXPORT_MAX_ROWS + 25;
    const big = {
      ...template,
      utterances: Array.from({ length: rows }, (_, seq) => ({
        ...template.utterances[1]!,
        id: `${template.id}.${seq}`,
        seq,
        text: `Côte d’Ivoire notes synthetic turn ${seq} on spam.`,
        annotations: [],
        documents: [],
      })),
    };
    const { app: bigApp } = testApp({ files: buildAssets([big]).files });
    const response = await bigApp.request("/api/export?q=spam");
    expect(response.body).toBeInstanceOf(ReadableStream);
    expect(response.headers.get("X-Export-Total")).toBe(String(rows));
    const text = decode(await bytes(response));
    const lines = text.trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + EXPORT_MAX_ROWS + 1);
    expect(lines[1]).toContain("Côte d’Ivoire");
    expect(lines.at(-1)).toMatch(/stops at its cap of 10,000 rows; the search has 10,025 results/);
    const json = (await (await bigApp.request("/api/export?q=spam&format=json")).json()) as Record<
      string,
      unknown
    >;
    expect(json).toMatchObject({ total: rows, exported: EXPORT_MAX_ROWS, capReached: true });
    expect((json.results as unknown[]).length).toBe(EXPORT_MAX_ROWS);
    expect(json.note).toMatch(/cap of 10,000 rows/);
  }, 60_000);
});
