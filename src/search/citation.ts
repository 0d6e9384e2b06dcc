/**
 * Citations: who said the words, where and when, how sure the record is of it, and where to find
 * them. Every citation says:
 * - the speaker the words are attributed to, and the label as captioned when it differs;
 * - the conference by its profile's name and place ("Conference not identified" for a session of
 *   no known conference);
 * - the session by its human name (session-name.ts), the turn number, the date, and the time the
 *   session began ("session began 18:30 (Dubai)"), never presented as the time of the words;
 * - any re-attribution by a captioner's note, naming the label the captions gave (A1-A3 below);
 * - the normalised transcript status and the captioner's caveat;
 * - the source file and a locator that finds the words (locator.ts), and the permalink;
 * - for the synthetic sample, that it is synthetic.
 *
 * Attribution statements:
 * A1 words moved by a note: 'Captioned under the label LEBANON; attributed to Egypt by the
 *    captioner's note "(That was Egypt speaking)".'
 * A2 only the words after a line break moved: '... these words, after a line break, attributed
 *    to Chile by the captioner's note "(That was Chile speaking)".'
 * A3 uncertain: 'Attribution uncertain: captioned under the label MEXICO; the captioner's note
 *    "(That was Peru speaking)" may give some or all of these words to Peru.'
 *
 * Runtime-free.
 */
import { conferenceById } from "../conferences/registry";
import { CAPTION_CAVEAT, SYNTHETIC_NOTICE, type Attribution } from "../domain";
import { type Corpus, sessionOfUtterance, utteranceId } from "./corpus";
import { sourceLocation, utteranceLocator } from "./locator";
import { formatDate, sessionName, sessionTimes, statusName } from "./session-name";
import { foldName } from "./text";
import type { Citation, SpeakerRef } from "./types";

/** Options for presenting results. */
export interface PresentOptions {
  /** Origin to make permalinks absolute ("https://example.org"); paths when absent. */
  baseUrl?: string;
}

/** Path of an utterance's page. */
export function utterancePath(id: string): string {
  return `/utterances/${encodeURIComponent(id)}`;
}

/** The utterance's permalink: absolute with a base URL, else a path. */
export function permalink(id: string, options: PresentOptions): string {
  return `${options.baseUrl ?? ""}${utterancePath(id)}`;
}

/** "the label LEBANON", or "no label" for an unlabelled turn. */
function labelPhrase(labelled: string | null): string {
  return labelled === null ? "without a label" : `under the label ${labelled}`;
}

/** A1-A3: what a citation says of a re-attribution, or null when none touched the words. */
export function attributionStatement(
  a: Attribution | null | undefined,
  named: string,
): string | null {
  if (!a) return null;
  const captioned = `captioned ${labelPhrase(a.labelled)}`;
  switch (a.reach) {
    case "turn":
      return `Captioned ${labelPhrase(a.labelled)}; attributed to ${named} by the captioner's note "${a.note}".`;
    case "after-break":
      return `Captioned ${labelPhrase(a.labelled)}; these words, after a line break, attributed to ${named} by the captioner's note "${a.note}".`;
    case "none":
      return `Attribution uncertain: ${captioned}; the captioner's note "${a.note}" may give some or all of these words to ${named}.`;
    default: {
      const never: never = a.reach;
      return never;
    }
  }
}

/** foldName of speaker names and labels, remembered: a page of results folds the same few again and again. */
const foldedNames = new Map<string, string>();
const FOLDED_NAMES_KEPT = 10_000;

function foldedName(name: string): string {
  let folded = foldedNames.get(name);
  if (folded === undefined) {
    if (foldedNames.size >= FOLDED_NAMES_KEPT) foldedNames.clear();
    folded = foldName(name);
    foldedNames.set(name, folded);
  }
  return folded;
}

/** "Egypt", or 'United States (captioned as "USA")' when the label says it otherwise. */
function whoText(c: Omit<Citation, "text">): string {
  if (c.attribution || !c.speakerLabel) return c.speaker;
  return foldedName(c.speakerLabel) !== foldedName(c.speaker)
    ? `${c.speaker} (captioned as "${c.speakerLabel}")`
    : c.speaker;
}

function citationText(c: Omit<Citation, "text">): string {
  const when = [c.date ? formatDate(c.date) : "date not stated", ...(c.began ? [c.began] : [])];
  const status = `${c.status.charAt(0).toUpperCase()}${c.status.slice(1)} transcript`;
  const parts = [
    `${whoText(c)}, ${c.session}, turn ${c.turn}, ${when.join(", ")}.`,
    `${c.conference}, ${c.place}.`,
    ...(c.attribution ? [c.attribution] : []),
    `${status}. ${c.caveat}`,
    `Source: ${c.source}. ${c.permalink}`,
  ];
  const text = parts.join(" ");
  return c.notice ? `${text} [${c.notice}]` : text;
}

/** What citations, lists and groups call a session whose conference the engine does not know. */
export const UNIDENTIFIED_CONFERENCE_NAME = "Conference not identified";
/** The place a citation gives for such a session. */
export const UNIDENTIFIED_PLACE = "place not stated";

/** The citation for an utterance. */
export function citation(
  corpus: Corpus,
  ordinal: number,
  speaker: SpeakerRef,
  options: PresentOptions = {},
): Citation {
  const session = sessionOfUtterance(corpus, ordinal);
  const attribution = corpus.store.attributions[String(ordinal)];
  const named = attribution?.uncertain ? attribution.named : speaker.name;
  const profile = conferenceById(session.conference);
  const parts: Omit<Citation, "text"> = {
    speaker: speaker.name,
    speakerLabel: speaker.raw,
    speakerKind: speaker.kind,
    conference: profile?.name ?? UNIDENTIFIED_CONFERENCE_NAME,
    place: profile?.place ?? UNIDENTIFIED_PLACE,
    session: sessionName(session),
    sessionTitle: session.title,
    sessionId: session.id,
    date: session.date,
    time: session.time,
    began: sessionTimes(session),
    turn: (corpus.store.utterances.seq[ordinal] ?? 0) + 1,
    status: statusName(session),
    statusLine: session.statusLine,
    attribution: attributionStatement(attribution, named),
    uncertain: attribution?.uncertain ?? false,
    caveat: CAPTION_CAVEAT,
    synthetic: session.synthetic,
    notice: session.synthetic ? SYNTHETIC_NOTICE : null,
    source: sourceLocation(session.source, utteranceLocator(corpus, ordinal)),
    permalink: permalink(utteranceId(corpus, ordinal), options),
  };
  return { ...parts, text: citationText(parts) };
}
