import { describe, expect, test } from "vitest";
import { SYNTHETIC_NOTICE } from "../../../src/domain";
import { INDEX_FORMAT_VERSION, MANIFEST_FILE } from "../../../src/search/schema";
import { readStoreFile, writeStoreFile } from "../../../src/search/store-file";
import { fixtureAssets } from "../../fixtures/corpus";
import { getJson, testApp } from "./app";

const { app, logged, loads } = testApp();

describe("GET /api/search", () => {
  test("answers results with the synthetic flag and notice", async () => {
    const { response, body } = await getJson(app, "/api/search?q=%22human+rights%22&limit=3");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/application\/json/);
    expect(body.total).toBe(6);
    expect(body.results).toHaveLength(3);
    expect(body.synthetic).toBe(true);
    expect(body.notice).toBe(SYNTHETIC_NOTICE);
    for (const hit of body.results) {
      expect(hit.text.toLowerCase().replace(/\s+/g, " ")).toContain("human rights");
      expect(hit.permalink).toBe(`/utterances/${hit.id}`);
      expect(hit.citation.text).toContain("SYNTHETIC SAMPLE");
    }
  });

  test("filter parameters combine with the query", async () => {
    const { body } = await getJson(
      app,
      "/api/search?q=rights&speaker=Iran&body=plenary&from=2012-12-04&to=2012-12-05",
    );
    expect(body.total).toBeGreaterThan(0);
    for (const hit of body.results) {
      expect(hit.speaker.id).toBe("IRN");
      expect(hit.session.id).toBe("plenary-2");
    }
    const { body: chairs } = await getJson(
      app,
      "/api/search?kind=chair&session=committee-5-1&sort=chronological",
    );
    expect(chairs.results.map((h: { id: string }) => h.id)).toEqual([
      "committee-5-1.0",
      "committee-5-1.6",
    ]);
  });

  test("offset pages through results", async () => {
    const { body: all } = await getJson(app, "/api/search?q=the&sort=chronological&limit=100");
    const { body: page } = await getJson(
      app,
      "/api/search?q=the&sort=chronological&limit=2&offset=2",
    );
    expect(page.results.map((h: { id: string }) => h.id)).toEqual(
      all.results.slice(2, 4).map((h: { id: string }) => h.id),
    );
  });

  test.each([
    ["q=" + "x".repeat(201), "q"],
    ["q=a+b+c+d+e+f+g+h+i+j+k", "q"],
    ["q=ab*", "q"],
    ["q=gove~", "q"],
    ["q=%22open", "q"],
    ["q=colour:red", "q"],
    ["q=speaker:atlantis", "q"],
    ["q=", "q"],
    ["", "q"],
    ["q=rights&limit=101", "limit"],
    ["q=rights&limit=0", "limit"],
    ["q=rights&limit=ten", "limit"],
    ["q=rights&limit=-1", "limit"],
    ["q=rights&offset=1001", "offset"],
    ["q=rights&offset=1.5", "offset"],
    ["q=rights&sort=random", "sort"],
    ["q=rights&format=xml", "format"],
    ["q=rights&speaker=atlantis", "speaker"],
    ["q=rights&session=plenary-99", "session"],
    ["q=rights&body=council", "body"],
    ["q=rights&kind=king", "kind"],
    ["q=rights&from=2012-13-01", "from"],
    ["q=rights&to=yesterday", "to"],
    ["q=rights&from=2012-12-10&to=2012-12-03", "from"],
    ["q=rights&colour=red", "colour"],
    ["q=rights&q=divide", "q"],
  ])("?%s -> 400 naming %s", async (query, parameter) => {
    const started = Date.now();
    const { response, body } = await getJson(app, `/api/search?${query}`);
    expect(response.status).toBe(400);
    expect(body).toMatchObject({ status: 400, error: "bad_parameter", parameter });
    expect(body.message).toMatch(new RegExp(`^${parameter}: `));
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test("format=csv exports every result with a header row", async () => {
    const response = await app.request("/api/search?q=%22digital+divide%22&format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/csv/);
    expect(response.headers.get("Content-Disposition")).toMatch(
      /attachment; filename="wcit12-search-digital-divide-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(response.headers.get("X-Corpus-Synthetic")).toBe("true");
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^id,date,session_time,conference,session_id,session_name,/);
    expect(lines[0]).toContain(",turn,quote,text,attribution,attribution_uncertain,");
    expect(lines).toHaveLength(1 + 3);
    expect(lines.slice(1).every((line) => line.includes("digital divide"))).toBe(true);
  });

  test("CSV quotes special characters", async () => {
    const response = await app.request("/api/search?q=%22unsolicited+bulk%22&format=csv");
    const text = await response.text();
    expect(text).toContain(
      '"Our delegation asks that the words ""spam"" & <unsolicited bulk> messages be defined carefully."',
    );
  });
});

describe("GET /api/phrase", () => {
  test("traces a phrase", async () => {
    const { response, body } = await getJson(app, "/api/phrase?q=human+rights");
    expect(response.status).toBe(200);
    expect(body.total).toBe(6);
    expect(body.first.id).toBe("plenary-1.2");
    expect(body.sessions.map((s: { count: number }) => s.count)).toEqual([3, 1, 2]);
    expect(body.synthetic).toBe(true);
  });

  test("CSV of the occurrences", async () => {
    const response = await app.request("/api/phrase?q=human+rights&format=csv");
    expect(response.headers.get("Content-Type")).toMatch(/^text\/csv/);
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="wcit12-phrase-human-rights-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.trimEnd().split("\r\n")).toHaveLength(7);
  });

  test.each([
    ["", "q"],
    ["q=", "q"],
    ["q=%22a%22+%22b%22", "q"],
    ["q=rights&limit=500", "limit"],
    ["q=rights&speaker=EGY", "speaker"],
  ])("?%s -> 400 naming %s", async (query, parameter) => {
    const { response, body } = await getJson(app, `/api/phrase?${query}`);
    expect(response.status).toBe(400);
    expect(body.parameter).toBe(parameter);
  });
});

describe("catalog routes", () => {
  test("GET /api/sessions and /api/sessions/:id", async () => {
    const { body } = await getJson(app, "/api/sessions");
    expect(body.sessions.map((s: { id: string }) => s.id)).toEqual([
      "plenary-1",
      "plenary-1-rough",
      "committee-5-1",
      "plenary-2",
    ]);
    expect(body.synthetic).toBe(true);
    const { response, body: transcript } = await getJson(app, "/api/sessions/plenary-2");
    expect(response.status).toBe(200);
    expect(transcript).toMatchObject({ id: "plenary-2", title: "PLENARY 2", synthetic: true });
    expect(transcript.utterances.map((u: { seq: number }) => u.seq)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test("GET /api/speakers and /api/speakers/:id", async () => {
    const { body } = await getJson(app, "/api/speakers");
    expect(body.speakers.find((s: { id: string }) => s.id === "EGY")).toMatchObject({
      name: "Egypt",
      utterances: 4,
    });
    const { body: iran } = await getJson(app, "/api/speakers/IRN");
    expect(iran).toMatchObject({
      id: "IRN",
      utterances: 4,
      sessions: 3,
      first: "plenary-1.3",
      synthetic: true,
    });
  });

  test("GET /api/utterances/:id?context=N", async () => {
    const { body } = await getJson(app, "/api/utterances/committee-5-1.3?context=1");
    expect(body.utterance.id).toBe("committee-5-1.3");
    expect(body.before.map((u: { id: string }) => u.id)).toEqual(["committee-5-1.2"]);
    expect(body.after.map((u: { id: string }) => u.id)).toEqual(["committee-5-1.4"]);
    expect(body.utterance.source.line).toBeGreaterThan(0);
  });

  test("GET /api/documents and /api/documents/:ref (slash unencoded or encoded)", async () => {
    const { body: list } = await getJson(app, "/api/documents");
    expect(list.documents.map((d: { id: string }) => d.id).sort()).toEqual([
      "ADM/5",
      "ARTICLE/5",
      "DT/30-REV3",
    ]);
    const { body } = await getJson(app, "/api/documents/DT/30-REV3");
    expect(body.mentions.map((m: { id: string }) => m.id)).toEqual(["plenary-1.6", "plenary-2.0"]);
    const { body: encoded } = await getJson(app, "/api/documents/adm%2F5");
    expect(encoded.id).toBe("ADM/5");
  });

  test.each(["dt-30-rev3", "dt-30-rev-3", encodeURIComponent("DT/30 rev 3"), "DT/30-REV3"])(
    "GET /api/documents/%s finds DT/30-REV3 (slug, spoken form or id)",
    async (ref) => {
      const { body } = await getJson(app, `/api/documents/${ref}`);
      expect(body.id).toBe("DT/30-REV3");
    },
  );

  test("GET /api/corpus", async () => {
    const { body } = await getJson(app, "/api/corpus");
    expect(body).toMatchObject({
      synthetic: true,
      formatVersion: INDEX_FORMAT_VERSION,
      counts: { sessions: 4, utterances: 25 },
    });
  });

  test.each([
    ["/api/sessions/plenary-99", /session "plenary-99" not found/],
    ["/api/speakers/XXX", /speaker "XXX" not found/],
    ["/api/utterances/plenary-1.99", /utterance "plenary-1.99" not found/],
    ["/api/utterances/nonsense", /utterance "nonsense" not found/],
    ["/api/documents/DT/999", /document "DT\/999" not found/],
    ["/api/nothing-here", /no route GET \/api\/nothing-here/],
  ])("%s -> 404 JSON", async (path, message) => {
    const { response, body } = await getJson(app, path);
    expect(response.status).toBe(404);
    expect(body).toMatchObject({ status: 404, error: "not_found" });
    expect(body.message).toMatch(message);
  });

  test.each([
    ["/api/sessions?x=1", "x"],
    ["/api/utterances/plenary-1.1?context=21", "context"],
    ["/api/utterances/plenary-1.1?context=two", "context"],
    ["/api/speakers/EGY?limit=3", "limit"],
    ["/api/utterances/plenary-1.1?=x", "(empty name)"],
    ["/api/search?q=x&=", "(empty name)"],
  ])("%s -> 400 naming %s", async (path, parameter) => {
    const { response, body } = await getJson(app, path);
    expect(response.status).toBe(400);
    expect(body.parameter).toBe(parameter);
  });
});

describe("HTTP behaviour", () => {
  test("secure headers on every response", async () => {
    for (const path of ["/api/search?q=rights", "/api/nothing", "/"]) {
      const response = await app.request(path);
      expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(response.headers.get("X-Frame-Options")).toBe("SAMEORIGIN");
      expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
    }
  });

  test("Cache-Control and ETag; If-None-Match answers 304", async () => {
    const first = await app.request("/api/search?q=rights");
    expect(first.headers.get("Cache-Control")).toBe("public, max-age=300");
    const tag = first.headers.get("ETag");
    expect(tag).toMatch(/^"[^"]+"$/);
    const again = await app.request("/api/search?q=rights", {
      headers: { "If-None-Match": tag ?? "" },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const other = await app.request("/api/search?q=divide", {
      headers: { "If-None-Match": tag ?? "" },
    });
    expect(other.status).toBe(200);
  });

  test("CORS: GET allowed from any origin; preflight offers GET and HEAD only", async () => {
    const get = await app.request("/api/search?q=rights", {
      headers: { Origin: "https://news.example" },
    });
    expect(get.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const preflight = await app.request("/api/search", {
      method: "OPTIONS",
      headers: { Origin: "https://news.example", "Access-Control-Request-Method": "POST" },
    });
    expect(preflight.status).toBe(204);
    const allowed = (preflight.headers.get("Access-Control-Allow-Methods") ?? "").split(/,\s*/);
    expect(allowed.sort()).toEqual(["GET", "HEAD"]);
  });

  test.each(["POST", "PUT", "PATCH", "DELETE"])("%s on the API -> 405 JSON", async (method) => {
    const { response, body } = await getJson(app, "/api/search?q=rights", { method });
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("GET, HEAD, OPTIONS");
    expect(body.error).toBe("method_not_allowed");
  });

  test("HEAD answers like GET without a body", async () => {
    const response = await app.request("/api/sessions", { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });

  test("the home page links the API document and carries the synthetic notice", async () => {
    const response = await app.request("/");
    const html = await response.text();
    expect(response.headers.get("Content-Type")).toMatch(/text\/html/);
    expect(html).toContain('href="/api/openapi.json"');
    expect(html).toContain("SYNTHETIC SAMPLE");
  });

  test("the corpus is loaded once", () => {
    expect(loads()).toBe(1);
    expect(logged.filter((line) => line.startsWith("error"))).toEqual([]);
  });
});

describe("failures", () => {
  test("assets of another format version -> 503 naming the rebuild, logged, and retried", async () => {
    const files = new Map(fixtureAssets().files);
    const manifest = JSON.parse(files.get(MANIFEST_FILE) ?? "{}");
    files.set(MANIFEST_FILE, JSON.stringify({ ...manifest, formatVersion: 0 }));
    const broken = testApp({ files });
    for (let i = 0; i < 2; i++) {
      const { response, body } = await getJson(broken.app, "/api/search?q=rights");
      expect(response.status).toBe(503);
      expect(body.message).toBe(
        `search: index version 0 does not match ${INDEX_FORMAT_VERSION}: run npm run build`,
      );
    }
    expect(broken.loads()).toBe(2);
    expect(
      broken.logged.some((line) =>
        line.startsWith("error: web: GET /api/search: search: index version 0"),
      ),
    ).toBe(true);
  });

  test("an unexpected error -> clean JSON 500, details only in the log", async () => {
    const files = new Map(fixtureAssets().files);
    const manifest = JSON.parse(files.get(MANIFEST_FILE) ?? "{}");
    const { file: store } = readStoreFile(files.get(manifest.files.store) ?? "", "store", () => {});
    store.utterances.speaker = store.utterances.speaker.map(() => 999);
    files.set(manifest.files.store, writeStoreFile(store));
    const broken = testApp({ files });
    const { response, body } = await getJson(broken.app, "/api/utterances/plenary-1.1");
    expect(response.status).toBe(500);
    expect(body).toEqual({
      status: 500,
      error: "internal",
      message: "internal error",
      synthetic: true,
      notice: SYNTHETIC_NOTICE,
    });
    expect(
      broken.logged.some((line) =>
        /^error: web: GET \/api\/utterances\/plenary-1\.1: .*has no speaker/s.test(line),
      ),
    ).toBe(true);
  });
});
