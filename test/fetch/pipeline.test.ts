/**
 * `npm run ingest -- --fetch` as the ingest command runs it (runFetchCommand), with the real
 * pipeline (extraction, parser, writeCorpus), against the fixture site: the corpus written, the
 * versions linked, the summary and progress lines, a second run that changes nothing, --all,
 * and a failed run that leaves the corpus as it was.
 */
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runFetchCommand, type FetchCommandDeps } from "../../ingest/fetch/command";
import type { FetchReport } from "../../ingest/fetch/report";
import type { Manifest, SessionRecord } from "../../src/domain";
import { startFixtureSite, type FixtureSite } from "./fixture-site";
import { KEPT_SESSIONS, PATH, renderFiles, wcitSite } from "./wcit-site";

let site: FixtureSite;
let dir: string;
let out: string;
let first: { code: number; log: string; summary: string };

function capture(tty = false): { stream: PassThrough & { isTTY?: boolean }; text: () => string } {
  const stream: PassThrough & { isTTY?: boolean } = new PassThrough();
  if (tty) stream.isTTY = true;
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

async function run(args: string[], extra: Partial<FetchCommandDeps> = {}, tty = false) {
  const log = capture(tty);
  const summary = capture();
  const code = await runFetchCommand(args, {
    stream: log.stream,
    out: summary.stream,
    random: () => 0, // no backoff waits (Retry-After is still real)
    ...extra,
  });
  return { code, log: log.text(), summary: summary.text() };
}

const args = (outDir: string, cache = join(dir, "cache")) => [
  "--index-url",
  site.url(PATH.index),
  "--out",
  outDir,
  "--cache",
  cache,
  "--delay",
  "0",
  "--wayback-url",
  site.origin,
];

async function corpusFiles(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === "ingest-report.json") continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(folder.length + 1), await readFile(path, "utf8"));
  }
  return files;
}

const readJson = async <T>(path: string): Promise<T> =>
  JSON.parse(await readFile(path, "utf8")) as T;

beforeAll(async () => {
  site = await startFixtureSite(wcitSite(await renderFiles()), { latencyMs: 5 });
  dir = await mkdtemp(join(tmpdir(), "wcit-fetch-cmd-"));
  out = join(dir, "transcripts");
  first = await run(["--fetch", ...args(out)]);
}, 60_000);

afterAll(async () => {
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("npm run ingest -- --fetch with the real pipeline", () => {
  it(
    "exits 0 and writes the plenary and Committee 5 sessions with a manifest",
    { timeout: 60_000 },
    async () => {
      expect(first.code).toBe(0);
      const manifest = await readJson<Manifest>(join(out, "manifest.json"));
      expect(manifest.sessions.map((s) => s.id).sort()).toEqual([...KEPT_SESSIONS]);
      expect(manifest.synthetic).toBe(true);
      expect(manifest.failures.map((f) => f.file).sort()).toEqual(
        [PATH.plenary8, PATH.plenary9, PATH.plenary14].map((p) => site.url(p)).sort(),
      );
    },
  );

  it(
    "links the rough live and the finished version of a session",
    { timeout: 60_000 },
    async () => {
      const finished = await readJson<SessionRecord>(join(out, "plenary-1.json"));
      const rough = await readJson<SessionRecord>(join(out, "plenary-1-rough.json"));
      expect(finished.version).toBe("finished");
      expect(rough.version).toBe("rough");
      expect(finished.variants).toEqual(["plenary-1-rough"]);
      expect(rough.variants).toEqual(["plenary-1"]);
    },
  );

  it(
    "records where each session came from: the final URL, or the archive's capture",
    { timeout: 60_000 },
    async () => {
      const plenary1 = await readJson<SessionRecord>(join(out, "plenary-1.json"));
      expect(plenary1.source.url).toBe(site.url(PATH.plenary1Moved));
      expect(plenary1.source.format).toBe("docx");
      expect(plenary1.source.file).toMatch(/bodies\/[0-9a-f]{64}\/plenary1\.docx$/);
      const plenary7 = await readJson<SessionRecord>(join(out, "plenary-7.json"));
      expect(plenary7.source.url).toMatch(/\/web\/\d{14}id_\//);
      const formats: [string, string][] = [
        ["committee-5-1", "pdf"],
        ["committee-5-2", "docx"],
        ["committee-5-3", "txt"],
        ["committee-5-4", "doc"],
        ["plenary-3", "html"],
      ];
      for (const [id, format] of formats) {
        const record = await readJson<SessionRecord>(join(out, `${id}.json`));
        expect(record.source.format, id).toBe(format);
        expect(record.synthetic, id).toBe(true);
        expect(record.utterances.length, id).toBeGreaterThan(3);
      }
    },
  );

  it("prints plain progress lines (not a terminal) and the summary table", () => {
    expect(first.log).toMatch(/^fetch: \[\d+\/\d+\] ingested plenary-2 <- /m);
    expect(first.log).toMatch(/^fetch: \[\d+\/\d+\] skipped \(working-group session/m);
    expect(first.log).toMatch(/FAILED \(fetch: .*plenary14\.doc: HTTP 404/);
    expect(first.summary).toMatch(/^ingested\s+9$/m);
    expect(first.summary).toMatch(/^skipped\s+3$/m);
    expect(first.summary).toMatch(/^failed\s+3$/m);
    expect(first.summary).toContain("9 session(s) ingested");
    expect(first.summary).toContain(`report: ${out}/ingest-report.json`);
  });

  it("changes nothing and downloads nothing on a second run", { timeout: 60_000 }, async () => {
    const before = await corpusFiles(out);
    site.resetCounters();
    const second = await run(args(out));
    expect(second.code).toBe(0);
    expect(site.fullBodies()).toEqual([]);
    expect(await corpusFiles(out)).toEqual(before);
    const report = await readJson<FetchReport>(join(out, "ingest-report.json"));
    expect(report.totals.downloads).toBe(0);
    expect(report.totals.notModified).toBeGreaterThan(10);
  });

  it("keeps the working group with --all", { timeout: 60_000 }, async () => {
    const other = join(dir, "all");
    const result = await run([...args(other), "--all"]);
    expect(result.code).toBe(0);
    const manifest = await readJson<Manifest>(join(other, "manifest.json"));
    expect(manifest.sessions.map((s) => s.id)).toContain("working-group-6");
  });

  it("shows a bar on a terminal", { timeout: 60_000 }, async () => {
    const result = await run(args(join(dir, "tty")), {}, true);
    expect(result.code).toBe(0);
    expect(result.log).toContain("fetch [");
    expect(result.log).toMatch(/\d+\/\d+ urls/);
    expect(result.log).not.toMatch(/^fetch: \[/m);
  });

  it(
    "exits non-zero and leaves the corpus untouched when nothing can be fetched",
    { timeout: 60_000 },
    async () => {
      const before = await corpusFiles(out);
      site.setDown(500);
      try {
        const failed = await run(args(out, join(dir, "fresh-cache")), { random: () => 0 });
        expect(failed.code).toBe(1);
        expect(failed.summary).toContain("no session ingested: earlier output left untouched");
        expect(await corpusFiles(out)).toEqual(before);
      } finally {
        site.setDown(null);
      }
    },
  );

  it("exits 2 naming the flag on bad options", { timeout: 60_000 }, async () => {
    const result = await run(["--concurrency", "0"]);
    expect(result.code).toBe(2);
    expect(result.log).toMatch(/^fetch: --concurrency: expected a whole number >= 1/);
  });
});
