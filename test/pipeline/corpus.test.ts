import { mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assembleSessions, readManifest, sessionId, writeCorpus } from "../../ingest/pipeline";
import { SYNTHETIC_NOTICE, emptySessionHeader, type SessionHeader } from "../../src/domain";
import { makeProcessed } from "./records";

const header = (h: Partial<SessionHeader>): SessionHeader => ({ ...emptySessionHeader(), ...h });

describe("sessionId", () => {
  it.each([
    [{ body: "plenary", number: 1 }, "finished", "plenary-1"],
    [{ body: "committee-5", number: 3 }, "finished", "committee-5-3"],
    [{ body: "plenary", number: 1 }, "rough", "plenary-1-rough"],
    [{ body: "plenary", date: "2012-12-10", time: "19:30" }, "finished", "plenary-2012-12-10-1930"],
    [{ date: "2012-12-10" }, "finished", "session-2012-12-10"],
    [{}, "rough", "session-undated-rough"],
    // The conference's profile prefixes the id; WCIT-12's prefix is empty (its permalinks stay).
    [{ conference: "wcit-12", body: "plenary", number: 3 }, "finished", "plenary-3"],
    [{ conference: "pp-14", body: "plenary", number: 3 }, "finished", "pp-14-plenary-3"],
    [
      { conference: "pp-22", body: "working-group", number: 9 },
      "rough",
      "pp-22-working-group-9-rough",
    ],
    [{ conference: "no-such-conference", body: "plenary", number: 3 }, "finished", "plenary-3"],
  ] as const)("%j (%s) -> %s", (h, version, expected) => {
    expect(sessionId(header(h), version)).toBe(expected);
  });
});

describe("assembleSessions", () => {
  it("keeps the same bytes reached twice only once", () => {
    const a = makeProcessed({}, { file: "a.txt", sha: "aa" });
    const b = makeProcessed({}, { file: "b.txt", sha: "aa" });
    expect(assembleSessions([a, b]).sessions.map((s) => s.record.source.file)).toEqual(["a.txt"]);
  });

  it("links the rough live and the finished version of one session", () => {
    const finished = makeProcessed({}, { file: "p1.docx", sha: "f1" });
    const rough = makeProcessed(
      { status: "rough", statusLine: null },
      { file: "p1-live.txt", sha: "r1" },
    );
    const out = assembleSessions([finished, rough]).sessions;
    const byId = Object.fromEntries(out.map((s) => [s.record.id, s.record]));
    expect(Object.keys(byId).sort()).toEqual(["plenary-1", "plenary-1-rough"]);
    expect(byId["plenary-1"]?.variants).toEqual(["plenary-1-rough"]);
    expect(byId["plenary-1-rough"]?.variants).toEqual(["plenary-1"]);
    expect(byId["plenary-1-rough"]?.version).toBe("rough");
  });

  it("tells apart two different files claiming one id, renaming utterances too", () => {
    const a = makeProcessed({}, { file: "a.txt", sha: "aa" });
    const b = makeProcessed({}, { file: "b.txt", sha: "bb" });
    const out = assembleSessions([b, a]).sessions;
    const ids = out.map((s) => s.record.id).sort();
    expect(ids).toEqual(["plenary-1", "plenary-1-bb000000"]);
    const second = out.find((s) => s.record.id === "plenary-1-bb000000");
    expect(second?.record.utterances[0]?.id).toBe("plenary-1-bb000000.0");
    expect(second?.record.source.textFile).toBe("text/plenary-1-bb000000.txt");
    expect(second?.record.variants).toEqual(["plenary-1"]);
  });
});

describe("writeCorpus", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "corpus-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes sessions, texts and a manifest flagged synthetic", async () => {
    const p1 = makeProcessed({}, { file: "transcripts/sources/p1.txt", sha: "01" });
    const c5 = makeProcessed(
      {
        body: "committee-5",
        number: 1,
        title: "COMMITTEE 5 MEETING",
        date: "2012-12-04",
        time: "18:30",
      },
      { file: "transcripts/sources/c5.txt", sha: "02" },
    );
    const { manifest, written } = await writeCorpus(dir, [c5, p1], []);
    expect(written.sort()).toEqual(["committee-5-1", "plenary-1"]);
    expect(manifest.synthetic).toBe(true);
    expect(manifest.notice).toBe(SYNTHETIC_NOTICE);
    expect(manifest.sessions.map((s) => s.id)).toEqual(["plenary-1", "committee-5-1"]);
    const session = JSON.parse(await readFile(join(dir, "plenary-1.json"), "utf8"));
    expect(session.notice).toBe(SYNTHETIC_NOTICE);
    expect(await readFile(join(dir, "text", "plenary-1.txt"), "utf8")).toBe(p1.text);
    expect(await readManifest(dir)).toEqual(manifest);
  });

  it("is idempotent: a second identical run rewrites nothing", async () => {
    const p1 = makeProcessed({}, { file: "p1.txt", sha: "01" });
    await writeCorpus(dir, [p1], []);
    const before = (await stat(join(dir, "plenary-1.json"))).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    const { written } = await writeCorpus(dir, [p1], []);
    expect(written).toEqual([]);
    expect((await stat(join(dir, "plenary-1.json"))).mtimeMs).toBe(before);
  });

  it("keeps a session whose source fails on a later run, and reports the failure", async () => {
    const p1 = makeProcessed({}, { file: "p1.txt", sha: "01", words: "First version." });
    await writeCorpus(dir, [p1], []);
    const good = await readFile(join(dir, "plenary-1.json"), "utf8");
    const { manifest } = await writeCorpus(
      dir,
      [],
      [{ file: "p1.txt", error: "extract: p1.txt: broken" }],
    );
    expect(manifest.sessions.map((s) => s.id)).toEqual(["plenary-1"]);
    expect(manifest.failures).toEqual([{ file: "p1.txt", error: "extract: p1.txt: broken" }]);
    expect(await readFile(join(dir, "plenary-1.json"), "utf8")).toBe(good);
  });

  it("removes sessions whose source is gone in replace mode, keeps them in merge mode", async () => {
    const p1 = makeProcessed({}, { file: "p1.txt", sha: "01" });
    const p2 = makeProcessed({ number: 2, title: "PLENARY 2" }, { file: "p2.txt", sha: "02" });
    await writeCorpus(dir, [p1, p2], []);
    const merged = await writeCorpus(dir, [p1], [], { mode: "merge" });
    expect(merged.manifest.sessions.map((s) => s.id)).toEqual(["plenary-1", "plenary-2"]);
    const replaced = await writeCorpus(dir, [p1], [], { mode: "replace" });
    expect(replaced.removed).toEqual(["plenary-2"]);
    expect((await readdir(dir)).sort()).toEqual(["manifest.json", "plenary-1.json", "text"]);
  });

  it("refuses a manifest of another schema version, naming the file", async () => {
    await writeFile(
      join(dir, "manifest.json"),
      JSON.stringify({ schemaVersion: 99, sessions: [] }),
    );
    await expect(writeCorpus(dir, [], [])).rejects.toThrow(/manifest\.json: schema version 99/);
  });
});

describe("matchRoughTwins (through assembleSessions)", () => {
  const WORDS =
    "We thank the chair for the draft on recognized operating agencies and we support the text as it stands before the plenary today";
  const headerless = {
    status: null,
    statusLine: null,
    title: null,
    date: null,
    time: null,
    number: null,
  };

  it("gives a headerless rough transcript the facts of the finished one it shares words with", () => {
    const finished = makeProcessed({}, { file: "p1.docx", sha: "f1", words: WORDS });
    const rough = makeProcessed(headerless, {
      file: "p1-live.txt",
      sha: "r1",
      words: WORDS.replace("recognized", "wreck a nice"),
    });
    const out = assembleSessions([finished, rough]).sessions.map((s) => s.record);
    const twin = out.find((r) => r.version === "rough");
    expect(twin).toMatchObject({
      id: "plenary-1-rough",
      date: "2012-12-03",
      time: "14:30",
      number: 1,
      title: null,
      variants: ["plenary-1"],
      inferred: { from: "plenary-1", fields: ["date", "time", "number"] },
    });
    expect(twin?.inferred?.similarity).toBeGreaterThan(0.5);
    expect(twin?.utterances[0]?.id).toBe("plenary-1-rough.0");
    expect(twin?.utterances[0]?.text).toContain("wreck a nice");
  });

  it("leaves a headerless rough transcript alone when no finished one shares its words", () => {
    const finished = makeProcessed({}, { file: "p1.docx", sha: "f1", words: WORDS });
    const rough = makeProcessed(headerless, {
      file: "other-live.txt",
      sha: "r2",
      words: "Completely different words about spam and roaming charges in another room",
    });
    const twin = assembleSessions([finished, rough])
      .sessions.map((s) => s.record)
      .find((r) => r.version === "rough");
    expect(twin?.id).toBe("plenary-undated-rough");
    expect(twin?.inferred).toBeUndefined();
  });
});
