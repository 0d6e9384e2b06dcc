/**
 * The requests of a load run, drawn deterministically from the corpus (bench/load/words.ts):
 *
 * - ordinary: what people ask of /api/search — a word, several words, a phrase, a prefix, a
 *   fuzzy word, filters (in the query and as parameters), chronological order, later pages;
 * - adversarial: the most expensive requests the API accepts (10 frequent words ANDed or ORed,
 *   ten 3-character prefixes, ten 5-character fuzzy words at distance 2, phrases of frequent
 *   words, exclusions only, offset 1000, CSV pages of 100, phrase timelines) and requests it
 *   must refuse quickly with a 400 naming the parameter (too long, too many terms, prefixes and
 *   fuzzy words under the limits, huge limits and offsets, malformed syntax, unknown or repeated
 *   parameters).
 *
 * Every request carries its class and the status it must get.
 */
import {
  MAX_QUERY_LENGTH,
  MAX_QUERY_TERMS,
  FUZZY_DISTANCE_2_FROM,
  MIN_FUZZY_LENGTH,
  MIN_PREFIX_LENGTH,
} from "../../src/search/query";
import { MAX_LIMIT, MAX_OFFSET } from "../../src/search/search";
import { normaliseTerm } from "../../src/search/text";
import { createRandom, deriveSeed, type Random } from "../random";
import { type CorpusWords, phraseRuns, wordsOf } from "./words";

export type RequestKind = "ordinary" | "adversarial";

/** One request of the mix. */
export interface LoadRequest {
  /** Path and query string, percent-encoded. */
  path: string;
  kind: RequestKind;
  /** What it exercises ("term", "phrase", "max-or", "too-long"...). */
  cls: string;
  /** The status it must get: 200, or 400 with a JSON body naming the parameter. */
  expect: 200 | 400;
}

export const ORDINARY_CLASSES = [
  "term",
  "and",
  "phrase",
  "prefix",
  "fuzzy",
  "filtered",
  "chronological",
  "page",
] as const;
export type OrdinaryClass = (typeof ORDINARY_CLASSES)[number];

/** Ordinary requests drawn per class (the run cycles through them). */
export const ORDINARY_PER_CLASS = 500;

/** A path with percent-encoded query parameters (spaces as %20). */
export function apiPath(route: string, params: readonly (readonly [string, string])[]): string {
  if (params.length === 0) return route;
  return `${route}?${params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&")}`;
}

const search = (params: readonly (readonly [string, string])[]): string =>
  apiPath("/api/search", params);

/**
 * A search for `words` (may be empty) by speaker `id`: `speaker:ID` in the query, or the
 * `speaker` parameter for an id that cannot be typed there (white space or quotes).
 */
function bySpeaker(words: string, id: string): string {
  const typed = /^[^\s"]+$/.test(id);
  const q = typed ? `${words} speaker:${id}`.trim() : words;
  return search(
    typed
      ? [["q", q]]
      : [
          ["q", q],
          ["speaker", id],
        ],
  );
}

class Drawer {
  /** Words below the common ones, by falling frequency: what people search for. */
  private readonly content: string[];

  constructor(
    private readonly words: CorpusWords,
    private readonly random: Random,
  ) {
    const common = new Set(words.common);
    this.content = words.byFrequency.filter((w) => !common.has(w) && w.length >= 3);
  }

  private text(): string {
    return this.random.pick(this.words.texts);
  }

  /** A content word, as often as it occurs (a word of a random utterance). */
  word(minLength = 3): string {
    const common = new Set(this.words.common);
    for (let attempt = 0; attempt < 1000; attempt++) {
      const candidates = wordsOf(this.text()).filter(
        (w) => w.length >= minLength && !common.has(w),
      );
      if (candidates.length > 0) return this.random.pick(candidates);
    }
    const fallback = this.content.find((w) => w.length >= minLength);
    if (fallback === undefined) throw new Error(`bench:load: no word of ${minLength} letters`);
    return fallback;
  }

  /** A frequent content word (one of the 100 most frequent below the common ones). */
  frequentWord(): string {
    return this.content[this.random.int(0, Math.min(99, this.content.length - 1))] as string;
  }

  /** 2 or 3 distinct content words said together in one utterance. */
  together(): string[] {
    const common = new Set(this.words.common);
    for (let attempt = 0; attempt < 1000; attempt++) {
      const words = [
        ...new Set(wordsOf(this.text()).filter((w) => w.length >= 3 && !common.has(w))),
      ];
      const count = this.random.int(2, 3);
      if (words.length < count) continue;
      const out: string[] = [];
      while (out.length < count) {
        const w = this.random.pick(words);
        if (!out.includes(w)) out.push(w);
      }
      return out;
    }
    return [this.word(), this.word()];
  }

  /**
   * 2 to 4 consecutive words of an utterance, as written, at least one of them not a common
   * word (phrases of common words only are adversarial).
   */
  phrase(): string {
    const common = new Set(this.words.common);
    for (let attempt = 0; attempt < 1000; attempt++) {
      const runs = phraseRuns(this.text());
      if (runs.length === 0) continue;
      const run = this.random.pick(runs);
      const length = this.random.int(2, Math.min(4, run.length));
      const start = this.random.int(0, run.length - length);
      const phrase = run.slice(start, start + length);
      if (phrase.every((w) => common.has(normaliseTerm(w)))) continue;
      return phrase.join(" ");
    }
    return `${this.word()} ${this.word()}`;
  }

  /** A word with one letter changed inside it. */
  typo(word: string): string {
    const at = this.random.int(1, word.length - 2);
    const current = word[at] ?? "a";
    let letter = current;
    while (letter === current) letter = String.fromCharCode(97 + this.random.int(0, 25));
    return word.slice(0, at) + letter + word.slice(at + 1);
  }

  speaker(): { id: string; name: string } {
    return this.random.pick(this.words.speakers);
  }

  dateRange(): [string, string] {
    const { dates } = this.words;
    const from = this.random.int(0, dates.length - 1);
    const to = Math.min(dates.length - 1, from + this.random.int(0, 2));
    return [dates[from] as string, dates[to] as string];
  }

  ordinary(cls: OrdinaryClass): LoadRequest {
    const r = this.random;
    let path: string;
    switch (cls) {
      case "term":
        path = search([["q", this.word()]]);
        break;
      case "and":
        path = search([["q", this.together().join(" ")]]);
        break;
      case "phrase":
        path = search([["q", `"${this.phrase()}"`]]);
        break;
      case "prefix": {
        const word = this.word(MIN_PREFIX_LENGTH + 2);
        const length = r.int(MIN_PREFIX_LENGTH + 1, Math.min(6, word.length - 1));
        path = search([["q", `${word.slice(0, length)}*`]]);
        break;
      }
      case "fuzzy": {
        const typo = this.typo(this.word(MIN_FUZZY_LENGTH + 1));
        path = search([["q", typo.length >= 8 ? `${typo}~1` : `${typo}~`]]);
        break;
      }
      case "filtered":
        path = this.filtered();
        break;
      case "chronological": {
        const roll = r.next();
        if (roll < 0.25) path = bySpeaker("", this.speaker().id);
        else {
          const q = roll < 0.7 ? this.word() : this.together().slice(0, 2).join(" ");
          path = search([
            ["q", q],
            ["sort", "chronological"],
          ]);
        }
        break;
      }
      case "page":
        path = search([
          ["q", this.frequentWord()],
          ["offset", String(20 * r.int(1, 5))],
          ["limit", String(r.pick([10, 20, 50]))],
        ]);
        break;
    }
    return { path, kind: "ordinary", cls, expect: 200 };
  }

  private filtered(): string {
    const r = this.random;
    const word = this.word();
    const speaker = this.speaker();
    const [from, to] = this.dateRange();
    switch (r.int(0, 7)) {
      case 0:
        return bySpeaker(word, speaker.id);
      case 1:
        return search([
          ["q", word],
          ["speaker", speaker.id],
        ]);
      case 2:
        return search([["q", `${word} body:${r.pick(this.words.bodies)}`]]);
      case 3:
        return search([
          ["q", word],
          ["from", from],
          ["to", to],
        ]);
      case 4:
        return search([["q", `${word} date:${from}..${to}`]]);
      case 5:
        return search([["q", `${word} session:${r.pick(this.words.sessions)}`]]);
      case 6:
        return search([["q", `${word} kind:delegation`]]);
      default:
        return search([["q", `${word} speaker:"${speaker.name.replace(/"/g, "")}"`]]);
    }
  }
}

/** `ORDINARY_PER_CLASS` ordinary requests of every class, interleaved class by class. */
export function ordinaryRequests(
  words: CorpusWords,
  seed: number,
  perClass = ORDINARY_PER_CLASS,
): LoadRequest[] {
  const drawer = new Drawer(words, createRandom(deriveSeed(seed, "load-ordinary")));
  const out: LoadRequest[] = [];
  for (let i = 0; i < perClass; i++)
    for (const cls of ORDINARY_CLASSES) out.push(drawer.ordinary(cls));
  return out;
}

/** Words joined by " OR ". */
const ors = (words: readonly string[]): string => words.join(" OR ");

/** `n` distinct 3-character prefixes of the most frequent words. */
function shortPrefixes(words: CorpusWords, n: number, skip: number): string[] {
  const prefixes: string[] = [];
  for (const word of words.byFrequency.slice(skip)) {
    const prefix = word.slice(0, MIN_PREFIX_LENGTH);
    if (word.length >= MIN_PREFIX_LENGTH && !prefixes.includes(prefix)) prefixes.push(prefix);
    if (prefixes.length === n) break;
  }
  return prefixes;
}

/** The adversarial requests: each class once (several variants per class). */
export function adversarialRequests(words: CorpusWords, seed: number): LoadRequest[] {
  const random = createRandom(deriveSeed(seed, "load-adversarial"));
  const out: LoadRequest[] = [];
  const ok = (cls: string, path: string) =>
    out.push({ path, kind: "adversarial", cls, expect: 200 });
  const bad = (cls: string, path: string) =>
    out.push({ path, kind: "adversarial", cls, expect: 400 });
  const common = words.common;
  const ten = (offset: number) => common.slice(offset, offset + MAX_QUERY_TERMS);
  const fiveLetter = words.byFrequency.filter((w) => w.length === MIN_FUZZY_LENGTH);
  const content = words.byFrequency.slice(common.length);

  // Accepted, and as expensive as the language allows.
  for (const offset of [0, 10, 20]) {
    ok("max-terms", search([["q", ten(offset).join(" ")]]));
    ok("max-or", search([["q", ors(ten(offset))]]));
  }
  for (const skip of [0, 40]) {
    const prefixes = shortPrefixes(words, MAX_QUERY_TERMS, skip).map((p) => `${p}*`);
    ok("short-prefixes", search([["q", prefixes.join(" ")]]));
    ok("short-prefixes", search([["q", ors(prefixes)]]));
  }
  // The widest fuzzy the language allows: distance 1 from 5 letters, distance 2 from 8.
  const eightLetter = words.byFrequency.filter((w) => w.length === FUZZY_DISTANCE_2_FROM);
  for (const offset of [0, 10]) {
    for (const fuzzy of [
      fiveLetter.slice(offset, offset + MAX_QUERY_TERMS).map((w) => `${w}~1`),
      eightLetter.slice(offset, offset + MAX_QUERY_TERMS).map((w) => `${w}~2`),
    ]) {
      if (fuzzy.length === 0) continue;
      ok("fuzzy-limit", search([["q", fuzzy.join(" ")]]));
      ok("fuzzy-limit", search([["q", ors(fuzzy)]]));
    }
  }
  const bigram = words.bigrams[0] ?? `${common[0]} ${common[1]}`;
  const repeated = Array.from({ length: MAX_QUERY_TERMS / 2 }, () => bigram).join(" ");
  ok("common-phrase", search([["q", `"${repeated}"`]]));
  ok("common-phrase", search([["q", `"${ten(0).join(" ")}"`]]));
  ok(
    "common-phrase",
    search([
      [
        "q",
        words.bigrams
          .slice(0, 5)
          .map((b) => `"${b}"`)
          .join(" OR "),
      ],
    ]),
  );
  ok(
    "exclusions-only",
    search([
      [
        "q",
        ten(0)
          .map((w) => `-${w}`)
          .join(" "),
      ],
    ]),
  );
  ok("exclusions-only", search([["q", `-"${bigram}"`]]));
  for (const sort of ["relevance", "chronological"]) {
    ok(
      "deep-offset",
      search([
        ["q", common[0] ?? "the"],
        ["sort", sort],
        ["offset", String(MAX_OFFSET)],
        ["limit", String(MAX_LIMIT)],
      ]),
    );
  }
  ok(
    "csv-page",
    search([
      ["q", ors(ten(0).slice(0, 3))],
      ["format", "csv"],
      ["limit", String(MAX_LIMIT)],
    ]),
  );
  ok(
    "phrase-timeline",
    apiPath("/api/phrase", [
      ["q", bigram],
      ["limit", String(MAX_LIMIT)],
    ]),
  );
  ok("bad-percent", "/api/search?q=%E0%A4%A");

  // Refused, and quickly.
  const long = Array.from({ length: 100 }, () => common[0])
    .join(" ")
    .slice(0, MAX_QUERY_LENGTH + 1);
  bad("too-long", search([["q", long]]));
  bad("too-long", search([["q", "x".repeat(MAX_QUERY_LENGTH * 10)]]));
  bad("too-many-terms", search([["q", content.slice(0, MAX_QUERY_TERMS + 1).join(" ")]]));
  bad(
    "too-many-terms",
    search([["q", `"${Array.from({ length: 11 }, () => common[0]).join(" ")}"`]]),
  );
  const short = (common.find((w) => w.length >= 2) ?? "th").slice(0, MIN_PREFIX_LENGTH - 1);
  bad("short-prefix", search([["q", `${short}*`]]));
  bad(
    "short-fuzzy",
    search([["q", `${(content[0] ?? "abcdef").slice(0, MIN_FUZZY_LENGTH - 1)}~`]]),
  );
  bad("fuzzy-distance", search([["q", `${fiveLetter[0] ?? "house"}~3`]]));
  bad("fuzzy-distance", search([["q", `${fiveLetter[0] ?? "house"}~2`]]));
  for (const limit of ["1000000", String(MAX_LIMIT + 1), "0", "-1", "1e3", "ten"])
    bad(
      "huge-limit",
      search([
        ["q", common[0] ?? "the"],
        ["limit", limit],
      ]),
    );
  for (const offset of [String(MAX_OFFSET + 1), "99999999999", "-5"])
    bad(
      "offset-over",
      search([
        ["q", common[0] ?? "the"],
        ["offset", offset],
      ]),
    );
  const malformed = [
    `"${common[0]} ${common[1]}`,
    "OR",
    `${common[0]} OR`,
    "nosuchfilter:value",
    "date:2012-13-45",
    "date:2012-12-10..2012-12-01",
    `-speaker:${words.speakers[0]?.id ?? "chair"}`,
    "speaker:nobody-at-all-zzz",
    "session:no-such-session",
    "body:parliament",
    '""',
    `${common[0]}\u0001`,
    `${content[0]}*~`,
  ];
  for (const q of malformed) bad("malformed", search([["q", q]]));
  bad("malformed", search([]));
  bad("malformed", search([["q", ""]]));
  bad(
    "malformed",
    search([
      ["q", common[0] ?? "the"],
      ["zzz", "1"],
    ]),
  );
  bad("malformed", `/api/search?q=${encodeURIComponent(common[0] ?? "the")}&q=again`);
  bad(
    "malformed",
    search([
      ["q", common[0] ?? "the"],
      ["sort", "sideways"],
    ]),
  );
  bad(
    "malformed",
    search([
      ["q", common[0] ?? "the"],
      ["format", "xml"],
    ]),
  );
  bad(
    "malformed",
    search([
      ["q", common[0] ?? "the"],
      ["from", "2012-12-10"],
      ["to", "2012-12-01"],
    ]),
  );
  bad("malformed", apiPath("/api/phrase", []));
  bad("malformed", apiPath("/api/phrase", [["q", `a"b`]]));
  bad(
    "malformed",
    apiPath(`/api/utterances/${encodeURIComponent(`${words.sessions[0]}.0`)}`, [["context", "21"]]),
  );
  // Shuffle so that a run that cycles through them meets the classes in no fixed order.
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j] as LoadRequest, out[i] as LoadRequest];
  }
  return out;
}

/**
 * A sequence of `count` requests: each is adversarial with probability `share` (seeded), taking
 * the adversarial and the ordinary requests in turn.
 */
export function mixRequests(
  ordinary: readonly LoadRequest[],
  adversarial: readonly LoadRequest[],
  share: number,
  seed: number,
  count = ordinary.length * 2,
): LoadRequest[] {
  if (ordinary.length === 0 || adversarial.length === 0)
    throw new Error("bench:load: a mix needs ordinary and adversarial requests");
  const random = createRandom(deriveSeed(seed, "load-mix"));
  const out: LoadRequest[] = [];
  let o = 0;
  let a = 0;
  for (let i = 0; i < count; i++) {
    if (random.chance(share)) out.push(adversarial[a++ % adversarial.length] as LoadRequest);
    else out.push(ordinary[o++ % ordinary.length] as LoadRequest);
  }
  return out;
}
