/**
 * The report files of the scraper, byte for byte, against golden copies: a first run on the
 * fixture site, a second run over the same cache, a run with the site down, and an --all run.
 * What changes from run to run (the site's port, the temporary folders, the clock, the rendered
 * files' hashes and sizes) is normalised; everything else (entries, outcomes, reasons, errors,
 * attempts, totals, order, key order) must stay exactly as it was. A refactor of ingest/fetch
 * that changes the report fails here. `UPDATE_GOLDEN=1 npx vitest run test/fetch/report-golden`
 * rewrites the golden files after an intended change.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultFetchOptions, type FetchOptions } from "../../ingest/fetch/options";
import { REPORT_FILE } from "../../ingest/fetch/report";
import { runFetch } from "../../ingest/fetch/run";
import type { ProcessedSource, SourceFailure } from "../../ingest/pipeline";
import { fakeProcess, fakeWriteCorpus } from "./fake-pipeline";
import { startFixtureSite, type FixtureSite } from "./fixture-site";
import { PATH, renderFiles, wcitSite } from "./wcit-site";

const GOLDEN = join(import.meta.dirname, "golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

let site: FixtureSite;
let dir: string;
let options: FetchOptions;
const calls: { processed: ProcessedSource[]; failures: SourceFailure[] }[] = [];
const deps = () => ({ process: fakeProcess, writeCorpus: fakeWriteCorpus(calls), random: () => 0 });

/** The report file as written, with the volatile parts replaced by placeholders. */
async function normalisedReport(outDir: string): Promise<string> {
  const text = await readFile(join(outDir, REPORT_FILE), "utf8");
  return text
    .replaceAll(site.origin, "http://SITE")
    .replaceAll(dir, "/TMP")
    .replace(/"(startedAt|finishedAt)": "[^"]+"/g, '"$1": "TIME"')
    .replace(/"sha256": "[0-9a-f]{64}"/g, '"sha256": "SHA256"')
    .replace(/\(sha256 [0-9a-f]{12}\)/g, "(sha256 SHA256)")
    .replace(/"bytes": \d+/g, '"bytes": 0')
    .replace(/\d+ of \d+ bytes/g, "N of N bytes")
    .replace(/after \d+ bytes/g, "after N bytes");
}

async function expectGolden(name: string, outDir: string): Promise<void> {
  const actual = await normalisedReport(outDir);
  const path = join(GOLDEN, name);
  if (UPDATE || !existsSync(path)) await writeFile(path, actual);
  expect(actual).toBe(await readFile(path, "utf8"));
}

beforeAll(async () => {
  const files = await renderFiles();
  site = await startFixtureSite(wcitSite(files), { latencyMs: 5 });
  dir = await mkdtemp(join(tmpdir(), "wcit-golden-"));
  options = {
    ...defaultFetchOptions(),
    indexUrls: [site.url(PATH.index)],
    outDir: join(dir, "out"),
    cacheDir: join(dir, "cache"),
    concurrency: 1,
    delayMs: 0,
    waybackUrl: site.origin,
    timeoutMs: 5_000,
    backoffBaseMs: 5,
    backoffMaxMs: 20,
  };
}, 60_000);

afterAll(async () => {
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the report files on the fixture site", () => {
  it("first run", async () => {
    await runFetch(options, deps());
    await expectGolden("first-run.json", options.outDir);
  }, 60_000);

  it("second run over the same cache", async () => {
    await runFetch(options, deps());
    await expectGolden("second-run.json", options.outDir);
  }, 60_000);

  it("a run with the site down, falling back to the cache", async () => {
    site.setDown(500);
    try {
      await runFetch({ ...options, retries: 1, outDir: join(dir, "down") }, deps());
    } finally {
      site.setDown(null);
    }
    await expectGolden("site-down.json", join(dir, "down"));
  }, 60_000);

  it("an --all run with a fresh cache", async () => {
    const all = { ...options, all: true, outDir: join(dir, "all"), cacheDir: join(dir, "c2") };
    await runFetch(all, deps());
    await expectGolden("all.json", all.outDir);
  }, 60_000);
});
