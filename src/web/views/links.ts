/**
 * The page URLs, in one place, so every view links the same way.
 */
import { documentRefSlug } from "../../document-refs";

/** A session's transcript page. */
export function sessionHref(sessionId: string): string {
  return `/sessions/${encodeURIComponent(sessionId)}`;
}

/** An utterance in its transcript: highlighted server-side (?u=) and scrolled to (#u-). */
export function inContextHref(sessionId: string, seq: number): string {
  return `${sessionHref(sessionId)}?u=${seq}#${utteranceAnchor(seq)}`;
}

/** A session's extracted text with the span [start, end) marked, scrolled to its first line. */
export function sourceTextHref(
  sessionId: string,
  span: { start: number; end: number; line: number },
): string {
  return `${sessionHref(sessionId)}/text?start=${span.start}&end=${span.end}#L${span.line}`;
}

/** The anchor id of an utterance in a transcript page. */
export function utteranceAnchor(seq: number): string {
  return `u-${seq}`;
}

/** A speaker's page. */
export function speakerHref(speakerId: string): string {
  return `/speakers/${encodeURIComponent(speakerId)}`;
}

/** A document reference's page, by its slug ("DT/30-REV3" -> /documents/dt-30-rev3). */
export function documentHref(documentId: string): string {
  return `/documents/${encodeURIComponent(documentRefSlug(documentId))}`;
}

/** The phrase page for a phrase (and an optional comparison). */
export function phraseHref(phrase: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ q: phrase, ...extra });
  return `/phrase?${params.toString()}`;
}

/** An utterance's own page (the permalink path). */
export function utteranceHref(utteranceId: string): string {
  return `/utterances/${encodeURIComponent(utteranceId)}`;
}

/** A conference's page: its bodies and sessions. */
export function conferenceHref(conferenceId: string): string {
  return `/conferences/${encodeURIComponent(conferenceId)}`;
}
