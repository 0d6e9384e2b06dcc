/**
 * The bundled corpus in transcripts/ is committed (so a parser change shows up as a reviewable
 * diff of the sessions it affects). It must be exactly what `npm run ingest` makes of
 * transcripts/sources/ today, and flagged synthetic everywhere a program meets it.
 */
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest, type IngestResult } from "../../ingest/commands/ingest";
import { SYNTHETIC_NOTICE, type SessionRecord } from "../../src/domain";

const COMMITTED = "transcripts";

async function corpusFiles(dir: string): Promise<string[]> {
  const top = (await readdir(dir)).filter((n) => n.endsWith(".json")).sort();
  const text = (await readdir(join(dir, "text"))).map((n) => `text/${n}`).sort();
  return [...top, ...text];
}

describe("the committed bundled corpus", () => {
  let fresh: string;
  let result: IngestResult;
  beforeAll(async () => {
    fresh = await mkdtemp(join(tmpdir(), "bundled-"));
    result = await runIngest({ sourcesDir: "transcripts/sources", outDir: fresh });
  });
  afterAll(async () => {
    await rm(fresh, { recursive: true, force: true });
  });

  it("ingests every bundled source without failure", () => {
    expect(result.failures).toEqual([]);
  });

  it("is exactly what a fresh ingest makes (run `npm run ingest` and commit if not)", async () => {
    const files = await corpusFiles(fresh);
    expect(await corpusFiles(COMMITTED)).toEqual(files);
    for (const file of files) {
      const want = await readFile(join(fresh, file), "utf8");
      const have = await readFile(join(COMMITTED, file), "utf8");
      expect(have === want, `${COMMITTED}/${file} is stale`).toBe(true);
    }
  });

  it("is flagged synthetic in the manifest and in every session file", async () => {
    expect(result.manifest.synthetic).toBe(true);
    expect(result.manifest.notice).toBe(SYNTHETIC_NOTICE);
    for (const entry of result.manifest.sessions) {
      const session = JSON.parse(await readFile(join(fresh, entry.file), "utf8")) as SessionRecord;
      expect(Object.keys(session)[0]).toBe("notice");
      expect(session.notice).toBe(SYNTHETIC_NOTICE);
      expect(session.synthetic).toBe(true);
    }
  });

  it("has the sessions the product promises: 4+ plenary, 3+ Committee 5, 150+ utterances, 25+ delegations", () => {
    const finished = result.manifest.sessions.filter((s) => s.version === "finished");
    expect(finished.filter((s) => s.body === "plenary").length).toBeGreaterThanOrEqual(4);
    expect(finished.filter((s) => s.body === "committee-5").length).toBeGreaterThanOrEqual(3);
    expect(finished.reduce((n, s) => n + s.utterances, 0)).toBeGreaterThanOrEqual(150);
  });

  it("counts 25+ delegations with country codes, and links the rough live version of plenary 1", async () => {
    const countries = new Set<string>();
    for (const entry of result.manifest.sessions) {
      const session = JSON.parse(await readFile(join(fresh, entry.file), "utf8")) as SessionRecord;
      for (const u of session.utterances) if (u.speaker.country) countries.add(u.speaker.country);
    }
    expect(countries.size).toBeGreaterThanOrEqual(25);
    const rough = JSON.parse(
      await readFile(join(fresh, "plenary-1-rough.json"), "utf8"),
    ) as SessionRecord;
    expect(rough.variants).toEqual(["plenary-1"]);
    expect(rough.inferred?.from).toBe("plenary-1");
  });
});
