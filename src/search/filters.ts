/**
 * Filter values of the query language and of the API parameters: syntax checks only (speaker
 * and session names are resolved against the corpus in src/search/resolve.ts).
 *
 * Runtime-free.
 */
import { CONFERENCES, conferenceById, conferenceIds } from "../conferences/registry";
import type { Body, SpeakerKind } from "../domain";
import { QueryError } from "./errors";

/** Bodies a `body:` filter accepts: every body of every conference profile, then "other". */
export const BODIES: readonly Body[] = [
  ...new Set<Body>([...CONFERENCES.flatMap((c) => c.bodies.map((b) => b.id)), "other"]),
];

/** Speaker kinds a `kind:` filter accepts. */
export const SPEAKER_KINDS: readonly SpeakerKind[] = [
  "delegation",
  "chair",
  "secretariat",
  "interpreter",
  "official",
  "person",
  "unknown",
];

/** Filters as given, before resolution. Lists of one key are alternatives (OR); keys combine with AND. */
export interface FilterSpec {
  /** Conference ids ("wcit-12", "pp-14": src/conferences/registry.ts). */
  conference: string[];
  speaker: string[];
  session: string[];
  body: Body[];
  kind: SpeakerKind[];
  /** Inclusive date bounds, YYYY-MM-DD. */
  from: string | null;
  to: string | null;
}

/** A filter spec with nothing in it. */
export function emptyFilters(): FilterSpec {
  return { conference: [], speaker: [], session: [], body: [], kind: [], from: null, to: null };
}

/**
 * The filters whose values are alternatives (FilterSpec's lists): the dimensions a search can be
 * narrowed to one value of (the search page's facets).
 */
export const VALUE_FILTER_KEYS = ["conference", "speaker", "session", "body", "kind"] as const;
export type ValueFilterKey = (typeof VALUE_FILTER_KEYS)[number];

/**
 * The filter parameters of /api/search, the search page's URL and `npm run search`: the value
 * filters and the date bounds, one value each (the query language's `date:` is from and to).
 */
export const FILTER_PARAMS = [...VALUE_FILTER_KEYS, "from", "to"] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

/** The filter keys of the query language (`key:value`). */
export const FILTER_KEYS = [...VALUE_FILTER_KEYS, "date", "from", "to"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export function isFilterKey(key: string): key is FilterKey {
  return (FILTER_KEYS as readonly string[]).includes(key);
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks a YYYY-MM-DD calendar date. */
export function parseDate(value: string, parameter: string): string {
  const match = DATE_RE.exec(value);
  if (!match)
    throw new QueryError(parameter, `${JSON.stringify(value)} is not a date (YYYY-MM-DD)`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    throw new QueryError(parameter, `${JSON.stringify(value)} is not a calendar date`);
  }
  return value;
}

/** Parses `YYYY-MM-DD` or a range `A..B` (either end may be left open). */
export function parseDateRange(
  value: string,
  parameter: string,
): { from: string | null; to: string | null } {
  const dots = value.indexOf("..");
  if (dots < 0) {
    const date = parseDate(value, parameter);
    return { from: date, to: date };
  }
  const fromText = value.slice(0, dots);
  const toText = value.slice(dots + 2);
  if (fromText === "" && toText === "") {
    throw new QueryError(parameter, `date range ${JSON.stringify(value)} has no ends`);
  }
  return {
    from: fromText === "" ? null : parseDate(fromText, parameter),
    to: toText === "" ? null : parseDate(toText, parameter),
  };
}

export function parseBody(value: string, parameter: string): Body {
  const body = value.toLowerCase();
  if (!(BODIES as readonly string[]).includes(body)) {
    throw new QueryError(
      parameter,
      `unknown body ${JSON.stringify(value)}; expected one of ${BODIES.join(", ")}`,
    );
  }
  return body as Body;
}

/** A conference id of the registry (case-insensitive); an unknown one names the known ids. */
export function parseConference(value: string, parameter: string): string {
  const profile = conferenceById(value.toLowerCase());
  if (!profile) {
    throw new QueryError(
      parameter,
      `unknown conference ${JSON.stringify(value)}; expected one of ${conferenceIds().join(", ")}`,
      conferenceIds(),
    );
  }
  return profile.id;
}

export function parseKind(value: string, parameter: string): SpeakerKind {
  const kind = value.toLowerCase();
  if (!(SPEAKER_KINDS as readonly string[]).includes(kind)) {
    throw new QueryError(
      parameter,
      `unknown speaker kind ${JSON.stringify(value)}; expected one of ${SPEAKER_KINDS.join(", ")}`,
    );
  }
  return kind as SpeakerKind;
}

/** Narrows the date bounds of `filters` (the later `from`, the earlier `to`). */
export function narrowDates(filters: FilterSpec, from: string | null, to: string | null): void {
  if (from !== null && (filters.from === null || from > filters.from)) filters.from = from;
  if (to !== null && (filters.to === null || to < filters.to)) filters.to = to;
}

/**
 * Adds one `key:value` filter to a spec. Errors name `parameter` (the query parameter "q" for
 * filters typed in the query, the API parameter otherwise).
 */
export function addFilter(
  filters: FilterSpec,
  key: FilterKey,
  value: string,
  parameter: string,
): void {
  if (value.trim() === "") throw new QueryError(parameter, `${key}: needs a value`);
  switch (key) {
    case "conference":
      filters.conference.push(parseConference(value.trim(), parameter));
      return;
    case "speaker":
      filters.speaker.push(value.trim());
      return;
    case "session":
      filters.session.push(value.trim());
      return;
    case "body":
      filters.body.push(parseBody(value.trim(), parameter));
      return;
    case "kind":
      filters.kind.push(parseKind(value.trim(), parameter));
      return;
    case "date": {
      const range = parseDateRange(value.trim(), parameter);
      narrowDates(filters, range.from, range.to);
      return;
    }
    case "from":
      narrowDates(filters, parseDate(value.trim(), parameter), null);
      return;
    case "to":
      narrowDates(filters, null, parseDate(value.trim(), parameter));
      return;
  }
}

/** Throws when the date bounds are empty (from after to). */
export function checkDates(filters: FilterSpec, parameter: string): void {
  if (filters.from !== null && filters.to !== null && filters.from > filters.to) {
    throw new QueryError(
      parameter,
      `date range is empty: from ${filters.from} is after to ${filters.to}`,
    );
  }
}

/** True when the spec filters anything. */
export function hasFilters(filters: FilterSpec): boolean {
  return (
    filters.conference.length > 0 ||
    filters.speaker.length > 0 ||
    filters.session.length > 0 ||
    filters.body.length > 0 ||
    filters.kind.length > 0 ||
    filters.from !== null ||
    filters.to !== null
  );
}
