/**
 * The fast-check arbitraries the property tests share: corpora and backend queries over a small
 * vocabulary (the backend tests), and the made-up words and turns of generated transcripts (the
 * parser's property and fuzz tests). A test with a need of its own keeps its arbitrary; one that
 * two tests need lives here.
 */
import fc from "fast-check";
import type { BackendQuery } from "../../src/search/backend/interface";

/**
 * Few words, some close to each other (prefixes, one or two edits apart, an accent), so small
 * corpora have shared terms, prefix ranges and fuzzy neighbours.
 */
export const INDEX_VOCABULARY = [
  "alpha",
  "alps",
  "also",
  "beta",
  "bet",
  "better",
  "gamma",
  "gama",
  "état",
] as const;

/** What documents are written with: the vocabulary, case and accent variants, punctuation, a frequent word. */
const DOCUMENT_WORDS = [...INDEX_VOCABULARY, "Alpha", "ÉTAT", ",", "the", "the", "the"];

/** What queries ask for: the vocabulary, prefixes, unknown words and forms the index folds. */
const QUERY_TERMS = [...INDEX_VOCABULARY, "al", "be", "bet", "zzz", "ALPHA", "etat", "the", "th"];

/** A document's text: up to `maxWords` words of DOCUMENT_WORDS. */
export function documentText(maxWords: number): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(...DOCUMENT_WORDS), { maxLength: maxWords })
    .map((words) => words.join(" "));
}

/** The texts of a corpus: 1 to `maxDocuments` documents of up to `maxWords` words. */
export function corpusTexts(maxDocuments: number, maxWords: number): fc.Arbitrary<string[]> {
  return fc.array(documentText(maxWords), { minLength: 1, maxLength: maxDocuments });
}

/** One term node: a word of QUERY_TERMS, maybe a prefix, maybe fuzzy (distance 1 or 2). */
export const termQuery: fc.Arbitrary<BackendQuery> = fc.record({
  kind: fc.constant("term" as const),
  term: fc.constantFrom(...QUERY_TERMS),
  prefix: fc.boolean(),
  fuzzy: fc.constantFrom(0, 0, 1, 2),
});

/** A word alone or as the search core wraps it (an and of an or of the word). */
export const oneWordQuery: fc.Arbitrary<BackendQuery> = fc.oneof(
  termQuery,
  termQuery.map((q): BackendQuery => ({ kind: "and", queries: [{ kind: "or", queries: [q] }] })),
);

/** Any backend query tree: terms, and / or of up to three, and_not with up to two exclusions. */
export const backendQuery: fc.Arbitrary<BackendQuery> = fc.letrec<{ node: BackendQuery }>(
  (tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      termQuery,
      fc.record({
        kind: fc.constantFrom("and" as const, "or" as const),
        queries: fc.array(tie("node"), { maxLength: 3 }),
      }),
      fc.record({
        kind: fc.constant("and_not" as const),
        include: tie("node"),
        exclude: fc.array(tie("node"), { maxLength: 2 }),
      }),
    ),
  }),
).node;

/** A filter over ordinals as a backend is given one: none, or "not `rest` modulo `modulus`". */
export type OrdinalFilter = ((ordinal: number) => boolean) | undefined;

/** The description of an OrdinalFilter (shrinks and prints better than a function). */
export const ordinalFilterSpec = fc.option(
  fc.record({ modulus: fc.integer({ min: 2, max: 7 }), rest: fc.integer({ min: 0, max: 6 }) }),
);

/** The filter an ordinalFilterSpec describes. */
export function ordinalFilter(spec: { modulus: number; rest: number } | null): OrdinalFilter {
  return spec === null
    ? undefined
    : (ordinal) => ordinal % spec.modulus !== spec.rest % spec.modulus;
}

/** Syllables of made-up words that are no English word (tests add their own to these). */
export const MADE_UP_SYLLABLES = ["ba", "ko", "ri", "mu", "te", "lo", "vi", "sa"] as const;

/**
 * A made-up word of one to three `syllables`, maybe capitalised, followed by one of
 * `punctuation` (give "" several times to make bare words the common case).
 */
export function madeUpWord(
  syllables: readonly string[],
  punctuation: readonly string[],
): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.array(fc.constantFrom(...syllables), { minLength: 1, maxLength: 3 }),
      fc.constantFrom(...punctuation),
      fc.boolean(),
    )
    .map(([parts, mark, capital]) => {
      const w = parts.join("");
      return (capital ? w.charAt(0).toUpperCase() + w.slice(1) : w) + mark;
    });
}

/** A generated turn: its label (null: unlabelled), its marker and what is said in it. */
export interface GeneratedTurn<T> {
  label: string | null;
  marker: string;
  said: T[];
}

/**
 * Turns as a transcript has them: mostly labelled (8 in 10) with one of `markers`; sometimes
 * unlabelled (`unlabelled` says what may be said without a speaker); sometimes a label with
 * nothing said.
 */
export function transcriptTurn<T>(options: {
  labels: readonly string[];
  markers: readonly string[];
  said: fc.Arbitrary<T[]>;
  unlabelled: fc.Arbitrary<T[]>;
}): fc.Arbitrary<GeneratedTurn<T>> {
  const label = fc.constantFrom(...options.labels) as fc.Arbitrary<string | null>;
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({
        label,
        marker: fc.constantFrom(...options.markers),
        said: options.said,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        label: fc.constant(null),
        marker: fc.constant(">>"),
        said: options.unlabelled,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ label, marker: fc.constant(">>"), said: fc.constant([] as T[]) }),
    },
  );
}
