/**
 * Builds the compact index (./format.ts) from documents, with the tokenizer and term normaliser
 * of src/search/text.ts applied exactly as the MiniSearch backend applies them: terms are the
 * normalised tokens (empty ones dropped), term frequencies count occurrences, and a document's
 * field length is its number of distinct raw tokens (MiniSearch counts `new Set(tokens).size`
 * before normalising). The average field length is accumulated the way MiniSearch does, in the
 * order the documents are given, so BM25 scores agree to the last bit.
 *
 * Runtime-free.
 */
import type { BackendDocument } from "../interface";
import { normaliseTerm, tokenize } from "../../text";
import { packOccurrence, wordPositions } from "../../positions";
import { type PostingEntry, writeBlocks } from "./blocks";
import { NumberWriter } from "./codec";
import { TERM_SEPARATOR } from "./dictionary";
import {
  COMPACT_FORMAT,
  COMPACT_FORMAT_VERSION,
  type PairSections,
  type TermSections,
  stringifyIndexFile,
} from "./format";
import { bm25Saturation } from "./index-data";
import { OPEN_PAIR_WORDS, type TermPostings, commonWords, invertPairs, pairRule } from "./pairs";

/**
 * Statistics of a whole collection, for building one shard of it: BM25 then uses the
 * collection's document count, average field length and document frequencies, so a document
 * scores the same in its shard as in an index of the whole collection.
 */
export interface CollectionStatistics {
  documentCount: number;
  averageLength: number;
  /** Documents of the collection containing each term. */
  frequencies: ReadonlyMap<string, number>;
}

/**
 * Computes the statistics of a collection, as buildCompactIndex would over all of it: documents
 * in the order given (the average is accumulated in that order, as MiniSearch does).
 */
export function collectionStatistics(documents: Iterable<BackendDocument>): CollectionStatistics {
  const frequencies = new Map<string, number>();
  let documentCount = 0;
  let averageLength = 0;
  const seen = new Set<string>();
  for (const document of documents) {
    const tokens = tokenize(document.text);
    const length = new Set(tokens).size;
    averageLength = (averageLength * documentCount + length) / (documentCount + 1);
    documentCount++;
    seen.clear();
    for (const token of tokens) {
      const term = normaliseTerm(token);
      if (term && !seen.has(term)) {
        seen.add(term);
        frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
      }
    }
  }
  return { documentCount, averageLength, frequencies };
}

/** The inverted documents: postings per term and the length of each document. */
interface Inverted {
  postings: Map<string, TermPostings>;
  lengthOf: Map<number, number>;
  documentCount: number;
  averageLength: number;
  /** One more than the largest ordinal. */
  ordinals: number;
}

/** Checks an ordinal: an integer >= 0 below 2^31, not seen before. */
function checkOrdinal(ordinal: number, lengthOf: Map<number, number>): void {
  if (!Number.isInteger(ordinal) || ordinal < 0 || ordinal >= 2 ** 31)
    throw new Error(`compact index: document ordinal ${String(ordinal)} is not an integer >= 0`);
  if (lengthOf.has(ordinal))
    throw new Error(`compact index: duplicate document ordinal ${ordinal}`);
}

/** Adds one document's term frequencies and positions to the postings. */
function addPostings(inverted: Inverted, ordinal: number, text: string): void {
  const byTerm = new Map<string, number[]>();
  for (const word of wordPositions(text)) {
    const list = byTerm.get(word.term);
    if (list) list.push(packOccurrence(word));
    else byTerm.set(word.term, [packOccurrence(word)]);
  }
  for (const [term, occurrences] of byTerm) {
    let entry = inverted.postings.get(term);
    if (!entry) {
      if (term.includes(TERM_SEPARATOR))
        throw new Error(`compact index: term ${JSON.stringify(term)} contains a separator`);
      entry = { ordinals: [], frequencies: [], occurrences: [] };
      inverted.postings.set(term, entry);
    }
    entry.ordinals.push(ordinal);
    entry.frequencies.push(occurrences.length);
    entry.occurrences.push(occurrences);
  }
}

/** Inverts the documents: postings, lengths and the averages MiniSearch keeps. */
function invert(documents: readonly BackendDocument[]): Inverted {
  const inverted: Inverted = {
    postings: new Map(),
    lengthOf: new Map(),
    documentCount: 0,
    averageLength: 0,
    ordinals: 0,
  };
  for (const { ordinal, text } of documents) {
    checkOrdinal(ordinal, inverted.lengthOf);
    const tokens = tokenize(text);
    const length = new Set(tokens).size;
    inverted.lengthOf.set(ordinal, length);
    // As MiniSearch's addFieldLength: average over the documents so far, incrementally.
    const n = inverted.documentCount;
    inverted.averageLength = (inverted.averageLength * n + length) / (n + 1);
    inverted.documentCount++;
    if (ordinal + 1 > inverted.ordinals) inverted.ordinals = ordinal + 1;
    addPostings(inverted, ordinal, text);
  }
  return inverted;
}

/** A term's document frequency in the collection a shard belongs to, checked against the shard's. */
function collectionFrequency(
  collection: CollectionStatistics,
  term: string,
  entry: TermPostings,
): number {
  const frequency = collection.frequencies.get(term) ?? 0;
  if (frequency < entry.ordinals.length)
    throw new Error(
      `compact index: collection statistics count ${frequency} documents with ${JSON.stringify(term)}, the shard has ${entry.ordinals.length}`,
    );
  return frequency;
}

/** The writers of a list of terms' sections. */
interface WrittenSections {
  sizes: NumberWriter;
  postings: NumberWriter;
  frequencies: NumberWriter;
  blockSizes: NumberWriter;
  blocks: NumberWriter;
  positionSizes: NumberWriter;
  positions: NumberWriter;
}

/** The per-term sections of the file: postings, blocks and (for a shard) frequencies. */
function writeTermSections(
  inverted: Pick<Inverted, "postings" | "lengthOf" | "averageLength">,
  terms: string[],
  collection: CollectionStatistics | undefined,
): WrittenSections {
  const out: WrittenSections = {
    sizes: new NumberWriter(),
    postings: new NumberWriter(),
    frequencies: new NumberWriter(),
    blockSizes: new NumberWriter(),
    blocks: new NumberWriter(),
    positionSizes: new NumberWriter(),
    positions: new NumberWriter(),
  };
  const average = collection ? collection.averageLength : inverted.averageLength;
  const saturation = (posting: PostingEntry) =>
    bm25Saturation(posting.frequency, inverted.lengthOf.get(posting.ordinal) ?? 0, average);
  for (const term of terms) {
    const entry = inverted.postings.get(term);
    if (!entry) continue;
    const before = out.postings.length;
    const sorted = writePostings(out.postings, entry);
    out.sizes.write(out.postings.length - before);
    const positionsBefore = out.positions.length;
    const positionCharacters = writePositions(out.positions, entry, sorted.order);
    out.positionSizes.write(out.positions.length - positionsBefore);
    const blocksBefore = out.blocks.length;
    writeBlocks(out.blocks, sorted.postings, sorted.characters, saturation, positionCharacters);
    out.blockSizes.write(out.blocks.length - blocksBefore);
    if (collection) out.frequencies.write(collectionFrequency(collection, term, entry));
  }
  return out;
}

/**
 * Builds the serialised compact index. Throws on a bad or duplicate ordinal. With `collection`
 * (one shard of a larger collection), scores use the collection's statistics; every term of the
 * documents must be counted in them.
 */
export function buildCompactIndex(
  documents: Iterable<BackendDocument>,
  collection?: CollectionStatistics,
): string {
  const all = [...documents];
  const inverted = invert(all);
  const terms = sortedTerms(inverted.postings);
  const lengths = new NumberWriter();
  for (let ordinal = 0; ordinal < inverted.ordinals; ordinal++)
    lengths.write(inverted.lengthOf.get(ordinal) ?? 0);
  const sections = writeTermSections(inverted, terms, collection);
  return stringifyIndexFile({
    format: COMPACT_FORMAT,
    version: COMPACT_FORMAT_VERSION,
    documentCount: collection ? collection.documentCount : inverted.documentCount,
    ordinals: inverted.ordinals,
    averageLength: collection ? collection.averageLength : inverted.averageLength,
    terms: terms.length,
    lengths: lengths.toString(),
    ...termSections(terms, sections),
    pairs: pairSections(inverted, all),
    ...(collection ? { frequencies: sections.frequencies.toString() } : {}),
  });
}

function sortedTerms(postings: ReadonlyMap<string, unknown>): string[] {
  return [...postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The pairs of common words (./pairs.ts) as the file's `pairs` section. */
function pairSections(inverted: Inverted, documents: readonly BackendDocument[]): PairSections {
  const words = commonWords(inverted.postings);
  const open = Math.min(OPEN_PAIR_WORDS, words.length);
  const postings = invertPairs(documents, pairRule(words, open));
  const terms = sortedTerms(postings);
  const sections = writeTermSections({ ...inverted, postings }, terms, undefined);
  return {
    words: words.join(TERM_SEPARATOR),
    wordCount: words.length,
    openCount: open,
    terms: terms.length,
    ...termSections(terms, sections),
  };
}

/** The string sections of a list of terms from their writers. */
function termSections(terms: readonly string[], sections: WrittenSections): TermSections {
  return {
    dictionary: terms.join(TERM_SEPARATOR),
    postingSizes: sections.sizes.toString(),
    postings: sections.postings.toString(),
    blockSizes: sections.blockSizes.toString(),
    blocks: sections.blocks.toString(),
    positionSizes: sections.positionSizes.toString(),
    positions: sections.positions.toString(),
  };
}

/** Writes a term's postings; returns them in ordinal order with the characters each took. */
function writePostings(
  writer: NumberWriter,
  entry: TermPostings,
): { postings: PostingEntry[]; characters: number[]; order: number[] } {
  const order = entry.ordinals.map((_, i) => i);
  // Documents usually arrive in ordinal order; sort only when they did not.
  if (entry.ordinals.some((ordinal, i) => i > 0 && ordinal < (entry.ordinals[i - 1] ?? 0)))
    order.sort((a, b) => (entry.ordinals[a] ?? 0) - (entry.ordinals[b] ?? 0));
  writer.write(order.length);
  const postings: PostingEntry[] = [];
  const characters: number[] = [];
  let previous = -1;
  for (const i of order) {
    const ordinal = entry.ordinals[i] ?? 0;
    const frequency = entry.frequencies[i] ?? 1;
    const gap = ordinal - previous - 1;
    previous = ordinal;
    const before = writer.length;
    writer.write(gap * 2 + (frequency > 1 ? 1 : 0));
    if (frequency > 1) writer.write(frequency - 2);
    postings.push({ ordinal, frequency });
    characters.push(writer.length - before);
  }
  return { postings, characters, order };
}

/**
 * Writes a term's positions (./format.ts): per posting in `order`, each occurrence as
 * `gap * 4 + flags`, the gap from the previous occurrence in the document (the first: from -1).
 * Returns the characters each posting's positions took.
 */
function writePositions(
  writer: NumberWriter,
  entry: TermPostings,
  order: readonly number[],
): number[] {
  const characters: number[] = [];
  for (const i of order) {
    const before = writer.length;
    for (const value of entry.headers?.[i] ?? []) writer.write(value);
    let previous = -1;
    for (const packed of entry.occurrences[i] ?? []) {
      const position = packed >>> 2;
      writer.write((position - previous - 1) * 4 + (packed & 3));
      previous = position;
    }
    characters.push(writer.length - before);
  }
  return characters;
}
