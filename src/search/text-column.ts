/**
 * The utterance texts, by ordinal, and their asset (`files.utteranceTexts` in the manifest):
 * one line per chunk of TEXT_CHUNK_SIZE consecutive ordinals, each line a JSON array of the
 * chunk's texts written as pure ASCII (./ascii-json.ts). Opening a corpus reads the file but
 * decodes and parses nothing (it finds where the lines start): a chunk is decoded from the
 * asset's bytes (./asset-content.ts) and parsed the first time one of its texts is asked for, so
 * a query pays for the chunks of the texts it shows or checks, not for the whole corpus. (The
 * texts are 90 % of the store; parsing them all took more than half of a cold start at scale 1,
 * decoding them a fifth.) Chunks are small, so that a page of hits from as many chunks parses
 * little more than its own texts.
 *
 * Runtime-free.
 */
import { stringifyAscii } from "./ascii-json";
import { type AssetContent, type AsciiText, asciiText } from "./asset-content";
import { AssetError } from "./errors";

/** The texts of the utterances, by ordinal. */
export interface TextColumn {
  /** Number of utterances. */
  readonly length: number;
  /** The text of an ordinal; undefined outside 0..length-1. */
  get(ordinal: number): string | undefined;
}

/** Consecutive ordinals per line of the texts asset. */
export const TEXT_CHUNK_SIZE = 32;

/** A column over texts held in memory (the build's, tests'). */
export function textArray(values: readonly string[]): TextColumn {
  return {
    get length() {
      return values.length;
    },
    get: (ordinal) => values[ordinal],
  };
}

/** Every text of a column, in ordinal order. */
export function allTexts(column: TextColumn): string[] {
  return Array.from({ length: column.length }, (_, ordinal) => column.get(ordinal) ?? "");
}

/** The texts asset: one ASCII JSON array per chunk of TEXT_CHUNK_SIZE ordinals, one per line. */
export function writeTextChunks(texts: readonly string[]): string {
  const lines: string[] = [];
  for (let first = 0; first < texts.length; first += TEXT_CHUNK_SIZE)
    lines.push(stringifyAscii(texts.slice(first, first + TEXT_CHUNK_SIZE)));
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/** Where each line of the file starts; throws unless it has the chunks of `length` ordinals. */
function lineStarts(file: AsciiText, length: number, name: string): number[] {
  const starts: number[] = [];
  for (let at = 0; at < file.length;) {
    starts.push(at);
    const end = file.indexOf(NEWLINE, at);
    if (end < 0) throw new AssetError(`search: ${name}: the last line does not end`);
    at = end + 1;
  }
  const expected = Math.ceil(length / TEXT_CHUNK_SIZE);
  if (starts.length !== expected)
    throw new AssetError(
      `search: ${name}: ${starts.length} chunks of texts, the store has ${length} utterances (${expected} chunks): run npm run build`,
    );
  return starts;
}

/** One line of the asset, as text; an AssetError when it is not ASCII. */
function lineText(file: AsciiText, start: number, end: number): string {
  try {
    return file.slice(start, end);
  } catch (error) {
    throw new AssetError(`search: ${(error as Error).message}`);
  }
}

function parseChunk(line: string, size: number, name: string, chunk: number): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    throw new AssetError(
      `search: ${name}: line ${chunk + 1} is not valid JSON (${(error as Error).message}): run npm run build`,
    );
  }
  if (!Array.isArray(parsed) || parsed.length !== size || parsed.some((t) => typeof t !== "string"))
    throw new AssetError(
      `search: ${name}: line ${chunk + 1} is not an array of ${size} texts: run npm run build`,
    );
  return parsed as string[];
}

const NEWLINE = 10;

/**
 * A column over the texts asset `content` (named `name` in errors) of `length` utterances,
 * parsing each chunk on first use. Throws an AssetError naming the file when its chunks do not
 * fit (on open), or when a chunk is not ASCII JSON (on first use).
 */
export function chunkedTexts(content: AssetContent, length: number, name: string): TextColumn {
  const file = asciiText(content, name);
  const starts = lineStarts(file, length, name);
  const chunks: (string[] | undefined)[] = new Array<string[] | undefined>(starts.length);
  const chunkOf = (chunk: number): string[] => {
    const parsed = chunks[chunk];
    if (parsed) return parsed;
    const start = starts[chunk] ?? 0;
    const end = (starts[chunk + 1] ?? file.length) - 1;
    const size = Math.min(TEXT_CHUNK_SIZE, length - chunk * TEXT_CHUNK_SIZE);
    return (chunks[chunk] = parseChunk(lineText(file, start, end), size, name, chunk));
  };
  return {
    length,
    get: (ordinal) =>
      Number.isInteger(ordinal) && ordinal >= 0 && ordinal < length
        ? chunkOf(Math.floor(ordinal / TEXT_CHUNK_SIZE))[ordinal % TEXT_CHUNK_SIZE]
        : undefined,
  };
}
