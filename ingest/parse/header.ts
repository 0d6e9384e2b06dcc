/**
 * The transcript header: everything before the first speaker turn.
 *
 * Rules:
 * H1 Where it starts: the first status line, a conference line at a line start (a known
 *    conference's, or a whole capitals line naming an event: conference-lines.ts), "SYNTHETIC
 *    SAMPLE" or "Services provided by:" within the first PREAMBLE_WINDOW characters (and before the first
 *    ">>"). Anything before it is a copy site's teaser/page count and is dropped (a warning says
 *    so, unless every dropped line is a teaser line, junk.ts isTeaserLine). Without such an
 *    anchor, leading teaser lines are dropped, then a site's own preamble (site-preamble.ts: a
 *    blog headline and date line, an introduction about the transcript; a warning says so), and
 *    the header is read from there; a rough live version may have no header at all.
 *    Copy sites add two more cases:
 *    - the page title before the header: a "Transcript of <page title>" line, or a line running
 *      header fields together ("FINISHED TRANSCRIPT WORLD CONFERENCE ... DUBAI, ...") whose
 *      first field starts a later line again before the first turn (after `advertisement`, say):
 *      the header starts at the next anchor after that line (up to MAX_TITLE_TEASERS times);
 *    - a copy that cut the top of the page: when the anchor is "Services provided by:", a date
 *      or time in capitals directly above it (same line or lines above, blank lines between) is
 *      the header's first field. An upload date ("Dec 07, 2012", lower case) is not.
 * H2 Fields are read one after another at a cursor, in ANY order, one per line or all on one
 *    flattened line: status, conference, city, room, date, time, title, provider block,
 *    disclaimer, SYNTHETIC SAMPLE marker (header-fields.ts; conference, city and room lines:
 *    conference-lines.ts C1-C3). Each kind of field is one step over an explicit state
 *    (FIELD_STEPS); then the conference is picked and the title read under its profile (H7).
 *    Between fields: whitespace and , ; | - separators,
 *    and junk (Page N: prefixes, page numbers and page markers on their own lines).
 * H3 A title is a run of capitals ("PLENARY 13 - CLOSING CEREMONY") ending at a line end or where
 *    another field starts (flattened headers), or a Title Case line naming a meeting ("Plenary 1").
 *    A run of capitals naming a CONFERENCE/FORUM/ASSEMBLY... that conference-lines.ts did not
 *    read is the conference line of another event; "CITY, COUNTRY" after it is the city line. Without a title keyword (PLENARY,
 *    COMMITTEE, MEETING, SESSION, GROUP, CEREMONY...) a capitals line is a title only when
 *    another header field follows it. A digit run glued to a date ("PLENARY 103 DECEMBER 2012")
 *    is split where the date starts.
 * H4 Four digits that read as a year of this century ("2012", "2014") are a time only alone on
 *    their line, with a range or a time zone after them ("2030 LOCAL TIME"), or when a date with
 *    another year was already read; "1930" is always 19:30. A title or time before any other field
 *    needs another field after it (so speech at the top of a headerless transcript is not taken
 *    for a header).
 * H5 The header ends after its last field; what follows (stand-by lines, speech without a marker)
 *    is body. A field seen twice keeps its first value (warning). A capitals line between two
 *    fields that is neither conference, city nor title is skipped (warning); a provider block
 *    whose lines are separated by blank lines keeps collecting its parts.
 * H6 synthetic = "SYNTHETIC SAMPLE" appears anywhere from the top of the text to the header's end.
 * H7 The conference: the one the header names (src/conferences/registry.ts recognizeConference:
 *    conference line, city line, date), else the run's (HeaderOptions.conference: the sources
 *    folder or --conference); a header naming another one than the run's wins, with a warning; a
 *    conference line no profile knows gives null and a warning naming it. The title is then
 *    classified with that profile's title rules (title.ts).
 */
import type { ConferenceProfile } from "../../src/conferences/profile";
import { conferenceById, conferenceIds, recognizeConference } from "../../src/conferences/registry";
import { emptySessionHeader, type SessionHeader } from "../../src/domain";
import {
  CONFERENCE_ANCHOR_SOURCE,
  EVENT_KEYWORDS,
  TITLE_KEYWORDS,
  genericCityAt,
  matchCity,
  matchConference,
  matchRoom,
} from "./conference-lines";
import {
  DELIMITER_RE,
  SYNTHETIC_RE,
  lineEndOf,
  matchDate,
  matchDisclaimer,
  matchProvider,
  matchProviderPart,
  matchStatus,
  matchTime,
  squash,
} from "./header-fields";
import { PAGE_PREFIX_RE, isJunkLine, isTeaserLine, isTranscriptOfLine } from "./junk";
import { sitePreambleEnd } from "./site-preamble";
import { classifyTitle } from "./title";

/** How far from the top a header may start (teasers before it are dropped). */
export const PREAMBLE_WINDOW = 20_000;
/** Longest title/conference/city line read as one. */
export const MAX_HEADER_LINE = 200;
/** Safety bound on the number of header fields. */
const MAX_FIELDS = 100;
/** Most page-title lines skipped before a header (H1). */
export const MAX_TITLE_TEASERS = 3;
/** How far below a page title its repeated first field is looked for (H1). */
const TITLE_REPEAT_WINDOW = 3000;
/** Most field lines read above a provider anchor in a copy that cut the top (H1). */
const MAX_FIELDS_ABOVE = 3;

/** What the header reader found. */
export interface HeaderParse {
  /** Header fields; spokenNumber is left null (it is read from the turns). */
  header: SessionHeader;
  /** True when at least one header field was found. */
  found: boolean;
  /** Offset where the header starts (after a dropped preamble). */
  start: number;
  /** Offset where the body starts. */
  end: number;
  warnings: string[];
}

const ANCHOR_CAPS_RE = new RegExp(
  `(?:FINISHED|FINAL|RAW|ROUGH|UNEDITED)\\s*(?:TRANSCRIPT|FILE|COPY|DRAFT|EDITED)|SYNTHETIC\\s*SAMPLE|${CONFERENCE_ANCHOR_SOURCE}`,
);
const ANCHOR_PROVIDER_RE = /Services\s*provided\s*by\s*:/i;
const STATUS_AT = /(?:FINISHED|FINAL|RAW|ROUGH|UNEDITED)\s*(?:TRANSCRIPT|FILE|COPY|DRAFT|EDITED)/iy;
const PROVIDER_AT = /Services\s*provided\s*by/iy;
const UNDELIMITED_DISCLAIMER_AT =
  /This\s+(?:(?:text|transcript|file|document)\s+)?is\s+(?:being\s+)?provided\s+in\b/iy;
const MARKER_AT = />/y;
const TOKEN_RE = /(?:[A-Z0-9([][A-Z0-9'’&().,/[\]-]*|[-–—/])(?=[ \t\n]|$)/y;
const CITY_SHAPE = /^[A-Z][A-Z .'’-]*,\s*[A-Z][A-Z .'’-]*$/;

function at(re: RegExp, text: string, pos: number): boolean {
  re.lastIndex = pos;
  return re.test(text);
}

/** Where a header anchor (H1) starts, or -1. */
function findAnchor(text: string): number {
  let window = text.slice(0, PREAMBLE_WINDOW);
  const marker = window.search(/>[ \t]?>/);
  if (marker >= 0) window = window.slice(0, marker);
  const caps = window.search(ANCHOR_CAPS_RE);
  const provider = window.search(ANCHOR_PROVIDER_RE);
  if (caps === -1) return provider;
  if (provider === -1) return caps;
  return Math.min(caps, provider);
}

/**
 * A time at pos (H4): four digits that read as a year (20xx) count only alone on their line, with
 * a range or zone after them, or when they differ from the year of a date already read.
 */
function timeAt(
  text: string,
  pos: number,
  dateYear: string | null = null,
): ReturnType<typeof matchTime> {
  const t = matchTime(text, pos);
  if (!t) return null;
  const written = text.slice(pos, t.end).trim();
  if (/^20\d\d$/.test(written)) {
    const alone = atLineStart(text, pos) && /^[ \t]*(?:\n|$)/.test(text.slice(t.end, t.end + 200));
    if (!alone && (dateYear === null || dateYear === written)) return null;
  }
  return t;
}

/** True when a header field (or a turn marker / delimiter) starts at pos. */
function fieldStartsAt(text: string, pos: number, includeMarker: boolean): boolean {
  if (pos >= text.length) return false;
  if (includeMarker && at(MARKER_AT, text, pos)) return true;
  return (
    at(DELIMITER_RE, text, pos) ||
    at(STATUS_AT, text, pos) ||
    at(PROVIDER_AT, text, pos) ||
    at(SYNTHETIC_RE, text, pos) ||
    at(UNDELIMITED_DISCLAIMER_AT, text, pos) ||
    matchConference(text, pos, { generic: false }) !== null ||
    matchCity(text, pos) !== null ||
    matchRoom(text, pos) !== null ||
    matchDate(text, pos) !== null ||
    timeAt(text, pos) !== null
  );
}

function skipSpaces(text: string, pos: number): number {
  let p = pos;
  while (p < text.length && (text[p] === " " || text[p] === "\t")) p++;
  return p;
}

/** Skips whitespace and separators between fields. */
function skipSeparators(text: string, pos: number): number {
  let p = pos;
  for (;;) {
    while (p < text.length && /\s/.test(text[p] ?? "")) p++;
    const ch = text[p];
    if (ch !== undefined && /[,;|]/.test(ch)) {
      p++;
      continue;
    }
    if (ch !== undefined && /[-–—]/.test(ch) && /\s/.test(text[p + 1] ?? "\n")) {
      p++;
      continue;
    }
    return p;
  }
}

/** True when pos is at the start of a line (only spaces before it on its line). */
function atLineStart(text: string, pos: number): boolean {
  for (let p = pos - 1; p >= 0; p--) {
    const ch = text[p];
    if (ch === "\n") return true;
    if (ch !== " " && ch !== "\t") return false;
  }
  return true;
}

/** Junk between header fields: a Page N: prefix, or a whole junk line. Returns its end or -1. */
function junkAt(text: string, pos: number): number {
  const prefix = new RegExp(PAGE_PREFIX_RE.source, "y");
  prefix.lastIndex = pos;
  const m = prefix.exec(text);
  if (m) return pos + m[0].length;
  if (!atLineStart(text, pos)) return -1;
  const end = lineEndOf(text, pos);
  if (end - pos > MAX_HEADER_LINE) return -1;
  const line = text.slice(pos, end);
  // A bare page number (1-2 digits: a header is on the first pages); "930" is a time.
  return isJunkLine(line) || /^\s*\d{1,2}\s*$/.test(line) ? end : -1;
}

/**
 * Where a date or a colon time starts inside a digit run glued to it ("PLENARY 103 DECEMBER 2012",
 * "PLENARY 114:30": a lost line break), or -1.
 */
function gluedFieldAt(text: string, pos: number): number {
  const digits = /\d+/y;
  digits.lastIndex = pos;
  const m = digits.exec(text);
  if (!m || m[0].length < 2) return -1;
  for (let k = 1; k < m[0].length; k++) {
    if (matchDate(text, pos + k) || /^\d{1,2}:\d\d/.test(text.slice(pos + k, pos + k + 5))) {
      // Only when the whole run is not itself a field (a plain "14:30" or "03 DECEMBER").
      if (matchDate(text, pos) || /^\d{1,2}:\d\d/.test(text.slice(pos, pos + 5))) return -1;
      return pos + k;
    }
  }
  return -1;
}

/** A run of capitals at pos (H3): its end and text, or null. */
function capsRunAt(text: string, pos: number): { end: number; value: string } | null {
  const limit = Math.min(lineEndOf(text, pos), pos + MAX_HEADER_LINE);
  let p = pos;
  let runEnd = pos;
  for (;;) {
    p = skipSpaces(text, p);
    if (p >= limit) break;
    const gluedAt = gluedFieldAt(text, p);
    if (gluedAt > p) {
      runEnd = gluedAt;
      break;
    }
    if (p > pos && fieldStartsAt(text, p, true)) break;
    TOKEN_RE.lastIndex = p;
    const m = TOKEN_RE.exec(text);
    if (!m || m.index + m[0].length > limit) break;
    const token = m[0];
    if (token.endsWith(":")) {
      if (p === pos) return null;
      break;
    }
    runEnd = p + token.length;
    p = runEnd;
  }
  if (runEnd === pos) return null;
  const after = skipSpaces(text, runEnd);
  const atEnd = after >= text.length || text[after] === "\n" || text[after] === "\r";
  if (!atEnd && !fieldStartsAt(text, after, true)) return null;
  const value = squash(text.slice(pos, runEnd)).replace(/[\s\-–—,;:]+$/, "");
  if (!/[A-Z].*[A-Z]/.test(value)) return null;
  return { end: runEnd, value };
}

/** A Title Case line naming a meeting ("Plenary 1", "Third Meeting of Committee 5"). */
function titleLineAt(text: string, pos: number): { end: number; value: string } | null {
  const end = lineEndOf(text, pos);
  const line = text.slice(pos, end).trim();
  if (line.length === 0 || line.length > 80 || /[?!;:]/.test(line)) return null;
  const words = line.split(/\s+/);
  if (words.length > 10) return null;
  if (!words.every((w) => /^(?:[A-Z0-9([][\w'’().,/[\]-]*|of|the|and|on|for|[-–—])$/.test(w))) {
    return null;
  }
  const { body } = classifyTitle(line);
  if (body === "other" && !/\b(?:meeting|session|ceremony)\b/i.test(line)) return null;
  return { end: pos + text.slice(pos, end).trimEnd().length, value: squash(line) };
}

/** Where a title starts in a flattened header (the synthetic marker's text stops there). */
const TITLE_START_AT =
  /(?:PLENARY|COMMITTEE|COM\s*\d|WORKING\s+GROUP|OPENING|CLOSING|[A-Z]+(?:-[A-Z]+)?\s+(?:PLENARY\s+)?MEETING)\b/y;

/**
 * End of the synthetic marker's text. "SYNTHETIC SAMPLE" alone, or with an explanation after a
 * dash or colon or in brackets ("SYNTHETIC SAMPLE - written for tests"), or with a lower-case
 * explanation on its line; the explanation stops where another field, a title or a turn starts.
 */
function syntheticEnd(text: string, pos: number, matchEnd: number): number {
  let limit = Math.min(lineEndOf(text, pos), pos + 300);
  const marker = text.slice(matchEnd, limit).indexOf(">");
  if (marker !== -1) limit = matchEnd + marker;
  const open = text[skipSpaces(text, pos)];
  if (open === "(" || open === "[") {
    const close = text.slice(matchEnd, limit).indexOf(open === "(" ? ")" : "]");
    if (close !== -1) return matchEnd + close + 1;
  }
  const rest = text.slice(matchEnd, limit);
  const bracket = /^\s*([([])/.exec(rest);
  if (bracket?.[1]) {
    const close = rest.indexOf(bracket[1] === "(" ? ")" : "]");
    if (close !== -1) return matchEnd + close + 1;
  }
  if (!/^\s*[-–—:]/.test(rest) && !/^\s+[a-z]/.test(rest)) return matchEnd;
  let end = limit;
  for (let p = matchEnd; p < limit; p++) {
    if (!/\s/.test(text[p - 1] ?? "")) continue;
    if (fieldStartsAt(text, p, true) || at(TITLE_START_AT, text, p)) {
      end = p;
      break;
    }
  }
  while (end > matchEnd && /\s/.test(text[end - 1] ?? "")) end--;
  return end;
}

function preview(s: string): string {
  const t = squash(s);
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}

/** The header field a page title starts with (a status or conference line), or null. */
function titleFieldAt(text: string, pos: number): { end: number; value: string } | null {
  const status = matchStatus(text, pos);
  if (status) return { end: status.end, value: status.value.line };
  const conference = matchConference(text, pos);
  return conference ? { end: conference.end, value: conference.value } : null;
}

/**
 * H1: true when the line at `at` runs two or more header fields together and its first field
 * starts a later line again before the first turn (the page title above the real header).
 */
function repeatedBelow(text: string, at: number, lineEnd: number): boolean {
  const first = titleFieldAt(text, at);
  if (!first) return false;
  const next = skipSeparators(text, first.end);
  if (next >= lineEnd || !fieldStartsAt(text, next, false)) return false;
  const limit = Math.min(text.length, lineEnd + TITLE_REPEAT_WINDOW);
  for (let ls = lineEnd + 1; ls < limit; ls = lineEndOf(text, ls) + 1) {
    const p = skipSpaces(text, ls);
    if (text[p] === ">") return false;
    if (titleFieldAt(text, p)?.value === first.value) return true;
  }
  return false;
}

/** H1: skips page titles at the anchor; returns where the header starts. */
function skipTitleTeasers(text: string, anchor: number): number {
  let at = anchor;
  for (let n = 0; n < MAX_TITLE_TEASERS; n++) {
    const lineEnd = lineEndOf(text, at);
    if (text[lineEnd] !== "\n") return at;
    const line = text.slice(text.lastIndexOf("\n", at - 1) + 1, lineEnd);
    if (!isTranscriptOfLine(line) && !repeatedBelow(text, at, lineEnd)) return at;
    const next = findAnchor(text.slice(lineEnd));
    if (next === -1) return at;
    at = lineEnd + next;
  }
  return at;
}

/** True for a text that is wholly a date or a time in capitals (H1, a cut top). */
function isFieldLine(line: string): boolean {
  if (line === "" || /[a-z]/.test(line)) return false;
  const field = matchDate(line, 0) ?? matchTime(line, 0);
  return field !== null && line.slice(field.end).trim() === "";
}

/** H1: a copy that cut the top: date/time lines directly above a provider anchor. */
function fieldLinesAbove(text: string, start: number): number {
  if (!at(PROVIDER_AT, text, start)) return start;
  let s = start;
  for (let n = 0; n < MAX_FIELDS_ABOVE; n++) {
    let e = s;
    while (e > 0 && /\s/.test(text[e - 1] ?? "")) e--;
    if (e === 0) break;
    const ls = text.lastIndexOf("\n", e - 1) + 1;
    if (!isFieldLine(text.slice(ls, e).trim())) break;
    s = ls;
  }
  return s;
}

/** H1 without an anchor: leading teaser lines, then a site's preamble, are dropped. */
function afterTeasers(text: string, warnings: string[]): number {
  let p = 0;
  for (;;) {
    while (p < text.length && /\s/.test(text[p] ?? "")) p++;
    const end = lineEndOf(text, p);
    if (p >= text.length || end - p > MAX_HEADER_LINE || !isTeaserLine(text.slice(p, end))) break;
    p = end;
  }
  const preamble = sitePreambleEnd(text, p);
  if (preamble > p) {
    warnings.push(
      `header: dropped the site's introduction before the first turn: "${preview(text.slice(p, preamble))}"`,
    );
  }
  return preamble;
}

/** H1: where the header starts; a warning names dropped text that is not a teaser line. */
function headerStart(text: string, warnings: string[]): number {
  const anchor = findAnchor(text);
  if (anchor === -1) return afterTeasers(text, warnings);
  const start = fieldLinesAbove(text, skipTitleTeasers(text, anchor));
  // A page title skipped at the anchor is recognised: only what stands above its line may warn.
  const recognised = start > anchor ? text.lastIndexOf("\n", anchor - 1) + 1 : anchor;
  const dropped = text.slice(0, Math.min(start, recognised));
  const onlyJunk = dropped
    .replace(new RegExp(PAGE_PREFIX_RE.source, "g"), "")
    .split("\n")
    .every((line) => line.trim() === "" || isTeaserLine(line));
  if (!onlyJunk) {
    warnings.push(
      `header: dropped ${dropped.trim().length} characters before the header: "${preview(dropped)}"`,
    );
  }
  return start;
}

/** Options of parseHeader. */
export interface HeaderOptions {
  /**
   * Id of the conference the run says the transcript belongs to (its sources folder, or
   * `--conference`): the session's conference when the header names none. A header naming
   * another one wins, with a warning.
   */
  conference?: string | null;
}

/** What the field reader knows while it reads (H2): the header so far and where it stands. */
interface HeaderState {
  readonly text: string;
  readonly header: SessionHeader;
  readonly warnings: string[];
  /** Where the next field is looked for. */
  pos: number;
  /** Where the last field read ended (the body starts there). */
  end: number;
  /** True once a header field was read. */
  found: boolean;
}

/** One kind of header field: reads it at state.pos and moves on, or returns false. */
type FieldStep = (state: HeaderState) => boolean;

/** Moves past a field that ended at `end`; `counts` says whether it shows a header was found. */
function advance(state: HeaderState, end: number, counts = true): true {
  state.pos = state.end = end;
  if (counts) state.found = true;
  return true;
}

/** Sets a field unless it already has a value (H5: the first value is kept, with a warning). */
function setOnce<K extends keyof SessionHeader>(
  state: HeaderState,
  field: K,
  value: NonNullable<SessionHeader[K]>,
  shown: string = String(value),
): boolean {
  if (state.header[field] !== null) {
    state.warnings.push(`header: second ${field} "${preview(shown)}" ignored`);
    return false;
  }
  state.header[field] = value;
  return true;
}

const junkStep: FieldStep = (s) => {
  const junk = junkAt(s.text, s.pos);
  return junk > s.pos && advance(s, junk, false);
};

const syntheticStep: FieldStep = (s) => {
  SYNTHETIC_RE.lastIndex = s.pos;
  const m = SYNTHETIC_RE.exec(s.text);
  const end = m ? syntheticEnd(s.text, s.pos, m.index + m[0].length) : -1;
  return end > s.pos && advance(s, end);
};

const statusStep: FieldStep = (s) => {
  const status = matchStatus(s.text, s.pos);
  if (!status) return false;
  if (setOnce(s, "statusLine", status.value.line)) s.header.status = status.value.status;
  return advance(s, status.end);
};

const conferenceStep: FieldStep = (s) => {
  const conference = matchConference(s.text, s.pos);
  if (!conference) return false;
  setOnce(s, "conferenceLine", conference.value);
  return advance(s, conference.end);
};

/** A known conference's city anywhere; the generic "CITY, COUNTRY" after a status or conference. */
const cityStep: FieldStep = (s) => {
  const named = s.header.conferenceLine !== null || s.header.status !== null;
  const city = matchCity(s.text, s.pos) ?? (named ? genericCityAt(s.text, s.pos) : null);
  if (!city) return false;
  setOnce(s, "city", city.value);
  return advance(s, city.end);
};

const roomStep: FieldStep = (s) => {
  const room = matchRoom(s.text, s.pos);
  if (!room) return false;
  setOnce(s, "room", room.value);
  return advance(s, room.end);
};

const dateStep: FieldStep = (s) => {
  const date = matchDate(s.text, s.pos);
  if (!date) return false;
  setOnce(s, "date", date.value);
  return advance(s, date.end);
};

/** H4: a time before any other field needs another field after it. */
const timeStep: FieldStep = (s) => {
  const time = timeAt(s.text, s.pos, s.header.date?.slice(0, 4) ?? null);
  if (!time) return false;
  if (!s.found && !fieldStartsAt(s.text, skipSeparators(s.text, time.end), false)) return false;
  if (setOnce(s, "time", time.value.time)) {
    s.header.endTime = time.value.endTime;
    s.header.timeZone = time.value.timeZone;
  }
  return advance(s, time.end);
};

const providerStep: FieldStep = (s) => {
  const provider = matchProvider(s.text, s.pos, (p) => fieldStartsAt(s.text, p, true));
  if (!provider) return false;
  setOnce(s, "provider", provider.value);
  return advance(s, provider.end);
};

/** H5: a provider block whose lines are separated by blank lines keeps collecting its parts. */
const providerPartStep: FieldStep = (s) => {
  const part = s.header.provider !== null ? matchProviderPart(s.text, s.pos) : null;
  if (!part) return false;
  s.header.provider = `${s.header.provider} ${part.value}`.trim();
  return advance(s, part.end, false);
};

const disclaimerStep: FieldStep = (s) => {
  const disclaimer = matchDisclaimer(s.text, s.pos);
  if (!disclaimer) return false;
  if (!disclaimer.value.closed) s.warnings.push("header: disclaimer has no closing delimiter");
  if (disclaimer.value.text !== "") setOnce(s, "disclaimer", disclaimer.value.text);
  return advance(s, disclaimer.end);
};

/** H3/H5: a run of capitals or a Title Case title line: title, conference, city or skipped. */
const runStep: FieldStep = (s) => {
  const { text, header } = s;
  const run =
    capsRunAt(text, s.pos) ?? (atLineStart(text, s.pos) ? titleLineAt(text, s.pos) : null);
  if (!run) return false;
  const followed = fieldStartsAt(text, skipSeparators(text, run.end), false);
  const upper = run.value.toUpperCase();
  const titleWords = TITLE_KEYWORDS.test(upper);
  // A bracketed capitals line ("(PLEASE STAND BY)") is the captioner's, not a header line.
  if (/^[([]/.test(run.value) && !titleWords) return false;
  if (header.conferenceLine === null && EVENT_KEYWORDS.test(upper) && !titleWords) {
    header.conferenceLine = run.value;
  } else if (
    header.city === null &&
    (header.conferenceLine !== null || header.status !== null) &&
    CITY_SHAPE.test(run.value) &&
    !titleWords
  ) {
    header.city = run.value;
  } else if (header.title === null && (s.found || followed) && (titleWords || followed)) {
    header.title = run.value;
  } else if (
    titleWords &&
    s.found &&
    header.title !== null &&
    !TITLE_KEYWORDS.test(header.title.toUpperCase())
  ) {
    // A line naming the meeting beats an earlier capitals line that did not.
    s.warnings.push(
      `header: line "${preview(header.title)}" ignored, "${preview(run.value)}" is the title`,
    );
    header.title = run.value;
  } else if (s.found && followed) {
    s.warnings.push(`header: line "${preview(run.value)}" ignored`);
  } else {
    return false;
  }
  return advance(s, run.end);
};

/** The field readers, in the order they are tried at each position (H2). */
const FIELD_STEPS: readonly FieldStep[] = [
  junkStep,
  syntheticStep,
  statusStep,
  conferenceStep,
  cityStep,
  roomStep,
  dateStep,
  timeStep,
  providerStep,
  providerPartStep,
  disclaimerStep,
  runStep,
];

/** H2: reads fields from state.pos until none starts there. */
function readFields(state: HeaderState): void {
  for (let n = 0; n < MAX_FIELDS; n++) {
    state.pos = skipSeparators(state.text, state.pos);
    if (state.pos >= state.text.length) return;
    if (!FIELD_STEPS.some((step) => step(state))) return;
  }
}

/**
 * The session's conference: the one the header names (registry.ts recognizeConference: its
 * conference line, city line or date), else the run's. A header naming a conference the engine
 * does not know belongs to none (null, with a warning naming the line).
 */
function pickConference(state: HeaderState, runId: string | null): ConferenceProfile | null {
  const { header, warnings } = state;
  const named = recognizeConference(header);
  const run = conferenceById(runId);
  if (named !== null) {
    if (run !== null && run.id !== named.id) {
      warnings.push(
        `header: names conference ${named.id}, not ${run.id} as its sources say: ${named.id} kept`,
      );
    }
    return named;
  }
  if (header.conferenceLine !== null) {
    warnings.push(
      `header: conference "${preview(header.conferenceLine)}" is none of the known conferences (${conferenceIds().join(", ")})`,
    );
    return null;
  }
  if (run === null && state.found) {
    warnings.push(
      header.city === null
        ? "header: no conference named; the session belongs to no known conference"
        : `header: city "${preview(header.city)}" is none of the known conferences' (${conferenceIds().join(", ")})`,
    );
  }
  return run;
}

/** What the fields mean together: the conference, then the title's body and number under it. */
function interpret(state: HeaderState, runId: string | null): void {
  const { header } = state;
  const profile = pickConference(state, runId);
  header.conference = profile?.id ?? null;
  if (header.title !== null) {
    const { body, number } = classifyTitle(header.title, profile);
    header.body = body;
    header.number = number;
  }
  header.synthetic = /SYNTHETIC\s*SAMPLE/i.test(state.text.slice(0, state.end));
}

/** H5: which of the main fields the header lacks. */
function warnMissing(state: HeaderState): void {
  if (!state.found) {
    state.warnings.push("header: none found (a rough live version may have none)");
    return;
  }
  const { header } = state;
  const missing = (
    [
      ["status line", header.status],
      ["date", header.date],
      ["time", header.time],
      ["title", header.title],
    ] as const
  )
    .filter(([, v]) => v === null)
    .map(([name]) => name);
  if (missing.length > 0) state.warnings.push(`header: no ${missing.join(", no ")}`);
}

/** Reads the header at the top of a (character-cleaned) transcript text. Never throws. */
export function parseHeader(text: string, options: HeaderOptions = {}): HeaderParse {
  const warnings: string[] = [];
  const start = headerStart(text, warnings);
  const state: HeaderState = {
    text,
    header: emptySessionHeader(),
    warnings,
    pos: start,
    end: start,
    found: false,
  };
  readFields(state);
  interpret(state, options.conference ?? null);
  warnMissing(state);
  return { header: state.header, found: state.found, start, end: state.end, warnings };
}
