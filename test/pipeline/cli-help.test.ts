/**
 * The command line speaks plainly (issue 11): `--help` on every command of ingest/cli.ts, the
 * parse notes of an ingest summed up in one line unless --verbose, and the build's session count
 * saying how many rough versions are kept apart.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it, test } from "vitest";
import { sessionCount } from "../../ingest/commands/build";
import { collectNotes, noteKind } from "../../ingest/io/notes";

const run = promisify(execFile);
const TSX = join("node_modules", ".bin", "tsx");

describe("--help", () => {
  test.each(["ingest", "parse", "build", "ensure-built", "search"])(
    "%s --help prints its usage and exits 0",
    async (command) => {
      const { stdout } = await run(TSX, ["ingest/cli.ts", command, "--help"]);
      expect(stdout).toMatch(/^usage: /);
      expect(stdout).toContain("--help");
    },
    30_000,
  );

  it("the cli's own --help lists the commands", async () => {
    const { stdout } = await run(TSX, ["ingest/cli.ts", "--help"]);
    for (const command of ["ingest", "parse", "build", "ensure-built", "search"])
      expect(stdout).toContain(`  ${command} `);
  }, 30_000);
});

describe("parse notes in one line", () => {
  test.each([
    [
      'transcripts/sources/a.html: parse: header: dropped 94 characters before the header: "WCIT..."',
      "dropped N characters before the header",
    ],
    ["transcripts/sources/b.docx: parse: header: no title", "no title"],
    [
      'transcripts/sources/c.docx: parse: header: no title; body "plenary" taken from the opening turns',
      "no title",
    ],
    ["extract: com5-4.txt: not valid UTF-8; decoded as Windows-1252", "not valid UTF-8"],
  ])("noteKind(%j)", (message, kind) => {
    expect(noteKind(message)).toBe(kind);
  });

  it("keeps the warnings and sums them up by kind and source", () => {
    const passed: string[] = [];
    const notes = collectNotes({
      info: (m) => passed.push(`info ${m}`),
      warn: (m) => passed.push(`warn ${m}`),
      error: (m) => passed.push(`error ${m}`),
    });
    notes.logger.warn("x.docx: parse: header: no title");
    notes.logger.warn("y.docx: parse: header: no title");
    notes.logger.warn("y.docx: parse: header: no time");
    notes.logger.info("ingested x.docx");
    notes.logger.error("z.pdf: broken");
    expect(passed).toEqual(["info ingested x.docx", "error z.pdf: broken"]);
    expect(notes.summary()).toBe(
      "3 parse notes on 2 sources: no title (2), no time (1); --verbose shows each",
    );
    expect(collectNotes(notes.logger).summary()).toBeNull();
  });

  it("npm run ingest prints no warning lines, one summary; --verbose prints each", async () => {
    const out = await mkdtemp(join(tmpdir(), "ingest-notes-"));
    try {
      const { stderr } = await run(TSX, ["ingest/cli.ts", "ingest", "--out", out]);
      expect(stderr).not.toMatch(/^warning:/m);
      expect(stderr).toMatch(/^ingest: \d+ parse notes on \d+ sources: .*; --verbose shows each$/m);
      const verbose = await run(TSX, [
        "ingest/cli.ts",
        "ingest",
        "--out",
        out,
        "--verbose",
        "--quiet",
      ]);
      expect(verbose.stderr).toMatch(/^warning: /m);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("the build's session count", () => {
  test.each([
    [["finished", "finished"], "2 sessions"],
    [["finished", "rough"], "2 sessions (1 searched, 1 rough live version kept apart)"],
    [
      ["finished", "finished", "rough", "rough"],
      "4 sessions (2 searched, 2 rough live versions kept apart)",
    ],
  ] as const)("%j -> %s", (versions, text) => {
    expect(sessionCount(versions.map((version) => ({ version })))).toBe(text);
  });
});
