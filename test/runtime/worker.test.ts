/**
 * The Worker in the real Workers runtime: builds the assets of the synthetic fixture corpus into
 * a temporary folder, starts `wrangler dev --local` on a free port with a config pointing at
 * src/worker.ts and those assets, and answers searches through it.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeAssets } from "../../ingest/build-index";
import { type DevWorker, startWranglerDev } from "../../scripts/wrangler-dev";
import { SYNTHETIC_NOTICE } from "../../src/domain";
import { containsPhrase } from "../../src/search/text";
import { fixtureAssets } from "../fixtures/corpus";

const ROOT = resolve(import.meta.dirname, "../..");

let dir = "";
let worker: DevWorker | undefined;
let base = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "wcit-runtime-"));
  const assetsDir = join(dir, "assets");
  await writeAssets(assetsDir, fixtureAssets());
  const config = join(dir, "wrangler.toml");
  await writeFile(
    config,
    [
      'name = "wcit-search-runtime-test"',
      `main = ${JSON.stringify(join(ROOT, "src/worker.ts"))}`,
      'compatibility_date = "2026-04-01"',
      "send_metrics = false",
      "[assets]",
      `directory = ${JSON.stringify(assetsDir)}`,
      'binding = "ASSETS"',
      "run_worker_first = true",
      "[vars]",
      `CANONICAL_ORIGIN = ${JSON.stringify(CANONICAL)}`,
      "",
    ].join("\n"),
  );
  worker = await startWranglerDev({ config, cwd: dir });
  base = worker.base;
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const CANONICAL = "https://wcit.example.org";

describe("the Worker in wrangler dev --local", () => {
  test("answers a phrase search from the built assets", async () => {
    const response = await fetch(
      `${base}/api/search?q=${encodeURIComponent('"human rights"')}&limit=10`,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      total: number;
      synthetic: boolean;
      notice: string;
      results: { id: string; text: string; citation: { text: string } }[];
    };
    expect(body.total).toBe(6);
    expect(body.synthetic).toBe(true);
    expect(body.notice).toBe(SYNTHETIC_NOTICE);
    expect(body.results.map((hit) => hit.id)).toContain("plenary-1.2");
    for (const hit of body.results) expect(containsPhrase(hit.text, "human rights")).toBe(true);
    // Absolute on the configured origin (the CANONICAL_ORIGIN var), not on the request's Host.
    expect(body.results[0]?.citation.text).toContain(`${CANONICAL}/utterances/`);
  });

  test("answers a malformed query with 400 naming the parameter", async () => {
    const response = await fetch(`${base}/api/search?q=ab*`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ parameter: "q" });
  });

  test("serves the static assets through the ASSETS binding, with our headers", async () => {
    const response = await fetch(`${base}/data/manifest.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(((await response.json()) as { backend: string }).backend).toBe("compact");
  });
});
