/**
 * The compact backend (src/search/backend/compact/): its number codec, file format, dictionary lookups,
 * and agreement with the MiniSearch backend (same documents, same BM25+ scores, same match sets)
 * on the SYNTHETIC fixture corpus and on generated corpora.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type {
  BackendDocument,
  BackendHit,
  BackendQuery,
  SearchBackend,
} from "../../../src/search/backend/interface";
import { DEFAULT_BACKEND, findBackend } from "../../../src/search/backend/registry";
import { compactBackend } from "../../../src/search/backend/compact/backend";
import { buildCompactIndex } from "../../../src/search/backend/compact/build";
import {
  MAX_ENCODED,
  NumberWriter,
  decodeNumbers,
  encodeNumbers,
} from "../../../src/search/backend/compact/codec";
import { TermDictionary } from "../../../src/search/backend/compact/dictionary";
import { MAX_QUERY_LEAVES } from "../../../src/search/backend/compact/evaluate";
import {
  COMPACT_FORMAT_VERSION,
  type CompactIndexFile,
  readIndexFile,
  stringifyIndexFile,
} from "../../../src/search/backend/compact/format";
import { CompactIndexData } from "../../../src/search/backend/compact/index-data";
import { AssetError } from "../../../src/search/errors";
import { openCorpus } from "../../../src/search/load";
import { miniSearchBackend } from "../../../src/search/backend/minisearch/backend";
import { allTexts, chunkedTexts } from "../../../src/search/text-column";
import { search } from "../../../src/search/search";
import { terms as textTerms } from "../../../src/search/text";
import { FIXTURE_QUERIES, fixtureAssets, memoryReader } from "../../fixtures/corpus";
import { backendQuery, corpusTexts } from "../../support/arbitraries";
import { levenshtein, runBackendCases, term } from "./common.case";

runBackendCases(compactBackend);

function dictionaryOf(words: readonly string[]): TermDictionary {
  const sorted = [...new Set(words)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return TermDictionary.fromText(sorted.join(" "), sorted.length);
}

/** Hits keyed by ordinal, terms sorted, for comparison. */
function byOrdinal(hits: BackendHit[]): Map<number, BackendHit> {
  return new Map(
    hits.map((hit) => [
      hit.ordinal,
      { ...hit, terms: [...hit.terms].sort(), queryTerms: [...hit.queryTerms].sort() },
    ]),
  );
}

/** Expects both backends to return the same hits (scores within rounding). */
function expectSameHits(
  query: BackendQuery,
  reference: SearchBackend,
  compact: SearchBackend,
  filter?: (ordinal: number) => boolean,
): void {
  const expected = byOrdinal(reference.search(query, filter));
  const actual = byOrdinal(compact.search(query, filter));
  expect([...actual.keys()].sort((a, b) => a - b)).toEqual(
    [...expected.keys()].sort((a, b) => a - b),
  );
  for (const [ordinal, hit] of actual) {
    const want = expected.get(ordinal)!;
    expect(hit.terms).toEqual(want.terms);
    expect(hit.queryTerms).toEqual(want.queryTerms);
    expect(Math.abs(hit.score - want.score)).toBeLessThanOrEqual(1e-9 * Math.abs(want.score));
  }
}

function fixtureDocuments(): BackendDocument[] {
  const { files, manifest } = fixtureAssets();
  const texts = chunkedTexts(
    files.get(manifest.files.utteranceTexts) ?? "",
    manifest.counts.utterances,
    manifest.files.utteranceTexts,
  );
  return allTexts(texts)
    .map((text, ordinal) => ({ ordinal, text }))
    .filter((document) => document.text.trim().length > 0);
}

describe("number codec", () => {
  test("round-trips any list of integers 0..MAX_ENCODED", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: MAX_ENCODED })), (values) => {
        expect(decodeNumbers(encodeNumbers(values))).toEqual(values);
      }),
      { numRuns: 500 },
    );
  });

  test("writes printable ASCII only, never a quote or a backslash, and small numbers short", () => {
    const text = encodeNumbers([0, 63, 64, 1855, 1856, 53823, 53824, 2 ** 32, MAX_ENCODED]);
    expect(text).toMatch(/^[\x20-\x7e]*$/);
    expect(text).not.toMatch(/["\\]/);
    expect(encodeNumbers([63])).toHaveLength(1);
    expect(encodeNumbers([64])).toHaveLength(2);
    expect(encodeNumbers([1855])).toHaveLength(2);
    expect(encodeNumbers([1856])).toHaveLength(3);
    expect(encodeNumbers([53823])).toHaveLength(3);
  });

  test("refuses what it cannot write, and reports corrupt or truncated input", () => {
    const writer = new NumberWriter();
    expect(() => writer.write(-1)).toThrow(/cannot encode -1/);
    expect(() => writer.write(1.5)).toThrow(/cannot encode 1.5/);
    expect(() => writer.write(MAX_ENCODED + 1)).toThrow(/cannot encode/);
    expect(() => decodeNumbers('"')).toThrow(/not a digit/);
    expect(() => decodeNumbers("é")).toThrow(/not a digit/);
    // A continuation digit with nothing after it: the number runs past its section.
    const twoDigits = encodeNumbers([100]);
    expect(() => decodeNumbers(twoDigits.slice(0, 1))).toThrow(/runs past/);
  });
});

describe("term dictionary", () => {
  const word = fc.stringMatching(/^[a-eé]{1,7}$/);

  test("finds every term and only those; prefix ranges are exactly the terms with the prefix", () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), word, (words, probe) => {
        const dictionary = dictionaryOf(words);
        const sorted = [...new Set(words)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        for (const [id, term] of sorted.entries()) {
          expect(dictionary.find(term)).toBe(id);
          expect(dictionary.term(id)).toBe(term);
        }
        expect(dictionary.find(probe)).toBe(sorted.indexOf(probe));
        const [from, to] = dictionary.prefixRange(probe);
        const expected = sorted.filter((term) => term.startsWith(probe));
        expect(sorted.slice(from, to)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  test("fuzzy returns exactly the terms within the distance, with their distances", () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 80 }),
        word,
        fc.integer({ min: 0, max: 3 }),
        (words, query, distance) => {
          const dictionary = dictionaryOf(words);
          const expected = [...new Set(words)]
            .map((term) => ({ term, distance: levenshtein(query, term) }))
            .filter((match) => match.distance <= distance)
            .sort((a, b) => (a.term < b.term ? -1 : 1));
          const actual = dictionary
            .fuzzy(query, distance)
            .map((match) => ({ term: dictionary.term(match.id), distance: match.distance }));
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  test("refuses a dictionary out of order or with the wrong count", () => {
    expect(() => TermDictionary.fromText("b a", 2)).toThrow(/not sorted at term 1/);
    expect(() => TermDictionary.fromText("a b", 3)).toThrow(/has 2 terms, header says 3/);
    expect(() => TermDictionary.fromText("a b c", 2)).toThrow(/more than 2 terms/);
    expect(() => TermDictionary.fromText("a  b", 3)).toThrow(/term 1 is empty/);
    expect(TermDictionary.fromText("", 0).size).toBe(0);
  });

  test("accepts exactly the term lists in strictly ascending code unit order", () => {
    const word = fc
      .string({ unit: "binary", minLength: 1, maxLength: 6 })
      .filter((t) => !t.includes(" "));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), (terms) => {
        const ascending = terms.every((term, i) => i === 0 || (terms[i - 1] ?? "") < term);
        const load = (): TermDictionary => TermDictionary.fromText(terms.join(" "), terms.length);
        if (ascending) expect(load().term(terms.length - 1)).toBe(terms[terms.length - 1]);
        else expect(load).toThrow(/not sorted at term/);
      }),
      { numRuns: 300 },
    );
  });
});

describe("index file", () => {
  const documents: BackendDocument[] = [
    { ordinal: 0, text: "Égypte supports the proposal of Россия and 中国." },
    { ordinal: 2, text: "The proposal, the PROPOSAL: proposals!" },
    { ordinal: 5, text: "--" },
  ];

  test("is ASCII only (a header line, then the sections), whatever the script of the terms", () => {
    const text = buildCompactIndex(documents);
    expect(text).toMatch(/^[\x20-\x7e]*\n[\x20-\x7e]*$/);
    const file = readIndexFile(text);
    expect(file).toMatchObject({ documentCount: 3, ordinals: 6, version: COMPACT_FORMAT_VERSION });
    expect(file.dictionary.split(" ")).toContain("россия");
    expect(file.dictionary.split(" ")).toContain("egypte");
    const data = CompactIndexData.parse(text);
    // Field length: distinct raw tokens, as MiniSearch counts them (The/the/PROPOSAL differ).
    expect(Array.from(data.lengths)).toEqual([8, 0, 5, 0, 0, 0]);
    expect(data.averageLength).toBeCloseTo((8 + 5 + 0) / 3, 12);
    const backend = compactBackend.load(text);
    expect(backend.search({ kind: "term", term: "Россия", prefix: false, fuzzy: 0 })).toEqual([
      expect.objectContaining({ ordinal: 0, terms: ["россия"], queryTerms: ["россия"] }),
    ]);
    expect(
      backend
        .search({ kind: "term", term: "proposal", prefix: false, fuzzy: 0 })
        .map((hit) => hit.ordinal),
    ).toEqual([0, 2]);
  });

  test("is deterministic, and the same documents in another order give the same postings", () => {
    expect(buildCompactIndex(documents)).toBe(buildCompactIndex(documents));
    const reversed = CompactIndexData.parse(buildCompactIndex([...documents].reverse()));
    const forward = CompactIndexData.parse(buildCompactIndex(documents));
    expect(reversed.postings).toBe(forward.postings);
    expect(Array.from(reversed.lengths)).toEqual(Array.from(forward.lengths));
  });

  test("refuses duplicate or invalid ordinals at build time", () => {
    expect(() => buildCompactIndex([...documents, { ordinal: 2, text: "again" }])).toThrow(
      /duplicate document ordinal 2/,
    );
    expect(() => buildCompactIndex([{ ordinal: -1, text: "x" }])).toThrow(/ordinal -1/);
    expect(() => buildCompactIndex([{ ordinal: 0.5, text: "x" }])).toThrow(/ordinal 0.5/);
  });

  test("refuses another format or version, and corrupt sections", () => {
    const text = buildCompactIndex(documents);
    const file = readIndexFile(text);
    const variant = (change: Record<string, unknown>) =>
      stringifyIndexFile({ ...file, ...change } as CompactIndexFile);
    const header = text.slice(0, text.indexOf("\n"));
    const withHeader = (change: Record<string, unknown>) =>
      `${JSON.stringify({ ...JSON.parse(header), ...change })}${text.slice(header.length)}`;
    expect(() => compactBackend.load(variant({ version: COMPACT_FORMAT_VERSION + 1 }))).toThrow(
      `compact index: version ${COMPACT_FORMAT_VERSION + 1} does not match ${COMPACT_FORMAT_VERSION}`,
    );
    expect(() => compactBackend.load(variant({ format: "minisearch" }))).toThrow(/format/);
    expect(() => compactBackend.load(variant({ terms: "12" }))).toThrow(/terms is not a count/);
    expect(() => compactBackend.load(variant({ postings: `${String(file.postings)}x` }))).toThrow(
      /posting sizes do not match/,
    );
    expect(() => compactBackend.load(variant({ lengths: `${String(file.lengths)}0` }))).toThrow(
      /more numbers than ordinals/,
    );
    expect(() => compactBackend.load(variant({ frequencies: "" }))).toThrow(/runs past/);
    expect(() => compactBackend.load(`${text}x`)).toThrow(/sections add up to \d+ characters/);
    expect(() => compactBackend.load(text.slice(0, -1))).toThrow(/sections add up to/);
    expect(() => compactBackend.load(withHeader({ sections: [] }))).toThrow(/no lengths section/);
    expect(() => compactBackend.load(withHeader({ sections: 3 }))).toThrow(/not a list/);
    expect(() => compactBackend.load(text.replace("\n", " "))).toThrow(/no header line/);
    expect(() => compactBackend.load("{\n")).toThrow(/header is not valid JSON/);
    expect(() => compactBackend.load("[]\n")).toThrow(/header is not a JSON object/);
    // From bytes: a section that is not ASCII is refused when first read, naming the asset.
    const bytes = new TextEncoder().encode(text);
    const at = text.indexOf("\n") + 1;
    bytes[at] = 0xc3;
    expect(() => compactBackend.load(bytes)).toThrow(/compact index: bytes \d+-\d+ are not ASCII/);
  });

  test("a query has at most MAX_QUERY_LEAVES positive terms; excluded ones do not count", () => {
    const backend = compactBackend.load(buildCompactIndex(documents));
    const many = Array.from({ length: MAX_QUERY_LEAVES + 1 }, () => term("proposal"));
    expect(() => backend.search({ kind: "or", queries: many })).toThrow(/at most 31 terms/);
    expect(
      backend.search({
        kind: "and_not",
        include: term("proposal"),
        exclude: Array.from({ length: 40 }, () => term("egypte")),
      }),
    ).toHaveLength(1);
  });
});

describe("agreement with the MiniSearch backend on the fixture corpus", () => {
  const documents = fixtureDocuments();
  const reference = miniSearchBackend.load(miniSearchBackend.build(documents));
  const compact = compactBackend.load(compactBackend.build(documents));
  const vocabulary = [...new Set(documents.flatMap((document) => textTerms(document.text)))].sort();

  test("the fixture has a vocabulary to test with", () => {
    expect(vocabulary.length).toBeGreaterThan(100);
  });

  test("every term: the same documents, scores, terms and query terms", () => {
    for (const t of vocabulary) expectSameHits(term(t), reference, compact);
  });

  test("every term: the same ranking (by score, ties by ordinal)", () => {
    const rank = (hits: BackendHit[]) =>
      [...hits].sort((a, b) => b.score - a.score || a.ordinal - b.ordinal).map((h) => h.ordinal);
    let compared = 0;
    for (const t of vocabulary) {
      const expected = reference.search(term(t));
      const actual = compact.search(term(t));
      // Ties within rounding may order either way; everything else must rank alike.
      const distinct = new Set(expected.map((hit) => hit.score.toPrecision(12))).size;
      if (distinct === expected.length && expected.length > 1) {
        expect(rank(actual)).toEqual(rank(expected));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  test("prefixes and fuzzy words of every length", () => {
    for (const t of vocabulary.filter((_, i) => i % 3 === 0)) {
      for (let length = 1; length <= Math.min(t.length, 5); length++)
        expectSameHits(term(t.slice(0, length), true), reference, compact);
      expectSameHits(term(t, false, 1), reference, compact);
      expectSameHits(term(t, false, 2), reference, compact);
    }
  });

  test("AND, OR and AND_NOT trees, with filters", () => {
    const words = vocabulary.filter((_, i) => i % 7 === 0);
    const even = (ordinal: number) => ordinal % 2 === 0;
    for (let i = 0; i + 2 < words.length; i++) {
      const [a, b, c] = [words[i]!, words[i + 1]!, words[i + 2]!];
      const queries: BackendQuery[] = [
        { kind: "and", queries: [term(a), term(b)] },
        { kind: "or", queries: [term(a), term(b, true), term(c, false, 1)] },
        {
          kind: "and",
          queries: [{ kind: "or", queries: [term(a), term(b)] }, term(c)],
        },
        {
          kind: "and_not",
          include: { kind: "or", queries: [term(a), term(b)] },
          exclude: [term(c)],
        },
        { kind: "and", queries: [] },
        { kind: "or", queries: [] },
        term(`${a} ${b}`),
        term("--"),
      ];
      for (const query of queries) {
        expectSameHits(query, reference, compact);
        expectSameHits(query, reference, compact, even);
      }
    }
  });

  test("search through the default backend finds what the MiniSearch backend finds", async () => {
    expect(DEFAULT_BACKEND).toBe(compactBackend);
    expect(findBackend("minisearch")).toBe(miniSearchBackend);
    const { buildAssets } = await import("../../../ingest/build-index");
    const { fixtureSessions, FIXTURE_ALIASES } = await import("../../fixtures/corpus");
    const withCompact = await openCorpus(memoryReader(fixtureAssets().files));
    const withMiniSearch = await openCorpus(
      memoryReader(buildAssets(fixtureSessions(), FIXTURE_ALIASES, miniSearchBackend).files),
    );
    expect(withCompact.manifest.backend).toBe("compact");
    expect(withMiniSearch.manifest.backend).toBe("minisearch");
    let found = 0;
    for (const q of FIXTURE_QUERIES) {
      const a = search(withCompact, { q, limit: 100 });
      const b = search(withMiniSearch, { q, limit: 100 });
      expect(a.total, q).toBe(b.total);
      if (a.total > 0) found++;
      expect(
        a.results.map((hit) => hit.id),
        q,
      ).toEqual(b.results.map((hit) => hit.id));
    }
    expect(found).toBeGreaterThanOrEqual(6);
  });

  test("openCorpus refuses a compact index of another version, naming the file", async () => {
    const built = fixtureAssets();
    const files = new Map(built.files);
    const name = built.manifest.files.index;
    const file = readIndexFile(files.get(name) ?? "");
    files.set(name, stringifyIndexFile({ ...file, version: 99 }));
    const opening = openCorpus(memoryReader(files));
    await expect(opening).rejects.toBeInstanceOf(AssetError);
    await expect(opening).rejects.toThrow(
      new RegExp(`${name.replace(/\./g, "\\.")}: compact index: version 99 does not match`),
    );
  });
});

describe("agreement with MiniSearch on generated corpora (property)", () => {
  const corpus = corpusTexts(25, 12);

  test("same match sets, scores, terms and query terms for random corpora and queries", () => {
    fc.assert(
      fc.property(
        corpus,
        fc.array(backendQuery, { minLength: 1, maxLength: 4 }),
        (texts, queries) => {
          const documents = texts.map((text, i) => ({ ordinal: i * 2, text }));
          const reference = miniSearchBackend.load(miniSearchBackend.build(documents));
          const compact = compactBackend.load(compactBackend.build(documents));
          for (const q of queries) expectSameHits(q, reference, compact);
        },
      ),
      { numRuns: 400 },
    );
  });
});
