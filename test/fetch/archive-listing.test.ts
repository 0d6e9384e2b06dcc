/**
 * Discovery through the archive's listing (archive-listing.ts) on the fixture site, and the
 * scraper per conference profile: the CDX prefix listing finds a file no page links to and
 * fetches its newest capture once, leaves alone what the crawl already found, pages with the
 * resume key, reports a failed or malformed CDX answer and goes on; `--conference pp-14` starts
 * from PP-14's pages, lists PP-14's archive folder, keeps PP-14's bodies and gives its sessions
 * the conference.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isCandidateFile, urlKey } from "../../ingest/fetch/archive-listing";
import { defaultFetchOptions, parseFetchArgs, type FetchOptions } from "../../ingest/fetch/options";
import { formatSummary, type FetchReport, type ReportEntry } from "../../ingest/fetch/report";
import { runFetch } from "../../ingest/fetch/run";
import type { ProcessedSource, SourceFailure } from "../../ingest/pipeline";
import { PP_14 } from "../../src/conferences/pp-14";
import { fakeProcess, fakeWriteCorpus } from "./fake-pipeline";
import { startFixtureSite, type FixtureSite, type SiteSpec } from "./fixture-site";
import { DOCS, PATH, renderFiles, wcitSite } from "./wcit-site";

const TRANSCRIPTS = join(import.meta.dirname, "..", "fixtures", "site", "transcripts");
const text = (name: string): Uint8Array => readFileSync(join(TRANSCRIPTS, `${name}.txt`));
const TXT = "text/plain; charset=utf-8";
const HTML = "text/html; charset=utf-8";

const ORPHAN = `${DOCS}/dec13/plenary12.txt`;
const OLDER = "20121214080000";
const NEWER = "20121220100000";

function entryOf(report: FetchReport, url: string): ReportEntry {
  const found = report.entries.find((e) => e.url === url);
  if (found === undefined) throw new Error(`no report entry for ${url}`);
  return found;
}

describe("the archive's listing on the WCIT-12 fixture site", () => {
  let site: FixtureSite;
  let dir: string;
  let report: FetchReport;
  let host: string;
  let runOptions: FetchOptions;
  const calls: { processed: ProcessedSource[]; failures: SourceFailure[] }[] = [];

  beforeAll(async () => {
    const files = await renderFiles();
    const base = wcitSite(files);
    site = await startFixtureSite((origin): SiteSpec => {
      const spec = base(origin);
      const captures = spec.captures ?? new Map();
      // No page links it; the archive has an older capture (another file) and a newer one.
      captures.set(`${origin}${ORPHAN}`, [
        { timestamp: OLDER, body: text("press-note"), contentType: TXT },
        { timestamp: NEWER, body: text("plenary-12"), contentType: TXT },
      ]);
      // The crawl finds this one: the listing must not fetch it again.
      captures.set(`${origin}${PATH.plenary2}`, [
        { timestamp: OLDER, body: files.plenary2, contentType: "application/msword" },
      ]);
      captures.set(`${origin}${DOCS}/dec13/logo.png`, [
        { timestamp: OLDER, body: new Uint8Array([137, 80, 78, 71]), contentType: "image/png" },
      ]);
      const hostOf = new URL(origin).host;
      spec.cdxOverrides = new Map([
        [`${hostOf}/en/wcit-12/Broken/`, { status: 200, body: "<html>Service busy</html>" }],
        [`${hostOf}/en/wcit-12/Down/`, { status: 500, body: "down" }],
      ]);
      return { ...spec, captures };
    });
    host = new URL(site.origin).host;
    dir = await mkdtemp(join(tmpdir(), "wcit-listing-"));
    runOptions = {
      ...defaultFetchOptions(),
      indexUrls: [site.url(PATH.index)],
      archivePrefixes: [
        `${host}${DOCS}/`,
        `${host}/en/wcit-12/Broken/`,
        `${host}/en/wcit-12/Down/`,
      ],
      cdxPageSize: 2,
      outDir: join(dir, "out"),
      cacheDir: join(dir, "cache"),
      delayMs: 0,
      retries: 1,
      waybackUrl: site.origin,
      timeoutMs: 5_000,
      backoffBaseMs: 5,
      backoffMaxMs: 20,
    };
    report = await runFetch(runOptions, {
      process: fakeProcess,
      writeCorpus: fakeWriteCorpus(calls),
      random: () => 0,
    });
  }, 60_000);

  afterAll(async () => {
    await site?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("finds a file no page links to and ingests its newest capture, fetched once", () => {
    const orphan = entryOf(report, site.url(ORPHAN));
    expect(orphan).toMatchObject({
      outcome: "ingested",
      sessionId: "plenary-12",
      listedUnder: `${host}${DOCS}/`,
      via: "wayback",
      depth: 0,
      archivedUrl: `${site.origin}/web/${NEWER}id_/${site.url(ORPHAN)}`,
    });
    expect(orphan.foundOn).toBeUndefined();
    expect(site.count(`/web/${NEWER}id_/${site.url(ORPHAN)}`)).toBe(1);
    expect(site.count(`/web/${OLDER}id_/${site.url(ORPHAN)}`)).toBe(0);
    expect(site.count(ORPHAN)).toBe(0); // straight to the archive: the live site lost it
    expect(report.sessions).toContain("plenary-12");
  });

  it("asks the CDX API for the prefix as the docs describe, paging with the resume key", () => {
    const queries = site.requests
      .map((r) => new URL(r.path, site.origin))
      .filter(
        (u) => u.pathname === "/cdx/search/cdx" && u.searchParams.get("url") === `${host}${DOCS}/`,
      );
    expect(queries).toHaveLength(2);
    for (const q of queries) {
      expect(Object.fromEntries(q.searchParams)).toMatchObject({
        matchType: "prefix",
        output: "json",
        filter: "statuscode:200",
        collapse: "urlkey",
        limit: "2",
        showResumeKey: "true",
      });
    }
    expect(queries[0]?.searchParams.get("resumeKey")).toBeNull();
    expect(queries[1]?.searchParams.get("resumeKey")).toBe("2");
  });

  it("leaves what the crawl found to the crawl, and skips what is no transcript file", () => {
    expect(report.entries.filter((e) => e.url === site.url(PATH.plenary2))).toHaveLength(1);
    expect(entryOf(report, site.url(PATH.plenary2)).listedUnder).toBeUndefined();
    expect(site.requests.some((r) => r.path.includes("logo.png"))).toBe(false);
    expect(site.requests.some((r) => r.path.includes(`id_/${site.url(PATH.plenary2)}`))).toBe(
      false,
    );
    expect(report.listings[0]).toEqual({
      prefix: `${host}${DOCS}/`,
      pages: 2,
      listed: 4,
      candidates: 3,
      queued: 1,
    });
  });

  it("reports a malformed and a failed CDX answer, and the rest of the run goes on", () => {
    expect(report.listings[1]).toMatchObject({
      prefix: `${host}/en/wcit-12/Broken/`,
      queued: 0,
      error: expect.stringMatching(/CDX query .* failed: wayback: CDX answer is not JSON/),
    });
    expect(report.listings[2]).toMatchObject({
      prefix: `${host}/en/wcit-12/Down/`,
      queued: 0,
      error: expect.stringMatching(/CDX query .* failed: HTTP 500/),
    });
    expect(report.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^archive listing of .*\/en\/wcit-12\/Broken\/: CDX query/),
        expect.stringMatching(/^archive listing of .*\/en\/wcit-12\/Down\/: CDX query/),
      ]),
    );
    expect(report.exitCode).toBe(0);
    expect(report.sessions).toEqual(expect.arrayContaining(["plenary-2", "plenary-12"]));
  });

  it("says in the summary which files came from the archive's listing", () => {
    const summary = formatSummary(report);
    expect(summary).toMatch(
      new RegExp(`listed in the archive under ${host}${DOCS}/: 4 URLs, 3 files, 1 new`),
    );
    expect(summary).toMatch(/error: archive listing of .*Broken/);
  });

  // Last in this block: it resets the site's counters.
  it("lists nothing with --no-wayback", { timeout: 60_000 }, async () => {
    site.resetCounters();
    const quiet = await runFetch(
      { ...runOptions, wayback: false, outDir: join(dir, "no-wayback") },
      { process: fakeProcess, writeCorpus: fakeWriteCorpus(calls), random: () => 0 },
    );
    expect(quiet.listings).toEqual([]);
    expect(site.requests.some((r) => r.path.startsWith("/cdx/"))).toBe(false);
    expect(quiet.entries.some((e) => e.listedUnder !== undefined)).toBe(false);
  });
});

describe("isCandidateFile and urlKey", () => {
  const capture = (original: string, mimetype: string | null) => ({
    timestamp: OLDER,
    original,
    mimetype,
    statuscode: "200",
  });

  it.each([
    ["http://www.itu.int:80/en/x/Documents/a.docx", null, true],
    ["http://www.itu.int/en/x/Documents/a.PDF", null, true],
    ["http://www.itu.int/en/x/Documents/a.htm", null, true],
    ["http://www.itu.int/en/x/Documents/get.aspx?id=7", "application/pdf", true],
    ["http://www.itu.int/en/x/Documents/get.aspx?id=8", "text/plain; charset=utf-8", true],
    ["http://www.itu.int/en/x/Documents/logo.png", "image/png", false],
    ["http://www.itu.int/en/x/Documents/style.css", "text/css", false],
    ["mailto:someone@example.org", "text/plain", false],
  ])("%s (%s): %s", (original, mimetype, expected) => {
    expect(isCandidateFile(capture(original, mimetype))).toBe(expected);
  });

  it("gives the archive's and the crawl's spellings of one URL the same key", () => {
    expect(urlKey("http://www.itu.int:80/en/a.doc")).toBe(urlKey("https://itu.int/en/a.doc"));
    expect(urlKey("https://www.itu.int/en/a.doc")).not.toBe(urlKey("https://www.itu.int/en/b.doc"));
  });
});

describe("--conference pp-14", () => {
  const ITU = "https://www.itu.int";
  const PAGES = "/en/plenipotentiary/2014/Pages";
  const PP_DOCS = "/en/plenipotentiary/2014/Documents";
  let site: FixtureSite;
  let dir: string;
  let report: FetchReport;
  const calls: { processed: ProcessedSource[]; failures: SourceFailure[] }[] = [];

  beforeAll(async () => {
    const page = `<!DOCTYPE html><html><body><h1>SYNTHETIC SAMPLE fixture</h1><ul>
      <li><a href="../Documents/plenary-3.txt">Plenary 3</a></li>
      <li><a href="../Documents/committee-6-2.txt">Committee 6, second meeting</a></li>
      <li><a href="../Documents/committee-4-1.txt">Committee 4, first meeting</a></li>
    </ul></body></html>`;
    site = await startFixtureSite(() => ({
      resources: new Map([
        [`${PAGES}/default.aspx`, { body: new TextEncoder().encode(page), contentType: HTML }],
        [`${PP_DOCS}/plenary-3.txt`, { body: text("pp-14-plenary-3"), contentType: TXT }],
        [`${PP_DOCS}/committee-6-2.txt`, { body: text("pp-14-committee-6-2"), contentType: TXT }],
        [`${PP_DOCS}/committee-4-1.txt`, { body: text("pp-14-committee-4-1"), contentType: TXT }],
        // WCIT-12's start page is there too: a pp-14 run must not ask for it.
        [PATH.index, { body: new TextEncoder().encode(page), contentType: HTML }],
      ]),
      captures: new Map([
        [
          `${ITU}${PP_DOCS}/committee-5-1.txt`,
          [{ timestamp: NEWER, body: text("pp-14-committee-5-1"), contentType: TXT }],
        ],
      ]),
    }));
    dir = await mkdtemp(join(tmpdir(), "pp14-fetch-"));
    const options = parseFetchArgs([
      "--conference",
      "pp-14",
      "--out",
      join(dir, "out"),
      "--cache",
      join(dir, "cache"),
      "--delay",
      "0",
      "--wayback-url",
      site.origin,
    ]);
    // The ITU's host is served by the fixture site.
    const rewrite: typeof fetch = (input, init) => {
      const url = String(input);
      return fetch(url.startsWith(ITU) ? `${site.origin}${url.slice(ITU.length)}` : url, init);
    };
    report = await runFetch(options, {
      process: fakeProcess,
      writeCorpus: fakeWriteCorpus(calls),
      fetch: rewrite,
      random: () => 0,
    });
  }, 60_000);

  afterAll(async () => {
    await site?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("starts from PP-14's pages and lists PP-14's archive folder", () => {
    expect(report.options).toMatchObject({
      conference: "pp-14",
      indexUrls: [...PP_14.sources.startUrls],
      archivePrefixes: [...PP_14.sources.archivePrefixes],
    });
    expect(site.requests[0]?.path).toBe(`${PAGES}/default.aspx`);
    expect(site.count(PATH.index)).toBe(0);
    expect(report.listings).toEqual([
      { prefix: PP_14.sources.archivePrefixes[0], pages: 1, listed: 1, candidates: 1, queued: 1 },
    ]);
  });

  it("keeps PP-14's bodies (Committee 6 too) and names them when it skips another", () => {
    expect(report.sessions).toEqual(["committee-5-1", "committee-6-2", "plenary-3"]);
    expect(entryOf(report, `${ITU}${PP_DOCS}/committee-5-1.txt`)).toMatchObject({
      outcome: "ingested",
      listedUnder: PP_14.sources.archivePrefixes[0],
    });
    expect(entryOf(report, `${ITU}${PP_DOCS}/committee-4-1.txt`)).toMatchObject({
      outcome: "skipped",
      reason:
        'committee-4 session (title "COMMITTEE 4 MEETING 1"): only Plenary, Committee 5, Committee 6 and Working Group of the Plenary sessions are kept (use --all for the rest)',
    });
  });

  it("gives the fetched sessions PP-14 as their conference, and names it in the User-Agent", () => {
    const records = calls.flatMap((c) => c.processed.map((p) => p.record));
    expect(records.map((r) => r.conference)).toEqual(["pp-14", "pp-14", "pp-14"]);
    for (const r of site.requests) expect(String(r.headers["user-agent"])).toContain("PP-14");
  });
});
