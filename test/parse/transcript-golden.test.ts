/**
 * Golden files: each synthetic fixture test/fixtures/parse/<name>.txt is parsed and compared with
 * the hand-written <name>.expected.json beside it (the full session header and a stable
 * projection of each utterance). Every fixture's utterances are also traced back to the input.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { ParsedTranscript } from "../../src/domain";
import { parseTranscript } from "../../ingest/parse/transcript";

const DIR = join(import.meta.dirname, "../fixtures/parse");

/** The stable projection the expected files hold. */
function project(parsed: ParsedTranscript): unknown {
  return {
    session: parsed.session,
    utterances: parsed.utterances.map((u) => ({
      speaker: { raw: u.speaker.raw, kind: u.speaker.kind, country: u.speaker.country },
      text: u.text,
      annotations: u.annotations.map((a) => a.kind),
      documents: u.documents.map((d) => d.id),
      lines: [u.source.line, u.source.endLine],
      ...(u.empty ? { empty: true } : {}),
      ...(u.attribution ? { attribution: u.attribution } : {}),
    })),
  };
}

const names = readdirSync(DIR)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => f.slice(0, -".txt".length))
  .sort();

function load(name: string): { input: string; expected: unknown } {
  return {
    input: readFileSync(join(DIR, `${name}.txt`), "utf8"),
    expected: JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), "utf8")),
  };
}

describe("parseTranscript golden files", () => {
  test("there are fixtures, each with an expected file", () => {
    expect(names.length).toBeGreaterThanOrEqual(20);
    const files = new Set(readdirSync(DIR));
    for (const name of names) expect(files.has(`${name}.expected.json`), name).toBe(true);
  });

  test.each(names)("%s", (name) => {
    const { input, expected } = load(name);
    expect(project(parseTranscript(input))).toEqual(expected);
  });

  test.each(names)("%s: annotations and documents point into the utterance text", (name) => {
    const parsed = parseTranscript(load(name).input);
    for (const u of parsed.utterances) {
      for (const a of u.annotations) expect(u.text.slice(a.start, a.end)).toBe(a.text);
      for (const d of u.documents) expect(u.text.slice(d.start, d.end)).toBe(d.raw);
    }
  });

  test.each(names)("%s: every utterance's source span holds its first and last words", (name) => {
    const { input } = load(name);
    const parsed = parseTranscript(input);
    for (const u of parsed.utterances) {
      const { start, end, line, endLine } = u.source;
      expect(start).toBeLessThanOrEqual(end);
      expect(line).toBe(input.slice(0, start).split("\n").length);
      expect(endLine).toBe(input.slice(0, Math.max(start, end - 1)).split("\n").length);
      const span = input.slice(start, end).replace(/\s+/g, " ");
      if (u.empty) {
        expect(span).toContain(u.speaker.raw ?? "");
        continue;
      }
      const words = u.text.split(" ");
      // Repaired characters (mojibake) differ from the input: compare ASCII words only.
      const ascii = words.filter((w) => /^[\x20-\x7e]+$/.test(w));
      if (ascii.length === 0) continue;
      expect(span).toContain(ascii[0]);
      expect(span).toContain(ascii[ascii.length - 1]);
    }
  });
});
