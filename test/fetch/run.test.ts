/**
 * The scraper end to end against the fixture site (127.0.0.1), with the pipeline replaced by a
 * stand-in (fake-pipeline.ts) so that these tests are about fetching: every fault ends up in the
 * report, none crashes the run or costs a good session, retries are bounded, at most 2 requests
 * are in flight, Retry-After is honoured, a second run downloads nothing, and a failed run leaves
 * earlier output untouched.
 */
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultFetchOptions, type FetchOptions } from "../../ingest/fetch/options";
import type { FetchReport, ReportEntry } from "../../ingest/fetch/report";
import { runFetch } from "../../ingest/fetch/run";
import type { ProcessedSource, SourceFailure } from "../../ingest/pipeline";
import { fakeProcess, fakeWriteCorpus } from "./fake-pipeline";
import { startFixtureSite, type FixtureSite } from "./fixture-site";
import {
  CAPTURE_TIMESTAMP,
  KEPT_SESSIONS,
  PATH,
  RETRY_AFTER_SECONDS,
  renderFiles,
  wcitSite,
} from "./wcit-site";

let site: FixtureSite;
let dir: string;
let options: FetchOptions;
const calls: { processed: ProcessedSource[]; failures: SourceFailure[] }[] = [];
let first: FetchReport;
/** Requests per path during the first run. */
let firstCounts: Map<string, number>;
let firstMaxInFlight: number;
let firstRequests: FixtureSite["requests"];

const deps = () => ({ process: fakeProcess, writeCorpus: fakeWriteCorpus(calls) });

function entry(report: FetchReport, path: string): ReportEntry {
  const found = report.entries.find((e) => e.url === site.url(path));
  if (found === undefined) throw new Error(`no report entry for ${path}`);
  return found;
}

async function snapshot(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of (await readdir(folder)).sort()) {
    if (name.endsWith(".json") && name !== "ingest-report.json") {
      files.set(name, await readFile(join(folder, name), "utf8"));
    }
  }
  return files;
}

beforeAll(async () => {
  const files = await renderFiles();
  site = await startFixtureSite(wcitSite(files), { latencyMs: 15 });
  dir = await mkdtemp(join(tmpdir(), "wcit-fetch-"));
  options = {
    ...defaultFetchOptions(),
    indexUrls: [site.url(PATH.index)],
    outDir: join(dir, "out"),
    cacheDir: join(dir, "cache"),
    delayMs: 0,
    waybackUrl: site.origin,
    timeoutMs: 5_000,
    backoffBaseMs: 5,
    backoffMaxMs: 20,
  };
  first = await runFetch(options, deps());
  firstCounts = new Map();
  for (const r of site.requests) firstCounts.set(r.path, (firstCounts.get(r.path) ?? 0) + 1);
  firstMaxInFlight = site.maxInFlight;
  firstRequests = [...site.requests];
}, 60_000);

afterAll(async () => {
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("first run against the fixture site", () => {
  it("ingests every plenary and Committee 5 session it can reach, and exits 0", () => {
    expect(first.exitCode).toBe(0);
    expect(first.sessions).toEqual([...KEPT_SESSIONS]);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.processed.map((p) => p.record.id).sort()).toEqual(first.sessions);
  });

  it("keeps the rough live and the finished version of a session, both passed to the corpus", () => {
    expect(entry(first, PATH.plenary1).sessionId).toBe("plenary-1");
    expect(entry(first, PATH.plenary1Live).sessionId).toBe("plenary-1-rough");
  });

  it("stores the same file reached through two URLs once", () => {
    const a = entry(first, PATH.plenary2);
    const b = entry(first, PATH.plenary2Copy);
    const [kept, dropped] = a.outcome === "ingested" ? [a, b] : [b, a];
    expect(kept.outcome).toBe("ingested");
    expect(dropped.outcome).toBe("skipped");
    expect(dropped.reason).toContain(`same file as ${kept.url}`);
    expect(dropped.sha256).toBe(kept.sha256);
    expect(calls[0]?.processed.filter((p) => p.record.id === "plenary-2")).toHaveLength(1);
  });

  it("follows a redirect and records the final URL", () => {
    const e = entry(first, PATH.plenary1);
    expect(e.outcome).toBe("ingested");
    expect(e.finalUrl).toBe(site.url(PATH.plenary1Moved));
    // the target is not fetched a second time on its own
    expect(first.entries.some((x) => x.url === site.url(PATH.plenary1Moved))).toBe(false);
  });

  it("recovers from 429, 503, a reset connection and a truncated body, and reports each", () => {
    const cases: [string, RegExp][] = [
      [PATH.com5Second, /HTTP 429.*Retry-After 1 s/],
      [PATH.com5First, /HTTP 503.*Retry-After 1 s/],
      [PATH.plenary3, /connection reset/],
      [PATH.com5Third, /(cut off|truncated)/],
    ];
    for (const [path, error] of cases) {
      const e = entry(first, path);
      expect(e.outcome, path).toBe("ingested");
      expect(e.attempts, path).toBe(2);
      expect(e.retried, path).toHaveLength(1);
      expect(e.retried?.[0], path).toMatch(error);
      expect(firstCounts.get(path), path).toBe(2);
    }
  });

  it("honours Retry-After: the retry comes no sooner than the header says", () => {
    for (const path of [PATH.com5First, PATH.com5Second]) {
      const times = firstRequests.filter((r) => r.path === path).map((r) => r.at);
      expect(times).toHaveLength(2);
      const gap = (times[1] ?? 0) - (times[0] ?? 0);
      expect(gap, path).toBeGreaterThanOrEqual(RETRY_AFTER_SECONDS * 1000 - 50);
    }
  });

  it("bounds retries: a body that is always truncated is tried 1 + 5 times, then reported", () => {
    const e = entry(first, PATH.plenary9);
    expect(e.outcome).toBe("failed");
    expect(e.attempts).toBe(6);
    expect(e.retried).toHaveLength(6);
    expect(e.error).toMatch(/(cut off|truncated)/);
    expect(firstCounts.get(PATH.plenary9)).toBe(6);
  });

  it("does not retry a 404 but asks the archive, and ingests its capture", () => {
    const e = entry(first, PATH.plenary7);
    expect(e).toMatchObject({
      outcome: "ingested",
      sessionId: "plenary-7",
      via: "wayback",
      httpStatus: 404,
      attempts: 1,
      archivedUrl: `${site.origin}/web/${CAPTURE_TIMESTAMP}id_/${site.url(PATH.plenary7)}`,
    });
    expect(firstCounts.get(PATH.plenary7)).toBe(1);
    const cdx = firstRequests.filter(
      (r) =>
        r.path.startsWith("/cdx/search/cdx") &&
        r.path.includes(encodeURIComponent(site.url(PATH.plenary7))),
    );
    expect(cdx).toHaveLength(1);
    expect(cdx[0]?.path).toContain("output=json");
    expect(cdx[0]?.path).toContain("filter=statuscode%3A200");
  });

  it("reports a 404 with no capture as failed, with its status, after one request", () => {
    const e = entry(first, PATH.plenary14);
    expect(e).toMatchObject({ outcome: "failed", httpStatus: 404, attempts: 1 });
    expect(e.error).toMatch(/HTTP 404.*wayback: no capture/);
    expect(firstCounts.get(PATH.plenary14)).toBe(1);
  });

  it("refuses an HTML error page served as .pdf (extraction), without retrying it", () => {
    const e = entry(first, PATH.plenary8);
    expect(e.outcome).toBe("failed");
    expect(e.error).toMatch(/^extract: /);
    expect(e.error).toMatch(/wayback: no capture/);
    expect(firstCounts.get(PATH.plenary8)).toBe(1);
  });

  it("decides from the parsed header, not the link text: a working group behind 'Plenary 6' is skipped", () => {
    const e = entry(first, PATH.workingGroup);
    expect(e.linkText).toBe("Plenary 6");
    expect(e.outcome).toBe("skipped");
    expect(e.body).toBe("working-group");
    expect(e.reason).toMatch(
      /working-group session .*only Plenary and Committee 5 sessions are kept/,
    );
  });

  it("skips a file that is not a transcript, with the reason", () => {
    const e = entry(first, PATH.pressNote);
    expect(e.outcome).toBe("skipped");
    expect(e.reason).toMatch(/no speaker turns/);
  });

  it("follows pages within the depth and the scope, once each, ignoring loops and fragments", () => {
    for (const path of [PATH.index, PATH.transcripts, PATH.loopA, PATH.loopB]) {
      expect(entry(first, path).outcome, path).toBe("page");
      expect(firstCounts.get(path), path).toBe(1);
    }
    expect(entry(first, PATH.loopB).depth).toBe(2);
    expect(entry(first, PATH.loopB).links).toBe(0); // at the depth limit: not followed further
    for (const path of [PATH.plenary15, PATH.outside, PATH.logo]) {
      expect(firstCounts.get(path) ?? 0, path).toBe(0);
    }
    expect(first.entries.every((e) => !e.url.includes("#"))).toBe(true);
    expect(first.entries.every((e) => e.url.startsWith(site.origin))).toBe(true);
  });

  it("never has more than 2 requests in flight on the host", () => {
    expect(firstMaxInFlight).toBe(2);
  });

  it("sends a User-Agent naming the project", () => {
    expect(firstRequests.every((r) => /wcit-search/.test(String(r.headers["user-agent"])))).toBe(
      true,
    );
  });

  it("writes ingest-report.json listing every URL tried, and passes the failures to the corpus", async () => {
    const written = JSON.parse(
      await readFile(join(options.outDir, "ingest-report.json"), "utf8"),
    ) as FetchReport;
    expect(written).toEqual(first);
    expect(first.totals).toMatchObject({ ingested: 9, skipped: 3, failed: 3, pages: 4, urls: 19 });
    expect(calls[0]?.failures.map((f) => f.url).sort()).toEqual(
      [PATH.plenary9, PATH.plenary8, PATH.plenary14].map((p) => site.url(p)).sort(),
    );
  });
});

describe("second run with the same cache", () => {
  let second: FetchReport;
  beforeAll(async () => {
    site.resetCounters();
    second = await runFetch(options, deps());
  }, 60_000);

  it("downloads nothing it already has: every good URL answers 304 or comes from the cache", () => {
    expect(site.fullBodies()).toEqual([]);
    expect(second.totals.downloads).toBe(0);
    expect(second.sessions).toEqual(first.sessions);
    for (const e of second.entries.filter((x) => x.outcome !== "failed")) {
      expect(["revalidated", "cache", "wayback"], e.url).toContain(e.via);
    }
    // the archive capture is immutable: served from the cache without a request
    expect(site.requests.some((r) => r.path.startsWith("/web/"))).toBe(false);
  });

  it("asks each good URL once, with its validators", () => {
    const good = [PATH.index, PATH.transcripts, PATH.plenary2, PATH.com5First, PATH.com5Second];
    for (const path of good) {
      const requests = site.requests.filter((r) => r.path === path);
      expect(requests, path).toHaveLength(1);
      expect(requests[0]?.answer, path).toBe(304);
      expect(requests[0]?.headers["if-none-match"], path).toBeTruthy();
    }
  });
});

describe("a failed run", () => {
  it("leaves earlier good output untouched and exits non-zero", async () => {
    const before = await snapshot(options.outDir);
    expect(before.size).toBeGreaterThan(0);
    site.setDown(500);
    const callsBefore = calls.length;
    try {
      const failed = await runFetch({ ...options, cacheDir: join(dir, "empty-cache") }, deps());
      expect(failed.exitCode).not.toBe(0);
      expect(failed.sessions).toEqual([]);
      expect(failed.entries.map((e) => e.outcome)).toEqual(["failed"]);
      expect(failed.entries[0]).toMatchObject({ httpStatus: 500, attempts: 6 });
      expect(calls.length).toBe(callsBefore); // the corpus is not touched
      expect(await snapshot(options.outDir)).toEqual(before);
      const report = JSON.parse(
        await readFile(join(options.outDir, "ingest-report.json"), "utf8"),
      ) as FetchReport;
      expect(report.exitCode).toBe(1);
    } finally {
      site.setDown(null);
    }
  });

  it("falls back to the cached copies when the site is down, so nothing already had is lost", async () => {
    site.setDown(503);
    try {
      const report = await runFetch({ ...options, retries: 1 }, deps());
      expect(report.exitCode).toBe(0);
      // plenary 7 too: its CDX answer and capture were cached by the first run
      expect(report.sessions).toEqual(first.sessions);
      expect(entry(report, PATH.plenary7)).toMatchObject({
        outcome: "ingested",
        via: "wayback",
        httpStatus: 503,
      });
      expect(
        entry(report, PATH.plenary2).via === "stale-cache" ||
          entry(report, PATH.plenary2Copy).via === "stale-cache",
      ).toBe(true);
    } finally {
      site.setDown(null);
    }
  });
});

describe("an interrupted run", () => {
  it("never stores a partial download", async () => {
    const { FetchCache } = await import("../../ingest/fetch/cache");
    const cache = new FetchCache(options.cacheDir);
    expect(await cache.get(site.url(PATH.plenary9))).toBeNull(); // always truncated
    expect(await cache.get(site.url(PATH.com5Third))).not.toBeNull(); // truncated once, then whole
  });

  it("resumes: what the cut-short run downloaded is only revalidated by the next one", async () => {
    const resume = {
      ...options,
      cacheDir: join(dir, "resume-cache"),
      outDir: join(dir, "resume-out"),
    };
    const cut = await runFetch({ ...resume, maxUrls: 6 }, deps());
    expect(cut.errors).toEqual(["crawl stopped at 6 URLs; later links were not followed"]);
    expect(cut.entries).toHaveLength(6);
    // (a redirect answers 301 every time: what is revalidated is where it leads)
    const fetchedBefore = cut.entries
      .filter((e) => e.via === "network")
      .map((e) => e.finalUrl ?? e.url);
    expect(fetchedBefore.length).toBeGreaterThan(2);
    site.resetCounters();
    const full = await runFetch(resume, deps());
    expect(full.sessions).toEqual(first.sessions);
    for (const url of fetchedBefore) {
      const path = url.slice(site.origin.length);
      const answers = site.requests.filter((r) => r.path === path).map((r) => r.answer);
      expect(answers, path).toEqual([304]);
    }
  });
});
