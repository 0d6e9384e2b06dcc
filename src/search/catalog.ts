/**
 * Browsing the corpus: sessions, whole transcripts, speakers, one utterance with its
 * neighbours, and where a document reference was spoken. Runtime-free.
 */
import { documentFamily, documentLabel, normaliseDocumentRef } from "../document-refs";
import { boundedDamerauLevenshtein } from "./distance";
import type { SpeakerKind } from "../domain";
import { type Corpus, documentIndex, ordinalOf, sessionOfUtterance, utteranceId } from "./corpus";
import { NotFoundError, QueryError } from "./errors";
import {
  type PresentOptions,
  sessionRef,
  sessionSummary,
  speakerRefOf,
  utteranceView,
} from "./present";
import { DEFAULT_LIMIT, checkPage } from "./search";
import { type Span, makeSnippet, mergeSpans } from "./snippet";
import type { StoreSession } from "./schema";
import type { SessionRef, SessionSummary, UtteranceView } from "./types";

/** Most neighbours /api/utterances/:id?context=N returns on each side. */
export const MAX_CONTEXT = 20;

export interface Catalog {
  synthetic: boolean;
  notice: string | null;
}

/** The corpus' synthetic flag and notice, which every catalog answer, page banner and error carries. */
export function corpusNotice(corpus: Corpus): Catalog {
  return { synthetic: corpus.store.synthetic, notice: corpus.store.notice };
}

/** True for a session of the conference `only` names (every session when it is null). */
function inConference(session: StoreSession, only: string | null): boolean {
  return only === null || session.conference === only;
}

/**
 * All sessions, in chronological order (rough versions included, marked by `version`); with
 * `conference` (an id parseConference checked), only that conference's.
 */
export function listSessions(
  corpus: Corpus,
  conference: string | null = null,
): Catalog & { sessions: SessionSummary[] } {
  const sessions = corpus.store.sessions.filter((session) => inConference(session, conference));
  return { ...corpusNotice(corpus), sessions: sessions.map(sessionSummary) };
}

/** One session with its whole transcript in order. */
export function sessionTranscript(
  corpus: Corpus,
  id: string,
  options: PresentOptions = {},
): Catalog & Omit<SessionSummary, "utterances"> & { utterances: UtteranceView[] } {
  const index = corpus.sessionIndex.get(id);
  const session = index === undefined ? undefined : corpus.store.sessions[index];
  if (!session) throw new NotFoundError("session", id);
  const utterances: UtteranceView[] = [];
  for (let ordinal = session.first; ordinal < session.first + session.count; ordinal++) {
    utterances.push(utteranceView(corpus, ordinal, options));
  }
  const { utterances: _count, ...summary } = sessionSummary(session);
  return { ...corpusNotice(corpus), ...summary, utterances };
}

/** A speaker with counts over the searchable (finished) sessions. */
export interface SpeakerSummary {
  id: string;
  name: string;
  kind: SpeakerKind;
  country: string | null;
  /** Names it is known by: alias table entries and labels as captioned. */
  aliases: string[];
  /** Utterances in finished sessions. */
  utterances: number;
  /** Finished sessions the speaker spoke in. */
  sessions: number;
}

function speakerCounts(
  corpus: Corpus,
  conference: string | null,
): { utterances: number[]; sessions: Set<number>[] } {
  const utterances = corpus.store.speakers.map(() => 0);
  const sessions = corpus.store.speakers.map(() => new Set<number>());
  const columns = corpus.store.utterances;
  for (let ordinal = 0; ordinal < corpus.size; ordinal++) {
    const sessionAt = columns.session[ordinal] ?? -1;
    const session = corpus.store.sessions[sessionAt];
    if (session?.version !== "finished" || !inConference(session, conference)) continue;
    const speaker = columns.speaker[ordinal] ?? -1;
    utterances[speaker] = (utterances[speaker] ?? 0) + 1;
    sessions[speaker]?.add(sessionAt);
  }
  return { utterances, sessions };
}

/**
 * Delegations and roles with counts, most utterances first; with `conference`, the counts are
 * over that conference's sessions and only the speakers who spoke in it are listed.
 */
export function listSpeakers(
  corpus: Corpus,
  conference: string | null = null,
): Catalog & { speakers: SpeakerSummary[] } {
  const counts = speakerCounts(corpus, conference);
  const speakers = corpus.store.speakers
    .map((speaker, index) => ({
      id: speaker.id,
      name: speaker.name,
      kind: speaker.kind,
      country: speaker.country,
      aliases: speaker.aliases,
      utterances: counts.utterances[index] ?? 0,
      sessions: counts.sessions[index]?.size ?? 0,
    }))
    .filter((speaker) => conference === null || speaker.utterances > 0)
    .sort((a, b) => b.utterances - a.utterances || a.name.localeCompare(b.name));
  return { ...corpusNotice(corpus), speakers };
}

/**
 * An utterance of another speaker's record that a captioner's note ties to this one: words
 * captioned under this speaker's label that a note gave to someone else ("labelled"), or words
 * kept under another label that an uncertain note may give to this speaker ("named").
 */
export interface AttributionLink {
  /** The utterance id. */
  id: string;
  relation: "labelled" | "named";
  /** Who the utterance is attributed to now. */
  speaker: string;
  uncertain: boolean;
}

/** AttributionLinks of a speaker, in corpus order, finished sessions only. */
function attributionLinks(corpus: Corpus, speakerId: string): AttributionLink[] {
  const links: AttributionLink[] = [];
  for (const [key, a] of Object.entries(corpus.store.attributions)) {
    const ordinal = Number(key);
    const session = sessionOfUtterance(corpus, ordinal);
    const speaker = speakerRefOf(corpus, ordinal);
    if (session.version !== "finished") continue;
    const relation =
      a.labelledId === speakerId && speaker.id !== speakerId
        ? "labelled"
        : a.namedId === speakerId && speaker.id !== speakerId
          ? "named"
          : null;
    if (relation === null) continue;
    links.push({
      id: utteranceId(corpus, ordinal),
      relation,
      speaker: speaker.name,
      uncertain: a.uncertain,
    });
  }
  return links; // integer keys come in ascending order: corpus order
}

/**
 * One speaker: counts per session (date order), the first utterance, and the utterances a
 * captioner's note ties to the speaker although they are not counted as its own (so no words
 * captioned under its label leave its record unsaid).
 */
export function speakerDetail(
  corpus: Corpus,
  id: string,
): Catalog &
  SpeakerSummary & {
    perSession: { session: SessionRef; count: number }[];
    first: string | null;
    attributionNotes: AttributionLink[];
  } {
  const index = corpus.speakerIndex.get(id);
  const speaker = index === undefined ? undefined : corpus.store.speakers[index];
  if (index === undefined || !speaker) throw new NotFoundError("speaker", id);
  const columns = corpus.store.utterances;
  const perSession = new Map<number, number>();
  let first: string | null = null;
  for (let ordinal = 0; ordinal < corpus.size; ordinal++) {
    if (columns.speaker[ordinal] !== index) continue;
    const sessionAt = columns.session[ordinal] ?? -1;
    const session = corpus.store.sessions[sessionAt];
    if (!session || session.version !== "finished") continue;
    perSession.set(sessionAt, (perSession.get(sessionAt) ?? 0) + 1);
    first ??= `${session.id}.${columns.seq[ordinal] ?? -1}`;
  }
  const counts = [...perSession.entries()].map(([sessionAt, count]) => ({
    session: sessionRef(corpus.store.sessions[sessionAt] ?? corpus.store.sessions[0]!),
    count,
  }));
  return {
    ...corpusNotice(corpus),
    id: speaker.id,
    name: speaker.name,
    kind: speaker.kind,
    country: speaker.country,
    aliases: speaker.aliases,
    utterances: counts.reduce((sum, entry) => sum + entry.count, 0),
    sessions: counts.length,
    perSession: counts,
    first,
    attributionNotes: attributionLinks(corpus, speaker.id),
  };
}

/** One utterance with up to `context` neighbours before and after it in its session. */
export function utteranceWithContext(
  corpus: Corpus,
  id: string,
  context = 0,
  options: PresentOptions = {},
): Catalog & { utterance: UtteranceView; before: UtteranceView[]; after: UtteranceView[] } {
  if (!Number.isInteger(context) || context < 0 || context > MAX_CONTEXT) {
    throw new QueryError("context", `must be a whole number from 0 to ${MAX_CONTEXT}`);
  }
  const ordinal = ordinalOf(corpus, id);
  if (ordinal === undefined) throw new NotFoundError("utterance", id);
  const session = corpus.store.sessions[corpus.store.utterances.session[ordinal] ?? -1];
  const first = session?.first ?? ordinal;
  const last = session ? session.first + session.count - 1 : ordinal;
  const before: UtteranceView[] = [];
  for (let at = Math.max(first, ordinal - context); at < ordinal; at++)
    before.push(utteranceView(corpus, at, options));
  const after: UtteranceView[] = [];
  for (let at = ordinal + 1; at <= Math.min(last, ordinal + context); at++)
    after.push(utteranceView(corpus, at, options));
  return {
    ...corpusNotice(corpus),
    utterance: utteranceView(corpus, ordinal, options),
    before,
    after,
  };
}

/**
 * Folds a document reference for lookup: the normalised id of what a person typed or a URL
 * carries ("DT/30 rev 3", "dt-30-rev3", "DT/30-REV3" -> "DT/30-REV3"), else upper case without
 * white space.
 */
export function foldDocumentRef(ref: string): string {
  return normaliseDocumentRef(ref) ?? ref.toUpperCase().replace(/\s+/g, "");
}

/** A document reference and where it was spoken. */
export interface DocumentSummary {
  id: string;
  /** The id as the ITU writes it ("DT/30(Rev.3)", "Resolution PLEN/3"). */
  label: string;
  /** Utterances mentioning it (finished and rough versions). */
  utterances: number;
  /** Id of the first utterance mentioning it. */
  first: string;
}

function documentSummary(corpus: Corpus, id: string, ordinals: readonly number[]): DocumentSummary {
  return {
    id,
    label: documentLabel(id),
    utterances: ordinals.length,
    first: utteranceIdOf(corpus, ordinals[0] ?? 0),
  };
}

/** All document references spoken, most mentioned first. */
export function listDocuments(corpus: Corpus): Catalog & { documents: DocumentSummary[] } {
  const documents = [...documentIndex(corpus).entries()]
    .map(([id, ordinals]) => documentSummary(corpus, id, ordinals))
    .sort((a, b) => b.utterances - a.utterances || a.id.localeCompare(b.id));
  return { ...corpusNotice(corpus), documents };
}

/** Most nearest references a document 404 names. */
export const NEAREST_DOCUMENTS = 5;

/** The references spoken nearest to one that was not (same family first, then spelling). */
export function nearestDocuments(corpus: Corpus, wanted: string): string[] {
  const family = documentFamily(wanted);
  const bound = Math.max(3, Math.ceil(wanted.length / 2));
  return [...documentIndex(corpus).entries()]
    .map(([id, ordinals]) => ({
      id,
      mentions: ordinals.length,
      distance:
        documentFamily(id) === family
          ? 0
          : 1 +
            Math.min(
              boundedDamerauLevenshtein(wanted, id, bound),
              boundedDamerauLevenshtein(family, documentFamily(id), bound),
            ),
    }))
    .filter((entry) => entry.distance <= bound)
    .sort((a, b) => a.distance - b.distance || b.mentions - a.mentions || a.id.localeCompare(b.id))
    .slice(0, NEAREST_DOCUMENTS)
    .map((entry) => entry.id);
}

/**
 * The references a request for `ref` covers: the one it names exactly, or, for a conference
 * document named without its version ("DT/30"), its whole family (DT/30, its revisions, addenda
 * and corrigenda), in id order.
 */
function documentMembers(corpus: Corpus, ref: string): { id: string; members: string[] } {
  const index = documentIndex(corpus);
  const wanted = foldDocumentRef(ref);
  const keys = [...index.keys()];
  const family = keys.filter((key) => documentFamily(key) === wanted).sort();
  if (documentFamily(wanted) === wanted && family.length > 0)
    return { id: wanted, members: family };
  const exact = keys.find((key) => foldDocumentRef(key) === wanted);
  if (exact === undefined)
    throw new NotFoundError("document", ref, nearestDocuments(corpus, wanted));
  return { id: exact, members: [exact] };
}

function utteranceIdOf(corpus: Corpus, ordinal: number): string {
  const columns = corpus.store.utterances;
  return `${corpus.store.sessions[columns.session[ordinal] ?? -1]?.id ?? "?"}.${columns.seq[ordinal] ?? -1}`;
}

/**
 * Where a document reference was spoken: per session counts, and the utterances (chronological).
 * A conference document named without its version ("DT/30") answers for its whole family;
 * `family` lists every member of the reference's family with its mentions.
 */
export function documentMentions(
  corpus: Corpus,
  ref: string,
  page: { limit?: number; offset?: number } = {},
  options: PresentOptions = {},
): Catalog & {
  id: string;
  /** The id as the ITU writes it ("DT/30(Rev.3)"). */
  label: string;
  /** The references this answer covers (one, or a whole family). */
  members: string[];
  /** Every reference of the same family spoken in the room (DT/30, DT/30-REV3...). */
  family: DocumentSummary[];
  /** Forms it was captioned in ("DT/30 rev 3"). */
  spoken: string[];
  total: number;
  sessions: { session: SessionRef; count: number }[];
  mentions: (UtteranceView & { snippet: string; highlights: Span[] })[];
  offset: number;
  limit: number;
} {
  const limit = page.limit ?? DEFAULT_LIMIT;
  const offset = page.offset ?? 0;
  checkPage(limit, offset);
  const index = documentIndex(corpus);
  const { id, members } = documentMembers(corpus, ref);
  const covered = new Set(members);
  const ordinals = [...new Set(members.flatMap((member) => index.get(member) ?? []))].sort(
    (a, b) => a - b,
  );
  const spoken = new Set<string>();
  const perSession = new Map<number, number>();
  for (const ordinal of ordinals) {
    for (const mention of corpus.store.documents[String(ordinal)] ?? [])
      if (covered.has(mention.id)) spoken.add(mention.raw);
    const sessionAt = corpus.store.utterances.session[ordinal] ?? -1;
    perSession.set(sessionAt, (perSession.get(sessionAt) ?? 0) + 1);
  }
  const mentions = ordinals.slice(offset, offset + limit).map((ordinal) => {
    const view = utteranceView(corpus, ordinal, options);
    const spans = mergeSpans(
      view.documents
        .filter((mention) => covered.has(mention.id))
        .map((mention): Span => [mention.start, mention.end]),
    );
    return { ...view, snippet: makeSnippet(view.text, spans), highlights: spans };
  });
  const familyId = documentFamily(id);
  const family = [...index.entries()]
    .filter(([key]) => documentFamily(key) === familyId)
    .map(([key, list]) => documentSummary(corpus, key, list))
    .sort((a, b) => a.id.localeCompare(b.id));
  return {
    ...corpusNotice(corpus),
    id,
    label: documentLabel(id),
    members,
    family,
    spoken: [...spoken],
    total: ordinals.length,
    sessions: [...perSession.entries()].map(([sessionAt, count]) => ({
      session: sessionRef(corpus.store.sessions[sessionAt] ?? corpus.store.sessions[0]!),
      count,
    })),
    mentions,
    offset,
    limit,
  };
}

/** A session's extracted source text, with the session it belongs to. */
export interface SourceTextView {
  session: SessionSummary;
  /** The extracted text, exactly as offsets, lines and columns of citations refer to it. */
  text: string;
}

/** The extracted text of a session (404 for an unknown session or one built without it). */
export async function sessionSourceText(corpus: Corpus, id: string): Promise<SourceTextView> {
  const index = corpus.sessionIndex.get(id);
  const session = index === undefined ? undefined : corpus.store.sessions[index];
  if (!session) throw new NotFoundError("session", id);
  const text = await corpus.sourceText(id);
  if (text === null) throw new NotFoundError("extracted text of session", id);
  return { session: sessionSummary(session), text };
}
