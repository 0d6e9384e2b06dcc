/**
 * Session ids are stable: published permalinks keep showing the same words across re-ingests
 * with sources added (one forged to claim a held id), renamed and removed.
 */
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAssets, readSessionRecords } from "../../ingest/build-index";
import { runIngest } from "../../ingest/commands/ingest";
import { inProcessRunner } from "../../ingest/sandbox/runner";
import type { Manifest } from "../../src/domain";
import { openCorpus } from "../../src/search/load";
import { createApp } from "../../src/web/app";
import { memoryReader } from "../fixtures/corpus";

const HEADER = (title: string, date: string): string =>
  [
    "FINISHED TRANSCRIPT",
    "SYNTHETIC SAMPLE - written for testing; not a real transcript",
    "WORLD CONFERENCE ON INTERNATIONAL TELECOMMUNICATIONS",
    "DUBAI, UNITED ARAB EMIRATES",
    date,
    "14:30",
    title,
    "",
  ].join("\n");

const GENUINE_PLENARY = `${HEADER("PLENARY 1", "3 DECEMBER 2012")}>> CHAIR: Good afternoon. Egypt, you have the floor.
>> EGYPT: We support the proposal on recognized operating agencies as it stands in the draft.
>> CHAIR: Thank you, Egypt.
`;
const FORGED_PLENARY = `${HEADER("PLENARY 1", "3 DECEMBER 2012")}>> CHAIR: Good afternoon. Egypt, you have the floor.
>> EGYPT: We withdraw every proposal we made and leave the conference at once today.
`;
const COMMITTEE = `${HEADER("THIRD MEETING OF COMMITTEE 5", "6 DECEMBER 2012")}>> CHAIRMAN: We resume on Article 5B. India.
>> INDIA: Thank you. We can accept the proposal on spam in the text of the chairman.
`;
const TEST_COMMITTEE = `${HEADER("THIRD MEETING OF COM 5", "6 DECEMBER 2012")}>> CHAIRMAN: This is a test file.
>> CUBA: Testing the microphones in room B before the meeting starts again soon.
`;
/** The genuine plenary's words, saved again under another name: a copy. */
const COPY_OF_PLENARY = GENUINE_PLENARY.replace("Thank you, Egypt.", "Thank you, Egypt!");

describe("stable session ids across re-ingests", () => {
  let dir: string;
  let sources: string;
  let out: string;
  // Ids are the subject here, not the bounds: one in-process runner for every re-ingest.
  const runner = inProcessRunner();
  const ingest = () => runIngest({ sourcesDir: sources, outDir: out, runner });

  /** What /api/utterances/<id> shows after building the corpus in `out`. */
  async function permalink(id: string): Promise<{ status: number; text?: string }> {
    const { records } = await readSessionRecords(out);
    const { files } = buildAssets(records);
    const app = createApp({ loadCorpus: () => openCorpus(memoryReader(files)) });
    const response = await app.request(`/api/utterances/${id}`);
    if (response.status !== 200) return { status: response.status };
    const body = (await response.json()) as { utterance: { text: string } };
    return { status: 200, text: body.utterance.text };
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "identity-"));
    sources = join(dir, "sources");
    out = join(dir, "out");
    await mkdir(sources);
    await writeFile(join(sources, "plenary-1.txt"), GENUINE_PLENARY);
    await writeFile(join(sources, "com5-3.txt"), COMMITTEE);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("publishes the first ids", async () => {
    const result = await ingest();
    expect(result.ingested.sort()).toEqual(["committee-5-3", "plenary-1"]);
    expect((await permalink("plenary-1.1")).text).toMatch(/^We support the proposal/);
    expect((await permalink("committee-5-3.1")).text).toMatch(/^Thank you\. We can accept/);
  });

  it("a new source whose header claims a held id (and sorts first) does not take it", async () => {
    await writeFile(join(sources, "aaa-forged.txt"), FORGED_PLENARY);
    await writeFile(join(sources, "a-test.txt"), TEST_COMMITTEE);
    const result = await ingest();
    expect((await permalink("plenary-1.1")).text).toMatch(/^We support the proposal/);
    expect((await permalink("committee-5-3.1")).text).toMatch(/^Thank you\. We can accept/);
    const conflicts = result.manifest.conflicts ?? [];
    expect(conflicts.map((c) => [c.file, c.claimed, c.owner.file, c.outcome])).toEqual([
      [expect.stringMatching(/a-test\.txt$/), "committee-5-3", expect.stringMatching(/com5-3\.txt$/), "renamed"],
      [expect.stringMatching(/aaa-forged\.txt$/), "plenary-1", expect.stringMatching(/plenary-1\.txt$/), "renamed"],
    ]); // prettier-ignore
    const forgedId = conflicts.find((c) => c.file.endsWith("aaa-forged.txt"))?.id ?? "";
    expect(forgedId).toMatch(/^plenary-1-[0-9a-f]{8}$/);
    expect((await permalink(`${forgedId}.1`)).text).toMatch(/^We withdraw/);
  });

  it("a copy of a session's words under another name is held back, not ingested twice", async () => {
    await writeFile(join(sources, "0-copy.txt"), COPY_OF_PLENARY);
    const result = await ingest();
    const held = result.manifest.conflicts?.find((c) => c.file.endsWith("0-copy.txt"));
    expect(held).toMatchObject({ outcome: "held", claimed: "plenary-1" });
    expect(held?.similarity).toBeGreaterThanOrEqual(0.5);
    expect(result.manifest.sessions.some((s) => s.source.file.endsWith("0-copy.txt"))).toBe(false);
    expect((await permalink("plenary-1.1")).text).toMatch(/^We support the proposal/);
    await rm(join(sources, "0-copy.txt"));
  });

  it("a renamed source keeps its id", async () => {
    await rename(join(sources, "plenary-1.txt"), join(sources, "zz-plenary-one.txt"));
    const result = await ingest();
    const entry = result.manifest.sessions.find((s) => s.id === "plenary-1");
    expect(entry?.source.file).toMatch(/zz-plenary-one\.txt$/);
    expect((await permalink("plenary-1.1")).text).toMatch(/^We support the proposal/);
  });

  it("a new version of the same file replaces it under its id", async () => {
    const corrected = GENUINE_PLENARY.replace("as it stands", "as it now stands");
    await writeFile(join(sources, "zz-plenary-one.txt"), corrected);
    await ingest();
    expect((await permalink("plenary-1.1")).text).toMatch(/as it now stands/);
    await writeFile(join(sources, "zz-plenary-one.txt"), GENUINE_PLENARY);
    await ingest();
    expect((await permalink("plenary-1.1")).text).toMatch(/as it stands in the draft/);
  });

  it("a removed source's id is retired: the forged claimant never gets it", async () => {
    const genuine = await readFile(join(sources, "zz-plenary-one.txt"));
    await rm(join(sources, "zz-plenary-one.txt"));
    const result = await ingest();
    expect(result.manifest.retired?.map((r) => r.id)).toEqual(["plenary-1"]);
    expect((await permalink("plenary-1.1")).status).toBe(404);
    expect(result.manifest.sessions.find((s) => s.id === "plenary-1")).toBeUndefined();

    // The same bytes come back: they get their id back.
    await writeFile(join(sources, "plenary-1.txt"), genuine);
    const again = await ingest();
    expect(again.manifest.retired).toBeUndefined();
    expect((await permalink("plenary-1.1")).text).toMatch(/^We support the proposal/);
    expect((await permalink("committee-5-3.1")).text).toMatch(/^Thank you\. We can accept/);
    const manifest = JSON.parse(await readFile(join(out, "manifest.json"), "utf8")) as Manifest;
    const ids = manifest.sessions.map((s) => s.id).sort();
    expect(ids).toEqual([
      "committee-5-3",
      expect.stringMatching(/^committee-5-3-[0-9a-f]{8}$/),
      "plenary-1",
      expect.stringMatching(/^plenary-1-[0-9a-f]{8}$/),
    ]);
  });
});
