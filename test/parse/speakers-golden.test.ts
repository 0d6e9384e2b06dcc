import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { normaliseSpeaker } from "../../ingest/parse/speakers";

/**
 * Golden files: test/fixtures/speakers/<name>.txt (one label per line, # comments) beside
 * <name>.expected.json (the Speakers). UPDATE_GOLDEN=1 rewrites the expected files; review the diff.
 */
const dir = join(import.meta.dirname, "../fixtures/speakers");
const fixtures = readdirSync(dir).filter((f) => f.endsWith(".txt"));

function labels(file: string): string[] {
  return readFileSync(join(dir, file), "utf8")
    .split("\n")
    .filter((l) => l.length > 0 && !l.startsWith("#"));
}

describe("golden speaker fixtures", () => {
  test("there are fixtures, and each is flagged synthetic", () => {
    expect(fixtures.length).toBeGreaterThan(0);
    for (const f of fixtures)
      expect(readFileSync(join(dir, f), "utf8")).toMatch(/^# SYNTHETIC SAMPLE/);
  });

  test.each(fixtures)("%s", (file) => {
    const actual = labels(file).map((l) => normaliseSpeaker(l));
    const expectedPath = join(dir, file.replace(/\.txt$/, ".expected.json"));
    if (process.env.UPDATE_GOLDEN === "1")
      writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, "utf8")));
  });
});

describe("malformed labels", () => {
  test.each([
    ["control characters", "EGY\u0000PT\u0007"],
    ["a lone surrogate", "EGYPT \ud800"],
    ["emoji", "🇪🇬 EGYPT"],
    ["mojibake", "CÃ”TE D'IVOIRE"],
    ["only punctuation", ">>> ::: ..."],
    ["a very long label", "EGYPT ".repeat(5000)],
    ["unbalanced brackets", "EGYPT (Interpreted"],
    ["nested brackets", "EGYPT ((x) y)"],
  ])("%s: never throws, raw kept", (_what, raw) => {
    const s = normaliseSpeaker(raw);
    expect(s.raw).toBe(raw);
    expect(typeof s.id).toBe("string");
  });

  test("recognisable parts still resolve where safe", () => {
    expect(normaliseSpeaker("🇪🇬 EGYPT").id).toBe("EGY");
    expect(normaliseSpeaker("EGYPT (Interpreted").id).toBe("EGY");
    expect(normaliseSpeaker("EGYPT ".repeat(5000))).toMatchObject({
      id: "unknown",
      name: "Unidentified speaker",
    });
  });
});
