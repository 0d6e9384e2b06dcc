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
  "coldFirstQueryMs",
  "peakHeapMB",
  "peakLiveHeapMB",
];
/**
 * Net figures that may be zero or below: a system whose memory is native (SQLite) keeps almost
 * nothing on the heap, and a collection can leave the heap smaller than before the load.
 */
const NET_FIGURES = ["heapMB", "rssMB", "peakRssMB"];
const SYSTEMS = ["flexsearch", "linear-scan", "minisearch-stock", "orama", "ours", "sqlite-fts5"];
/** Classes each peer cannot express: their figures must be null (n/a), never a number. */
const UNSUPPORTED: Record<string, string[]> = { "sqlite-fts5": ["fuzzy"], flexsearch: ["fuzzy"] };

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
    expect(run.stdout).toMatch(/ours against the best peer per figure/);
    const report = JSON.parse(readFileSync(file, "utf8")) as {
      utterances: number;
      agreementWith: string;
      versusBestPeer: Record<string, { peer: string; ratio: number }>;
      systems: Record<
        string,
        Record<string, unknown> & {
          query: Record<string, Record<string, unknown> | null>;
          agreement: Record<string, number | null>;
        }
      >;
    };
    expect(report.utterances).toBe(1500);
    expect(Object.keys(report.systems).sort()).toEqual(SYSTEMS);
    expect(report.agreementWith).toBe("ours");
    for (const [name, figures] of Object.entries(report.systems)) {
      for (const key of FIGURES)
        expect({ name, key, ok: positiveFinite(figures[key]) }).toEqual({ name, key, ok: true });
      for (const key of NET_FIGURES)
        expect({ name, key, finite: Number.isFinite(figures[key]) }).toEqual({
          name,
          key,
          finite: true,
        });
      const missing = UNSUPPORTED[name] ?? [];
      for (const cls of CLASSES) {
        const na = missing.includes(cls) || (cls === "all" && missing.length > 0);
        if (na) {
          expect({ name, cls, figures: figures.query[cls] }).toEqual({ name, cls, figures: null });
          expect({ name, cls, agreement: figures.agreement[cls] }).toEqual({
            name,
            cls,
            agreement: null,
          });
          continue;
        }
        for (const p of ["p50", "p99"]) {
          expect({ name, cls, p, ok: positiveFinite(figures.query[cls]?.[p]) }).toEqual({
            name,
            cls,
            p,
            ok: true,
          });
        }
        // Every system answers the same question: the same full result set as ours, every query.
        expect({ name, cls, agreement: figures.agreement[cls] }).toEqual({
          name,
          cls,
          agreement: 1,
        });
      }
    }
    expect(run.stdout).toMatch(/fuzzy p50 \(ms\).*n\/a/);
    const best = report.versusBestPeer["query.term.p50"]!;
    expect(["minisearch-stock", "sqlite-fts5", "flexsearch", "orama"]).toContain(best.peer);
    expect(positiveFinite(best.ratio)).toBe(true);
  }, 300_000);
});
