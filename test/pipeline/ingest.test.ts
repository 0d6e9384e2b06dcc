import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "../../ingest/commands/ingest";
import type { SessionRecord } from "../../src/domain";

const run = promisify(execFile);
const TSX = join("node_modules", ".bin", "tsx");

const PLENARY = `FINISHED TRANSCRIPT
SYNTHETIC SAMPLE - written for testing; not a real transcript
WORLD CONFERENCE ON INTERNATIONAL TELECOMMUNICATIONS
DUBAI, UNITED ARAB EMIRATES
PLENARY 2
4 DECEMBER 2012
9:30
>> CHAIR: Good morning. Egypt, you have the floor.
>> EGYPT: Thank you, Chair. We support the text in DT/3
as it stands.
>> CHAIR: Thank you. Cuba?
>> CUBA: We agree with Egypt. (Applause)
`;

const COMMITTEE = `FINAL TRANSCRIPT
SYNTHETIC SAMPLE - written for testing; not a real transcript
WORLD CONFERENCE ON INTERNATIONAL TELECOMMUNICATIONS
DUBAI, UNITED ARAB EMIRATES
10 DECEMBER 2012
FOURTH MEETING OF COM 5
16:00
>> CHAIRMAN: We resume on Article 5B. India.
>> INDIA: Thank you. We can accept the proposal.
`;

describe("runIngest (offline)", () => {
  let dir: string;
  let sources: string;
  let out: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ingest-"));
    sources = join(dir, "sources");
    out = join(dir, "out");
    await mkdir(sources);
    await writeFile(join(sources, "plenary2.txt"), PLENARY);
    await writeFile(join(sources, "com5-4.txt"), COMMITTEE);
    await writeFile(join(sources, "README.md"), "not a source");
    await writeFile(join(sources, "broken.pdf"), "<html><body>404 Not Found</body></html>");
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("ingests every good source, reports the bad one, writes the manifest", async () => {
    const result = await runIngest({ sourcesDir: sources, outDir: out });
    expect(result.ingested.sort()).toEqual(["committee-5-4", "plenary-2"]);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]?.file).toMatch(/broken\.pdf$/);
    expect(result.failures[0]?.error).toMatch(/^extract: broken\.pdf: /);
    expect(result.manifest.synthetic).toBe(true);
    expect(result.manifest.sessions.map((s) => s.id)).toEqual(["plenary-2", "committee-5-4"]);

    const session = JSON.parse(
      await readFile(join(out, "plenary-2.json"), "utf8"),
    ) as SessionRecord;
    expect(session.date).toBe("2012-12-04");
    expect(session.time).toBe("09:30");
    expect(session.utterances.map((u) => u.speaker.id)).toEqual(["chair", "EGY", "chair", "CUB"]);
    // Offsets and lines point into the extracted text written beside the session.
    const text = await readFile(join(out, session.source.textFile), "utf8");
    const egypt = session.utterances[1];
    expect(egypt?.text).toBe("Thank you, Chair. We support the text in DT/3 as it stands.");
    expect(text.slice(egypt?.source.start, egypt?.source.end)).toContain(
      "We support the text in DT/3",
    );
    expect(text.split("\n")[(egypt?.source.line ?? 0) - 1]).toContain(">> EGYPT:");
    expect(egypt?.documents.map((d) => d.id)).toEqual(["DT/3"]);
  });

  it("keeps earlier good output when a source breaks on a later run", async () => {
    const before = await readFile(join(out, "plenary-2.json"), "utf8");
    await writeFile(join(sources, "plenary2.txt"), new Uint8Array([0, 1, 2, 3, 0, 0, 255, 0]));
    const result = await runIngest({ sourcesDir: sources, outDir: out });
    expect(result.failures.map((f) => f.file).sort()).toEqual([
      expect.stringMatching(/broken\.pdf$/),
      expect.stringMatching(/plenary2\.txt$/),
    ]);
    expect(result.manifest.sessions.map((s) => s.id)).toContain("plenary-2");
    expect(await readFile(join(out, "plenary-2.json"), "utf8")).toBe(before);
    await writeFile(join(sources, "plenary2.txt"), PLENARY);
  });

  it("names the folder when the sources folder is missing", async () => {
    await expect(runIngest({ sourcesDir: join(dir, "nope"), outDir: out })).rejects.toThrow(
      /ingest: .*nope: cannot read the sources folder/,
    );
  });
});

describe("parse CLI contract", () => {
  // The CLI starts tsx, then the worker that reads the file: slow on a busy machine.
  it("prints one JSON object with session and utterances", { timeout: 60_000 }, async () => {
    const file = join(tmpdir(), `parse-cli-${process.pid}.txt`);
    await writeFile(file, PLENARY);
    const { stdout } = await run(TSX, ["ingest/cli.ts", "parse", file]);
    const json = JSON.parse(stdout);
    expect(json.session).toMatchObject({
      title: "PLENARY 2",
      date: "2012-12-04",
      time: "09:30",
      body: "plenary",
      number: 2,
      status: "finished",
    });
    expect(json.utterances[1]).toMatchObject({
      speaker: { raw: "EGYPT", kind: "delegation", country: "EGY" },
      text: "Thank you, Chair. We support the text in DT/3 as it stands.",
    });
    await rm(file);
  });

  it("exits non-zero with a one-line error for unreadable input", { timeout: 60_000 }, async () => {
    const file = join(tmpdir(), `parse-cli-${process.pid}.pdf`);
    await writeFile(file, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]));
    const error = await run(TSX, ["ingest/cli.ts", "parse", file]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 1 });
    const stderr = (error as { stderr: string }).stderr.trim();
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/parse-cli-\d+\.pdf/);
    await rm(file);
  });
});
