/**
 * Counting utterances per session and per speaker: how facet panels and charts read the store's
 * session and speaker columns without touching them. Runtime-free.
 */
import type { Corpus } from "./corpus";
import type { StoreSession, StoreSpeaker } from "./schema";

/** How many of the utterances fall to one store entry. */
export interface Tally<T> {
  entry: T;
  count: number;
}

function tallyColumn<T>(
  ordinals: readonly number[],
  column: ArrayLike<number>,
  entries: readonly T[],
): Tally<T>[] {
  const counts = new Map<number, number>();
  for (const ordinal of ordinals) {
    const index = column[ordinal] ?? -1;
    counts.set(index, (counts.get(index) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a], [b]) => a - b)
    .flatMap(([index, count]) => {
      const entry = entries[index];
      return entry ? [{ entry, count }] : [];
    });
}

/** The sessions the utterances (by ordinal) belong to, with how many each: store (date) order. */
export function countBySession(corpus: Corpus, ordinals: readonly number[]): Tally<StoreSession>[] {
  return tallyColumn(ordinals, corpus.store.utterances.session, corpus.store.sessions);
}

/** The speakers of the utterances (by ordinal), with how many each: store order. */
export function countBySpeaker(corpus: Corpus, ordinals: readonly number[]): Tally<StoreSpeaker>[] {
  return tallyColumn(ordinals, corpus.store.utterances.speaker, corpus.store.speakers);
}
