/**
 * Turns store rows into the shapes the API returns (src/search/types.ts), citations included.
 * Runtime-free.
 */
import { CAPTION_CAVEAT, CONFERENCE, SYNTHETIC_NOTICE, type SessionSource } from "../domain";
import { type Corpus, utteranceId } from "./corpus";
import type { StoreSession } from "./schema";
import { formatDate, sessionName } from "./session-name";
import { foldName } from "./text";
import type { Citation, SessionRef, SessionSummary, SpeakerRef, UtteranceView } from "./types";

/** Options for presenting results. */
export interface PresentOptions {
  /** Origin to make permalinks absolute ("https://example.org"); paths when absent. */
  baseUrl?: string;
}

/** Path of an utterance's page. */
export function utterancePath(id: string): string {
  return `/utterances/${encodeURIComponent(id)}`;
}

export function sessionRef(session: StoreSession): SessionRef {
  return {
    id: session.id,
    name: sessionName(session),
    title: session.title,
    body: session.body,
    number: session.number,
    date: session.date,
    time: session.time,
    status: session.status,
    version: session.version,
    synthetic: session.synthetic,
  };
}

export function sessionSummary(session: StoreSession): SessionSummary {
  return {
    ...sessionRef(session),
    spokenNumber: session.spokenNumber,
    endTime: session.endTime,
    timeZone: session.timeZone,
    statusLine: session.statusLine,
    variants: session.variants,
    source: session.source,
    utterances: session.count,
  };
}

function sentenceCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
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

function citationText(c: Omit<Citation, "text">, session: StoreSession): string {
  const who =
    c.speakerLabel && foldedName(c.speakerLabel) !== foldedName(c.speaker)
      ? `${c.speaker} (captioned as "${c.speakerLabel}")`
      : c.speaker;
  const when: string[] = [];
  if (c.date) when.push(formatDate(c.date));
  if (c.time) {
    const range = session.endTime ? `${c.time}-${session.endTime}` : c.time;
    when.push(session.timeZone ? `${range} ${session.timeZone.toLowerCase()}` : range);
  }
  const parts = [
    `${who}, ${c.session === c.sessionId ? `session ${c.sessionId}` : `"${c.session}"`}`,
    `${c.conference}, ${c.place}`,
    ...(when.length > 0 ? [when.join(", ")] : ["date not stated"]),
  ];
  const status = c.status ? `${sentenceCase(c.status)}` : "Transcript status not stated";
  const version = session.version === "rough" ? " (rough live version)" : "";
  let text = `${parts.join(", ")}. ${status}${version}. ${c.caveat} Source: ${c.source}. ${c.permalink}`;
  if (c.notice) text += ` [${c.notice}]`;
  return text;
}

/** The citation for an utterance. */
export function citation(corpus: Corpus, ordinal: number, options: PresentOptions = {}): Citation {
  const view = speakerRefOf(corpus, ordinal);
  const session = sessionOf(corpus, ordinal);
  const columns = corpus.store.utterances;
  const parts: Omit<Citation, "text"> = {
    speaker: view.name,
    speakerLabel: view.raw,
    speakerKind: view.kind,
    conference: CONFERENCE.name,
    place: CONFERENCE.place,
    session: session.title ?? session.id,
    sessionId: session.id,
    date: session.date,
    time: session.time,
    status: session.statusLine,
    caveat: CAPTION_CAVEAT,
    synthetic: session.synthetic,
    notice: session.synthetic ? SYNTHETIC_NOTICE : null,
    source: sourceLine(session.source, columns.line[ordinal] ?? 0),
    permalink: permalink(utteranceId(corpus, ordinal), options),
  };
  return { ...parts, text: citationText(parts, session) };
}

/**
 * Where the words stand. Line numbers count lines of the extracted text: for a plain-text source
 * they are its own lines; for Word, PDF and HTML sources the extracted text file is named too,
 * since "line 49" of a PDF means nothing.
 */
export function sourceLine(source: SessionSource, line: number): string {
  return source.format === "txt"
    ? `${source.file}, line ${line}`
    : `${source.file} (extracted text ${source.textFile}, line ${line})`;
}

function permalink(id: string, options: PresentOptions): string {
  return `${options.baseUrl ?? ""}${utterancePath(id)}`;
}

function sessionOf(corpus: Corpus, ordinal: number): StoreSession {
  const session = corpus.store.sessions[corpus.store.utterances.session[ordinal] ?? -1];
  if (!session) throw new Error(`search: utterance ${ordinal} has no session`);
  return session;
}

export function speakerRefOf(corpus: Corpus, ordinal: number): SpeakerRef {
  const columns = corpus.store.utterances;
  const speaker = corpus.store.speakers[columns.speaker[ordinal] ?? -1];
  if (!speaker) throw new Error(`search: utterance ${ordinal} has no speaker`);
  const label = columns.label[ordinal] ?? -1;
  return {
    raw: label >= 0 ? (corpus.store.labels[label] ?? null) : null,
    id: speaker.id,
    name: speaker.name,
    kind: speaker.kind,
    country: speaker.country,
  };
}

/** An utterance as the API shows it. */
export function utteranceView(
  corpus: Corpus,
  ordinal: number,
  options: PresentOptions = {},
): UtteranceView {
  const columns = corpus.store.utterances;
  const session = sessionOf(corpus, ordinal);
  const id = utteranceId(corpus, ordinal);
  const key = String(ordinal);
  return {
    id,
    seq: columns.seq[ordinal] ?? -1,
    session: sessionRef(session),
    speaker: speakerRefOf(corpus, ordinal),
    text: columns.text[ordinal] ?? "",
    annotations: corpus.store.annotations[key] ?? [],
    documents: corpus.store.documents[key] ?? [],
    attribution: corpus.store.attributions[key] ?? null,
    empty: corpus.empty.has(ordinal),
    source: {
      file: session.source.file,
      url: session.source.url ?? null,
      sha256: session.source.sha256,
      textFile: session.source.textFile,
      line: columns.line[ordinal] ?? 0,
      endLine: columns.endLine[ordinal] ?? 0,
      start: columns.start[ordinal] ?? 0,
      end: columns.end[ordinal] ?? 0,
    },
    permalink: permalink(id, options),
    citation: citation(corpus, ordinal, options),
  };
}
