import { conferenceById } from "../../src/conferences/registry";
import type { SessionHeader } from "../../src/domain";

/**
 * The id of a session, stable across runs and readable in URLs:
 * "plenary-1", "committee-5-3", "working-group-6"; without a meeting number, the body (or
 * "session") with date and time: "plenary-2012-12-10-1930". A rough live version gets "-rough".
 * The conference's profile prefixes it ("pp-14-plenary-3"); WCIT-12's prefix is "", so the first
 * corpus's ids stay as they were; a session of no known conference has no prefix.
 */
export function sessionId(header: SessionHeader, version: "finished" | "rough"): string {
  const prefix = conferenceById(header.conference)?.sessionIdPrefix ?? "";
  return `${prefix}${bodyPart(header, version)}`;
}

function bodyPart(header: SessionHeader, version: "finished" | "rough"): string {
  const body = header.body ?? "session";
  let base: string;
  if (header.number !== null) {
    base = `${body}-${header.number}`;
  } else {
    const date = header.date ?? "undated";
    const time = header.time ? `-${header.time.replace(":", "")}` : "";
    base = `${body}-${date}${time}`;
  }
  return version === "rough" ? `${base}-rough` : base;
}

/**
 * The id a session's header asked for: its id without the hash suffix a conflict gave it
 * ("plenary-1-3f2a9c01" -> "plenary-1"; see identity.ts).
 */
export function claimedId(id: string): string {
  return id.replace(/-[0-9a-f]{8,64}$/, "");
}

/** The id shared by all versions of one session (the rough suffix removed). */
export function sessionKey(id: string): string {
  return id.replace(/-rough$/, "");
}

/**
 * Which version a transcript is: a RAW COPY, or a transcript with no status line at all (the
 * rough live captions carry no header), is "rough"; finished and final ones are "finished".
 */
export function transcriptVersion(header: SessionHeader): "finished" | "rough" {
  return header.status === "finished" || header.status === "final" ? "finished" : "rough";
}
