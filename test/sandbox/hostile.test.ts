/**
 * The hostile-input suite: files generated here, small (a few hundred KB at most), each proving
 * a bound by being over a limit set low for the test, or by a shape that used to crash the
 * ingest. Every case asserts the bounded outcome, the message (file and limit named) and, for the
 * ingest, that nothing else was lost.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "../../ingest/commands/ingest";
import { extractText } from "../../ingest/extract/index";
import { printable } from "../../src/node/printable";
import { noSessionReason } from "../../ingest/pipeline";
import { workerRunner, type SourceRunner } from "../../ingest/sandbox/runner";
import { emptySessionHeader } from "../../src/domain";
import { renderPdf } from "../fetch/render";
import {
  deepHtml,
  emptyParagraphsDocx,
  lyingSizeDocx,
  markersTail,
  manyTurns,
} from "./hostile-files";

const run = promisify(execFile);
const TSX = join("node_modules", ".bin", "tsx");
/** Starting a worker loads the extractors (a few seconds on a busy machine). */
const WORKER_CASE_MS = 60_000;

const PLENARY = `FINISHED TRANSCRIPT
SYNTHETIC SAMPLE - written for testing; not a real transcript
WORLD CONFERENCE ON INTERNATIONAL TELECOMMUNICATIONS
DUBAI, UNITED ARAB EMIRATES
PLENARY 2
4 DECEMBER 2012
9:30
>> CHAIR: Good morning. Egypt, you have the floor.
>> EGYPT: Thank you, Chair. We support the text in DT/3 as it stands.
`;

describe("checks before the expensive step (one worker for all)", () => {
  let runner: SourceRunner;
  const read = (fileName: string, bytes: Uint8Array) =>
    runner.run({ bytes, fileName, file: `sources/${fileName}` });
  beforeAll(() => {
    runner = workerRunner({ maxPdfPages: 3, maxInflatedBytes: 400_000 });
  });
  afterAll(async () => {
    await runner.close();
  });

  it(
    "a .docx of empty paragraphs inflating hundreds of times is refused before mammoth reads it",
    async () => {
      await expect(read("bomb.docx", emptyParagraphsDocx(300_000))).rejects.toThrow(
        /^extract: bomb\.docx: over a limit: word\/document\.xml inflates \d{3,} times .*\(maxInflateRatio is 100\)$/,
      );
    },
    WORKER_CASE_MS,
  );

  it("a .docx declaring more than maxInflatedBytes in total is refused", async () => {
    await expect(read("big.docx", emptyParagraphsDocx(70_000))).rejects.toThrow(
      /^extract: big\.docx: over a limit: its ZIP entries inflate to \d+ KB \(maxInflatedBytes is 400000\)$/,
    );
  });

  it("a .docx whose body lies about its size is named as crafted, not 'size mismatch'", async () => {
    await expect(read("lying.docx", lyingSizeDocx(1000))).rejects.toThrow(
      /^extract: lying\.docx: damaged \.docx: word\/document\.xml declares 1000 bytes but inflates to \d+ \(a damaged or crafted ZIP\)$/,
    );
  });

  it("a PDF with more pages than maxPdfPages is refused from its page tree", async () => {
    const pdf = await renderPdf(Array.from({ length: 300 }, (_, i) => `line ${i}`).join("\n"), "p");
    await expect(read("long.pdf", pdf)).rejects.toThrow(
      /^extract: long\.pdf: over a limit: [4-9] pages \(maxPdfPages is 3\)$/,
    );
  });

  it("HTML nested deeper than maxHtmlDepth is refused before a tree is built", async () => {
    await expect(read("deep.html", deepHtml(300))).rejects.toThrow(
      /^extract: deep\.html: over a limit: elements nested more than 256 deep \(maxHtmlDepth is 256\)$/,
    );
  });

  it("a text ending in megabytes of '>' parses (no regex recursion), its turns kept", async () => {
    const { parsed } = await read("markers.txt", markersTail(2_000_000));
    expect(parsed.warnings.join(" ")).not.toMatch(/internal error/);
    expect(parsed.utterances.map((u) => u.speaker.raw)).toEqual(["CHAIR", "EGYPT"]);
  });
});

describe("limits the worker enforces (each ends its worker)", () => {
  it(
    "a .docx that needs more memory than maxMemoryMb fails alone, naming the limit",
    async () => {
      const runner = workerRunner({ maxMemoryMb: 96, maxInflateRatio: 1e9 });
      try {
        await expect(
          runner.run({ bytes: emptyParagraphsDocx(300_000), fileName: "b.docx", file: "s/b.docx" }),
        ).rejects.toThrow(/^pipeline: s\/b\.docx: over a limit: ran out of its 96 MB of memory/);
        // A fresh worker takes the next source.
        const next = await runner.run({
          bytes: new TextEncoder().encode(PLENARY),
          fileName: "p.txt",
          file: "s/p.txt",
        });
        expect(next.parsed.session.number).toBe(2);
      } finally {
        await runner.close();
      }
    },
    WORKER_CASE_MS,
  );

  it(
    "a source still running after timeoutMs is ended",
    async () => {
      const runner = workerRunner({ timeoutMs: 1_000 });
      const started = Date.now();
      try {
        await expect(
          runner.run({ bytes: manyTurns(400_000), fileName: "t.txt", file: "s/t.txt" }),
        ).rejects.toThrow(
          /^pipeline: s\/t\.txt: over a limit: not done after 1 s \(timeoutMs is 1000\)$/,
        );
      } finally {
        await runner.close();
      }
      expect(Date.now() - started).toBeLessThan(WORKER_CASE_MS);
    },
    WORKER_CASE_MS,
  );
});

describe("no recursion a file can drive to a stack overflow", () => {
  it("HTML nested 10,500 levels (allowed by a raised limit) is walked without overflow", async () => {
    const { text } = await extractText(deepHtml(10_500), {
      fileName: "deep.html",
      limits: { maxHtmlDepth: 1e9 },
    });
    expect(text).toBe(">> CHAIR: Good morning.\n");
  }, 30_000);
});

describe("honest messages", () => {
  it("says the parser failed, with its error, rather than 'no speaker turns found'", () => {
    const failed = {
      session: emptySessionHeader(),
      utterances: [],
      warnings: ["parse: internal error: Maximum call stack size exceeded"],
    };
    expect(noSessionReason(failed)).toBe("the parser failed: Maximum call stack size exceeded");
    expect(noSessionReason({ ...failed, warnings: [] })).toMatch(/^no speaker turns found: no >>/);
  });

  it("escapes control characters and bidi overrides in printed names", () => {
    expect(printable("a\n\u001b[2Jb\u202e.txt")).toBe("a\\n\\x1b[2Jb\\u202e.txt");
  });
});

describe("the ingest under hostile sources", () => {
  let dir: string;
  let sources: string;
  let out: string;
  const EVIL_NAME = "evil\n\u001b[2J.txt";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "hostile-"));
    sources = join(dir, "sources");
    out = join(dir, "out");
    await mkdir(sources);
    await writeFile(join(sources, "plenary2.txt"), PLENARY);
    await runIngest({ sourcesDir: sources, outDir: out });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(
    "refuses each bad file with its limit, takes the good ones, keeps earlier output",
    async () => {
      const before = await readFile(join(out, "plenary-2.json"), "utf8");
      await writeFile(join(sources, "bomb.docx"), emptyParagraphsDocx(300_000));
      await writeFile(join(sources, "deep.html"), deepHtml(2_000));
      await writeFile(join(sources, "lying.docx"), lyingSizeDocx(1000));
      await writeFile(join(sources, EVIL_NAME), PLENARY.replace("PLENARY 2", "PLENARY 3"));
      await symlink("/etc/passwd", join(sources, "link.txt"));
      await mkdir(join(sources, "folder"));
      const { stderr, code } = await run(TSX, [
        "ingest/cli.ts",
        "ingest",
        "--sources",
        sources,
        "--out",
        out,
        "--limit",
        "maxHtmlDepth=100",
      ]).then(
        (r) => ({ ...r, code: 0 }),
        (e: { stderr: string; code: number }) => e,
      );
      expect(code).toBe(1);
      expect(stderr).not.toContain("\u001b");
      expect(stderr).toMatch(/skipped: link\.txt: a symbolic link: not followed/);
      expect(stderr).toMatch(/skipped: folder: a folder/);
      expect(stderr).toMatch(
        /failed: \S*bomb\.docx: extract: bomb\.docx: over a limit: .*maxInflateRatio/,
      );
      expect(stderr).toMatch(
        /failed: \S*deep\.html: extract: deep\.html: over a limit: .*\(maxHtmlDepth is 100\)/,
      );
      expect(stderr).toMatch(/failed: \S*lying\.docx: .*declares 1000 bytes but inflates/);
      expect(stderr).toContain("ingested ");
      expect(stderr).toContain("evil\\n\\x1b[2J.txt -> plenary-3");
      const manifest = JSON.parse(await readFile(join(out, "manifest.json"), "utf8"));
      expect(manifest.sessions.map((s: { id: string }) => s.id).sort()).toEqual([
        "plenary-2",
        "plenary-3",
      ]);
      expect(manifest.failures).toHaveLength(3);
      expect(await readFile(join(out, "plenary-2.json"), "utf8")).toBe(before);
    },
    WORKER_CASE_MS,
  );

  it(
    "parse exits 1 with a one-line error when no session comes out",
    async () => {
      const file = join(dir, "labels-only.txt");
      await writeFile(file, ">> CHAIR:\n>> EGYPT:\n");
      const error = await run(TSX, ["ingest/cli.ts", "parse", file]).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 1, stdout: "" });
      const stderr = (error as { stderr: string }).stderr;
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(stderr).toMatch(
        /^parse: .*labels-only\.txt: no speaker turns found with words: 2 turn/,
      );
    },
    WORKER_CASE_MS,
  );
});
