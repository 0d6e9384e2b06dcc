/** The Node entry: serves the API and the static assets from a built folder. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeAssets } from "../../ingest/build-index";
import { nodeScheduler, startNodeServer } from "../../src/node";
import { type Pace, type Steps, checkpoint } from "../../src/search/pace";
import { fixtureAssets } from "../fixtures/corpus";

let dir = "";
let server: ReturnType<typeof startNodeServer> | undefined;
let base = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "wcit-node-"));
  await writeAssets(join(dir, "assets"), fixtureAssets());
  await writeFile(join(dir, "secret.txt"), "outside the assets");
  server = startNodeServer({ assetsDir: join(dir, "assets"), port: 0 });
  await new Promise<void>((ready) => server?.once("listening", () => ready()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => server?.close(done));
  await rm(dir, { recursive: true, force: true });
});

describe("node server", () => {
  test("answers the API from the built assets", async () => {
    const response = await fetch(`${base}/api/search?q=roaming`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { total: number; synthetic: boolean };
    expect(body).toMatchObject({ total: 1, synthetic: true });
  });

  test("serves static files under the assets folder only", async () => {
    const manifest = await fetch(`${base}/data/manifest.json`);
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get("Content-Type")).toMatch(/application\/json/);
    expect(manifest.headers.get("X-Content-Type-Options")).toBe("nosniff");
    for (const path of ["/..%2Fsecret.txt", "/data/..%2F..%2Fsecret.txt", "/missing.css"]) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(404);
    }
  });
});

describe("nodeScheduler", () => {
  test("pauses a task past its slice on the real clock and resumes it on a later turn", async () => {
    const scheduler = nodeScheduler(0.05);
    function* busy(pace: Pace): Steps<number> {
      let sum = 0;
      for (let i = 0; i < 2_000_000; i++) {
        sum += i % 7;
        if (checkpoint(pace, i)) yield;
      }
      return sum;
    }
    let immediateRan = false;
    setImmediate(() => (immediateRan = true));
    const result = scheduler.run(busy);
    expect(scheduler.stats.waiting).toBe(1); // 2,000,000 items take longer than 0.05 ms
    expect(immediateRan).toBe(false);
    expect(await result).toBe(5_999_995); // the same sum as straight through
    expect(immediateRan).toBe(true); // the event loop turned while the task was paused
    expect(scheduler.stats.slowSlices).toBeGreaterThan(1);
  });
});
