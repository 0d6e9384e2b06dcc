/**
 * The Worker in the real Workers runtime: builds the assets of the synthetic fixture corpus into
 * a temporary folder, starts `wrangler dev --local` on a free port with a config pointing at
 * src/worker.ts and those assets, and answers searches through it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeAssets } from "../../ingest/build-index";
import { SYNTHETIC_NOTICE } from "../../src/domain";
import { containsPhrase } from "../../src/search/text";
import { fixtureAssets } from "../fixtures/corpus";

const READY_TIMEOUT_MS = 90_000;
const ROOT = resolve(import.meta.dirname, "../..");

let dir = "";
let child: ChildProcess | undefined;
let base = "";
let output = "";

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

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
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(
    join(ROOT, "node_modules/.bin/wrangler"),
    [
      "dev",
      "--config",
      config,
      "--local",
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--show-interactive-dev-session=false",
      "--persist-to",
      join(dir, "state"),
    ],
    {
      cwd: dir,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        WRANGLER_SEND_METRICS: "false",
        CLOUDFLARE_CF_FETCH_ENABLED: "false",
        CI: "true",
      },
    },
  );
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(
      () =>
        fail(new Error(`runtime: wrangler dev not ready after ${READY_TIMEOUT_MS} ms:\n${output}`)),
      READY_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready on/.test(output)) {
        clearTimeout(timer);
        ready();
      }
    };
    child?.stdout?.on("data", onData);
    child?.stderr?.on("data", onData);
    child?.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`runtime: wrangler dev exited (${code}) before ready:\n${output}`));
    });
  });
}, 120_000);

afterAll(async () => {
  if (child?.pid !== undefined && child.exitCode === null) {
    const exited = new Promise((done) => child?.once("exit", done));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
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
