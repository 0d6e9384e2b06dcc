/**
 * The scraper against a hostile site (the fixture site on 127.0.0.1): redirects that lead off the
 * start hosts (another port on the same machine), to file://, or round in a loop are refused at
 * once, without retries; a body that drips forever and a Retry-After longer than the URL's
 * deadline cost no more than that deadline; the run's own deadline and an interruption stop it
 * cleanly, with ingest-report.json written as it goes.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultFetchOptions, type FetchOptions } from "../../ingest/fetch/options";
import type { FetchReport, ReportEntry } from "../../ingest/fetch/report";
import { runFetch } from "../../ingest/fetch/run";
import type { ProcessedSource, SourceFailure } from "../../ingest/pipeline";
import { fakeProcess, fakeWriteCorpus } from "./fake-pipeline";
import { startFixtureSite, type FixtureSite, type Resource } from "./fixture-site";

const text = (s: string) => new TextEncoder().encode(s);
const TRANSCRIPT = text(
  "FINISHED TRANSCRIPT\nPLENARY 4\n>> CHAIR: Good morning.\n>> EGYPT: Thanks.\n",
);
const file = (script?: Resource["script"]): Resource => ({
  body: TRANSCRIPT,
  contentType: "text/plain",
  ...(script === undefined ? {} : { script }),
});
const links = (paths: string[]): Resource => ({
  body: text(`<!DOCTYPE html><html><body>${paths.map((p) => `<a href="${p}">${p}</a>`).join(" ")}</body></html>`),
  contentType: "text/html",
}); // prettier-ignore

let site: FixtureSite;
let elsewhere: FixtureSite;
let dir: string;
const calls: { processed: ProcessedSource[]; failures: SourceFailure[] }[] = [];
const deps = () => ({ process: fakeProcess, writeCorpus: fakeWriteCorpus(calls) });

function options(name: string, index: string, more: Partial<FetchOptions> = {}): FetchOptions {
  return {
    ...defaultFetchOptions(),
    indexUrls: [site.url(index)],
    outDir: join(dir, name, "out"),
    cacheDir: join(dir, name, "cache"),
    delayMs: 0,
    wayback: false,
    waybackUrl: site.origin,
    backoffBaseMs: 5,
    backoffMaxMs: 20,
    ...more,
  };
}

function entry(report: FetchReport, path: string): ReportEntry {
  const found = report.entries.find((e) => e.url === site.url(path));
  if (found === undefined) throw new Error(`no report entry for ${path}`);
  return found;
}

beforeAll(async () => {
  elsewhere = await startFixtureSite(() => ({
    resources: new Map([["/secret.txt", file()]]),
  }));
  site = await startFixtureSite((origin) => ({
    resources: new Map<string, Resource>([
      ["/redirects.html", links(["/offsite.txt", "/loop1.txt", "/local-file.txt", "/ok.txt"])],
      ["/offsite.txt", file([{ kind: "redirect", to: `${elsewhere.origin}/secret.txt` }])],
      ["/loop1.txt", file([{ kind: "redirect", to: `${origin}/loop2.txt` }])],
      ["/loop2.txt", file([{ kind: "redirect", to: "/loop1.txt", status: 302 }])],
      ["/local-file.txt", file([{ kind: "redirect", to: "file:///etc/passwd" }])],
      ["/ok.txt", file()],
      ["/slow.html", links(["/drip.txt", "/ok.txt"])],
      ["/retry.html", links(["/later.txt"])],
      ["/drip.txt", file([{ kind: "drip", intervalMs: 100 }])],
      ["/later.txt", file([{ kind: "status", status: 503, retryAfter: "119" }])],
    ]),
  }));
  dir = await mkdtemp(join(tmpdir(), "wcit-hostile-"));
});

afterAll(async () => {
  await site?.close();
  await elsewhere?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("redirects stay where the scraper was sent", () => {
  let report: FetchReport;
  beforeAll(async () => {
    report = await runFetch(options("redirects", "/redirects.html"), deps());
  });

  it("refuses a redirect to another port of the same machine at once; nothing is fetched there", () => {
    const e = entry(report, "/offsite.txt");
    expect(e.outcome).toBe("failed");
    expect(e.error).toContain(
      `to ${elsewhere.origin}/secret.txt: outside the hosts it was sent to`,
    );
    expect(e.attempts).toBe(1);
    expect(site.count("/offsite.txt")).toBe(1);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it("refuses a redirect to file:// without retrying it", () => {
    const e = entry(report, "/local-file.txt");
    expect(e.outcome).toBe("failed");
    expect(e.error).toMatch(
      /redirect from .* refused: to file:\/\/\/etc\/passwd: not an http\(s\) URL/,
    );
    expect(e.attempts).toBe(1);
    expect(site.count("/local-file.txt")).toBe(1);
  });

  it("stops a redirect loop at once: two requests, not hundreds", () => {
    const e = entry(report, "/loop1.txt");
    expect(e.error).toMatch(/a loop \(.*loop1\.txt -> .*loop2\.txt -> .*loop1\.txt\)/);
    expect(e.attempts).toBe(1);
    expect(site.count("/loop1.txt") + site.count("/loop2.txt")).toBe(2);
  });

  it("still ingests the good file beside them", () => {
    expect(entry(report, "/ok.txt")).toMatchObject({ outcome: "ingested", sessionId: "plenary-4" });
    expect(report.state).toBe("finished");
  });
});

describe("deadlines", () => {
  it("a body that drips forever costs at most the URL's deadline", async () => {
    const started = Date.now();
    const report = await runFetch(
      options("drip", "/slow.html", { urlDeadlineMs: 1_500, timeoutMs: 60_000 }),
      deps(),
    );
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(entry(report, "/drip.txt")).toMatchObject({ outcome: "failed", attempts: 1 });
    expect(entry(report, "/drip.txt").error).toMatch(/gave up: its deadline of 1\.5 s/);
    expect(entry(report, "/ok.txt").outcome).toBe("ingested");
  });

  it("a Retry-After longer than the URL's deadline is not waited for", async () => {
    const started = Date.now();
    const report = await runFetch(
      options("retry-after", "/retry.html", { urlDeadlineMs: 5_000 }),
      deps(),
    );
    expect(Date.now() - started).toBeLessThan(8_000);
    const later = entry(report, "/later.txt");
    expect(later.error).toMatch(
      /Retry-After 119 s.*no retry: waiting 119 s would pass its deadline of 5 s/,
    );
    expect(later.attempts).toBe(1);
  });

  it("the run's deadline stops it cleanly, with the report written", async () => {
    const started = Date.now();
    const opts = options("run-deadline", "/slow.html", { deadlineMs: 1_000 });
    const report = await runFetch(opts, deps());
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(report.state).toBe("stopped");
    expect(report.errors.join(" ")).toMatch(
      /stopped early: the run's deadline \(--deadline 1 s\) passed/,
    );
    expect(entry(report, "/drip.txt")).toMatchObject({ outcome: "skipped" });
    expect(entry(report, "/drip.txt").reason).toMatch(/^not finished: the run's deadline/);
    const written = JSON.parse(await readFile(join(opts.outDir, "ingest-report.json"), "utf8"));
    expect(written).toEqual(report);
  });

  it("an interrupted run (Ctrl-C) leaves the report of what it did, written as it went", async () => {
    const opts = options("interrupted", "/slow.html");
    const interrupt = new AbortController();
    const path = join(opts.outDir, "ingest-report.json");
    const running = runFetch(opts, { ...deps(), signal: interrupt.signal });
    // While the drip goes on, the report on disk already lists what is done.
    let during: FetchReport | null = null;
    for (let i = 0; i < 100 && during?.entries.length !== 1; i++) {
      await new Promise((r) => setTimeout(r, 100));
      during = await readFile(path, "utf8").then(
        (t) => JSON.parse(t) as FetchReport,
        () => null,
      );
    }
    expect(during?.state).toBe("running");
    expect(during?.finishedAt).toBeNull();
    expect(during?.entries.map((e) => e.url)).toEqual([site.url("/slow.html")]);
    interrupt.abort("interrupted (Ctrl-C)");
    const report = await running;
    expect(report.state).toBe("stopped");
    expect(entry(report, "/drip.txt").reason).toBe("not finished: interrupted (Ctrl-C)");
    // The file downloaded before the interruption is not processed, and says why.
    expect(entry(report, "/ok.txt").reason).toMatch(/^not processed: interrupted \(Ctrl-C\)/);
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual(report);
  });
});
