/**
 * The bundled sample as the product's parser sees it: parseTranscript(text) on the extracted text
 * of every committed source (contract: ingest/parse/transcript.ts, types in src/domain.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ParsedTranscript } from "../../src/domain";
import { parseTranscript } from "../../ingest/parse/transcript";
import { RECURRING_PHRASES } from "../../transcripts/generate/phrases";
import { SAMPLES, type SampleSpec } from "../../transcripts/generate/samples";
import { AUTHORED_DIR, collapse, loadSamples } from "./load";
import { authoredTurns } from "./turns";

interface Parsed {
  spec: SampleSpec;
  parsed: ParsedTranscript;
}

let corpus: Parsed[] = [];

beforeAll(async () => {
  corpus = (await loadSamples()).map(({ spec, extracted }) => ({
    spec,
    parsed: parseTranscript(extracted.text),
  }));
});

const finished = () => corpus.filter((c) => c.spec.version === "finished");
const bySource = (source: string): Parsed => {
  const found = corpus.find((c) => c.spec.source === source);
  if (!found) throw new Error(`test: no parsed sample ${source}`);
  return found;
};

describe("the sample corpus, parsed", () => {
  it("every session is flagged synthetic by its header", () => {
    expect(corpus.length).toBe(SAMPLES.length);
    for (const { spec, parsed } of corpus) expect(parsed.session.synthetic, spec.file).toBe(true);
  });

  it.each(SAMPLES.map((s) => [s.file, s] as const))(
    "%s: parses about as many turns as were authored",
    (_f, spec) => {
      const text = readFileSync(join(AUTHORED_DIR, `${spec.source}.txt`), "utf8");
      const authored = authoredTurns(text, spec.source === "committee-5-2").length;
      const parsed = bySource(spec.source).parsed.utterances.length;
      // Text before the first marker may become one extra (unlabelled) utterance.
      expect(parsed).toBeGreaterThanOrEqual(authored);
      expect(parsed).toBeLessThanOrEqual(authored + 1);
    },
  );

  it.each(SAMPLES.filter((s) => s.source !== "plenary-1-rough").map((s) => [s.file, s] as const))(
    "%s: header date and body match the sample table",
    (_f, spec) => {
      const { session } = bySource(spec.source).parsed;
      expect(session.date).toBe(spec.date);
      if (session.body !== null) expect(session.body).toBe(spec.body);
    },
  );

  it("totals: >=7 finished sessions (>=4 plenary, >=3 committee 5), >=150 utterances, >=25 delegations with codes", () => {
    const sessions = finished();
    expect(sessions.length).toBeGreaterThanOrEqual(7);
    expect(
      sessions.filter((c) => c.parsed.session.body === "plenary").length,
    ).toBeGreaterThanOrEqual(4);
    expect(
      sessions.filter((c) => c.parsed.session.body === "committee-5").length,
    ).toBeGreaterThanOrEqual(3);
    const utterances = corpus.flatMap((c) => c.parsed.utterances);
    expect(utterances.length).toBeGreaterThanOrEqual(150);
    const countries = new Set(
      utterances
        .filter((u) => u.speaker.kind === "delegation" && u.speaker.country)
        .map((u) => u.speaker.country),
    );
    expect(countries.size).toBeGreaterThanOrEqual(25);
  });

  it.each(RECURRING_PHRASES.map((p) => [p.phrase, p] as const))(
    "phrase %j recurs in >=3 finished sessions, first in the session the table names",
    (phrase, p) => {
      const needle = phrase.toLowerCase();
      const hits = finished().filter((c) =>
        c.parsed.utterances.some((u) => collapse(u.text).toLowerCase().includes(needle)),
      );
      expect(hits.length).toBeGreaterThanOrEqual(3);
      // SAMPLES is in calendar order.
      expect(hits[0]?.spec.source).toBe(p.first.source);
    },
  );

  it("the closing session keeps both numbers: PLENARY 13 in the title, the 17th meeting as spoken", () => {
    const { session } = bySource("plenary-17").parsed;
    expect(session.title).toBe("PLENARY 13 - CLOSING CEREMONY");
    expect(session.number).toBe(13);
    expect(session.spokenNumber).toBe(17);
  });

  it("the attribution note moves the words to Egypt", () => {
    const moved = bySource("plenary-3").parsed.utterances.find((u) =>
      u.text.includes("(That was Egypt speaking)"),
    );
    expect(moved?.speaker.country).toBe("EGY");
    expect(moved?.attribution?.labelled).toBe("LEBANON");
  });

  it("a hand-off to two speakers: only the words after the line break move to Chile", () => {
    const { utterances } = bySource("committee-5-4").parsed;
    const norway = utterances.find((u) => u.text.startsWith("Thank you, Chair. Norway can live"));
    const chile = utterances.find((u) => u.text.includes("(That was Chile speaking)"));
    expect(norway?.speaker.country).toBe("NOR");
    expect(norway?.attribution).toBeUndefined();
    expect(chile?.speaker.country).toBe("CHL");
    expect(chile?.text.startsWith("We cannot.")).toBe(true);
    expect(chile?.attribution).toMatchObject({
      labelled: "NORWAY",
      reach: "after-break",
      uncertain: false,
    });
  });

  it("two speakers called and no line break: uncertain, the words stay with Mexico", () => {
    const noted = bySource("committee-5-4").parsed.utterances.find((u) =>
      u.text.includes("(That was Peru speaking)"),
    );
    expect(noted?.speaker.country).toBe("MEX");
    expect(noted?.attribution).toMatchObject({ named: "Peru", namedId: "PER", uncertain: true });
  });

  it("the button pressed by mistake is an empty turn of Ghana", () => {
    const empty = bySource("plenary-1").parsed.utterances.filter((u) => u.empty);
    expect(empty.map((u) => u.speaker.country)).toEqual(["GHA"]);
  });

  it("labels in other forms resolve to the same delegation", () => {
    const countryOf = (source: string, raw: string) =>
      bySource(source).parsed.utterances.find((u) => u.speaker.raw === raw)?.speaker.country;
    expect(countryOf("committee-5-4", "SAUDI ARABA")).toBe("SAU");
    expect(countryOf("committee-5-4", "CÔTE D’IVOIRE")).toBe("CIV");
    expect(countryOf("plenary-1", "IRAN")).toBe("IRN");
    expect(countryOf("plenary-1", "ISLAMIC REPUBLIC OF IRAN")).toBe("IRN");
    expect(countryOf("committee-5-2", "Egypt")).toBe("EGY");
  });
});
