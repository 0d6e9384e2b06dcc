/**
 * The compact index file, pure ASCII: a header line (JSON: the counts, the pairs' words, and the
 * size of every section in file order), then the sections one after the other, each a string of
 * text-safe numbers (./codec.ts), except the dictionaries, which are JSON string literals (their
 * terms may be non-ASCII, written as \u escapes). Loading reads the header and finds the
 * sections by their sizes; a section is decoded (from the asset's bytes: ../../asset-content.ts)
 * the first time a query reads it, so a term query never pays for the positions and a cold
 * start decodes almost nothing. (Format 3 was one JSON object: one JSON.parse of every section,
 * 8 MB at scale 1, before the first answer.)
 *
 * Sections:
 * - `dictionary`: the terms, sorted (UTF-16 code unit order), joined by TERM_SEPARATOR.
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
 *   block-max metadata of ./blocks.ts.
 * - `positionSizes`: for every term, the number of characters of its positions; `positions`:
 *   those, in dictionary order: for every posting of the term (ascending ordinal), its
 *   `frequency` occurrences, each `gap * 4 + (joined ? 2 : 0) + (exact ? 1 : 0)` where gap is
 *   the word position minus the previous occurrence's in the document minus 1 (the first: the
 *   position itself); positions and flags as src/search/positions.ts defines them. Read only for
 *   phrase and proximity queries (./positions.ts).
 * - `pairs.*`: the pairs of common words (./pairs.ts): the same term sections for the pair
 *   terms, except that each posting's positions begin with its two words' term frequencies minus
 *   one; the header's `pairs` says which words pair.
 *
 * Runtime-free.
 */
import { stringifyAscii } from "../../ascii-json";
import { type AssetContent, type AsciiText, asciiText } from "../../asset-content";

/** The `format` field of a compact index. */
export const COMPACT_FORMAT = "caption-compact-index";
/**
 * Version of the layout above. Bump on any incompatible change (2: block-max sections; 3: word
 * positions; 4: a header line and sections read on demand).
 */
export const COMPACT_FORMAT_VERSION = 4;

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

/** The counts and the pairs' words: everything of the file but its sections. */
export type IndexHeaderFields = Omit<CompactIndexFile, SectionName | "pairs" | "frequencies"> & {
  pairs: Omit<PairSections, TermSection>;
};

/** The header line as written: the fields, and the size of every section in file order. */
interface IndexHeader extends IndexHeaderFields {
  sections: [string, number][];
}

type TermSection = (typeof TERM_SECTIONS)[number];
/** The index's own sections (frequencies only in a shard). */
type SectionName = TermSection | "lengths" | "frequencies";
/** A section of the file: the index's own, or one of the pairs' ("pairs.postings"). */
export type IndexSection = SectionName | `pairs.${TermSection}`;

/** Sections written as JSON string literals (their terms may be non-ASCII). */
const JSON_SECTIONS: ReadonlySet<string> = new Set(["dictionary", "pairs.dictionary"]);

/** The sections of a file in the order they are written, with their texts. */
function sectionsOf(file: CompactIndexFile): [IndexSection, string][] {
  const sections: [IndexSection, string][] = [
    ["lengths", file.lengths],
    ...TERM_SECTIONS.map((name): [IndexSection, string] => [name, file[name]]),
    ...TERM_SECTIONS.map((name): [IndexSection, string] => [`pairs.${name}`, file.pairs[name]]),
  ];
  if (file.frequencies !== undefined) sections.push(["frequencies", file.frequencies]);
  return sections.map(([name, text]) => [
    name,
    JSON_SECTIONS.has(name) ? stringifyAscii(text) : text,
  ]);
}

/** Writes the file: its header line, then its sections. Pure ASCII. */
export function stringifyIndexFile(file: CompactIndexFile): string {
  const sections = sectionsOf(file);
  const header: IndexHeader = {
    format: file.format,
    version: file.version,
    documentCount: file.documentCount,
    ordinals: file.ordinals,
    averageLength: file.averageLength,
    terms: file.terms,
    pairs: {
      words: file.pairs.words,
      wordCount: file.pairs.wordCount,
      openCount: file.pairs.openCount,
      terms: file.pairs.terms,
    },
    sections: sections.map(([name, text]) => [name, text.length]),
  };
  for (const [name, text] of sections) {
    if (/[^\x20-\x7e]/.test(text)) throw new Error(`compact index: section ${name} is not ASCII`);
  }
  return `${stringifyAscii(header)}\n${sections.map(([, text]) => text).join("")}`;
}

/** A section read on demand: its size, and its text, decoded on first use. */
export interface LazySection {
  /** Characters in the file (of a dictionary: of its JSON literal). */
  readonly length: number;
  text(): string;
}

/** A loaded file: its header fields, and its sections, read on demand. */
export interface LoadedIndexFile {
  header: IndexHeaderFields;
  /** A section; throws for one the file does not have. */
  section(name: IndexSection): LazySection;
  /** True when the file has this (optional) section. */
  has(name: IndexSection): boolean;
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

const NEWLINE = 10;

/**
 * Reads the header and locates the sections; decodes none. Throws an Error saying what is wrong
 * (a bad header, another format or version, a section missing or not where its size says).
 */
export function loadIndexFile(content: AssetContent): LoadedIndexFile {
  const text = asciiText(content, "compact index");
  const headerEnd = text.indexOf(NEWLINE, 0);
  if (headerEnd < 0) throw new Error("compact index: no header line");
  const header = parseHeader(text.slice(0, headerEnd));
  const sections = new Map<string, { start: number; length: number }>();
  let at = headerEnd + 1;
  for (const [name, length] of header.sections) {
    sections.set(name, { start: at, length });
    at += length;
  }
  for (const name of ["lengths", ...TERM_SECTIONS, ...TERM_SECTIONS.map((s) => `pairs.${s}`)]) {
    if (!sections.has(name)) throw new Error(`compact index: no ${name} section`);
  }
  if (at !== text.length)
    throw new Error(
      `compact index: sections add up to ${at - headerEnd - 1} characters, the file has ${text.length - headerEnd - 1}`,
    );
  const { sections: _sizes, ...fields } = header;
  return {
    header: fields,
    has: (name) => sections.has(name),
    section: (name) => {
      const place = sections.get(name);
      if (!place) throw new Error(`compact index: no ${name} section`);
      return lazySection(text, name, place.start, place.length);
    },
  };
}

/** A section of `text` decoded on first use (a JSON section parsed). */
function lazySection(text: AsciiText, name: string, start: number, length: number): LazySection {
  let decoded: string | undefined;
  const decode = (): string => {
    const raw = text.slice(start, start + length);
    if (!JSON_SECTIONS.has(name)) return raw;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      throw new Error(`compact index: ${name} is not valid JSON (${(error as Error).message})`);
    }
    if (typeof parsed !== "string") throw new Error(`compact index: ${name} is not a string`);
    return parsed;
  };
  return {
    length,
    text: () => (decoded ??= decode()),
  };
}

/** Parses and checks the header line. */
function parseHeader(line: string): IndexHeader {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    throw new Error(`compact index: header is not valid JSON (${(error as Error).message})`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
    throw new Error("compact index: header is not a JSON object");
  const header = parsed as Partial<Record<keyof IndexHeader, unknown>>;
  if (header.format !== COMPACT_FORMAT)
    throw new Error(
      `compact index: format ${JSON.stringify(header.format)} is not ${JSON.stringify(COMPACT_FORMAT)}`,
    );
  if (header.version !== COMPACT_FORMAT_VERSION)
    throw new Error(
      `compact index: version ${JSON.stringify(header.version)} does not match ${COMPACT_FORMAT_VERSION}`,
    );
  for (const key of ["documentCount", "ordinals", "terms"] as const) {
    if (!isCount(header[key])) throw new Error(`compact index: ${key} is not a count`);
  }
  if (typeof header.averageLength !== "number" || !(header.averageLength >= 0))
    throw new Error("compact index: averageLength is not a number");
  checkPairs(header.pairs);
  checkSizes(header.sections);
  return header as IndexHeader;
}

/** Checks the header's `pairs` fields. */
function checkPairs(pairs: unknown): void {
  if (pairs === null || typeof pairs !== "object" || Array.isArray(pairs))
    throw new Error("compact index: pairs is not an object");
  const section = pairs as Partial<Record<keyof PairSections, unknown>>;
  for (const key of ["wordCount", "openCount", "terms"] as const)
    if (!isCount(section[key])) throw new Error(`compact index: pairs.${key} is not a count`);
  if (typeof section.words !== "string")
    throw new Error("compact index: pairs.words is not a string");
}

/** Checks the header's list of sections: names, each once, with sizes. */
function checkSizes(sections: unknown): void {
  if (!Array.isArray(sections)) throw new Error("compact index: sections is not a list");
  const seen = new Set<unknown>();
  for (const entry of sections as unknown[]) {
    const [name, size] = Array.isArray(entry) ? (entry as unknown[]) : [];
    if (typeof name !== "string" || !isCount(size) || seen.has(name))
      throw new Error(`compact index: sections has a bad entry ${JSON.stringify(entry)}`);
    seen.add(name);
  }
}

/**
 * The whole file with every section decoded, as written (tests tamper with it and write it
 * again with stringifyIndexFile).
 */
export function readIndexFile(content: AssetContent): CompactIndexFile {
  const file = loadIndexFile(content);
  const read = (name: IndexSection) => file.section(name).text();
  const terms = (prefix: "" | "pairs.") =>
    Object.fromEntries(
      TERM_SECTIONS.map((name) => [name, read(`${prefix}${name}` as IndexSection)]),
    ) as TermSections;
  return {
    ...file.header,
    lengths: read("lengths"),
    ...terms(""),
    pairs: { ...file.header.pairs, ...terms("pairs.") },
    ...(file.has("frequencies") ? { frequencies: read("frequencies") } : {}),
  };
}
