/**
 * Which parsed transcripts the scraper keeps, decided from the parsed header (body and title),
 * never from the text of the link that led to the file, and from the conference profile's kept
 * bodies (`sources.keptBodies`). Pure.
 */
import type { ConferenceProfile } from "../../src/conferences/profile";
import type { Body, SessionRecord } from "../../src/domain";

export type Selection = { keep: true; note?: string } | { keep: false; reason: string };

/** Fewest labelled speaker turns for a file to count as a transcript. */
export const MIN_LABELLED_TURNS = 2;

/** The profile's kept bodies by name, joined: "Plenary and Committee 5", "A, B or C". */
export function keptBodiesText(profile: ConferenceProfile, conjunction: "and" | "or"): string {
  const name = (id: Body): string => profile.bodies.find((b) => b.id === id)?.name ?? id;
  const names = profile.sources.keptBodies.map(name);
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${conjunction} ${names.at(-1) ?? ""}`;
}

/**
 * Keep or skip one parsed transcript, with the reason for a skip. A file with fewer than
 * MIN_LABELLED_TURNS labelled turns is no transcript. A transcript whose header names no body
 * (no title line, as one real plenary and the rough live versions) is kept with a note: it
 * cannot be told apart from a session of a kept body, and nothing is to be lost.
 */
export function selectSession(
  record: Pick<SessionRecord, "body" | "title" | "utterances">,
  all: boolean,
  profile: ConferenceProfile,
): Selection {
  const labelled = record.utterances.filter((u) => u.speaker.raw !== null && !u.empty).length;
  if (labelled < MIN_LABELLED_TURNS) {
    return {
      keep: false,
      reason: `not a transcript: ${labelled} labelled speaker turn(s), at least ${MIN_LABELLED_TURNS} expected`,
    };
  }
  const kept: readonly Body[] = profile.sources.keptBodies;
  if (all || (record.body !== null && kept.includes(record.body))) return { keep: true };
  if (record.body === null) {
    return {
      keep: true,
      note: `the header names no body (no title line): kept, as it may be a ${keptBodiesText(profile, "or")} session`,
    };
  }
  const title = record.title === null ? "no title line" : `title ${JSON.stringify(record.title)}`;
  return {
    keep: false,
    reason: `${record.body} session (${title}): only ${keptBodiesText(profile, "and")} sessions are kept (use --all for the rest)`,
  };
}
