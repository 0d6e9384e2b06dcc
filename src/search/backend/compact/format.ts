/**
 * The compact index file: one JSON object, pure ASCII, whose big fields are strings of
 * text-safe numbers (./codec.ts), so that loading it is one JSON.parse (a few long strings, no
 * object graph) plus typed-array decoding of the small per-document and per-term columns. The
 * postings stay encoded until a query needs them.
 *
 * Sections:
 * - `dictionary`: the terms, sorted (UTF-16 code unit order), joined by TERM_SEPARATOR; non-ASCII
 *   characters are written as JSON \u escapes so the file (and the other sections) stay ASCII.
 * - `lengths`: for every ordinal 0..ordinals-1, the document's field length (its number of
 *   distinct tokens, as MiniSearch counts it; 0 for an ordinal that is not indexed).
 * - `postingSizes`: for every term, the number of characters of its postings.
 * - `frequencies` (optional, in a shard of a larger collection): for every term, its document
 *   frequency in the whole collection; `documentCount` and `averageLength` are then the
 *   collection's too, so the shard scores every document exactly as one index over the whole
 *   collection would (see ../shards.ts).
 * - `postings`: for every term, in dictionary order: its document frequency, then for every
 *   document (ascending ordinal): `gap * 2 + (frequency > 1 ? 1 : 0)` where gap is the ordinal
 *   minus the previous one minus 1 (the first: the ordinal itself), followed by `frequency - 2`
 *   when the frequency is above 1.
 * - `blockSizes`: for every term, the number of characters of its block entries (0 for a term
 *   with at most BLOCK_SIZE documents); `blocks`: those entries, in dictionary order: the
 *   block-max metadata of ./blocks.ts (version 2).
 * - `positionSizes`: for every term, the number of characters of its positions; `positions`:
 *   those, in dictionary order (version 3): for every posting of the term (ascending ordinal),
 *   its `frequency` occurrences, each `gap * 4 + (joined ? 2 : 0) + (exact ? 1 : 0)` where gap is
 *   the word position minus the previous occurrence's in the document minus 1 (the first: the
 *   position itself); positions and flags as src/search/positions.ts defines them. Read only for
 *   phrase and proximity queries (./positions.ts).
 * - `pairs`: the pairs of common words (./pairs.ts): the same term sections for the pair terms,
 *   except that each posting's positions begin with its two words' term frequencies minus one.
 *
 * Runtime-free.
 */
import { stringifyAscii } from "../../ascii-json";

/** The `format` field of a compact index. */
export const COMPACT_FORMAT = "caption-compact-index";
/**
 * Version of the layout above. Bump on any incompatible change (2: block-max sections; 3: word
 * positions).
 */
export const COMPACT_FORMAT_VERSION = 3;

/**
 * The pairs of common words (./pairs.ts), in the layout of the file's own term sections: the
 * common words (sorted by document frequency, joined by TERM_SEPARATOR), then the pair terms'
 * dictionary, postings, blocks and positions. Scores never come from here (a pair's documents
 * are scored by its words' postings), so there are no frequencies.
 */
export interface PairSections extends TermSections {
  words: string;
  wordCount: number;
  /** The first `openCount` words pair with any word (./pairs.ts OPEN_PAIR_WORDS). */
  openCount: number;
  terms: number;
}

/** The string sections every list of terms has: the main index's, and the pairs'. */
export const TERM_SECTIONS = [
  "dictionary",
  "postingSizes",
  "postings",
  "blockSizes",
  "blocks",
  "positionSizes",
  "positions",
] as const;

export type TermSections = Record<(typeof TERM_SECTIONS)[number], string>;

/** The parsed file (the sections still encoded). */
export interface CompactIndexFile extends TermSections {
  format: typeof COMPACT_FORMAT;
  version: number;
  /** Number of indexed documents (MiniSearch's documentCount). */
  documentCount: number;
  /** Size of the ordinal space: the largest indexed ordinal plus one. */
  ordinals: number;
  /** Average field length, computed as MiniSearch computes it (incrementally, in build order). */
  averageLength: number;
  /** Number of terms. */
  terms: number;
  lengths: string;
  pairs: PairSections;
  /** Collection-wide document frequencies (a shard); absent: the postings' own counts. */
  frequencies?: string;
}

/** Writes the file's JSON with every non-ASCII character escaped. */
export function stringifyIndexFile(file: CompactIndexFile): string {
  return stringifyAscii(file);
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

/** Parses and checks the file's header fields. Throws an Error saying what is wrong. */
export function parseIndexFile(text: string): CompactIndexFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`compact index: not valid JSON (${(error as Error).message})`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
    throw new Error("compact index: not a JSON object");
  const file = parsed as Partial<Record<keyof CompactIndexFile, unknown>>;
  if (file.format !== COMPACT_FORMAT)
    throw new Error(
      `compact index: format ${JSON.stringify(file.format)} is not ${JSON.stringify(COMPACT_FORMAT)}`,
    );
  if (file.version !== COMPACT_FORMAT_VERSION)
    throw new Error(
      `compact index: version ${JSON.stringify(file.version)} does not match ${COMPACT_FORMAT_VERSION}`,
    );
  for (const key of ["documentCount", "ordinals", "terms"] as const) {
    if (!isCount(file[key])) throw new Error(`compact index: ${key} is not a count`);
  }
  if (typeof file.averageLength !== "number" || !(file.averageLength >= 0))
    throw new Error("compact index: averageLength is not a number");
  for (const key of ["lengths", ...TERM_SECTIONS] as const) {
    if (typeof file[key] !== "string") throw new Error(`compact index: ${key} is not a string`);
  }
  if (file.frequencies !== undefined && typeof file.frequencies !== "string")
    throw new Error("compact index: frequencies is not a string");
  checkPairs(file.pairs);
  return file as CompactIndexFile;
}

/** Checks the `pairs` section's fields. */
function checkPairs(pairs: unknown): asserts pairs is PairSections {
  if (pairs === null || typeof pairs !== "object" || Array.isArray(pairs))
    throw new Error("compact index: pairs is not an object");
  const section = pairs as Partial<Record<keyof PairSections, unknown>>;
  for (const key of ["wordCount", "openCount", "terms"] as const)
    if (!isCount(section[key])) throw new Error(`compact index: pairs.${key} is not a count`);
  for (const key of ["words", ...TERM_SECTIONS] as const) {
    if (typeof section[key] !== "string")
      throw new Error(`compact index: pairs.${key} is not a string`);
  }
}
