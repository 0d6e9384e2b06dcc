/**
 * The transcript header: everything before the first speaker turn.
 *
 * Rules:
 * H1 Where it starts: the first status line, "WORLD CONFERENCE...", "SYNTHETIC SAMPLE" or
 *    "Services provided by:" within the first PREAMBLE_WINDOW characters (and before the first
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
 *    flattened line: status, conference, city, date, time, title, provider block, disclaimer,
 *    SYNTHETIC SAMPLE marker (header-fields.ts). Between fields: whitespace and , ; | - separators,
 *    and junk (Page N: prefixes, page numbers and page markers on their own lines).
 * H3 A title is a run of capitals ("PLENARY 13 - CLOSING CEREMONY") ending at a line end or where
 *    another field starts (flattened headers), or a Title Case line naming a meeting ("Plenary 1").
 *    A run of capitals naming a CONFERENCE/FORUM/ASSEMBLY... is the conference line of another
 *    event; "CITY, COUNTRY" after it is the city line. Without a title keyword (PLENARY,
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
 */
import { conferenceIds, recognizeConference } from "../../src/conferences/registry";
import { emptySessionHeader, type SessionHeader } from "../../src/domain";
import {
  DELIMITER_RE,
  SYNTHETIC_RE,
  lineEndOf,
  matchCity,
  matchConference,
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

const ANCHOR_CAPS_RE =
  /(?:FINISHED|FINAL|RAW|ROUGH|UNEDITED)\s*(?:TRANSCRIPT|FILE|COPY|DRAFT|EDITED)|WORLD\s*CONFERENCE|SYNTHETIC\s*SAMPLE/;
const ANCHOR_PROVIDER_RE = /Services\s*provided\s*by\s*:/i;
const STATUS_AT = /(?:FINISHED|FINAL|RAW|ROUGH|UNEDITED)\s*(?:TRANSCRIPT|FILE|COPY|DRAFT|EDITED)/iy;
const PROVIDER_AT = /Services\s*provided\s*by/iy;
const UNDELIMITED_DISCLAIMER_AT =
  /This\s+(?:(?:text|transcript|file|document)\s+)?is\s+(?:being\s+)?provided\s+in\b/iy;
const MARKER_AT = />/y;
const TOKEN_RE = /(?:[A-Z0-9([][A-Z0-9'’&().,/[\]-]*|[-–—])(?=[ \t\n]|$)/y;
const TITLE_KEYWORDS =
  /\b(?:PLENARY|COMMITTEE|COM|COM\d+|MEETING|SESSION|WORKING|GROUP|CEREMONY|OPENING|CLOSING|SEGMENT|DEBATE|PANEL|DIALOGUE|BRIEFING|SIGNING|ELECTIONS?|WG)\b/;
const CONFERENCE_KEYWORDS =
  /\b(?:CONFERENCE|FORUM|ASSEMBLY|COUNCIL|SUMMIT|SYMPOSIUM|WORKSHOP|PLENIPOTENTIARY)\b/;
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
    matchConference(text, pos) !== null ||
    matchCity(text, pos) !== null ||
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

/** Reads the header at the top of a (character-cleaned) transcript text. Never throws. */
export function parseHeader(text: string): HeaderParse {
  const header = emptySessionHeader();
  const warnings: string[] = [];
  const start = headerStart(text, warnings);

  let pos = start;
  let end = start;
  let found = false;
  const seen = (field: keyof SessionHeader, value: string): boolean => {
    if (header[field] === null) return false;
    warnings.push(`header: second ${field} "${preview(value)}" ignored`);
    return true;
  };

  for (let n = 0; n < MAX_FIELDS; n++) {
    pos = skipSeparators(text, pos);
    if (pos >= text.length) break;
    const junk = junkAt(text, pos);
    if (junk > pos) {
      pos = end = junk;
      continue;
    }

    const synthetic = (() => {
      SYNTHETIC_RE.lastIndex = pos;
      const m = SYNTHETIC_RE.exec(text);
      return m ? syntheticEnd(text, pos, m.index + m[0].length) : -1;
    })();
    if (synthetic > pos) {
      pos = end = synthetic;
      found = true;
      continue;
    }
    const status = matchStatus(text, pos);
    if (status) {
      if (!seen("statusLine", status.value.line)) {
        header.statusLine = status.value.line;
        header.status = status.value.status;
      }
      pos = end = status.end;
      found = true;
      continue;
    }
    const conference = matchConference(text, pos);
    if (conference) {
      if (!seen("conferenceLine", conference.value)) header.conferenceLine = conference.value;
      pos = end = conference.end;
      found = true;
      continue;
    }
    const city = matchCity(text, pos);
    if (city) {
      if (!seen("city", city.value)) header.city = city.value;
      pos = end = city.end;
      found = true;
      continue;
    }
    const date = matchDate(text, pos);
    if (date) {
      if (!seen("date", date.value)) header.date = date.value;
      pos = end = date.end;
      found = true;
      continue;
    }
    const time = timeAt(text, pos, header.date?.slice(0, 4) ?? null);
    if (time && (found || fieldStartsAt(text, skipSeparators(text, time.end), false))) {
      if (!seen("time", time.value.time)) {
        header.time = time.value.time;
        header.endTime = time.value.endTime;
        header.timeZone = time.value.timeZone;
      }
      pos = end = time.end;
      found = true;
      continue;
    }
    const provider = matchProvider(text, pos, (p) => fieldStartsAt(text, p, true));
    if (provider) {
      if (!seen("provider", provider.value)) header.provider = provider.value;
      pos = end = provider.end;
      found = true;
      continue;
    }
    const part = header.provider !== null ? matchProviderPart(text, pos) : null;
    if (part) {
      header.provider = `${header.provider} ${part.value}`.trim();
      pos = end = part.end;
      continue;
    }
    const disclaimer = matchDisclaimer(text, pos);
    if (disclaimer) {
      if (!disclaimer.value.closed) warnings.push("header: disclaimer has no closing delimiter");
      if (disclaimer.value.text !== "" && !seen("disclaimer", disclaimer.value.text)) {
        header.disclaimer = disclaimer.value.text;
      }
      pos = end = disclaimer.end;
      found = true;
      continue;
    }
    const run = capsRunAt(text, pos) ?? (atLineStart(text, pos) ? titleLineAt(text, pos) : null);
    if (run) {
      const next = skipSeparators(text, run.end);
      const followed = fieldStartsAt(text, next, false);
      const upper = run.value.toUpperCase();
      const titleWords = TITLE_KEYWORDS.test(upper);
      // A bracketed capitals line ("(PLEASE STAND BY)") is the captioner's, not a header line.
      if (/^[([]/.test(run.value) && !titleWords) break;
      if (header.conferenceLine === null && CONFERENCE_KEYWORDS.test(upper) && !titleWords) {
        header.conferenceLine = run.value;
      } else if (
        header.city === null &&
        (header.conferenceLine !== null || header.status !== null) &&
        CITY_SHAPE.test(run.value)
      ) {
        header.city = run.value;
      } else if (header.title === null && (found || followed) && (titleWords || followed)) {
        header.title = run.value;
      } else if (
        titleWords &&
        found &&
        header.title !== null &&
        !TITLE_KEYWORDS.test(header.title.toUpperCase())
      ) {
        // A line naming the meeting beats an earlier capitals line that did not.
        warnings.push(
          `header: line "${preview(header.title)}" ignored, "${preview(run.value)}" is the title`,
        );
        header.title = run.value;
      } else if (found && followed) {
        warnings.push(`header: line "${preview(run.value)}" ignored`);
      } else {
        break;
      }
      pos = end = run.end;
      found = true;
      continue;
    }
    break;
  }

  if (header.title !== null) {
    const { body, number } = classifyTitle(header.title);
    header.body = body;
    header.number = number;
  }
  header.synthetic = /SYNTHETIC\s*SAMPLE/i.test(text.slice(0, end));
  header.conference = recognizeConference(header)?.id ?? null;
  if (found && header.conference === null) {
    const named = header.conferenceLine ?? header.city;
    warnings.push(
      named === null
        ? "header: no conference named; the session belongs to no known conference"
        : `header: conference "${preview(named)}" is none of the known conferences (${conferenceIds().join(", ")})`,
    );
  }
  if (!found) {
    warnings.push("header: none found (a rough live version may have none)");
  } else {
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
    if (missing.length > 0) warnings.push(`header: no ${missing.join(", no ")}`);
  }
  return { header, found, start, end, warnings };
}
