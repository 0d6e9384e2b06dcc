/**
 * A phrase traced through the sessions: how often it was said in each session (in date order),
 * who said it first, who else said it, and every occurrence in chronological order with the
 * text around it. Runtime-free.
 */
import { type ConferenceGroup, groupByConference } from "./conferences";
import type { Corpus } from "./corpus";
import { QueryError } from "./errors";
import { type FilterSpec, emptyFilters } from "./filters";
import { conferenceOk, resolveFilters } from "./resolve";
import { type PresentOptions, sessionRef, speakerRefOf } from "./present";
import {
  MAX_QUERY_LENGTH,
  type ParsedQuery,
  type PhraseClause,
  asPhrase,
  parseQuery,
} from "./query";
import { type Pace, type Steps, NEVER_PAUSE, checkpoint, runToEnd } from "./pace";
import { DEFAULT_LIMIT, checkPage, matchSteps, sortMatches, toHit } from "./search";
import { findPhrase } from "./text";
import type { SearchHit, SessionRef, SpeakerRef } from "./types";

export interface PhraseSessionCount {
  session: SessionRef;
  /** Utterances of the session containing the phrase. */
  count: number;
  /** Times the phrase was said in the session (an utterance may say it more than once). */
  occurrences: number;
}

export interface PhraseSpeaker {
  speaker: Omit<SpeakerRef, "raw">;
  /** Utterances of this speaker containing the phrase. */
  count: number;
  /** Id of the speaker's first utterance containing the phrase. */
  first: string;
}

/** The sessions of one conference in a timeline, and what the phrase did there. */
export interface PhraseConference extends ConferenceGroup {
  /* `count` (of ConferenceGroup): the conference's searchable sessions in the timeline. */
  /** Sessions of the conference in which the phrase was said. */
  sessionsWithPhrase: number;
  /** Utterances of the conference containing the phrase. */
  utterances: number;
  occurrences: number;
  /** Id of the conference's first utterance containing the phrase, or null. */
  first: string | null;
}

export interface PhraseTimeline {
  /** The phrase as searched (folded: lower case, single spaces). */
  phrase: string;
  /** Utterances containing the phrase. */
  total: number;
  /** Times the phrase was said (at least `total`: an utterance may say it more than once). */
  totalOccurrences: number;
  /** Every searchable session in date order, with how many utterances in it contain the phrase. */
  sessions: PhraseSessionCount[];
  /**
   * The sessions grouped by conference, in the order the conferences met: how a phrase went from
   * one conference into the next.
   */
  conferences: PhraseConference[];
  /** The first occurrence, or null when the phrase was never said. */
  first: SearchHit | null;
  /** Distinct speakers, in the order they first used the phrase. */
  speakers: PhraseSpeaker[];
  /** Occurrences in chronological order (this page of them); `snippet` is the context. */
  occurrences: SearchHit[];
  offset: number;
  limit: number;
  synthetic: boolean;
  notice: string | null;
}

export interface PhraseRequest {
  /** The phrase; surrounding double quotes are optional. */
  q: string;
  /** Filters: only `conference` is read (the timeline is of whole sessions). */
  filters?: Pick<FilterSpec, "conference">;
  /** Only this speaker's words (a speaker id, as the speaker filter takes it). */
  speaker?: string;
  limit?: number;
  offset?: number;
}

/** Parses the phrase parameter: one phrase, no operators or filters. */
export function parsePhrase(q: string, parameter = "q"): ParsedQuery {
  const trimmed = q.trim();
  if (trimmed.length > MAX_QUERY_LENGTH) {
    throw new QueryError(
      parameter,
      `phrase is ${trimmed.length} characters long; at most ${MAX_QUERY_LENGTH} are allowed`,
    );
  }
  const inner = /^".*"$/s.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
  if (inner.includes('"'))
    throw new QueryError(parameter, "give one phrase, without quotes inside it");
  if (inner.trim() === "") throw new QueryError(parameter, "give a phrase");
  return parseQuery(`"${inner}"`, parameter, emptyFilters());
}

/** The phrase clause of a query parsePhrase gave (null only if it gave no phrase). */
function asPhraseQuery(query: ParsedQuery): PhraseClause | null {
  const first = query.groups[0]?.[0];
  return first ? asPhrase(first) : null;
}

/** Traces a phrase. */
export function phraseTimeline(
  corpus: Corpus,
  request: PhraseRequest,
  options: PresentOptions = {},
): PhraseTimeline {
  return runToEnd(phraseTimelineSteps(corpus, request, options, NEVER_PAUSE));
}

/** phraseTimeline as pausable steps (see ./pace.ts); bad requests throw before the first pause. */
export function* phraseTimelineSteps(
  corpus: Corpus,
  request: PhraseRequest,
  options: PresentOptions,
  pace: Pace,
): Steps<PhraseTimeline> {
  const limit = request.limit ?? DEFAULT_LIMIT;
  const offset = request.offset ?? 0;
  checkPage(limit, offset);
  return yield* phraseWindowSteps(corpus, request, { offset, limit }, options, pace);
}

/**
 * The timeline with the occurrences [offset, offset + limit), the window unchecked against the
 * API's page bounds (a router asks each shard for the first `offset + limit`).
 */
export function* phraseWindowSteps(
  corpus: Corpus,
  request: Omit<PhraseRequest, "limit" | "offset">,
  window: { offset: number; limit: number },
  options: PresentOptions,
  pace: Pace,
): Steps<PhraseTimeline> {
  const { offset, limit } = window;
  const query = parsePhrase(request.q);
  query.filters.conference = [...(request.filters?.conference ?? [])];
  if (request.speaker !== undefined) query.filters.speaker.push(request.speaker);
  const resolved = resolveFilters(corpus, query.filters);
  const matches = sortMatches(yield* matchSteps(corpus, query, {}, pace), "chronological");
  const columns = corpus.store.utterances;
  const perSession = new Map<number, number>();
  const saidPerSession = new Map<number, number>();
  const phraseClause = asPhraseQuery(query);
  const raw = phraseClause?.raw ?? request.q;
  let totalOccurrences = 0;
  const speakers = new Map<number, PhraseSpeaker>();
  for (let i = 0; i < matches.length; i++) {
    if (checkpoint(pace, i)) yield;
    const match = matches[i]!;
    const session = columns.session[match.ordinal] ?? -1;
    perSession.set(session, (perSession.get(session) ?? 0) + 1);
    // The index's count when it answered the phrase from positions, else the text's.
    const said =
      match.hit.occurrences ?? findPhrase(columns.text.get(match.ordinal) ?? "", raw).length;
    saidPerSession.set(session, (saidPerSession.get(session) ?? 0) + said);
    totalOccurrences += said;
    const speaker = columns.speaker[match.ordinal] ?? -1;
    const entry = speakers.get(speaker);
    if (entry) entry.count++;
    else {
      const { raw: _raw, ...ref } = speakerRefOf(corpus, match.ordinal);
      const seq = columns.seq[match.ordinal] ?? -1;
      const sessionId = corpus.store.sessions[session]?.id ?? "?";
      speakers.set(speaker, { speaker: ref, count: 1, first: `${sessionId}.${seq}` });
    }
  }
  const sessions = corpus.store.sessions.flatMap((session, index) =>
    session.version === "rough" || !conferenceOk(session.conference, resolved)
      ? []
      : [
          {
            session: sessionRef(session),
            count: perSession.get(index) ?? 0,
            occurrences: saidPerSession.get(index) ?? 0,
          },
        ],
  );
  const firstMatch = matches[0];
  return {
    phrase: phraseClause?.phrase ?? request.q,
    total: matches.length,
    totalOccurrences,
    sessions,
    conferences: phraseConferences(
      sessions,
      matches.map((m) => m.ordinal),
      corpus,
    ),
    first: firstMatch ? toHit(corpus, firstMatch, query, options) : null,
    speakers: [...speakers.values()],
    occurrences: matches
      .slice(offset, offset + limit)
      .map((match) => toHit(corpus, match, query, options)),
    offset,
    limit,
    synthetic: corpus.store.synthetic,
    notice: corpus.store.notice,
  };
}

/** The timeline's sessions grouped by conference, with the first use of the phrase in each. */
function phraseConferences(
  sessions: readonly PhraseSessionCount[],
  ordinals: readonly number[],
  corpus: Corpus,
): PhraseConference[] {
  const firstByConference = new Map<string | null, string>();
  for (const ordinal of ordinals) {
    const session = corpus.store.sessions[corpus.store.utterances.session[ordinal] ?? -1];
    if (!session || firstByConference.has(session.conference)) continue;
    firstByConference.set(
      session.conference,
      `${session.id}.${corpus.store.utterances.seq[ordinal] ?? -1}`,
    );
  }
  return groupByConference(sessions, (entry) => entry.session).map(({ items, ...group }) => ({
    ...group,
    sessionsWithPhrase: items.filter((entry) => entry.count > 0).length,
    utterances: items.reduce((n, entry) => n + entry.count, 0),
    occurrences: items.reduce((n, entry) => n + entry.occurrences, 0),
    first: firstByConference.get(group.conference) ?? null,
  }));
}
