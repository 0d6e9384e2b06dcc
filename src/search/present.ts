/**
 * Turns store rows into the shapes the API returns (src/search/types.ts), citations included.
 * Runtime-free.
 */
import { conferenceById } from "../conferences/registry";
import { citation, permalink, type PresentOptions } from "./citation";
import { type Corpus, sessionOfUtterance, utteranceId } from "./corpus";
import { utteranceLocator } from "./locator";
import { quoteOf } from "./quote";
import type { StoreSession } from "./schema";
import { sessionName } from "./session-name";
import type { SessionRef, SessionSummary, SpeakerRef, UtteranceView } from "./types";

export { type PresentOptions, utterancePath } from "./citation";

export function sessionRef(session: StoreSession): SessionRef {
  return {
    id: session.id,
    conference: session.conference,
    conferenceShortName: conferenceById(session.conference)?.shortName ?? null,
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
  const session = sessionOfUtterance(corpus, ordinal);
  const id = utteranceId(corpus, ordinal);
  const key = String(ordinal);
  const text = columns.text.get(ordinal) ?? "";
  const annotations = corpus.store.annotations[key] ?? [];
  const speaker = speakerRefOf(corpus, ordinal);
  const seq = columns.seq[ordinal] ?? -1;
  return {
    id,
    seq,
    turn: seq + 1,
    session: sessionRef(session),
    speaker,
    text,
    quote: quoteOf(text, annotations).text,
    annotations,
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
      column: columns.column[ordinal] ?? 0,
      endColumn: columns.endColumn[ordinal] ?? 0,
      start: columns.start[ordinal] ?? 0,
      end: columns.end[ordinal] ?? 0,
      locator: utteranceLocator(corpus, ordinal),
    },
    permalink: permalink(id, options),
    citation: citation(corpus, ordinal, speaker, options),
  };
}
