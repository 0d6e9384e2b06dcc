/**
 * Links come from configuration, never from the request: without a canonical origin they are
 * relative (so no response depends on the Host header, and a shared cache cannot be poisoned
 * with a forged one); with one they are absolute on it. CSV cells starting with a formula
 * character, full-width forms included, are neutralised.
 */
import { describe, expect, it } from "vitest";
import { csvCell } from "../../../src/web/api/csv";
import { canonicalOriginOf, createApp } from "../../../src/web/app";
import { openCorpus } from "../../../src/search/load";
import { fixtureAssets, memoryReader } from "../../fixtures/corpus";

const { files } = fixtureAssets();
const appWith = (canonicalOrigin?: string) =>
  createApp({ loadCorpus: () => openCorpus(memoryReader(files)), canonicalOrigin });
const PATHS = [
  "/api/search?q=rights&limit=2",
  "/api/search?q=rights&limit=2&format=csv",
  "/api/utterances/plenary-2.1",
  "/utterances/plenary-2.1",
];

describe("links and the Host header", () => {
  it.each(PATHS)("%s: the same bytes whatever the Host, and no foreign origin", async (path) => {
    const app = appWith();
    const plain = await (await app.request(path)).text();
    const forged = await app.request(`http://evil.example${path}`, {
      headers: { Host: "evil.example", "X-Forwarded-Host": "evil.example" },
    });
    const body = await forged.text();
    expect(body).toBe(plain);
    expect(body).not.toContain("evil.example");
    expect(body).not.toContain("localhost");
  });

  it("builds absolute permalinks on the configured origin only", async () => {
    const app = appWith("https://wcit.example.org");
    const response = await app.request("http://evil.example/api/search?q=rights&limit=2", {
      headers: { Host: "evil.example" },
    });
    const body = (await response.json()) as { results: { id: string; permalink: string }[] };
    for (const hit of body.results) {
      expect(hit.permalink).toBe(`https://wcit.example.org/utterances/${hit.id}`);
    }
    expect(JSON.stringify(body)).not.toContain("evil.example");
  });

  it("takes an origin from the Worker's env, and refuses one that is not an origin", async () => {
    const app = createApp<{ CANONICAL_ORIGIN: string }>({
      loadCorpus: () => openCorpus(memoryReader(files)),
      canonicalOrigin: (env) => env.CANONICAL_ORIGIN,
    });
    const response = await app.request(
      "/api/utterances/plenary-2.1",
      {},
      {
        CANONICAL_ORIGIN: "https://wcit.example.org/",
      },
    );
    const body = (await response.json()) as { utterance: { permalink: string } };
    expect(body.utterance.permalink).toBe("https://wcit.example.org/utterances/plenary-2.1");
    expect(canonicalOriginOf("")).toBe("");
    expect(() => canonicalOriginOf("https://wcit.example.org/path")).toThrow(/CANONICAL_ORIGIN/);
    expect(() => canonicalOriginOf("javascript:alert(1)")).toThrow(/not an origin/);
  });
});

describe("CSV formula characters", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "＝1+1", "＋1", "－1", "＠SUM(A1)"])(
    "%j is neutralised",
    (cell) => {
      expect(csvCell(cell).replace(/^"/, "").startsWith("'")).toBe(true);
    },
  );
  it("leaves ordinary text alone", () => {
    expect(csvCell("Egypt: we agree")).toBe("Egypt: we agree");
  });
});
