/**
 * Which parsed transcripts the scraper keeps, decided from the parsed header (body and title),
 * never from the text of the link that led to the file. Pure.
 */
import type { Body, SessionRecord } from "../../src/domain";

/** Bodies kept by default; the rest needs --all. */
export const KEPT_BODIES: readonly Body[] = ["plenary", "committee-5"];

export type Selection = { keep: true; note?: string } | { keep: false; reason: string };

/** Fewest labelled speaker turns for a file to count as a transcript. */
export const MIN_LABELLED_TURNS = 2;

/**
 * Keep or skip one parsed transcript, with the reason for a skip. A file with fewer than
 * MIN_LABELLED_TURNS labelled turns is no transcript. A transcript whose header names no body
 * (no title line, as one real plenary and the rough live versions) is kept with a note: it
 * cannot be told apart from a plenary or Committee 5 session, and nothing is to be lost.
 */
export function selectSession(
  record: Pick<SessionRecord, "body" | "title" | "utterances">,
  all: boolean,
): Selection {
  const labelled = record.utterances.filter((u) => u.speaker.raw !== null && !u.empty).length;
  if (labelled < MIN_LABELLED_TURNS) {
    return {
      keep: false,
      reason: `not a transcript: ${labelled} labelled speaker turn(s), at least ${MIN_LABELLED_TURNS} expected`,
    };
  }
  if (all || (record.body !== null && KEPT_BODIES.includes(record.body))) return { keep: true };
  if (record.body === null) {
    return {
      keep: true,
      note: "the header names no body (no title line): kept, as it may be a plenary or Committee 5 session",
    };
  }
  const title = record.title === null ? "no title line" : `title ${JSON.stringify(record.title)}`;
  return {
    keep: false,
    reason: `${record.body} session (${title}): only plenary and Committee 5 sessions are kept (use --all for the rest)`,
  };
}
