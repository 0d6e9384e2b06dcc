/**
 * A deterministic query set for the benchmark: the same number of queries in every class,
 * drawn from the corpus's own vocabulary and phrases. Words come from three sources in turn: the
 * Zipf law of the vocabulary (mostly frequent words), uniform ranks (mostly rare words, some
 * absent from a small corpus) and words of randomly picked utterances (as often as they occur).
 */
import type { Body } from "../src/domain";
import type { GeneratedCorpus } from "./corpus";
import { createRandom, deriveSeed, type Random } from "./random";
import { QUERY_CLASSES, type BenchFilter, type BenchQuery, type QueryClass } from "./types";
import { PHRASE_FAMILIES } from "./vocabulary";

/** Results asked for per query (a results page). */
export const DEFAULT_LIMIT = 20;
/** Queries per class when not given. */
export const DEFAULT_QUERIES_PER_CLASS = 200;
/** Shortest prefix and shortest fuzzy word the product's query language accepts (issue 4). */
export const MIN_PREFIX = 3;
export const MIN_FUZZY = 5;
/** Fuzzy words this long get two edits, shorter ones one. */
export const FUZZY_TWO_EDITS_FROM = 8;

/** Options of {@link generateQueries}. */
export interface QuerySetOptions {
  /** Queries per class; default {@link DEFAULT_QUERIES_PER_CLASS}. */
  perClass?: number;
  /** Seed; default: the corpus seed. */
  seed?: number;
  /** Results per query; default {@link DEFAULT_LIMIT}. */
  limit?: number;
}

const QUERY_WORD = /^[a-z]+$/;
const BODIES: readonly Body[] = ["plenary", "committee-5", "working-group"];
const FAMILY_PHRASES: readonly string[] = PHRASE_FAMILIES.flatMap(
  (family) => family.variants,
).filter((v) => /^[a-z]+( [a-z]+)+$/.test(v));

/** Generates `perClass` queries of every class, interleaved class by class. */
export function generateQueries(
  corpus: GeneratedCorpus,
  options: QuerySetOptions = {},
): BenchQuery[] {
  const perClass = options.perClass ?? DEFAULT_QUERIES_PER_CLASS;
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(perClass) || perClass < 1)
    throw new Error(`queries: perClass must be a positive integer, got ${perClass}`);
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`queries: limit must be a positive integer, got ${limit}`);
  const drawer = new WordDrawer(
    corpus,
    createRandom(deriveSeed(options.seed ?? corpus.seed, "queries")),
  );
  const queries: BenchQuery[] = [];
  for (let i = 0; i < perClass; i++) {
    for (const cls of QUERY_CLASSES) queries.push(drawer.query(cls, i, queries.length, limit));
  }
  return queries;
}

/** The query as typed in the product's query language. */
export function queryText(q: Omit<BenchQuery, "text" | "index">): string {
  const parts: string[] = [];
  if (q.phrase !== undefined) parts.push(`"${q.phrase}"`);
  else if (q.prefix === true) parts.push(`${q.terms[0] ?? ""}*`);
  else if (q.fuzzy !== undefined) parts.push(`${q.terms[0] ?? ""}~${q.fuzzy}`);
  else parts.push(...q.terms);
  const f = q.filter;
  if (f?.speaker !== undefined) parts.push(`speaker:${f.speaker}`);
  if (f?.body !== undefined) parts.push(`body:${f.body}`);
  if (f?.from !== undefined || f?.to !== undefined)
    parts.push(`date:${f?.from ?? ""}..${f?.to ?? ""}`);
  return parts.join(" ");
}

class WordDrawer {
  private readonly queryWords: string[];
  private readonly queryWordRanks: number[];
  private readonly dates: string[];
  private turn = 0;

  constructor(
    private readonly corpus: GeneratedCorpus,
    private readonly random: Random,
  ) {
    const { words } = corpus.vocabulary;
    this.queryWords = [];
    this.queryWordRanks = [];
    words.forEach((word, rank) => {
      if (QUERY_WORD.test(word)) {
        this.queryWords.push(word);
        this.queryWordRanks.push(rank);
      }
    });
    this.dates = [
      ...new Set(corpus.records.map((r) => r.date).filter((d): d is string => d !== null)),
    ].sort();
  }

  query(cls: QueryClass, i: number, index: number, limit: number): BenchQuery {
    const base = this.draw(cls, i);
    const q = { ...base, class: cls, limit, sort: base.sort ?? ("relevance" as const) };
    return { ...q, index, text: queryText(q) };
  }

  private draw(
    cls: QueryClass,
    i: number,
  ): Omit<BenchQuery, "class" | "limit" | "text" | "index" | "sort"> &
    Partial<Pick<BenchQuery, "sort">> {
    const random = this.random;
    switch (cls) {
      case "term":
        return { terms: [this.word(i)] };
      case "and": {
        const count = random.int(2, 4);
        return { terms: i % 2 === 0 ? this.coOccurring(count) : this.distinctWords(count, i) };
      }
      case "phrase": {
        const phrase = i % 2 === 0 ? this.familyPhrase() : this.utterancePhrase();
        return { terms: phrase.split(" "), phrase };
      }
      case "prefix": {
        const word = this.wordOfLength(MIN_PREFIX + 1, i);
        const length = random.int(MIN_PREFIX, Math.min(word.length - 1, 6));
        return { terms: [word.slice(0, length)], prefix: true };
      }
      case "fuzzy": {
        const word = this.wordOfLength(MIN_FUZZY + 1, i);
        const typo = this.typo(word);
        return { terms: [typo], fuzzy: typo.length >= FUZZY_TWO_EDITS_FROM ? 2 : 1 };
      }
      case "filtered": {
        const terms = random.chance(0.7) ? [this.word(i)] : this.distinctWords(2, i);
        return { terms, filter: this.filter() };
      }
      case "chronological": {
        const terms = random.chance(0.7) ? [this.word(i)] : this.coOccurring(2);
        return { terms, sort: "chronological" };
      }
    }
  }

  /** A query word from one of the three sources, in turn. */
  private word(i: number): string {
    const source = (i + this.turn++) % 3;
    if (source === 0) return this.zipfWord();
    if (source === 1) return this.queryWords[this.random.int(0, this.queryWords.length - 1)]!;
    return this.random.pick(this.utteranceWords());
  }

  private zipfWord(): string {
    for (;;) {
      const word = this.corpus.vocabulary.sample(this.random);
      if (QUERY_WORD.test(word)) return word;
    }
  }

  private wordOfLength(min: number, i: number): string {
    for (;;) {
      const word = this.word(i);
      if (word.length >= min) return word;
    }
  }

  private distinctWords(count: number, i: number): string[] {
    const out = new Set<string>();
    while (out.size < count) out.add(this.word(i + out.size));
    return [...out];
  }

  /** Lowercase query words of a random utterance with at least `min` of them. */
  private utteranceWords(min = 1): string[] {
    for (;;) {
      const record = this.random.pick(this.corpus.records);
      const utterance = this.random.pick(record.utterances);
      const words = utterance.text
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter((w) => w !== "");
      if (words.length >= min) return words;
    }
  }

  private coOccurring(count: number): string[] {
    for (;;) {
      const words = [...new Set(this.utteranceWords(count))];
      if (words.length < count) continue;
      const out: string[] = [];
      while (out.length < count) {
        const word = this.random.pick(words);
        if (!out.includes(word)) out.push(word);
      }
      return out;
    }
  }

  private familyPhrase(): string {
    // Words and single spaces only: punctuated variants ("e-waste") would mean different things to different tokenizers.
    return this.random.pick(FAMILY_PHRASES);
  }

  /** 2 to 5 consecutive words of a random utterance that appear there exactly so (no punctuation between). */
  private utterancePhrase(): string {
    for (;;) {
      const record = this.random.pick(this.corpus.records);
      const utterance = this.random.pick(record.utterances);
      const pieces = utterance.text.toLowerCase().split(" ");
      const length = this.random.int(2, 5);
      if (pieces.length < length) continue;
      const start = this.random.int(0, pieces.length - length);
      const window = pieces.slice(start, start + length);
      const last = window.length - 1;
      window[last] = window[last]!.replace(/[.,?]$/, "");
      if (window.every((w) => QUERY_WORD.test(w))) return window.join(" ");
    }
  }

  /** One edit (substitution, deletion or insertion) that keeps the word at least MIN_FUZZY long. */
  private typo(word: string): string {
    const random = this.random;
    const at = random.int(1, word.length - 1);
    const letter = String.fromCharCode(97 + random.int(0, 25));
    const kind = word.length > MIN_FUZZY ? random.int(0, 2) : random.pick([0, 2]);
    if (kind === 0) return word.slice(0, at) + letter + word.slice(at + 1);
    if (kind === 1) return word.slice(0, at) + word.slice(at + 1);
    return word.slice(0, at) + letter + word.slice(at);
  }

  private filter(): BenchFilter {
    const random = this.random;
    const roll = random.next();
    if (roll < 0.4) return { speaker: this.corpus.speakers.sampleDelegation(random).id };
    if (roll < 0.5) return { speaker: "chair" };
    if (roll < 0.7) return { body: random.pick(BODIES) };
    const from = random.int(0, this.dates.length - 1);
    const to = Math.min(this.dates.length - 1, from + random.int(0, 2));
    const range: BenchFilter = { from: this.dates[from]!, to: this.dates[to]! };
    return roll < 0.85 ? range : { ...range, body: random.pick(BODIES) };
  }
}
