/**
 * The conference of a session from the ingest run: files under sources/<conference-id>/ belong
 * to that conference, `--conference` gives the one of the files directly in the folder, and a
 * header naming another conference wins (with a warning). Ids carry the profile's prefix and the
 * manifest names each session's conference.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { run, runIngest } from "../../ingest/commands/ingest";
import { inProcessRunner } from "../../ingest/sandbox/runner";
import type { Logger } from "../../src/domain";

/** A headerless copy: nothing in it names a conference or a date. */
const HEADERLESS = `>> CHAIR: Good morning. We resume the synthetic test session.
>> EGYPT: Thank you, Chair. We agree with the synthetic text.
`;

/** A cut top: only the title line above the turns. */
const TITLE_ONLY = `SYNTHETIC SAMPLE
SEVENTH MEETING OF COMMITTEE 6
>> CHAIR: We take up the synthetic budget text.
>> CANADA: Thank you, Chair.
`;

const NAMES_PP22 = `FINISHED TRANSCRIPT
SYNTHETIC SAMPLE
PLENIPOTENTIARY CONFERENCE 2022
BUCHAREST, ROMANIA
FIFTEENTH PLENARY MEETING
12 OCTOBER 2022
>> CHAIR: Good afternoon, synthetic delegates.
>> POLAND: Thank you, Chair.
`;

function recorder(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info: () => {}, warn: (m) => warnings.push(m), error: () => {} };
}

describe("the conference of a source from the ingest run", () => {
  let dir: string;
  let sources: string;
  let out: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "conference-sources-"));
    sources = join(dir, "sources");
    out = join(dir, "out");
    await mkdir(join(sources, "pp-14"), { recursive: true });
    await mkdir(join(sources, "not-a-conference"));
    await writeFile(join(sources, "pp-14", "com6-7.txt"), TITLE_ONLY);
    await writeFile(join(sources, "pp-14", "pp22-plenary.txt"), NAMES_PP22);
    await writeFile(join(sources, "not-a-conference", "x.txt"), TITLE_ONLY);
    await writeFile(join(sources, "headerless.txt"), HEADERLESS);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("a conference's folder gives its files the conference, the id its prefix", async () => {
    const logger = recorder();
    const runner = inProcessRunner();
    const result = await runIngest({ sourcesDir: sources, outDir: out, logger, runner });
    const byFile = new Map(
      result.manifest.sessions.map((s) => [s.source.file.split("/").slice(-2).join("/"), s]),
    );
    expect(byFile.get("pp-14/com6-7.txt")).toMatchObject({
      id: "pp-14-committee-6-7-rough", // no status line: a rough version
      conference: "pp-14",
      body: "committee-6",
      number: 7,
    });
    // The header names PP-22: it wins over the folder, with a warning naming both.
    expect(byFile.get("pp-14/pp22-plenary.txt")).toMatchObject({
      id: "pp-22-plenary-15",
      conference: "pp-22",
    });
    expect(logger.warnings.some((w) => /pp-22.*pp-14|pp-14.*pp-22/.test(w))).toBe(true);
    // Without --conference, a headerless file directly in the folder belongs to none.
    expect(byFile.get("sources/headerless.txt")?.conference).toBeNull();
    expect(result.skipped.map((s) => s.file)).toContain("not-a-conference");
    expect(result.skipped.find((s) => s.file === "not-a-conference")?.reason).toMatch(/pp-14/);
  });

  it("--conference gives the files directly in the folder their conference", async () => {
    const runner = inProcessRunner();
    const result = await runIngest({
      sourcesDir: sources,
      outDir: out,
      conference: "wtpf-13",
      runner,
    });
    const headerless = result.manifest.sessions.find((s) =>
      s.source.file.endsWith("headerless.txt"),
    );
    expect(headerless?.conference).toBe("wtpf-13");
    expect(headerless?.id.startsWith("wtpf-13-")).toBe(true);
    const folder = result.manifest.sessions.find((s) => s.source.file.endsWith("com6-7.txt"));
    expect(folder?.conference).toBe("pp-14");
  });

  it("an unknown --conference is refused, naming the known ones", async () => {
    await expect(
      run(["--sources", sources, "--out", out, "--conference", "pp-99"]),
    ).rejects.toThrow(/--conference "pp-99" is no known conference \(known: wcit-12, .*pp-14/);
  });
});
