/**
 * Word positions (src/search/positions.ts, the compact index's `positions`): the facts about
 * Unicode that make them exact, what they record, and that phrase and proximity answered from
 * them are exactly what the text checks give: backend nodes against containsPhrase and
 * containsProximity on hostile generated texts, and whole search pages against the MiniSearch
 * backend (no positions: every candidate's text checked) on SYNTHETIC corpora, with a count of
 * the texts read.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { buildAssets } from "../../ingest/build-index";
import type { BackendDocument, BackendQuery } from "../../src/search/backend/interface";
import { compactBackend } from "../../src/search/backend/compact/backend";
import {
  OPEN_PAIR_MIN_DOCUMENTS,
  commonWords,
  invertPairs,
  keepsPair,
  pairRule,
} from "../../src/search/backend/compact/pairs";
import { miniSearchBackend } from "../../src/search/backend/minisearch/backend";
import type { Corpus } from "../../src/search/corpus";
import { openCorpus } from "../../src/search/load";
import { positionalPhrase, wordPositions } from "../../src/search/positions";
import { containsProximity } from "../../src/search/proximity";
import { phraseTimeline } from "../../src/search/phrase";
import { search } from "../../src/search/search";
import { containsPhrase, isWordChar, normaliseTerm, terms } from "../../src/search/text";
import { generateCorpus } from "../../bench/corpus";
import { generateQueries } from "../../bench/queries";
import {
  FIXTURE_ALIASES,
  FIXTURE_QUERIES,
  fixtureSessions,
  memoryReader,
  record,
} from "../fixtures/corpus";

describe("the Unicode facts positions rely on, over every code point", () => {
  const codePoints = function* () {
    for (let cp = 0; cp <= 0x10ffff; cp++)
      if (cp < 0xd800 || cp > 0xdfff) yield String.fromCodePoint(cp);
  };
  const allWordChars = (text: string) => [...text].every((char) => isWordChar(char, 0));
  const noWordChar = (text: string) => [...text].every((char) => !isWordChar(char, 0));

  test("lower case keeps word characters word characters, white space white space, and others neither", () => {
    const broken: string[] = [];
    for (const char of codePoints()) {
      const lower = char.toLowerCase();
      const word = isWordChar(char, 0);
      const space = /\s/u.test(char);
      if (word ? !allWordChars(lower) : space ? !/^\s+$/u.test(lower) : !noWordChar(lower))
        broken.push(char.codePointAt(0)!.toString(16));
    }
    expect(broken).toEqual([]);
  });

  test("a word character whose lower case is ASCII has that lower case as its term", () => {
    const broken: string[] = [];
    for (const char of codePoints()) {
      const lower = char.toLowerCase();
      if (
        isWordChar(char, 0) &&
        [...lower].every((c) => c.charCodeAt(0) < 0x80) &&
        normaliseTerm(char) !== lower
      )
        broken.push(char.codePointAt(0)!.toString(16));
    }
    expect(broken).toEqual([]);
  });
});

test("an index term tokenizes and normalises to itself (a near node's terms are index terms)", () => {
  const broken: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const char = String.fromCodePoint(cp);
    if (!isWordChar(char, 0)) continue;
    for (const word of [char, `a${char}`, `${char}b`]) {
      const term = normaliseTerm(word);
      if (term !== "" && terms(term).join(" ") !== term) broken.push(cp.toString(16));
    }
  }
  expect(broken).toEqual([]);
});

describe("what a position records", () => {
  test.each([
    [
      "Human  rights",
      [
        ["human", 0, false, true],
        ["rights", 1, true, true],
      ],
    ],
    [
      "human, rights",
      [
        ["human", 0, false, true],
        ["rights", 1, false, true],
      ],
    ],
    [
      "the\tnaïve\nuser",
      [
        ["the", 0, false, true],
        ["naive", 1, true, false],
        ["user", 2, true, true],
      ],
    ],
    // A lone combining mark is a token with no term: it takes no position but breaks the join.
    [
      "a \u0301 b",
      [
        ["a", 0, false, true],
        ["b", 1, false, true],
      ],
    ],
    // The Kelvin sign folds to ASCII k, which is also its term.
    [
      "\u212Aey point",
      [
        ["key", 0, false, true],
        ["point", 1, true, true],
      ],
    ],
  ] as const)("%j", (text, expected) => {
    expect(wordPositions(text).map((w) => [w.term, w.position, w.joined, w.exact])).toEqual(
      expected,
    );
  });

  test.each([
    ["human rights", ["human", "rights"]],
    ["  Human   RIGHTS ", ["human", "rights"]],
    ["article 5", ["article", "5"]],
    ["e-mail", null],
    ["sécurité", null],
    ["rights.", null],
    ["", null],
  ] as const)("phrase %j answered by positions: %j", (phrase, expected) => {
    expect(positionalPhrase(phrase)).toEqual(expected);
  });
});

const PIECES = [
  "human",
  "Human",
  "HUMAN",
  "rights",
  "Rights",
  "of",
  "the",
  "The",
  "naïve",
  "naive",
  "Égypte",
  "egypte",
  "\u212Aey",
  "key",
  "ΣΑΣ",
  "42",
  "e-mail",
  "e",
  "mail",
  ",",
  ".",
  "(Applause)",
  "\u0301",
] as const;
const SPACES = [" ", " ", " ", "  ", "\n", "\t", "\u00a0", " , ", "-", ""] as const;
const WORDS = [
  "human",
  "rights",
  "of",
  "the",
  "naive",
  "egypte",
  "key",
  "42",
  "e",
  "mail",
] as const;

const hostileText = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SPACES)), { maxLength: 16 })
  .map((parts) => parts.map(([piece, space]) => piece + space).join(""));
const phraseWords = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 });

function exhaustiveAnd(words: readonly string[]): BackendQuery {
  return {
    kind: "and",
    queries: words.map((term) => ({ kind: "term", term, prefix: false, fuzzy: 0 })),
  };
}

describe("pairs of common words (src/search/backend/compact/pairs.ts)", () => {
  test("a pair is kept where a phrase could use it: next to each other, joined, both exact", () => {
    const documents = [
      { ordinal: 0, text: "Thank you. Thank  you, thank,you" },
      { ordinal: 1, text: "thank naïve you; you thank" },
    ];
    const pairs = invertPairs(documents, pairRule(["thank", "you", "naive"], 0));
    expect(
      Object.fromEntries([...pairs].map(([term, entry]) => [term, entry.occurrences])),
    ).toEqual({
      // Packed: position * 4 + (first word joined ? 2 : 0) + 1. "Thank you" at 0, "Thank  you"
      // at 2 (double space: joined); not "thank,you", "naïve you" (not exact), "you; you".
      "thank+you": [[0 * 4 + 1, 2 * 4 + 1]],
      "you+thank": [[3 * 4 + 1]],
    });
  });

  test("an open word pairs with any word (in enough documents), the other common words with each other", () => {
    const rule = pairRule(["the", "of", "right"], 1);
    const text = "the right of access to the floor";
    const many = Array.from({ length: OPEN_PAIR_MIN_DOCUMENTS }, (_, ordinal) => ({
      ordinal,
      text,
    }));
    expect([...invertPairs(many, rule).keys()].sort()).toEqual([
      "right+of",
      "the+floor",
      "the+right",
      "to+the",
    ]);
    // In fewer documents, an open word's pair with an uncommon word is not kept.
    expect([...invertPairs(many.slice(1), rule).keys()].sort()).toEqual(["right+of", "the+right"]);
    expect(keepsPair(rule, "access", "to")).toBe(false);
  });

  test("the common words are the most frequent by documents, ties in code unit order", () => {
    const postings = new Map(
      ["b", "a", "c"].map((term, i) => [
        term,
        { ordinals: Array(3 - (i === 2 ? 1 : 0)).fill(0), frequencies: [], occurrences: [] },
      ]),
    );
    expect(commonWords(postings).slice(0, 3)).toEqual(["a", "b", "c"]);
  });
});

describe("phrase and near nodes of the compact backend", () => {
  test("match exactly the documents whose text has the phrase / the words within the slop, scored as the AND", () => {
    fc.assert(
      fc.property(
        fc.array(hostileText, { minLength: 1, maxLength: 12 }),
        phraseWords,
        fc.nat(4),
        (texts, words, slop) => {
          const documents: BackendDocument[] = texts.map((text, ordinal) => ({ ordinal, text }));
          const backend = compactBackend.load(compactBackend.build(documents));
          const and = new Map(
            backend.search(exhaustiveAnd(words)).map((hit) => [hit.ordinal, hit.score]),
          );
          const phrase = backend.search({ kind: "phrase", terms: words });
          expect(phrase.map((hit) => hit.ordinal)).toEqual(
            texts.flatMap((text, ordinal) =>
              containsPhrase(text, words.join(" ")) ? [ordinal] : [],
            ),
          );
          for (const hit of phrase) expect(hit.score).toBe(and.get(hit.ordinal));
          const near = backend.search({ kind: "near", terms: words, slop });
          expect(near.map((hit) => hit.ordinal)).toEqual(
            texts.flatMap((text, ordinal) =>
              containsProximity(text, words, slop) ? [ordinal] : [],
            ),
          );
        },
      ),
      { numRuns: 1500 },
    );
  });

  test("the MiniSearch backend keeps no positions and refuses the nodes", () => {
    const backend = miniSearchBackend.load(
      miniSearchBackend.build([{ ordinal: 0, text: "human rights" }]),
    );
    expect(backend.positions).toBeUndefined();
    expect(() => backend.search({ kind: "phrase", terms: ["human", "rights"] })).toThrow(
      /minisearch backend: a phrase node needs word positions/,
    );
  });
});

/** A corpus over both backends from the same records, and a count of texts read while searching. */
async function bothBackends(
  records: ReturnType<typeof fixtureSessions>,
): Promise<[Corpus, Corpus]> {
  const open = (backend: typeof compactBackend) =>
    openCorpus(memoryReader(buildAssets(records, FIXTURE_ALIASES, backend).files));
  return [await open(compactBackend), await open(miniSearchBackend)];
}

function countTextReads(corpus: Corpus): () => number {
  const column = corpus.store.utterances.text;
  const get = column.get.bind(column);
  let reads = 0;
  column.get = (ordinal: number) => {
    reads++;
    return get(ordinal);
  };
  return () => {
    const n = reads;
    reads = 0;
    return n;
  };
}

function expectSamePages(a: Corpus, b: Corpus, q: string, limit = 100): number {
  for (const sort of ["relevance", "chronological"] as const) {
    const left = search(a, { q, limit, sort });
    const right = search(b, { q, limit, sort });
    expect(left.total, q).toBe(right.total);
    expect(
      left.results.map((hit) => [hit.id, hit.snippet, hit.highlights]),
      q,
    ).toEqual(right.results.map((hit) => [hit.id, hit.snippet, hit.highlights]));
    left.results.forEach((hit, i) =>
      expect(Math.abs(hit.score - right.results[i]!.score), q).toBeLessThanOrEqual(
        1e-9 * Math.abs(hit.score),
      ),
    );
  }
  return search(a, { q, limit }).total;
}

describe("search pages with positions = with every text checked (SYNTHETIC corpora)", () => {
  test("hostile utterances: phrases, proximity, OR groups mixing kinds, exclusions", async () => {
    const texts = fc
      .sample(hostileText, { numRuns: 240, seed: 20121203 })
      .filter((t) => terms(t).length > 0);
    const turns = texts.map(
      (text, i) => [i % 2 ? "egypt" : "canada", text] as ["egypt" | "canada", string],
    );
    const [base] = fixtureSessions();
    const records = [record({ ...specOf(base!), turns })];
    const [compact, reference] = await bothBackends(records);
    const queries = [
      ...fc
        .sample(phraseWords, { numRuns: 60, seed: 7 })
        .flatMap((words) => [
          `"${words.join(" ")}"`,
          `"${words.join("  ").toUpperCase()}"`,
          `"${words.join(" ")}"~${words.length}`,
          `"${words.join(" ")}" OR "e-mail"`,
          `"${words.join(" ")}" OR ${words[0]}`,
          `human -"${words.join(" ")}"`,
          `-"${words.join(" ")}"~1 speaker:EGY`,
        ]),
      '"naïve user"',
      '"e mail"',
    ];
    let found = 0;
    for (const q of queries) if (expectSamePages(compact, reference, q) > 0) found++;
    expect(found).toBeGreaterThan(queries.length / 3);
  });

  test("phrase timelines: the same counts of utterances and of times said (not overlapping), texts read only for the page", async () => {
    const texts = [
      ...fc.sample(hostileText, { numRuns: 200, seed: 11 }),
      "human human human rights",
      "Human human, human human human",
      "rights of the human rights of the human",
    ].filter((t) => terms(t).length > 0);
    const turns = texts.map(
      (text, i) => [i % 2 ? "egypt" : "canada", text] as ["egypt" | "canada", string],
    );
    const [base] = fixtureSessions();
    const [compact, reference] = await bothBackends([record({ ...specOf(base!), turns })]);
    const phrases = [
      "human human",
      "human human human",
      "rights of the human",
      ...fc.sample(phraseWords, { numRuns: 40, seed: 3 }).map((words) => words.join(" ")),
    ];
    const summary = (corpus: Corpus, q: string) => {
      const timeline = phraseTimeline(corpus, { q, limit: 5 });
      return {
        total: timeline.total,
        totalOccurrences: timeline.totalOccurrences,
        sessions: timeline.sessions.map((s) => [s.session.id, s.count, s.occurrences]),
        speakers: timeline.speakers,
        occurrences: timeline.occurrences.map((hit) => [hit.id, hit.snippet]),
      };
    };
    let said = 0;
    for (const q of phrases) {
      const expected = summary(reference, q);
      expect(summary(compact, q), q).toEqual(expected);
      said += expected.totalOccurrences;
    }
    expect(said).toBeGreaterThan(phrases.length);
    const reads = countTextReads(compact);
    const timeline = phraseTimeline(compact, { q: "human human", limit: 5 });
    expect(timeline.totalOccurrences).toBeGreaterThan(timeline.total);
    expect(reads()).toBeLessThanOrEqual(2 * (5 + 1));
  });

  test("the fixture corpus and the benchmark's phrase queries on a generated corpus", async () => {
    const [compact, reference] = await bothBackends(fixtureSessions());
    for (const q of FIXTURE_QUERIES) expectSamePages(compact, reference, q);
    const generated = generateCorpus({ scale: 0.05, seed: 20121203 });
    const [bigCompact, bigReference] = await bothBackends(generated.records);
    const queries = generateQueries(generated, { seed: 5, perClass: 40 }).filter(
      (q) => q.class === "phrase",
    );
    expect(queries.length).toBeGreaterThan(20);
    let found = 0;
    for (const q of queries) if (expectSamePages(bigCompact, bigReference, q.text, 20) > 0) found++;
    expect(found).toBeGreaterThan(queries.length / 2);
  });

  test("a phrase page reads only the texts it shows; without positions every candidate's", async () => {
    const generated = generateCorpus({ scale: 0.05, seed: 20121203 });
    const [compact, reference] = await bothBackends(generated.records);
    const q = generateQueries(generated, { seed: 5, perClass: 40 })
      .filter((query) => query.class === "phrase")
      .map((query) => query.text)
      .find((text) => search(compact, { q: text }).total > 10)!;
    expect(q).toBeDefined();
    const compactReads = countTextReads(compact);
    const referenceReads = countTextReads(reference);
    const page = search(compact, { q, limit: 5 });
    search(reference, { q, limit: 5 });
    expect(page.results).toHaveLength(5);
    expect(compactReads()).toBeLessThanOrEqual(2 * 5);
    expect(referenceReads()).toBeGreaterThan(page.total);
  });
});

function specOf(r: ReturnType<typeof fixtureSessions>[number]) {
  return {
    id: r.id,
    title: r.title,
    body: r.body,
    number: r.number,
    date: r.date ?? "2012-12-05",
    time: r.time ?? "09:30",
    statusLine: "FINISHED TRANSCRIPT",
    status: "finished" as const,
    version: "finished" as const,
    variants: [],
  };
}
