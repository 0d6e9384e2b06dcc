/**
 * Quotes and citations over the bundled synthetic sample, built as `npm run build` builds it:
 * every quote holds only the speaker's words, every re-attribution is stated, every locator is
 * unique in its session and finds the words in the extracted text it names.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { buildAssets, readSessionRecords } from "../../ingest/build-index";
import { listSpeakerAliases } from "../../ingest/parse/speakers";
import type { Corpus } from "../../src/search/corpus";
import { speakerDetail } from "../../src/search/catalog";
import { openCorpus } from "../../src/search/load";
import { utteranceView } from "../../src/search/present";
import type { UtteranceView } from "../../src/search/types";
import { memoryReader } from "../fixtures/corpus";

const ROOT = join(import.meta.dirname, "../..");
let corpus: Corpus;
let views: UtteranceView[];

beforeAll(async () => {
  const { records } = await readSessionRecords(join(ROOT, "transcripts"));
  corpus = await openCorpus(memoryReader(buildAssets(records, listSpeakerAliases()).files));
  views = Array.from({ length: corpus.size }, (_, ordinal) => utteranceView(corpus, ordinal));
});

/** Input offset of a 1-based line and column of a text. */
function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) at = text.indexOf("\n", at) + 1;
  return at + column - 1;
}

describe("the bundled sample's citations", () => {
  test("a re-attributed turn: the quote leaves the note out, the citation names the label", () => {
    const u = views.find((v) => v.id === "plenary-3.1");
    expect(u?.text).toContain("(That was Egypt speaking)");
    expect(u?.quote).not.toContain("That was");
    expect(u?.quote.endsWith("not as a rule for the Internet.")).toBe(true);
    expect(u?.citation.attribution).toBe(
      'Captioned under the label LEBANON; attributed to Egypt by the captioner\'s note "(That was Egypt speaking)".',
    );
    expect(u?.citation.text).toContain("Captioned under the label LEBANON");
  });

  test("no quote holds an annotation; every moved or uncertain turn says so", () => {
    for (const u of views) {
      for (const a of u.annotations) expect(u.quote, u.id).not.toContain(a.text);
      if (u.attribution) expect(u.citation.text, u.id).toContain(u.attribution.note);
      expect(u.citation.uncertain).toBe(u.attribution?.uncertain ?? false);
    }
  });

  test("sessions are named for people, times are the session's start", () => {
    for (const u of views) {
      expect(u.citation.text).not.toContain(`, ${u.session.id},`);
      expect(u.citation.text).not.toMatch(/"[A-Z0-9 ]+MEETING[A-Z0-9 ]*"/);
      if (u.session.time) expect(u.citation.text).toContain(`session began ${u.session.time}`);
      expect(u.citation.text).toContain(`turn ${u.turn},`);
    }
    const first = views.find((v) => v.session.id === "committee-5-1");
    expect(first?.citation.session).toBe("Committee 5, 1st meeting");
  });

  test("no two turns of a session share a locator, and each locator finds its words", async () => {
    const bySession = new Map<string, Set<string>>();
    for (const u of views) {
      const seen = bySession.get(u.session.id) ?? new Set<string>();
      expect(seen.has(u.source.locator), `${u.id}: ${u.source.locator}`).toBe(false);
      seen.add(u.source.locator);
      bySession.set(u.session.id, seen);
      const text = await readFile(join(ROOT, "transcripts", u.source.textFile), "utf8");
      expect(offsetOf(text, u.source.line, u.source.column), u.id).toBe(u.source.start);
      const words = u.text.split(" ").filter((w) => /^[\x21-\x7e]+$/.test(w));
      const span = text.slice(u.source.start, u.source.end).replace(/\s+/g, " ");
      if (words[0]) expect(span, u.id).toContain(words[0]);
      if (words.length > 0) expect(span, u.id).toContain(words[words.length - 1]);
    }
    const oneParagraph = views.filter((v) => v.session.id === "plenary-3");
    expect(oneParagraph.every((v) => v.source.locator.startsWith("line 4, characters "))).toBe(
      true,
    );
  });

  test("no labelled delegation's words leave its record unsaid", () => {
    expect(speakerDetail(corpus, "LBN").attributionNotes).toContainEqual({
      id: "plenary-3.1",
      relation: "labelled",
      speaker: "Egypt",
      uncertain: false,
    });
    const norway = speakerDetail(corpus, "NOR").attributionNotes;
    expect(norway.map((l) => [l.relation, l.speaker])).toEqual([["labelled", "Chile"]]);
    expect(speakerDetail(corpus, "PER").attributionNotes).toEqual([
      {
        id: expect.stringMatching(/^committee-5-4\./),
        relation: "named",
        speaker: "Mexico",
        uncertain: true,
      },
    ]);
    // Every moved or uncertain utterance is tied to both speakers' records.
    for (const u of views.filter((v) => v.attribution && v.session.version === "finished")) {
      const a = u.attribution!;
      const other = u.speaker.id === a.labelledId ? a.namedId : a.labelledId;
      if (other === "unknown") continue;
      expect(
        speakerDetail(corpus, other).attributionNotes.map((l) => l.id),
        u.id,
      ).toContain(u.id);
    }
  });
});
