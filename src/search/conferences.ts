/**
 * The conferences of a loaded corpus: which ones its sessions belong to (in registry order), what
 * each holds (bodies, sessions, utterances), one conference with its sessions, and results grouped
 * by conference (the phrase timeline's and the variant finder's groups). The profiles themselves
 * are in src/conferences/. Runtime-free.
 */
import { CONFERENCES, conferenceById, conferenceIds } from "../conferences/registry";
import type { ConferenceProfile } from "../conferences/profile";
import { bodyDisplayName } from "../conferences/body";
import type { Body } from "../domain";
import { UNIDENTIFIED_CONFERENCE_NAME } from "./citation";
import type { Corpus } from "./corpus";
import { NotFoundError } from "./errors";
import { sessionSummary } from "./present";
import type { StoreSession } from "./schema";
import type { SessionRef, SessionSummary } from "./types";

/** A body of a conference, with how many of the corpus's finished sessions it held. */
export interface ConferenceBody {
  id: Body;
  name: string;
  description: string | null;
  sessions: number;
}

/** A conference of the corpus: its profile's facts and what the corpus holds of it. */
export interface ConferenceSummary {
  id: string;
  name: string;
  shortName: string;
  place: string;
  city: string;
  /** First and last day, YYYY-MM-DD. */
  dates: { from: string; to: string };
  timeZone: string;
  /** The bodies of the profile, then any other body the corpus's sessions name. */
  bodies: ConferenceBody[];
  /** Finished (searchable) sessions; rough versions are not counted. */
  sessions: number;
  /** Utterances of those sessions. */
  utterances: number;
  /** True when its sessions are the synthetic sample. */
  synthetic: boolean;
}

/** Whether a session is of the given conference (null: of none the engine knows). */
function ofConference(session: StoreSession, id: string | null): boolean {
  return (session.conference ?? null) === id;
}

/** The profiles the corpus's sessions belong to, in registry order. */
export function corpusConferences(corpus: Corpus): ConferenceProfile[] {
  const present = new Set(corpus.store.sessions.map((session) => session.conference));
  return CONFERENCES.filter((profile) => present.has(profile.id));
}

function bodiesOf(profile: ConferenceProfile, sessions: readonly StoreSession[]): ConferenceBody[] {
  const counts = new Map<Body, number>();
  for (const session of sessions) {
    const body = session.body ?? "other";
    counts.set(body, (counts.get(body) ?? 0) + 1);
  }
  const known = profile.bodies.map((body) => ({
    id: body.id,
    name: body.name,
    description: body.description ?? null,
    sessions: counts.get(body.id) ?? 0,
  }));
  const extra = [...counts.keys()]
    .filter((id) => !profile.bodies.some((body) => body.id === id))
    .map((id) => ({
      id,
      name: bodyDisplayName(id),
      description: null,
      sessions: counts.get(id) ?? 0,
    }));
  return [...known, ...extra];
}

/** A profile summarised over the corpus's finished sessions of it. */
export function conferenceSummary(corpus: Corpus, profile: ConferenceProfile): ConferenceSummary {
  const sessions = corpus.store.sessions.filter(
    (session) => ofConference(session, profile.id) && session.version === "finished",
  );
  return {
    id: profile.id,
    name: profile.name,
    shortName: profile.shortName,
    place: profile.place,
    city: profile.city,
    dates: { ...profile.dates },
    timeZone: profile.timeZone,
    bodies: bodiesOf(profile, sessions),
    sessions: sessions.length,
    utterances: sessions.reduce((n, session) => n + session.count, 0),
    synthetic: sessions.some((session) => session.synthetic),
  };
}

/** Every conference of the corpus, in registry order. */
export function listConferences(corpus: Corpus): {
  conferences: ConferenceSummary[];
  /** Finished sessions of no known conference. */
  unidentifiedSessions: number;
  synthetic: boolean;
  notice: string | null;
} {
  return {
    conferences: corpusConferences(corpus).map((profile) => conferenceSummary(corpus, profile)),
    unidentifiedSessions: corpus.store.sessions.filter(
      (session) => ofConference(session, null) && session.version === "finished",
    ).length,
    synthetic: corpus.store.synthetic,
    notice: corpus.store.notice,
  };
}

/**
 * One conference with its sessions in chronological order (rough versions included, marked by
 * `version`). A known conference the corpus has no session of is listed with none; an id no
 * profile has is a NotFoundError.
 */
export function conferenceDetail(
  corpus: Corpus,
  id: string,
): ConferenceSummary & {
  sessionList: SessionSummary[];
  synthetic: boolean;
  notice: string | null;
} {
  const profile = conferenceById(id);
  if (!profile) throw new NotFoundError("conference", id, conferenceIds());
  return {
    ...conferenceSummary(corpus, profile),
    sessionList: corpus.store.sessions
      .filter((session) => ofConference(session, profile.id))
      .map(sessionSummary),
    synthetic: corpus.store.synthetic,
    notice: corpus.store.notice,
  };
}

/** A run of results of one conference (see groupByConference). */
export interface ConferenceGroup {
  /** The conference id, null for sessions of no known conference. */
  conference: string | null;
  shortName: string;
  name: string;
  /** Items in the group. */
  count: number;
}

/**
 * Items grouped by their session's conference, the groups in the order their first item comes
 * (items in chronological order give the conferences in the order they met).
 */
export function groupByConference<T>(
  items: readonly T[],
  sessionOf: (item: T) => Pick<SessionRef, "conference">,
): (ConferenceGroup & { items: T[] })[] {
  const groups = new Map<string | null, ConferenceGroup & { items: T[] }>();
  for (const item of items) {
    const id = sessionOf(item).conference ?? null;
    let group = groups.get(id);
    if (!group) {
      const profile = conferenceById(id);
      group = {
        conference: id,
        shortName: profile?.shortName ?? UNIDENTIFIED_CONFERENCE_NAME,
        name: profile?.name ?? UNIDENTIFIED_CONFERENCE_NAME,
        count: 0,
        items: [],
      };
      groups.set(id, group);
    }
    group.count++;
    group.items.push(item);
  }
  return [...groups.values()];
}
