/**
 * Flattens records into the plain documents the reference systems index: one per utterance,
 * with the fields filters and chronological sorting need.
 */
import type { SessionRecord } from "../../src/domain";
import { inSessionOrder } from "../../src/search/session-order";

/** An utterance as the reference systems see it. */
export interface FlatDocument {
  id: string;
  text: string;
  speaker: string;
  body: string;
  date: string;
  /** Rank in chronological order (session date, time, id; then position in the session). */
  order: number;
}

/** Flattens records, numbering utterances in chronological order. */
export function flattenRecords(records: readonly SessionRecord[]): FlatDocument[] {
  const sessions = inSessionOrder(records);
  const documents: FlatDocument[] = [];
  for (const record of sessions) {
    const utterances = [...record.utterances].sort((a, b) => a.seq - b.seq);
    for (const utterance of utterances) {
      documents.push({
        id: utterance.id,
        text: utterance.text,
        speaker: utterance.speaker.id,
        body: record.body ?? "other",
        date: record.date ?? "",
        order: documents.length,
      });
    }
  }
  return documents;
}
