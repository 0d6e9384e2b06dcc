/**
 * Resolves filters against a corpus (speaker names, aliases and codes to speakers; session ids
 * to sessions) and turns them into a predicate over utterance ordinals that reads the columnar
 * store only. Runtime-free.
 */
import type { Body, SpeakerKind } from "../domain";
import type { Corpus } from "./corpus";
import { QueryError } from "./errors";
import type { FilterSpec } from "./filters";
import { corpusNameTable, lookupName, nearestSpeakers } from "./names";

/** Filters resolved to store indexes. null means "no restriction". */
export interface ResolvedFilters {
  /** Conference ids; a session of no known conference passes only when this is null. */
  conferences: Set<string> | null;
  speakers: Set<number> | null;
  sessions: Set<number> | null;
  bodies: Set<Body> | null;
  kinds: Set<SpeakerKind> | null;
  from: string | null;
  to: string | null;
}

/** Which parameter each filter key came from, for error messages. */
export type FilterOrigins = Partial<Record<"speaker" | "session", string>>;

/** Speaker indexes matching a speaker: value (id, ISO code, name, alias or label as captioned). */
export function resolveSpeaker(corpus: Corpus, value: string, parameter: string): Set<number> {
  const table = corpusNameTable(corpus);
  const ids = lookupName(table, value);
  if (ids.length === 0) {
    const near = nearestSpeakers(corpus, value);
    const hint =
      near.length > 0
        ? `; did you mean ${near.map((entry) => `${entry.name} (speaker:${entry.id})`).join(", or ")}?`
        : "; the delegations and roles are listed at /speakers";
    throw new QueryError(
      parameter,
      `unknown speaker ${JSON.stringify(value)}${hint}`,
      near.map((entry) => entry.id),
    );
  }
  const indexes = new Set<number>();
  for (const id of ids) {
    const index = corpus.speakerIndex.get(id);
    if (index !== undefined) indexes.add(index);
  }
  return indexes;
}

/** The session index for a session: value (its id, case-insensitive). */
export function resolveSession(corpus: Corpus, value: string, parameter: string): number {
  const exact = corpus.sessionIndex.get(value);
  if (exact !== undefined) return exact;
  const lower = value.toLowerCase();
  const index = corpus.store.sessions.findIndex((session) => session.id.toLowerCase() === lower);
  if (index < 0) throw new QueryError(parameter, `unknown session ${JSON.stringify(value)}`);
  return index;
}

/** Resolves a filter spec. `origins` names the parameter each value list came from (default "q"). */
export function resolveFilters(
  corpus: Corpus,
  spec: FilterSpec,
  origins: FilterOrigins = {},
): ResolvedFilters {
  let speakers: Set<number> | null = null;
  if (spec.speaker.length > 0) {
    speakers = new Set();
    for (const value of spec.speaker) {
      for (const index of resolveSpeaker(corpus, value, origins.speaker ?? "q"))
        speakers.add(index);
    }
  }
  const sessions =
    spec.session.length > 0
      ? new Set(spec.session.map((value) => resolveSession(corpus, value, origins.session ?? "q")))
      : null;
  return {
    conferences: spec.conference.length > 0 ? new Set(spec.conference) : null,
    speakers,
    sessions,
    bodies: spec.body.length > 0 ? new Set(spec.body) : null,
    kinds: spec.kind.length > 0 ? new Set(spec.kind) : null,
    from: spec.from,
    to: spec.to,
  };
}

/**
 * A predicate over ordinals. Rough versions of sessions are left out unless a session filter
 * names them: search prefers the finished version, and never mixes both.
 */
export function filterPredicate(
  corpus: Corpus,
  filters: ResolvedFilters,
): (ordinal: number) => boolean {
  const { sessionOk, speakerOk } = filterTables(corpus, filters);
  const sessionColumn = corpus.store.utterances.session;
  const speakerColumn = corpus.store.utterances.speaker;
  return (ordinal) =>
    sessionOk[sessionColumn[ordinal] ?? -1] === true &&
    speakerOk[speakerColumn[ordinal] ?? -1] === true;
}

/**
 * filterPredicate, or undefined when it would let every utterance through (no filter given and
 * no rough session to leave out): a backend then need not test any document.
 */
export function filterPredicateOrNone(
  corpus: Corpus,
  filters: ResolvedFilters,
): ((ordinal: number) => boolean) | undefined {
  const { sessionOk, speakerOk } = filterTables(corpus, filters);
  if (sessionOk.every((ok) => ok) && speakerOk.every((ok) => ok)) return undefined;
  return filterPredicate(corpus, filters);
}

/** Which sessions and which speakers pass the filters, by index. */
function filterTables(
  corpus: Corpus,
  filters: ResolvedFilters,
): { sessionOk: boolean[]; speakerOk: boolean[] } {
  const { sessions, speakers } = corpus.store;
  const sessionOk = sessions.map((session, index) => {
    if (!conferenceOk(session.conference, filters)) return false;
    if (filters.sessions) return filters.sessions.has(index) && dateOk(session.date, filters);
    if (session.version === "rough") return false;
    if (filters.bodies && (session.body === null || !filters.bodies.has(session.body)))
      return false;
    return dateOk(session.date, filters);
  });
  if (filters.sessions && filters.bodies) {
    for (const [index, session] of sessions.entries()) {
      if (session.body === null || !filters.bodies.has(session.body)) sessionOk[index] = false;
    }
  }
  const speakerOk = speakers.map(
    (speaker, index) =>
      (filters.speakers === null || filters.speakers.has(index)) &&
      (filters.kinds === null || filters.kinds.has(speaker.kind)),
  );
  return { sessionOk, speakerOk };
}

/** True when a session of this conference passes the conference filter. */
export function conferenceOk(conference: string | null, filters: ResolvedFilters): boolean {
  return (
    filters.conferences === null || (conference !== null && filters.conferences.has(conference))
  );
}

function dateOk(date: string | null, filters: ResolvedFilters): boolean {
  if (filters.from === null && filters.to === null) return true;
  if (date === null) return false;
  return (
    (filters.from === null || date >= filters.from) && (filters.to === null || date <= filters.to)
  );
}
