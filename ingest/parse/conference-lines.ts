/**
 * The header fields that say where a session was held: the conference line, the city line and the
 * room line. Like header-fields.ts, each recogniser reads at a position (sticky: there or not at
 * all) and returns the value and where it ends, so lines may stand alone or run together in a
 * flattened header ("PLENIPOTENTIARY CONFERENCE 2022 BUCHAREST, ROMANIA ROOM A FIFTEENTH PLENARY
 * MEETING").
 *
 * C1 Conference line: an optional "ITU" before it, then the line of a known conference (its
 *    profile's recognition patterns, src/conferences/), or the generic shape: up to
 *    MAX_CONFERENCE_WORDS words in capitals with an event word among them (CONFERENCE, FORUM,
 *    ASSEMBLY, COUNCIL, SUMMIT, SYMPOSIUM, WORKSHOP), ending where a city, room, title or other
 *    field starts or the line ends (the longest such run). Either may be followed by a year or an
 *    acronym ("2014", "(WCIT-12)", "PP-14"). A line read glued ("CONFERENCEON") is given back in
 *    the spacing of the profile's example line it equals.
 * C2 City line: a known conference's city (its profile's patterns), or the generic shape "CITY,
 *    COUNTRY": one to three words, a comma, one to four words (OF between them), in capitals, none
 *    of them a title, month, event or status word; it ends where a room, title or field starts or
 *    the line ends. The header reader takes the generic shape only after a status or conference
 *    line (so "GOOD MORNING, EVERYONE" at the top of a headerless copy is no city).
 * C3 Room line: "ROOM" and one name ("ROOM A", "ROOM CUZA", "ROOM 2").
 */
import { CONFERENCES } from "../../src/conferences/registry";
import {
  lineEndOf,
  matchDate,
  matchStatus,
  matchTime,
  squash,
  sticky,
  type FieldMatch,
} from "./header-fields";
import { CARDINAL_PATTERN, ORDINAL_PATTERN } from "./title";

/** Most words of a conference line of the generic shape (C1). */
export const MAX_CONFERENCE_WORDS = 12;

/** Words that name a meeting in a title (a title starts at the first of them). */
export const TITLE_KEYWORDS =
  /\b(?:PLENARY|COMMITTEE|COM|COM\d+|MEETING|SESSION|WORKING|GROUP|CEREMONY|CEREMONIES|OPENING|CLOSING|SEGMENT|DEBATE|PANEL|DIALOGUE|BRIEFING|SIGNING|ELECTIONS?|WG)\b/;
/** Words that name an event in a conference line (C1). */
export const EVENT_KEYWORDS =
  /\b(?:CONFERENCE|FORUM|ASSEMBLY|COUNCIL|SUMMIT|SYMPOSIUM|WORKSHOP|PLENIPOTENTIARY)\b/;

const ORGANISER_RE = /ITU[ \t]*[-–:]?[ \t]*(?=[A-Z])/y;
const TRAILER_RE =
  /[ \t]*[-–]?[ \t]*(\(?[A-Z]{2,6}[ -]?\d{2}\)?|\(?(?:19|20)\d\d\)?)(?![\dA-Za-z])/y;
const WORD_RE = /[ \t]*([A-Z][A-Z/&'’.-]*|(?:19|20)\d\d)(?=[\s,;>]|$)/y;
const CONNECTORS = new Set(["ON", "OF", "FOR", "THE", "AND", "&", "/", "-", "IN"]);
const ROOM_RE = /(?:ROOM|Room)[ \t]+([A-Z0-9][A-Za-z0-9/-]*)(?![A-Za-z0-9])/y;
const WORD_AT = /[ \t]*([A-Z][A-Z.'’-]*)/y;
const MONTH_WORDS =
  /^(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)$/;
const NUMBER_WORD = new RegExp(`^(?:${ORDINAL_PATTERN}|${CARDINAL_PATTERN})$`);
/** Words of other header fields (status line, room, the synthetic marker). */
const FIELD_WORDS = /^(?:FINISHED|FINAL|RAW|ROUGH|UNEDITED|TRANSCRIPT|COPY|FILE|ROOM|SYNTHETIC)$/;
const ORDINAL_AT = new RegExp(`(?:${ORDINAL_PATTERN})(?![A-Za-z])`, "y");

/** The profiles' patterns, sticky and case-insensitive (header lines come in any case). */
function stickyPatterns(
  pick: (r: (typeof CONFERENCES)[number]["recognition"]) => readonly RegExp[],
) {
  return CONFERENCES.flatMap((c) => pick(c.recognition).map((re) => new RegExp(re.source, "iy")));
}
const PROFILE_LINES = stickyPatterns((r) => r.conferenceLines);
const PROFILE_CITIES = stickyPatterns((r) => r.cityLines);

/** Example lines of the profiles by their letters alone: a glued line gets their spacing back. */
const CANONICAL = new Map(
  CONFERENCES.flatMap((c) => [
    ...c.recognition.examples.conferenceLines,
    ...c.recognition.examples.cityLines,
  ]).map((line) => [letters(line), line]),
);

function letters(line: string): string {
  return line.toUpperCase().replace(/\s+/g, "");
}

function canonical(value: string): string {
  return CANONICAL.get(letters(value)) ?? value;
}

/** Where the longest of the patterns matching at pos ends, or -1. */
function longestAt(patterns: readonly RegExp[], text: string, pos: number): number {
  let end = -1;
  for (const re of patterns) {
    const m = sticky(re, text, pos);
    if (m && m[0].length > 0) end = Math.max(end, pos + m[0].length);
  }
  return end;
}

/** True for a word that is no part of a place or event name (a title, month, status word...). */
function isStopWord(word: string): boolean {
  return (
    TITLE_KEYWORDS.test(word) ||
    MONTH_WORDS.test(word) ||
    NUMBER_WORD.test(word) ||
    FIELD_WORDS.test(word)
  );
}

/**
 * True where a field other than a conference line starts, for where a conference or city line
 * ends: a status, date, time, room, title word, known city, turn marker or delimiter.
 */
function otherFieldAt(text: string, pos: number): boolean {
  const ch = text[pos];
  if (ch === undefined || ch === "\n" || ch === "\r" || ch === ">" || ch === "*") return true;
  if (matchStatus(text, pos) || matchDate(text, pos) || matchRoom(text, pos)) return true;
  if (/^Services\s*provided/i.test(text.slice(pos, pos + 30))) return true;
  if (matchTime(text, pos) || longestAt(PROFILE_CITIES, text, pos) !== -1) return true;
  if (sticky(ORDINAL_AT, text, pos)) return true;
  const word = sticky(WORD_AT, text, pos);
  return word?.[1] !== undefined && TITLE_KEYWORDS.test(word[1]);
}

/** True where a conference line may end: a line end or another field next (C1). */
function conferenceEndsAt(text: string, pos: number): boolean {
  let p = trailerEnd(text, pos);
  while (text[p] === " " || text[p] === "\t") p++;
  if (p >= text.length) return true;
  return otherFieldAt(text, p) || genericCityAt(text, p) !== null;
}

/** A conference line of the generic shape at pos (C1), or the offset it ends at, or -1. */
function genericConferenceEnd(text: string, pos: number): number {
  const limit = lineEndOf(text, pos);
  let p = pos;
  let event = false;
  let end = -1;
  for (let n = 0; n < MAX_CONFERENCE_WORDS; n++) {
    const m = sticky(WORD_RE, text, p);
    if (!m?.[1] || m.index + m[0].length > limit) break;
    const word = m[1];
    if (isStopWord(word) && !/^\d/.test(word)) break;
    p = m.index + m[0].length;
    if (EVENT_KEYWORDS.test(word)) event = true;
    if (event && !CONNECTORS.has(word) && conferenceEndsAt(text, p)) end = p;
  }
  return end;
}

/** A year or an acronym after a conference line ("2014", "(WCIT-12)"), not a time (C1). */
function trailerEnd(text: string, pos: number): number {
  let end = pos;
  for (let n = 0; n < 2; n++) {
    const m = sticky(TRAILER_RE, text, end);
    if (!m?.[1]) break;
    const at = m.index + m[0].length - m[1].length;
    const time = matchTime(text, at);
    if (time && (time.value.endTime !== null || time.value.timeZone !== null)) break;
    end = m.index + m[0].length;
  }
  return end;
}

/**
 * The conference line at pos (C1). `generic: false` reads only known conferences' lines (where
 * another field may start inside a title: "CLOSING OF THE CONFERENCE" is one title).
 */
export function matchConference(
  text: string,
  pos: number,
  options: { generic: boolean } = { generic: true },
): FieldMatch<string> | null {
  const organiser = sticky(ORGANISER_RE, text, pos);
  const from = organiser ? pos + organiser[0].length : pos;
  let end = Math.max(longestAt(PROFILE_LINES, text, from), longestAt(PROFILE_LINES, text, pos));
  if (end === -1 && options.generic) end = genericConferenceEnd(text, from);
  if (end === -1) return null;
  end = trailerEnd(text, end);
  return { value: canonical(squash(text.slice(pos, end))), end };
}

/** Words of a place at pos: up to `max` capitalised words, none a stop word; their end or -1. */
function placeWords(text: string, pos: number, max: number): number {
  let p = pos;
  let end = -1;
  for (let n = 0; n < max; n++) {
    const m = sticky(WORD_AT, text, p);
    if (!m?.[1] || isStopWord(m[1]) || EVENT_KEYWORDS.test(m[1])) break;
    if (/[\n\r]/.test(m[0])) break;
    p = m.index + m[0].length;
    if (m[1] !== "OF") end = p;
  }
  return end;
}

/** A city line of the generic shape "CITY, COUNTRY" at pos (C2). */
export function genericCityAt(text: string, pos: number): FieldMatch<string> | null {
  const city = placeWords(text, pos, 3);
  if (city === -1) return null;
  const comma = /[ \t]*,[ \t]*/y;
  const c = sticky(comma, text, city);
  if (!c) return null;
  const end = placeWords(text, city + c[0].length, 4);
  if (end === -1) return null;
  let after = end;
  while (text[after] === " " || text[after] === "\t") after++;
  if (after < text.length && !otherFieldAt(text, after)) return null;
  return { value: squash(text.slice(pos, end)), end };
}

/** The city line of a known conference at pos (C2: its profile's patterns). */
export function matchCity(text: string, pos: number): FieldMatch<string> | null {
  const end = longestAt(PROFILE_CITIES, text, pos);
  if (end === -1) return null;
  return { value: canonical(squash(text.slice(pos, end))), end };
}

/** The room line at pos (C3). */
export function matchRoom(text: string, pos: number): FieldMatch<string> | null {
  const m = sticky(ROOM_RE, text, pos);
  if (!m?.[1] || (!/^\d/.test(m[1]) && isStopWord(m[1].toUpperCase()))) return null;
  return { value: squash(m[0]).toUpperCase(), end: m.index + m[0].length };
}

/**
 * A known conference's line anywhere (case-sensitive: header lines are in capitals, speech is
 * not): where a second copy of the header may start (copy-site.ts K1).
 */
export const KNOWN_CONFERENCE_SOURCE = CONFERENCES.flatMap((c) =>
  c.recognition.conferenceLines.map((re) => re.source),
).join("|");

/**
 * Where a conference line may start a header (H1): at a line start, a known conference's line
 * (after an optional "ITU") not followed by a word in lower case (a copy site's page title
 * "WCIT-12 Plenary 3 transcript" is a teaser), or a whole line of capitals naming an event.
 */
export const CONFERENCE_ANCHOR_SOURCE = [
  `(?<=^|\\n)[ \\t]*(?:ITU[ \\t]*)?(?:${KNOWN_CONFERENCE_SOURCE})(?![ \\t]*[A-Za-z]*[a-z])`,
  `(?<=^|\\n)[ \\t]*(?:[A-Z0-9][A-Z0-9/&'’(),.-]*[ \\t]+)*${EVENT_KEYWORDS.source}[A-Z0-9/&'’(),. \\t-]*(?=\\n|$)`,
].join("|");
