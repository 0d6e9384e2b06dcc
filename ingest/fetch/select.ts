/**
 * Which parsed transcripts the scraper keeps, decided from the parsed header (body and title),
 * never from the text of the link that led to the file. Pure.
 */
import type { Body, SessionRecord, SourceFormat } from "../../src/domain";

/** Bodies kept by default; the rest needs --all. */
export const KEPT_BODIES: readonly Body[] = ["plenary", "committee-5"];

export type Selection = { keep: true } | { keep: false; reason: string };

/** Keep or skip one parsed transcript, with the reason for a skip. */
export function selectSession(
  record: Pick<SessionRecord, "body" | "title" | "utterances">,
  all: boolean,
): Selection {
  if (record.utterances.length === 0) {
    return { keep: false, reason: "no speaker turns found: not a transcript" };
  }
  if (all || (record.body !== null && KEPT_BODIES.includes(record.body))) return { keep: true };
  const title = record.title === null ? "no title line" : `title ${JSON.stringify(record.title)}`;
  const body = record.body ?? "unknown body";
  return {
    keep: false,
    reason: `${body} session (${title}): only plenary and Committee 5 sessions are kept (use --all for the rest)`,
  };
}

/** Preference among copies of one session in different files: the ITU's own Word files first. */
export const FORMAT_PREFERENCE: readonly SourceFormat[] = ["docx", "doc", "pdf", "html", "txt"];

/** Sort key of a copy: lower is better. */
export function copyRank(format: SourceFormat): number {
  const rank = FORMAT_PREFERENCE.indexOf(format);
  return rank < 0 ? FORMAT_PREFERENCE.length : rank;
}
