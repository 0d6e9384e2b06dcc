/**
 * fast-check arbitraries for the query language (src/search/query.ts): a grammar that builds
 * queries from the language's pieces and knows what a correct parser must make of them (the
 * oracle), and a looser one that mixes good and bad pieces, unicode, control characters,
 * payloads and very long input.
 */
import fc from "fast-check";
import { conferenceIds } from "../../src/conferences/registry";
import { BODIES, SPEAKER_KINDS } from "../../src/search/filters";
import { MAX_PROXIMITY } from "../../src/search/proximity";
import { FUZZY_DISTANCE_2_FROM, MIN_FUZZY_LENGTH, MIN_PREFIX_LENGTH } from "../../src/search/query";
import { PAYLOADS } from "./payloads";

/** Lower-case letters and digits whose index term is themselves, one UTF-16 unit each. */
const PLAIN_LETTERS = [..."abcdefghijklmnopqrstuvwxyz0123456789", ..."αβγδλωжщяبتث中文字"];
/** Letters that fold to a plain letter (accents removed, lower-cased): still one unit each. */
const FOLDING_LETTERS: Record<string, string> = {
  é: "e",
  É: "e",
  ü: "u",
  Ñ: "n",
  ç: "c",
  A: "a",
  Z: "z",
  Ж: "ж",
  Ω: "ω",
};

/** One letter as typed and as the index term has it. */
const letter: fc.Arbitrary<[typed: string, term: string]> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PLAIN_LETTERS).map((l): [string, string] => [l, l]) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...Object.entries(FOLDING_LETTERS))
      .map(([typed, term]): [string, string] => [typed, term]),
  },
  // A letter followed by a combining accent: the accent is dropped from the term.
  {
    weight: 1,
    arbitrary: fc.constantFrom("a", "e", "o").map((l): [string, string] => [`${l}\u0301`, l]),
  },
);

/** A word of `min` to `max` letters: [typed, term]. Never the operator OR. */
export function word(min = 1, max = 10): fc.Arbitrary<[string, string]> {
  return fc
    .array(letter, { minLength: min, maxLength: max })
    .map((letters): [string, string] => [
      letters.map((l) => l[0]).join(""),
      letters.map((l) => l[1]).join(""),
    ])
    .filter(([typed]) => typed !== "OR");
}

/** A clause of a query built from valid pieces, with what it must parse to. */
export type Clause =
  | { type: "word"; text: string; terms: string[] }
  | { type: "prefix"; text: string; terms: string[] }
  | { type: "fuzzy"; text: string; terms: string[]; fuzzy: number }
  | { type: "phrase"; text: string; terms: string[] }
  | { type: "proximity"; text: string; terms: string[]; distance: number }
  | { type: "not"; text: string; inner: Clause }
  | { type: "or"; text: string; items: Clause[] }
  | { type: "filter"; text: string; key: string; value: string };

const space = fc.constantFrom(" ", " ", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u3000");

const plainWord: fc.Arbitrary<Clause> = word().map(([text, term]) => ({
  type: "word",
  text,
  terms: [term],
}));

const prefixWord: fc.Arbitrary<Clause> = word(MIN_PREFIX_LENGTH, 8).map(([text, term]) => ({
  type: "prefix",
  text: `${text}*`,
  terms: [term],
}));

// Distance 2 is valid only for words of FUZZY_DISTANCE_2_FROM characters or more.
const fuzzyWord: fc.Arbitrary<Clause> = fc
  .tuple(word(MIN_FUZZY_LENGTH, 11), fc.constantFrom("", "1", "2"))
  .filter(([[, term], digits]) => digits !== "2" || term.length >= FUZZY_DISTANCE_2_FROM)
  .map(([[text, term], digits]) => ({
    type: "fuzzy",
    text: `${text}~${digits}`,
    terms: [term],
    fuzzy: digits === "" ? (term.length >= FUZZY_DISTANCE_2_FROM ? 2 : 1) : Number(digits),
  }));

/** Words separated by spaces or punctuation that is not a word character or a quote. */
const phrase: fc.Arbitrary<Clause> = fc
  .tuple(
    fc.array(word(), { minLength: 1, maxLength: 4 }),
    fc.array(fc.constantFrom(" ", "  ", ", ", " - ", "\t", "'", "/"), {
      minLength: 4,
      maxLength: 4,
    }),
  )
  .map(([words, separators]) => ({
    type: "phrase",
    text: `"${words.map((w, i) => (i === 0 ? w[0] : `${separators[i - 1]}${w[0]}`)).join("")}"`,
    terms: words.map((w) => w[1]),
  }));

/** A phrase with a distance: "a b"~N (src/search/proximity.ts). */
const proximity: fc.Arbitrary<Clause> = fc
  .tuple(phrase, fc.integer({ min: 0, max: MAX_PROXIMITY }))
  .map(([inner, distance]) => ({
    type: "proximity",
    text: `${inner.text}~${distance}`,
    terms: (inner as { terms: string[] }).terms,
    distance,
  }));

const positive: fc.Arbitrary<Clause> = fc.oneof(
  { weight: 1, arbitrary: proximity },
  { weight: 4, arbitrary: plainWord },
  { weight: 1, arbitrary: prefixWord },
  { weight: 1, arbitrary: fuzzyWord },
  { weight: 2, arbitrary: phrase },
);

const negated: fc.Arbitrary<Clause> = positive.map((inner) => ({
  type: "not",
  text: `-${inner.text}`,
  inner,
}));

const orChain: fc.Arbitrary<Clause> = fc
  .tuple(fc.array(positive, { minLength: 2, maxLength: 3 }), space, space)
  .map(([items, before, after]) => ({
    type: "or",
    text: items.map((item) => item.text).join(`${before}OR${after}`),
    items,
  }));

const DATES = ["2012-12-03", "2012-12-05", "2012-12-10", "2012-12-14", "2011-02-28", "2012-02-29"];
const randomCase = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((flags) => [...text].map((c, i) => (flags[i] ? c.toUpperCase() : c)).join(""));

/** A valid filter: key in any case, a syntactically valid value. */
const filter: fc.Arbitrary<Clause> = fc
  .oneof(
    fc.tuple(
      fc.constant("speaker"),
      word().map((w) => w[0]),
    ),
    fc.tuple(
      fc.constant("speaker"),
      fc.tuple(word(), word()).map(([a, b]) => `"${a[0]} ${b[0]}"`),
    ),
    fc.tuple(
      fc.constant("session"),
      fc.tuple(word(), fc.nat(20)).map(([w, n]) => `${w[0]}-${n}`),
    ),
    fc.tuple(fc.constant("conference"), fc.constantFrom(...conferenceIds()).chain(randomCase)),
    fc.tuple(fc.constant("body"), fc.constantFrom(...BODIES).chain(randomCase)),
    fc.tuple(fc.constant("kind"), fc.constantFrom(...SPEAKER_KINDS).chain(randomCase)),
    fc.tuple(fc.constant("date"), fc.constantFrom(...DATES)),
    fc.tuple(
      fc.constant("date"),
      fc
        .tuple(fc.constantFrom("", ...DATES), fc.constantFrom("", ...DATES))
        .filter(([a, b]) => a !== "" || b !== "")
        .map(([a, b]) => `${a}..${b}`),
    ),
    fc.tuple(fc.constant("from"), fc.constantFrom(...DATES)),
    fc.tuple(fc.constant("to"), fc.constantFrom(...DATES)),
  )
  .chain(([key, value]) =>
    randomCase(key).map((typedKey): Clause => ({
      type: "filter",
      text: `${typedKey}:${value}`,
      key,
      value,
    })),
  );

/** A query of valid clauses, and the clauses. */
export const validQuery: fc.Arbitrary<{ q: string; clauses: Clause[] }> = fc
  .tuple(
    fc.array(
      fc.oneof(
        { weight: 5, arbitrary: positive },
        { weight: 1, arbitrary: negated },
        { weight: 1, arbitrary: orChain },
        { weight: 2, arbitrary: filter },
      ),
      { minLength: 0, maxLength: 7 },
    ),
    fc.array(space, { minLength: 8, maxLength: 8 }),
    space,
  )
  .map(([clauses, spaces, lead]) => ({
    q: lead + clauses.map((c, i) => `${c.text}${spaces[i] ?? " "}`).join(""),
    clauses,
  }));

/** Pieces that make a query invalid wherever they stand as a clause of their own. */
export const BAD_CLAUSES: readonly string[] = [
  "nosuchkey:value",
  "date:2012-13-01",
  "date:2012-02-30",
  "date:..",
  "from:yesterday",
  "body:parliament",
  "conference:wcit-13",
  "kind:robot",
  "-speaker:egypt",
  "ab*",
  "abcd~",
  "abcdef~3",
  '"ab cd"~',
  '"ab cd"~51',
  '"ab cd"~x',
  "abcdef~2",
  "abc*~",
  "e-waste~",
  '""',
  '" - "',
];

/** C0 control characters and DEL. */
export function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return char.length === 1 && (code < 0x20 || code === 0x7f);
}

/** Any piece of the language, good or bad, and some that are not the language at all. */
const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.oneof(positive, negated, orChain, filter).map((c) => c.text) },
  { weight: 3, arbitrary: fc.constantFrom(...BAD_CLAUSES) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '"',
      "-",
      "*",
      "~",
      "~~",
      "**",
      ":",
      "::",
      "OR",
      "or",
      "-OR",
      '-"',
      'speaker:"',
      "speaker:",
      "date:2012-12-03..",
      "..",
      "-*",
      "a-b-c",
      "e-waste",
      "DT/30",
      "rev.3",
      "&",
      "--",
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc
      .string({ unit: "binary", maxLength: 8 })
      .map((text) => [...text].filter((c) => !isControl(c)).join("")),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 0, max: 0x7f })
      .filter((c) => c < 0x20 || c === 0x7f)
      .map((c) => String.fromCharCode(c)),
  },
);

/** Good and bad pieces joined by white space (or not), now and then very long. */
export const messyQuery: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .array(fc.tuple(piece, fc.constantFrom(" ", " ", "", "\t", "  ")), { maxLength: 14 })
      .map((parts) => parts.map(([p, s]) => p + s).join("")),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(piece, fc.integer({ min: 20, max: 400 }))
      .map(([p, n]) => `${p} `.repeat(n)),
  },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 260 }) },
);
