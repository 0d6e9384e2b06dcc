/**
 * Delegation, country and role names typed as plain words: "egypt spam", "united states
 * internet", "the chair", "egipt". The speaker catalogue (the alias table built with the index
 * and the speakers of the corpus) is read as a table of keys (src/speaker-key.ts folding), and a
 * query's plain words are matched against it by these rules, in this order:
 *
 *   R1 exact: a run of words whose key is a name, alias, code or id of a speaker. The longest
 *      run wins ("guinea bissau" is Guinea-Bissau, not Guinea followed by "bissau").
 *   R2 formal name: a run of words that is a speaker's name with its formal qualifiers left out
 *      (FORMAL_QUALIFIERS: "congo" is also the Democratic Republic of the Congo, "korea" also the
 *      Democratic People's Republic of Korea). Listed after the R1 matches of the same run.
 *   R3 spelling: where R1 and R2 find nothing, a run of words at most one edit away (two for keys
 *      of FUZZY_DISTANCE_2_FROM characters or more) from a key of MIN_FUZZY_LENGTH characters or
 *      more, when one of its words is not a word of the corpus ("egipt", "nigerai"). Only the
 *      nearest keys count: "niger" is Niger, never Nigeria, and "dominica" never the Dominican
 *      Republic, because each is an exact key.
 *   Short keys (SHORT_KEY_LENGTH letters or fewer: codes, "us", "uae") count only when typed in
 *   capitals or when the word is not a word of the corpus: "CAN" and "usa" are names, "can" and
 *   "us" are words. The catch-all "unknown" speaker is never recognised in text.
 *
 * Runtime-free.
 */
import type { SpeakerKind } from "../domain";
import type { Corpus } from "./corpus";
import { boundedDamerauLevenshtein } from "./distance";
import { FUZZY_DISTANCE_2_FROM, MIN_FUZZY_LENGTH } from "./query";
import type { StoreSpeaker } from "./schema";
import { foldName } from "./text";

/** Words a formal state name may carry around the name people use (rule R2). */
export const FORMAL_QUALIFIERS: ReadonlySet<string> = new Set([
  "the",
  "of",
  "republic",
  "democratic",
  "peoples",
  "people",
  "islamic",
  "federal",
  "federative",
  "kingdom",
  "plurinational",
  "bolivarian",
  "socialist",
  "arab",
  "state",
]);

/** Keys this short (codes, "us") need capitals or an unknown word (see the file comment). */
export const SHORT_KEY_LENGTH = 3;
/** Longest run of words tried as one name ("united kingdom of great britain and northern ireland"). */
export const MAX_NAME_WORDS = 8;
/** Most names nearestNames returns by default. */
export const DEFAULT_NEAREST = 3;

/** A speaker of the catalogue, as names.ts needs it. */
export interface NameEntry {
  id: string;
  name: string;
  kind: SpeakerKind;
  country: string | null;
  aliases: readonly string[];
}

/** How a name was recognised: the rule of the file comment. */
export type NameRule = "exact" | "formal" | "spelling";

/** A speaker recognised in a run of typed words. */
export interface NameMatch {
  id: string;
  name: string;
  kind: SpeakerKind;
  rule: NameRule;
  /** The words as typed. */
  words: string;
  /** Word positions of the run in the list given to recogniseNames (end exclusive). */
  start: number;
  end: number;
}

/** The catalogue as lookup tables. */
export interface NameTable {
  entries: Map<string, NameEntry>;
  /** Key -> ids (rule R1). */
  exact: Map<string, string[]>;
  /** Name without qualifiers -> ids (rule R2). */
  formal: Map<string, string[]>;
}

function push(map: Map<string, string[]>, key: string, id: string): void {
  if (key === "") return;
  const ids = map.get(key) ?? [];
  if (!ids.includes(id)) ids.push(id);
  map.set(key, ids);
}

/** The formal-name key of a name: its key without FORMAL_QUALIFIERS ("" when nothing is left). */
export function formalKey(name: string): string {
  const words = foldName(name).split(" ");
  const rest = words.filter((word) => !FORMAL_QUALIFIERS.has(word));
  return rest.length === words.length ? "" : rest.join(" ");
}

/** Builds the tables of a catalogue; an id seen twice merges its names (the first entry's name wins). */
export function nameTable(catalogue: Iterable<NameEntry>): NameTable {
  const table: NameTable = { entries: new Map(), exact: new Map(), formal: new Map() };
  for (const entry of catalogue) {
    const known = table.entries.get(entry.id);
    table.entries.set(
      entry.id,
      known ? { ...known, aliases: [...known.aliases, ...entry.aliases] } : entry,
    );
    for (const name of [entry.id, entry.name, entry.country, ...entry.aliases]) {
      if (name) push(table.exact, foldName(name), entry.id);
    }
    push(table.formal, formalKey(entry.name), entry.id);
  }
  return table;
}

const corpusTables = new WeakMap<Corpus, NameTable>();

/** The name table of a corpus: its alias table and its speakers (labels as captioned). */
export function corpusNameTable(corpus: Corpus): NameTable {
  let table = corpusTables.get(corpus);
  if (!table) {
    table = nameTable([...corpus.store.aliases, ...corpus.store.speakers]);
    corpusTables.set(corpus, table);
  }
  return table;
}

/** Largest edit distance rule R3 allows for a key. */
function spellingBound(key: string): number {
  if (key.length < MIN_FUZZY_LENGTH) return 0;
  return key.length >= FUZZY_DISTANCE_2_FROM ? 2 : 1;
}

/** Whether a typed run may be a short key (see the file comment). */
function shortKeyAllowed(typed: string[], isCorpusWord: (term: string) => boolean): boolean {
  const text = typed.join("");
  return text === text.toUpperCase() || typed.every((word) => !isCorpusWord(foldName(word)));
}

function matchesOf(
  table: NameTable,
  ids: readonly string[],
  rule: NameRule,
  run: { words: string; start: number; end: number },
): NameMatch[] {
  return ids.flatMap((id) => {
    const entry = table.entries.get(id);
    return entry ? [{ id, name: entry.name, kind: entry.kind, rule, ...run }] : [];
  });
}

/** Rules R1 and R2 for the run typed[start, end). */
function exactOrFormal(
  table: NameTable,
  typed: string[],
  start: number,
  end: number,
  isCorpusWord: (term: string) => boolean,
): NameMatch[] {
  const run = typed.slice(start, end);
  const key = foldName(run.join(" "));
  if (key === "") return [];
  if (key.replace(/ /g, "").length <= SHORT_KEY_LENGTH && !shortKeyAllowed(run, isCorpusWord))
    return [];
  const exact = table.exact.get(key) ?? [];
  const formal = (table.formal.get(key) ?? []).filter((id) => !exact.includes(id));
  const where = { words: run.join(" "), start, end };
  return [...matchesOf(table, exact, "exact", where), ...matchesOf(table, formal, "formal", where)];
}

/** The ids whose keys are nearest to `key` within `bound` edits (rule R3), nearest first. */
function nearestKeys(table: NameTable, key: string, bound: number): string[] {
  let best = bound + 1;
  let ids: string[] = [];
  for (const [candidate, candidateIds] of table.exact) {
    if (candidate.length < MIN_FUZZY_LENGTH) continue;
    const distance = boundedDamerauLevenshtein(key, candidate, Math.min(bound, best));
    if (distance < best) {
      best = distance;
      ids = [...candidateIds];
    } else if (distance === best && distance <= bound) {
      for (const id of candidateIds) if (!ids.includes(id)) ids.push(id);
    }
  }
  return best <= bound ? ids : [];
}

/** Rule R3 for the run typed[start, end). */
function spelling(
  table: NameTable,
  typed: string[],
  start: number,
  end: number,
  isCorpusWord: (term: string) => boolean,
): NameMatch[] {
  const run = typed.slice(start, end);
  const key = foldName(run.join(" "));
  const bound = spellingBound(key);
  if (bound === 0) return [];
  // The cheap test first: most words are near no name, and then the corpus is not asked.
  const ids = nearestKeys(table, key, bound);
  if (ids.length === 0 || run.every((word) => isCorpusWord(foldName(word)))) return [];
  return matchesOf(table, ids, "spelling", {
    words: run.join(" "),
    start,
    end,
  });
}

/**
 * The speakers named in a list of plain words, in the order typed (a run's R1 matches before its
 * R2 matches). `isCorpusWord` says whether a folded word occurs in the corpus's text.
 */
export function recogniseNames(
  table: NameTable,
  typed: readonly string[],
  isCorpusWord: (term: string) => boolean = () => true,
): NameMatch[] {
  const words = [...typed];
  const found: NameMatch[] = [];
  let start = 0;
  while (start < words.length) {
    let matched: NameMatch[] = [];
    const last = Math.min(words.length, start + MAX_NAME_WORDS);
    for (let end = last; end > start && matched.length === 0; end--) {
      matched = exactOrFormal(table, words, start, end, isCorpusWord);
    }
    for (let end = last; end > start && matched.length === 0; end--) {
      matched = spelling(table, words, start, end, isCorpusWord);
    }
    if (matched.length === 0) {
      start++;
      continue;
    }
    for (const match of matched) {
      if (match.kind !== "unknown" && !found.some((f) => f.id === match.id)) found.push(match);
    }
    start = matched[0]!.end;
  }
  return found;
}

/**
 * The ids a typed name stands for (rules R1 then R2, any case), for forgiving speaker URLs and
 * filters: empty when it names nobody.
 */
export function lookupName(table: NameTable, value: string): string[] {
  const key = foldName(value);
  return table.exact.get(key) ?? table.formal.get(key) ?? [];
}

/** The names nearest to what was typed, nearest first (for "did you mean" on unknown speakers). */
export function nearestNames(
  table: NameTable,
  value: string,
  count = DEFAULT_NEAREST,
  accept: (entry: NameEntry) => boolean = () => true,
): NameEntry[] {
  const key = foldName(value);
  if (key === "") return [];
  const bound = Math.max(2, Math.ceil(key.length / 3));
  const scored = new Map<string, number>();
  for (const [candidate, ids] of table.exact) {
    const distance = Math.min(
      boundedDamerauLevenshtein(key, candidate, bound),
      candidate.startsWith(key) && key.length >= 3 ? 1 : bound + 1,
    );
    if (distance > bound) continue;
    for (const id of ids) scored.set(id, Math.min(scored.get(id) ?? Infinity, distance));
  }
  return [...scored.entries()]
    .map(([id, distance]) => ({ entry: table.entries.get(id), distance }))
    .filter((s): s is { entry: NameEntry; distance: number } => !!s.entry && accept(s.entry))
    .sort((a, b) => a.distance - b.distance || a.entry.name.localeCompare(b.entry.name))
    .slice(0, count)
    .map((s) => s.entry);
}

/**
 * The id of the corpus speaker a URL or filter value names: the id itself, else the first speaker
 * of the corpus its name, alias or code (any case) stands for; null when it names none.
 */
export function canonicalSpeakerId(corpus: Corpus, value: string): string | null {
  if (corpus.speakerIndex.has(value)) return value;
  const ids = lookupName(corpusNameTable(corpus), value);
  return ids.find((id) => corpus.speakerIndex.has(id)) ?? null;
}

/** The speakers of the corpus nearest to an unknown name, nearest first. */
export function nearestSpeakers(
  corpus: Corpus,
  value: string,
  count = DEFAULT_NEAREST,
): NameEntry[] {
  return nearestNames(corpusNameTable(corpus), value, count, (entry) =>
    corpus.speakerIndex.has(entry.id),
  );
}

/**
 * The speakers a partly typed name may stand for (as the search box's suggestions offer them):
 * those whose name, id or an alias starts with it, then those whose name contains it, each in
 * store order; every speaker when it is empty (quotes are ignored, case and accents folded).
 */
export function speakersByName(corpus: Corpus, partial: string): StoreSpeaker[] {
  const speakers = corpus.store.speakers;
  const folded = foldName(partial.replace(/"/g, ""));
  if (folded === "") return [...speakers];
  const starts = speakers.filter(
    (s) =>
      foldName(s.name).startsWith(folded) ||
      foldName(s.id).startsWith(folded) ||
      s.aliases.some((a) => foldName(a).startsWith(folded)),
  );
  const contains = speakers.filter((s) => !starts.includes(s) && foldName(s.name).includes(folded));
  return [...starts, ...contains];
}
