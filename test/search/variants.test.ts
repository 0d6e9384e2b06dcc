/**
 * The variant finder (src/search/variants/): golden chains on the SYNTHETIC variant fixture,
 * and properties on random SYNTHETIC corpora: exact occurrences are found with similarity 1,
 * passages are the utterance's text at start..end, the diff rebuilds query and passage,
 * variants never cross utterances, filters hold.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { buildAssets } from "../../ingest/build-index";
import type { Corpus } from "../../src/search/corpus";
import { QueryError } from "../../src/search/errors";
import { emptyFilters } from "../../src/search/filters";
import { openCorpus } from "../../src/search/load";
import { terms } from "../../src/search/text";
import {
  alignWhole,
  encodeWords,
  queryIds,
  rebuildPassage,
  rebuildQuery,
  termIds,
  wordsOf,
} from "../../src/search/variants/align";
import {
  MAX_VARIANT_WORDS,
  MIN_SIMILARITY,
  type Variant,
  findVariants,
} from "../../src/search/variants/find";
import {
  FIXTURE_ALIASES,
  type SessionSpec,
  type Turn,
  memoryReader,
  record,
} from "../fixtures/corpus";
import { AMENDED, DRAFT, variantCorpus } from "../fixtures/variants";

function summary(variant: Variant) {
  return {
    id: variant.id,
    similarity: Number(variant.similarity.toFixed(3)),
    via: variant.via,
    changes: variant.diff
      .filter((run) => run.op !== "equal")
      .map((run) => `${run.op === "insert" ? "+" : "-"}${run.text.trim()}`),
  };
}

/** Golden chains beside the fixture: every variant's span, similarity, via and whole diff. */
const GOLDEN = JSON.parse(
  readFileSync(new URL("../fixtures/variants/chains.expected.json", import.meta.url), "utf8"),
) as { name: string; q: string; variants: unknown[] }[];

describe("golden chains (variant fixture)", () => {
  test.each(GOLDEN)("chains.expected.json: $name", async ({ q, variants }) => {
    const corpus = await variantCorpus();
    const text = q.replace("DRAFT", DRAFT).replace("AMENDED", AMENDED);
    const page = findVariants(corpus, { q: text, limit: 100 });
    expect(
      page.variants.map((v) => ({
        id: v.id,
        speaker: v.speaker.name,
        date: v.date,
        passage: v.passage,
        start: v.start,
        end: v.end,
        similarity: Number(v.similarity.toFixed(3)),
        via: v.via,
        diff: v.diff,
      })),
    ).toEqual(variants);
  });

  test.each([
    {
      name: "the draft as read out finds the amended text and the quote back",
      q: DRAFT,
      expected: [
        { id: "committee-5-1.1", similarity: 1, via: null, changes: [] },
        {
          id: "committee-5-2.0",
          similarity: 0.694,
          via: null,
          changes: [
            "-shall require",
            "+should encourage",
            "-publish",
            "+make available",
            "-notify",
            "+inform",
            "-any change",
            "+significant changes",
            "-without delay",
          ],
        },
        {
          id: "committee-5-2.2",
          similarity: 0.694,
          via: null,
          changes: [
            "-shall require",
            "+should encourage",
            "-publish",
            "+make available",
            "-notify",
            "+inform",
            "-any change",
            "+significant changes",
            "-without delay",
          ],
        },
        {
          id: "plenary-9.0",
          similarity: 0.55,
          via: "committee-5-2.0",
          changes: [
            "-shall require",
            "+should encourage",
            "-publish",
            "+make available",
            "-to notify subscribers of any change in those charges without delay",
          ],
        },
      ],
    },
    {
      name: "the amended text finds the draft, the re-reading and the partial quote directly",
      q: `"${AMENDED}"`,
      expected: [
        {
          id: "committee-5-1.1",
          similarity: 0.667,
          via: null,
          changes: [
            "-should encourage",
            "+shall require",
            "-make available",
            "+publish",
            "-inform",
            "+notify",
            "-significant changes",
            "+any change",
            "-in a timely manner",
          ],
        },
        { id: "committee-5-2.0", similarity: 1, via: null, changes: [] },
        { id: "committee-5-2.2", similarity: 1, via: null, changes: [] },
        {
          id: "plenary-9.0",
          similarity: 0.698,
          via: null,
          changes: [
            "-to inform subscribers of significant changes in those charges in a timely manner",
          ],
        },
      ],
    },
    {
      name: "a short phrase: its exact occurrences, the amendment proposed from the floor included",
      q: "should encourage",
      expected: ["committee-5-1.2", "committee-5-2.0", "committee-5-2.2", "plenary-9.0"].map(
        (id) => ({
          id,
          similarity: 1,
          via: null,
          changes: [],
        }),
      ),
    },
  ])("$name", async ({ q, expected }) => {
    const corpus = await variantCorpus();
    const page = findVariants(corpus, { q, limit: 100 });
    expect(page.variants.map(summary)).toEqual(expected);
    expect(page.total).toBe(expected.length);
    expect(page.work.truncated).toBe(false);
    expect(page.synthetic).toBe(true);
  });

  test("a rough copy is left out unless a session filter names it", async () => {
    const corpus = await variantCorpus();
    expect(findVariants(corpus, { q: AMENDED }).variants.map((v) => v.session.id)).not.toContain(
      "plenary-9-rough",
    );
    const filters = { ...emptyFilters(), session: ["plenary-9-rough"] };
    const rough = findVariants(corpus, { q: AMENDED, filters });
    expect(rough.variants.map((v) => [v.id, v.similarity])).toEqual([["plenary-9-rough.0", 1]]);
  });

  test("each variant names its session and speaker", async () => {
    const corpus = await variantCorpus();
    const [first] = findVariants(corpus, { q: DRAFT }).variants;
    expect(first?.session).toMatchObject({ id: "committee-5-1", name: "Committee 5, 1st meeting" });
    expect(first?.speaker).toMatchObject({ id: "chair", name: "Chair" });
    expect(first?.date).toBe("2012-12-05");
  });

  test("bad requests name the parameter", async () => {
    const corpus = await variantCorpus();
    const long = Array.from({ length: MAX_VARIANT_WORDS + 1 }, () => "word").join(" ");
    expect(() => findVariants(corpus, { q: long })).toThrow(/^q: text has 61 words/);
    expect(() => findVariants(corpus, { q: ' "" ' })).toThrow(QueryError);
    expect(() => findVariants(corpus, { q: "spam", limit: 0 })).toThrow(/^limit:/);
    const filters = { ...emptyFilters(), speaker: ["nobody at all"] };
    expect(() =>
      findVariants(corpus, { q: "spam", filters, origins: { speaker: "speaker" } }),
    ).toThrow(/^speaker: unknown speaker/);
  });
});

describe("alignment", () => {
  test("encodeWords gives the ids of wordsOf's words, ASCII fast path or not", () => {
    const piece = fc.constantFrom(
      "Member",
      "STATES",
      "shall",
      "régulation",
      "Égypte",
      "42",
      "x2",
      ",",
      ". ",
      " - ",
      "  ",
      "\n",
      "l'UIT",
      "ΣΑΣ",
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 20 }),
        fc.array(piece, { minLength: 1, maxLength: 6 }),
        (parts, queryParts) => {
          const text = parts.join(" ");
          const query = wordsOf(queryParts.join(" "));
          const { ids } = queryIds(query);
          const expected = wordsOf(text).map((word) => ids.get(word.term) ?? -1);
          expect([...encodeWords(text, ids)]).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("a global alignment of a passage rebuilds it and the query", () => {
    const query = wordsOf("Member States shall take measures");
    const text = "so Member States should endeavour to take measures now";
    const words = wordsOf(text);
    const { q, p } = termIds(query, words);
    const alignment = alignWhole(q, p, 1, 8);
    expect(alignment.equal).toBe(4);
    expect(alignment.steps).toBe("==++~==");
  });
});

// Random SYNTHETIC corpora: a few sessions of turns drawn from a small vocabulary, so that
// words repeat and texts overlap.
const VOCABULARY = [
  "member",
  "States",
  "shall",
  "should",
  "take",
  "measures",
  "spam",
  "the",
  "of",
  "Égypte",
  "régulation",
  "42",
];
const SEPARATORS = [" ", " ", " ", ", ", ". ", "  ", " - "];
const SPEAKER_KEYS = ["chair", "egypt", "canada", "iran"] as const;

const turnText = fc
  .array(fc.tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom(...SEPARATORS)), {
    minLength: 1,
    maxLength: 25,
  })
  .map((parts) =>
    parts
      .map(([word, separator]) => word + separator)
      .join("")
      .trim(),
  );
const turn = fc
  .tuple(fc.constantFrom(...SPEAKER_KEYS), turnText)
  .map(([speaker, text]): Turn => [speaker, text]);
const sessionsArb = fc.array(fc.array(turn, { minLength: 1, maxLength: 6 }), {
  minLength: 1,
  maxLength: 3,
});

async function randomCorpus(sessions: Turn[][]): Promise<Corpus> {
  const specs: SessionSpec[] = sessions.map((turns, index) => ({
    id: `committee-5-${index + 1}`,
    title: "COMMITTEE 5 MEETING",
    body: "committee-5",
    number: index + 1,
    date: `2012-12-0${index + 4}`,
    time: "09:30",
    statusLine: "FINISHED TRANSCRIPT",
    status: "finished",
    version: "finished",
    variants: [],
    turns,
  }));
  return openCorpus(memoryReader(buildAssets(specs.map(record), FIXTURE_ALIASES).files));
}

/** A random case: the corpus, and where to cut a query from (utterance ordinal, first word, word count). */
const caseArb = fc.record({
  sessions: sessionsArb,
  pick: fc.nat(),
  from: fc.nat(),
  length: fc.integer({ min: 1, max: 12 }),
});

function textOf(corpus: Corpus, id: string): string {
  const [sessionId, seq] = [
    id.slice(0, id.lastIndexOf(".")),
    Number(id.slice(id.lastIndexOf(".") + 1)),
  ];
  const session = corpus.store.sessions.find((s) => s.id === sessionId)!;
  return corpus.store.utterances.text.get(session.first + seq) ?? "";
}

/** A query cut out of one utterance: its text from word `from`, `length` words. */
function cutQuery(corpus: Corpus, pick: number, from: number, length: number) {
  const ordinal = pick % corpus.size;
  const text = corpus.store.utterances.text.get(ordinal) ?? "";
  const words = wordsOf(text);
  const start = from % words.length;
  const end = Math.min(words.length, start + length);
  return { ordinal, q: text.slice(words[start]!.start, words[end - 1]!.end) };
}

describe("properties (random synthetic corpora)", () => {
  test("an exact occurrence is always found, with similarity 1", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ sessions, pick, from, length }) => {
        const corpus = await randomCorpus(sessions);
        const { ordinal, q } = cutQuery(corpus, pick, from, length);
        const page = findVariants(corpus, { q, limit: 100 });
        const id = `${corpus.store.sessions[corpus.store.utterances.session[ordinal]!]!.id}.${corpus.store.utterances.seq[ordinal]}`;
        const all =
          page.total <= 100 ? page.variants : findVariants(corpus, { q, limit: 100 }).variants;
        const exact = all.filter((v) => v.id === id && v.similarity === 1);
        if (page.total <= 100) expect(exact.length).toBeGreaterThan(0);
        for (const variant of page.variants.filter((v) => v.similarity === 1)) {
          expect(terms(variant.passage)).toEqual(terms(q));
        }
      }),
      { numRuns: 60 },
    );
  });

  test("passages are text.slice(start, end); the diff rebuilds both; no variant crosses an utterance", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, fc.nat(), async ({ sessions, pick, from, length }, extra) => {
        const corpus = await randomCorpus(sessions);
        let { q } = cutQuery(corpus, pick, from, length);
        // Half the time, the query runs on into the next utterance's words.
        if (extra % 2 === 1) q = `${q} ${cutQuery(corpus, pick + 1, 0, 1 + (extra % 5)).q}`;
        const page = findVariants(corpus, { q, limit: 100 });
        for (const variant of page.variants) {
          const text = textOf(corpus, variant.id);
          expect(variant.text).toBe(text);
          expect(variant.passage).toBe(text.slice(variant.start, variant.end));
          expect(rebuildPassage(variant.diff)).toBe(variant.passage);
          expect(terms(rebuildQuery(variant.diff))).toEqual(terms(page.query));
          expect(variant.similarity).toBeGreaterThan(0);
          expect(variant.similarity).toBeLessThanOrEqual(1);
          if (variant.via === null)
            expect(variant.similarity).toBeGreaterThanOrEqual(MIN_SIMILARITY);
          const passageTerms = terms(variant.passage);
          expect(variant.similarity === 1).toBe(passageTerms.join(" ") === terms(q).join(" "));
        }
        const ids = page.variants.map((v) => v.id);
        expect(ids).toEqual([...ids].sort((a, b) => ordinalOf(corpus, a) - ordinalOf(corpus, b)));
      }),
      { numRuns: 60 },
    );
  });

  test("filters hold", async () => {
    await fc.assert(
      fc.asyncProperty(
        caseArb,
        fc.constantFrom(...SPEAKER_KEYS),
        async ({ sessions, pick, from, length }, key) => {
          const corpus = await randomCorpus(sessions);
          const { q } = cutQuery(corpus, pick, from, length);
          const speaker = { chair: "chair", egypt: "EGY", canada: "CAN", iran: "IRN" }[key];
          const bySpeaker = findVariants(corpus, {
            q,
            limit: 100,
            filters: { ...emptyFilters(), speaker: [speaker] },
          });
          for (const variant of bySpeaker.variants) expect(variant.speaker.id).toBe(speaker);
          const bySession = findVariants(corpus, {
            q,
            limit: 100,
            filters: { ...emptyFilters(), session: ["committee-5-1"], to: "2012-12-04" },
          });
          for (const variant of bySession.variants) {
            expect(variant.session.id).toBe("committee-5-1");
            expect(variant.date! <= "2012-12-04").toBe(true);
          }
          const unfiltered = findVariants(corpus, { q, limit: 100 });
          const exactOf = (page: typeof unfiltered, keep: (v: Variant) => boolean) =>
            page.variants
              .filter((v) => v.similarity === 1 && keep(v))
              .map((v) => `${v.id}@${v.start}`);
          if (unfiltered.total <= 100) {
            expect(exactOf(bySpeaker, () => true)).toEqual(
              exactOf(unfiltered, (v) => v.speaker.id === speaker),
            );
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

function ordinalOf(corpus: Corpus, id: string): number {
  const sessionId = id.slice(0, id.lastIndexOf("."));
  const session = corpus.store.sessions.find((s) => s.id === sessionId)!;
  return session.first + Number(id.slice(id.lastIndexOf(".") + 1));
}
