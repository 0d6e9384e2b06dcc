/**
 * The store file (`files.store` in the manifest), pure ASCII JSON Lines:
 * - a header line: the format version, the corpus, the sessions, speakers and labels, the
 *   number of utterances;
 * - one line per WHOLE_COLUMNS column and per WHOLE_TABLES table: what queries read across
 *   every utterance (filters, ids, order; the procedural turns, the reuse table...);
 * - one line per ROW_CHUNK_SIZE consecutive ordinals holding their ROW_COLUMNS values and their
 *   entries of the ROW_TABLES: what only a shown hit needs (its locator, notes, documents,
 *   attribution).
 * Opening a corpus parses the header and finds the lines: a whole part is parsed the first time
 * it is read, a row chunk the first time one of its utterances is shown, so the first page
 * parses its 20 hits' rows, not the corpus's. (Parsing the whole store as one JSON object took a
 * third of a cold start at scale 1, with its garbage; parsing every part when first read moved
 * that cost to the first query.)
 *
 * To every reader the store is the plain CorpusStore: a whole part is a lazy getter replaced by
 * its value when first read; a row column or table is a Proxy over an array or object that reads
 * an index or key from its chunk, and fills itself in whole before anything else is asked of it
 * (its keys, its methods, an assignment), so every array and object operation still works.
 *
 * Runtime-free.
 */
import { stringifyAscii } from "./ascii-json";
import { type AssetContent, type AsciiText, asciiText } from "./asset-content";
import { AssetError } from "./errors";
import type { StoreFile, StoredUtteranceColumns } from "./schema";

/** Columns read across every utterance (filters, ids, chronological order): one line each. */
export const WHOLE_COLUMNS = [
  "session",
  "seq",
  "speaker",
] as const satisfies readonly (keyof StoredUtteranceColumns)[];
/** Columns read for a shown utterance only: in the row chunks. */
export const ROW_COLUMNS = [
  "label",
  "start",
  "end",
  "line",
  "endLine",
  "column",
  "endColumn",
] as const satisfies readonly (keyof StoredUtteranceColumns)[];
/** Tables and lists read whole: one line each. */
export const WHOLE_TABLES = [
  "empty",
  "procedural",
  "aliases",
  "reuse",
] as const satisfies readonly (keyof StoreFile)[];
/** Sparse tables keyed by ordinal, read for a shown utterance: in the row chunks. */
export const ROW_TABLES = [
  "annotations",
  "documents",
  "attributions",
] as const satisfies readonly (keyof StoreFile)[];

/** Consecutive ordinals per row chunk. */
export const ROW_CHUNK_SIZE = 32;

type WholeColumn = (typeof WHOLE_COLUMNS)[number];
type RowColumn = (typeof ROW_COLUMNS)[number];
type WholeTable = (typeof WHOLE_TABLES)[number];
type RowTable = (typeof ROW_TABLES)[number];
type SparseTable = Record<string, unknown>;

/** What the header line holds: every field but the parts, and the number of utterances. */
type StoreHeader = Omit<StoreFile, WholeTable | RowTable | "utterances"> & { utterances: number };

/** A row chunk as written: its ROW_COLUMNS slices, then its entries of each ROW_TABLES table. */
type RowChunk = (number[] | SparseTable)[];

/** A store file read: its fields (parts parsed on first read) and its number of utterances. */
export interface LoadedStoreFile {
  file: StoreFile;
  utterances: number;
}

/** Writes the store file: the header line, the whole parts, then the row chunks. */
export function writeStoreFile(file: StoreFile): string {
  const count = file.utterances.seq.length;
  const header: StoreHeader & Partial<Record<WholeTable | RowTable, unknown>> = {
    ...file,
    utterances: count,
  };
  for (const table of [...WHOLE_TABLES, ...ROW_TABLES]) delete header[table];
  const lines = [
    stringifyAscii(header),
    ...WHOLE_COLUMNS.map((column) => stringifyAscii(file.utterances[column])),
    ...WHOLE_TABLES.map((table) => stringifyAscii(file[table])),
  ];
  for (let first = 0; first < count; first += ROW_CHUNK_SIZE) {
    const end = Math.min(count, first + ROW_CHUNK_SIZE);
    const chunk: RowChunk = [
      ...ROW_COLUMNS.map((column) => file.utterances[column].slice(first, end)),
      ...ROW_TABLES.map((table) => entriesBetween(file[table], first, end)),
    ];
    lines.push(stringifyAscii(chunk));
  }
  return `${lines.join("\n")}\n`;
}

/** The entries of a table keyed by ordinal whose ordinal is in [first, end). */
function entriesBetween(table: SparseTable, first: number, end: number): SparseTable {
  const out: SparseTable = {};
  for (const [key, value] of Object.entries(table)) {
    const ordinal = Number(key);
    if (ordinal >= first && ordinal < end) out[key] = value;
  }
  return out;
}

const NEWLINE = 10;

/**
 * Reads a store file: parses its header, checks it with `checkHeader` (the format version), and
 * finds its lines, parsing nothing else. Throws an AssetError naming `name` when the header is
 * not JSON or the lines are not the parts; a part that is not valid JSON throws when first read.
 */
export function readStoreFile(
  content: AssetContent,
  name: string,
  checkHeader: (header: { formatVersion?: unknown }) => void,
): LoadedStoreFile {
  const text = asciiText(content, name);
  const lines = lineRanges(text, name);
  const header = parseLine<StoreHeader>(text, lines[0]!, name, "the header");
  checkHeader(header);
  const { utterances: count, ...fields } = header;
  const whole = WHOLE_COLUMNS.length + WHOLE_TABLES.length;
  const chunks = Math.ceil(count / ROW_CHUNK_SIZE);
  if (!isCount(count) || lines.length !== 1 + whole + chunks)
    throw new AssetError(
      `search: ${name}: ${lines.length} lines, a store of ${String(count)} utterances has ${1 + whole + chunks}: run npm run build`,
    );
  const part = (i: number, what: string) => () => parseLine(text, lines[1 + i]!, name, what);
  const columns = {} as StoredUtteranceColumns;
  WHOLE_COLUMNS.forEach((column: WholeColumn, i) =>
    defineLazy(columns, column, part(i, `column ${column}`)),
  );
  const file = { ...fields, utterances: columns } as StoreFile;
  WHOLE_TABLES.forEach((table: WholeTable, i) =>
    defineLazy(file, table, part(WHOLE_COLUMNS.length + i, table)),
  );
  const rows = rowChunks(text, lines.slice(1 + whole), name, count);
  ROW_COLUMNS.forEach((column: RowColumn, i) => {
    columns[column] = rowColumn(rows, i, count);
  });
  ROW_TABLES.forEach((table: RowTable, i) => {
    (file as unknown as Record<RowTable, SparseTable>)[table] = rowTable(
      rows,
      ROW_COLUMNS.length + i,
    );
  });
  return { file, utterances: count };
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

/** The row chunks, each parsed (and checked) on first use. */
interface RowChunks {
  count: number;
  chunk(index: number): RowChunk;
}

function rowChunks(
  text: AsciiText,
  lines: readonly [number, number][],
  name: string,
  utterances: number,
): RowChunks {
  const parsed: (RowChunk | undefined)[] = new Array<RowChunk | undefined>(lines.length);
  const parts = ROW_COLUMNS.length + ROW_TABLES.length;
  return {
    count: lines.length,
    chunk: (index) => {
      const known = parsed[index];
      if (known) return known;
      const chunk = parseLine<RowChunk>(text, lines[index]!, name, `row chunk ${index + 1}`);
      const size = Math.min(ROW_CHUNK_SIZE, utterances - index * ROW_CHUNK_SIZE);
      const fits =
        Array.isArray(chunk) &&
        chunk.length === parts &&
        chunk.every((c, i) =>
          i < ROW_COLUMNS.length
            ? Array.isArray(c) && c.length === size
            : c !== null && typeof c === "object" && !Array.isArray(c),
        );
      if (!fits)
        throw new AssetError(
          `search: ${name}: row chunk ${index + 1} is not ${parts} parts of ${size} utterances: run npm run build`,
        );
      return (parsed[index] = chunk);
    },
  };
}

/** A canonical array index ("0", "17"), or -1. */
function indexOf(key: string | symbol): number {
  if (typeof key !== "string" || key === "" || key.length > 10) return -1;
  const value = Number(key);
  return Number.isInteger(value) && value >= 0 && String(value) === key ? value : -1;
}

/**
 * A view of `target` that answers an index from `read` until `fill` has filled `target` in
 * whole, which any other operation (keys, methods, an assignment) does first.
 */
function chunkedView<T extends object>(
  target: T,
  fill: () => void,
  read: (index: number, key: string) => unknown,
  length?: number,
): T {
  let filled = false;
  const whole = (): T => {
    if (!filled) fill();
    filled = true;
    return target;
  };
  return new Proxy(target, {
    get: (_, key) => {
      const index = filled ? -1 : indexOf(key);
      if (index >= 0) return read(index, key as string);
      return key === "length" && length !== undefined ? length : Reflect.get(whole(), key);
    },
    has: (_, key) => Reflect.has(whole(), key),
    set: (_, key, value) => Reflect.set(whole(), key, value),
    ownKeys: () => Reflect.ownKeys(whole()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(whole(), key),
    deleteProperty: (_, key) => Reflect.deleteProperty(whole(), key),
  });
}

/** Column `part` of the row chunks as an array, read from its chunk by index. */
function rowColumn(rows: RowChunks, part: number, length: number): number[] {
  const target = new Array<number>(length);
  const fill = () => {
    for (let c = 0; c < rows.count; c++) {
      const values = rows.chunk(c)[part] as number[];
      for (let i = 0; i < values.length; i++) target[c * ROW_CHUNK_SIZE + i] = values[i]!;
    }
  };
  const read = (index: number) =>
    index < length
      ? (rows.chunk(Math.floor(index / ROW_CHUNK_SIZE))[part] as number[])[index % ROW_CHUNK_SIZE]
      : undefined;
  return chunkedView(target, fill, read, length);
}

/** Table `part` of the row chunks as an object keyed by ordinal, read from its chunk. */
function rowTable(rows: RowChunks, part: number): SparseTable {
  const target: SparseTable = {};
  const fill = () => {
    for (let c = 0; c < rows.count; c++) Object.assign(target, rows.chunk(c)[part]);
  };
  const read = (index: number, key: string) => {
    const chunk = Math.floor(index / ROW_CHUNK_SIZE);
    return chunk < rows.count ? (rows.chunk(chunk)[part] as SparseTable)[key] : undefined;
  };
  return chunkedView(target, fill, read);
}

/** Start and end of every line of the file (each must end with a newline). */
function lineRanges(text: AsciiText, name: string): [number, number][] {
  const lines: [number, number][] = [];
  for (let at = 0; at < text.length;) {
    const end = text.indexOf(NEWLINE, at);
    if (end < 0) throw new AssetError(`search: ${name}: the last line does not end`);
    lines.push([at, end]);
    at = end + 1;
  }
  if (lines.length === 0) throw new AssetError(`search: ${name}: empty: run npm run build`);
  return lines;
}

function parseLine<T>(
  text: AsciiText,
  [start, end]: [number, number],
  name: string,
  part: string,
): T {
  try {
    return JSON.parse(text.slice(start, end)) as T;
  } catch (error) {
    throw new AssetError(
      `search: ${name}: ${part} is not valid JSON (${(error as Error).message}): run npm run build`,
    );
  }
}

/**
 * Makes `key` of `target` a property computed on first read by `compute` (then a plain value);
 * an assignment before that replaces it.
 */
function defineLazy<T extends object>(
  target: T,
  key: keyof T & string,
  compute: () => unknown,
): void {
  const settle = (value: unknown) => {
    Object.defineProperty(target, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    return value;
  };
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => settle(compute()),
    set: (value: unknown) => settle(value),
  });
}
