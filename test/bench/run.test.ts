import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const dir = mkdtempSync(join(os.tmpdir(), "bench-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLASSES = ["term", "and", "phrase", "prefix", "fuzzy", "filtered", "chronological", "all"];
const FIGURES = [
  "buildMs",
  "indexBytes",
  "indexGzipBytes",
  "coldStartMs",
  "peakHeapMB",
  "peakLiveHeapMB",
  "heapMB",
];

function positiveFinite(value: unknown): boolean {
  return typeof value === "number" && Number.isFinite(value) && value > 0;
}

describe("npm run bench -- --quick --json FILE", () => {
  it("writes every figure for every system, finite and positive", () => {
    const file = join(dir, "quick.json");
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "bench/run.ts", "--quick", "--json", file],
      {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 280_000,
      },
    );
    expect(run.stderr).not.toMatch(/failed/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/minisearch-stock \(baseline\)/);
    const report = JSON.parse(readFileSync(file, "utf8")) as {
      utterances: number;
      systems: Record<
        string,
        Record<string, unknown> & { query: Record<string, Record<string, unknown>> }
      >;
    };
    expect(report.utterances).toBe(1500);
    expect(Object.keys(report.systems).sort()).toEqual(["linear-scan", "minisearch-stock", "ours"]);
    for (const [name, figures] of Object.entries(report.systems)) {
      for (const key of FIGURES)
        expect({ name, key, ok: positiveFinite(figures[key]) }).toEqual({ name, key, ok: true });
      for (const cls of CLASSES) {
        for (const p of ["p50", "p99"]) {
          expect({ name, cls, p, ok: positiveFinite(figures.query[cls]?.[p]) }).toEqual({
            name,
            cls,
            p,
            ok: true,
          });
        }
      }
    }
    // The two reference systems answer the same question: their totals agree on every query.
    expect((report.systems["linear-scan"]!.agreement as Record<string, number>).all).toBe(1);
  }, 300_000);
});
