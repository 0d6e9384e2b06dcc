/**
 * Facet counts for the search page: over the FULL result set of the current query (not just
 * the page shown), computed with the core's own matching (prepareQuery + matchSteps), so the
 * counts agree with the result count. A dimension whose filter is set is counted with that
 * filter left out, so the other values it could switch to keep their counts.
 */
import { CONFERENCES } from "../../conferences/registry";
import type { Body, SpeakerKind } from "../../domain";
import type { Corpus } from "../../search/corpus";
import { type Pace, type Steps, NEVER_PAUSE, runToEnd } from "../../search/pace";
import { matchSteps, prepareQuery } from "../../search/search";
import { countBySession, countBySpeaker } from "../../search/tally";
import type { SearchState } from "./search-state";
import { stateFilters } from "./search-state";

/** One facet value with its count. */
export interface FacetValue<T extends string = string> {
  value: T;
  /** What to show: "Egypt", "Plenary 1"... (the page decides for sessions). */
  label: string;
  count: number;
}

export interface Facets {
  /** Conferences in the order they met (registry order), labelled by short name. */
  conference: FacetValue[];
  speaker: FacetValue[];
  session: FacetValue[];
  body: FacetValue<Body>[];
  kind: FacetValue<SpeakerKind>[];
  /** Days (YYYY-MM-DD) in date order. */
  date: FacetValue[];
}

/** Which state fields each facet dimension leaves out when counting. */
const DIMENSION_FIELDS = {
  conference: ["conference"],
  speaker: ["speaker"],
  session: ["session"],
  body: ["body"],
  kind: ["kind"],
  date: ["from", "to"],
} as const satisfies Record<keyof Facets, readonly (keyof SearchState)[]>;

function* ordinalsFor(corpus: Corpus, state: SearchState, pace: Pace): Steps<number[]> {
  const origins = { speaker: "speaker", session: "session" };
  const query = prepareQuery(corpus, state.q, stateFilters(state), origins);
  const matches = yield* matchSteps(corpus, query, {}, pace);
  return matches.map((match) => match.ordinal);
}

/**
 * Counts the current query's matches per conference, speaker, session, body, speaker kind and
 * day.
 * Throws what the core throws for a bad query (QueryError naming the parameter).
 */
export function facetCounts(corpus: Corpus, state: SearchState): Facets {
  return runToEnd(facetSteps(corpus, state, NEVER_PAUSE));
}

/** facetCounts as pausable steps (see src/search/pace.ts). */
export function* facetSteps(corpus: Corpus, state: SearchState, pace: Pace): Steps<Facets> {
  const all = yield* ordinalsFor(corpus, state, pace);
  function* forDimension(dimension: keyof Facets): Steps<number[]> {
    const fields = DIMENSION_FIELDS[dimension];
    if (fields.every((field) => state[field] === null)) return all;
    const relaxed: SearchState = { ...state };
    for (const field of fields) relaxed[field] = null;
    return yield* ordinalsFor(corpus, relaxed, pace);
  }
  const sorted = <T extends string>(values: FacetValue<T>[]) =>
    values.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const summed = <T extends string>(counts: Map<T, number>) =>
    sorted([...counts].map(([value, count]) => ({ value, label: value, count })));

  const speakers = countBySpeaker(corpus, yield* forDimension("speaker"));
  const speaker = sorted(
    speakers.map(({ entry: s, count }) => ({ value: s.id, label: s.name, count })),
  );

  // Sessions stay in date order (the store's order is chronological).
  const sessions = countBySession(corpus, yield* forDimension("session"));
  const session = sessions.map(({ entry: s, count }) => ({ value: s.id, label: s.id, count }));

  const conferences = new Map<string, number>();
  for (const { entry, count } of countBySession(corpus, yield* forDimension("conference"))) {
    if (entry.conference) {
      conferences.set(entry.conference, (conferences.get(entry.conference) ?? 0) + count);
    }
  }
  const conference = CONFERENCES.flatMap((profile) => {
    const count = conferences.get(profile.id);
    return count === undefined ? [] : [{ value: profile.id, label: profile.shortName, count }];
  });

  const bodies = new Map<Body, number>();
  for (const { entry, count } of countBySession(corpus, yield* forDimension("body"))) {
    if (entry.body) bodies.set(entry.body, (bodies.get(entry.body) ?? 0) + count);
  }
  const body = summed(bodies);

  const kinds = new Map<SpeakerKind, number>();
  for (const { entry, count } of countBySpeaker(corpus, yield* forDimension("kind"))) {
    if (entry.kind) kinds.set(entry.kind, (kinds.get(entry.kind) ?? 0) + count);
  }
  const kind = summed(kinds);

  const days = new Map<string, number>();
  for (const { entry, count } of countBySession(corpus, yield* forDimension("date"))) {
    if (entry.date) days.set(entry.date, (days.get(entry.date) ?? 0) + count);
  }
  const date = [...days]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([value, count]) => ({ value, label: value, count }));

  return { conference, speaker, session, body, kind, date };
}
