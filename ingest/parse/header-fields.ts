/**
 * Recognisers for the single fields of a transcript header. Each reads at a position of the text
 * (sticky regexes: it matches there or not at all) and returns the value and where it ends, so the
 * header reader can take the fields in any order, one per line or all flattened onto one line.
 * Words may be glued where a line break was lost ("CONFERENCEON", "EMIRATES03 DECEMBER"), so
 * spaces between the words of a field are optional.
 */
import type { TranscriptStatus } from "../../src/domain";
import { matchSpeakerLabel } from "./speakers";

/** A field found at a position: its value and the offset just after it. */
export interface FieldMatch<T> {
  value: T;
  end: number;
}

/** `re` (a sticky regex) matched exactly at pos, or null. */
export function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** Collapses whitespace runs to one space and trims. */
export function squash(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

// ---------------------------------------------------------------------------------------------
// Status line: FINISHED TRANSCRIPT / FINISHED FILE / FINISHED COPY -> finished; FINAL TRANSCRIPT /
// FINAL COPY (/ FINAL FILE) -> final; RAW COPY (/ RAW TRANSCRIPT, ROUGH DRAFT, ROUGH EDITED COPY,
// UNEDITED COPY) -> rough.

const STATUS_RE =
  /(FINISHED|FINAL|RAW|ROUGH|UNEDITED)\s*(TRANSCRIPT|FILE|COPY|DRAFT(?:\s*TRANSCRIPT)?|EDITED\s*(?:COPY|TRANSCRIPT))/iy;

export function matchStatus(
  text: string,
  pos: number,
): FieldMatch<{ line: string; status: TranscriptStatus }> | null {
  const m = sticky(STATUS_RE, text, pos);
  if (!m?.[1] || !m[2]) return null;
  const first = m[1].toUpperCase();
  const status: TranscriptStatus =
    first === "FINISHED" ? "finished" : first === "FINAL" ? "final" : "rough";
  return { value: { line: `${m[1]} ${squash(m[2])}`, status }, end: m.index + m[0].length };
}

// ---------------------------------------------------------------------------------------------
// Conference, city and room lines: conference-lines.ts (from the conference profiles).

// ---------------------------------------------------------------------------------------------
// Dates: "03 DECEMBER 2012", "5 DECEMBER 2012", "DECEMBER 14, 2012", with an optional weekday
// ("FRIDAY, 14 DECEMBER 2012"), "DATE:" prefix, "14TH", abbreviated months ("DEC. 14, 2012") and
// ISO dates. Normalised to YYYY-MM-DD. A year may be glued to a following time ("201214:30").

const MONTHS: [string, number][] = [
  ["JANUARY", 1],
  ["FEBRUARY", 2],
  ["MARCH", 3],
  ["APRIL", 4],
  ["MAY", 5],
  ["JUNE", 6],
  ["JULY", 7],
  ["AUGUST", 8],
  ["SEPTEMBER", 9],
  ["OCTOBER", 10],
  ["NOVEMBER", 11],
  ["DECEMBER", 12],
  ["JAN", 1],
  ["FEB", 2],
  ["MAR", 3],
  ["APR", 4],
  ["JUN", 6],
  ["JUL", 7],
  ["AUG", 8],
  ["SEPT", 9],
  ["SEP", 9],
  ["OCT", 10],
  ["NOV", 11],
  ["DEC", 12],
];
const MONTH_NUMBER = new Map(MONTHS);
/** Month names (full first so "DEC" never cuts "DECEMBER" short). */
export const MONTH_PATTERN = `(?:${MONTHS.map(([name]) => name).join("|")})(?![a-z])`;
const WEEKDAY = `(?:(?:MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY),?\\s*)?`;
const DATE_RE = new RegExp(
  `(?:DATE\\s*:\\s*)?${WEEKDAY}(?:(\\d{1,2})(?:ST|ND|RD|TH)?\\s*(?:OF\\s+)?(${MONTH_PATTERN})\\.?,?\\s*(\\d{4})|(${MONTH_PATTERN})\\.?\\s*(\\d{1,2})(?:ST|ND|RD|TH)?\\s*,?\\s*(\\d{4})|(\\d{4})-(\\d{2})-(\\d{2}))(?:(?!\\d)|(?=\\d{1,2}[:.]\\d{2}))`,
  "iy",
);

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2099 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function matchDate(text: string, pos: number): FieldMatch<string> | null {
  const m = sticky(DATE_RE, text, pos);
  if (!m) return null;
  let date: string | null = null;
  if (m[1] && m[2] && m[3]) {
    date = isoDate(Number(m[3]), MONTH_NUMBER.get(m[2].toUpperCase()) ?? 0, Number(m[1]));
  } else if (m[4] && m[5] && m[6]) {
    date = isoDate(Number(m[6]), MONTH_NUMBER.get(m[4].toUpperCase()) ?? 0, Number(m[5]));
  } else if (m[7] && m[8] && m[9]) {
    date = isoDate(Number(m[7]), Number(m[8]), Number(m[9]));
  }
  return date === null ? null : { value: date, end: m.index + m[0].length };
}

// ---------------------------------------------------------------------------------------------
// Times: "14:30", "9:30", "09:00", "1030", "9.30", "2:30 PM", ranges "1530-1850", "1230 - 1600",
// "14:30 TO 17:30" (and "1530 1850" where the hyphen was lost), then an optional "HOURS"/"HRS" and
// a time zone as written ("LOCAL TIME", "CET", "EEST", "UTC+4", "DUBAI TIME"). A "TIME:" prefix
// is allowed. Start and end are normalised to HH:MM (24 h).

export interface HeaderTime {
  time: string;
  endTime: string | null;
  timeZone: string | null;
}

const CLOCK_RE = /(\d{1,2})[:.](\d{2})(?!\d)|(\d{1,2})(\d{2})(?![\d:.])/y;
const AMPM_RE = /\s*([AP])\.?\s?M\.?(?![A-Za-z])/iy;
const RANGE_SEP_RE = /\s*(?:[-–—]|TO|UNTIL)\s*|[ \t]+/iy;
const HOURS_RE = /\s*(?:HOURS|HRS|H)(?![A-Za-z])/iy;
const ZONE_RE =
  /\s*\(?\s*(LOCAL\s+TIME|LOCAL|(?:DUBAI|UAE|GULF|GENEVA|CENTRAL\s+EUROPEAN|EASTERN\s+EUROPEAN|ARABIAN)\s+(?:STANDARD\s+|SUMMER\s+)?TIME|(?:UTC|GMT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|CEST|CET|EEST|EET|WEST|WET|BST|GST|KST|JST|IST|MSK|AST|EST|EDT|CST|CDT|MST|MDT|PST|PDT)\s*\)?(?![A-Za-z])/iy;
const TIME_PREFIX_RE = /(?:TIME\s*:\s*)?/iy;

function clockAt(text: string, pos: number): { hh: number; mm: number; end: number } | null {
  const m = sticky(CLOCK_RE, text, pos);
  if (!m) return null;
  const hh = Number(m[1] ?? m[3]);
  const mm = Number(m[2] ?? m[4]);
  let end = m.index + m[0].length;
  let hours = hh;
  const ampm = sticky(AMPM_RE, text, end);
  if (ampm?.[1]) {
    const pm = ampm[1].toUpperCase() === "P";
    if (hh < 1 || hh > 12) return null;
    hours = (hh % 12) + (pm ? 12 : 0);
    end = ampm.index + ampm[0].length;
  }
  if (hours > 24 || mm > 59) return null;
  return { hh: hours, mm, end };
}

function hhmm(hh: number, mm: number): string {
  return `${String(hh).padStart(2, "0")}:${String(mm).padStart(2, "0")}`;
}

export function matchTime(text: string, pos: number): FieldMatch<HeaderTime> | null {
  const prefix = sticky(TIME_PREFIX_RE, text, pos);
  const at = prefix ? prefix.index + prefix[0].length : pos;
  const start = clockAt(text, at);
  if (!start) return null;
  let end = start.end;
  let endTime: string | null = null;
  const sep = sticky(RANGE_SEP_RE, text, end);
  if (sep) {
    const second = clockAt(text, sep.index + sep[0].length);
    // A bare space only separates a range when the second time has 3-4 digits or a colon.
    const bare = !/[-–—]|TO|UNTIL/i.test(sep[0]);
    const secondText = second ? text.slice(sep.index + sep[0].length, second.end) : "";
    if (second && (!bare || /^\d{3,4}$|[:.]/.test(secondText.trim()))) {
      endTime = hhmm(second.hh, second.mm);
      end = second.end;
    }
  }
  const hoursWord = sticky(HOURS_RE, text, end);
  if (hoursWord) end = hoursWord.index + hoursWord[0].length;
  let timeZone: string | null = null;
  const zone = sticky(ZONE_RE, text, end);
  if (zone?.[1]) {
    timeZone = squash(zone[1]);
    end = zone.index + zone[0].length;
  } else {
    const generic = /[ \t]*([A-Z]{2,12}[ \t]+TIME)(?![A-Za-z])/y;
    const g = sticky(generic, text, end);
    if (g?.[1]) {
      timeZone = squash(g[1]);
      end = g.index + g[0].length;
    }
  }
  // Part of a longer number (a phone number, "56-57") is not a time.
  if (/^[-–\d]/.test(text.slice(end, end + 1)) && timeZone === null) return null;
  return { value: { time: hhmm(start.hh, start.mm), endTime, timeZone }, end };
}

// ---------------------------------------------------------------------------------------------
// Provider block: "Services provided by:" (any case), then the company, P.O. box, town, phones
// (also "US & Canada: ..." / "International: ..."), and a web line. Parts are recognised by shape;
// one line per part when the header has lines, all in a row when it was flattened.

const PROVIDER_PREFIX_RE = /Services\s*provided\s*by\s*:?/iy;
const PO_BOX = `P\\.?\\s?O\\.?\\s*Box\\s*\\d+`;
const TOWN = `[A-Z][A-Za-z.'-]*(?:[ \\t]+[A-Z][A-Za-z.'-]*)*,[ \\t]*[A-Z]{2}[ \\t]+\\d{5}(?:-\\d{4})?`;
const PHONE_LABEL = `(?:US\\s*&\\s*Canada|International|Toll[- ]?free|Phone|Tel(?:ephone)?|Fax|Office|Main)\\s*:?\\s*`;
// A phone's country prefix may have become one mojibake character ("+001-" -> a CJK syllable).
const PHONE = `(?:${PHONE_LABEL})?(?:[^\\x00-\\x7F]|\\+?\\d{1,3}[\\s.-]?)?\\(?\\d{3}\\)?[\\s.-]?\\d{3}[\\s.-]?\\d{4}(?!\\d)|${PHONE_LABEL}\\+?[\\d(][\\d\\s().-]{6,20}\\d`;
const WEB = `(?:https?:\\/\\/)?www\\.[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+(?:\\/[^\\s*>]*)?|https?:\\/\\/[^\\s*>]+|[A-Za-z0-9-]+\\.(?:com|org|net|biz|info)(?![A-Za-z])(?:\\/[^\\s*>]*)?`;
const PROVIDER_PART_RE = new RegExp(`[ \\t]*(?:${PO_BOX}|${TOWN}|${PHONE}|${WEB})[ \\t,;]*`, "iy");
/** Most lines a provider block spans after its prefix line. */
export const MAX_PROVIDER_LINES = 8;

/** Where a company name stops in a flattened block: the next part, a delimiter or a marker. */
const COMPANY_STOP_RE = new RegExp(`${PO_BOX}|${PHONE}|${WEB}|\\*\\s*\\*\\s*\\*|>|\\n`, "i");

/** How far line ends are looked for (a flattened transcript is one enormous line). */
export const LINE_SCAN_LIMIT = 10_000;

/** Line end at or after pos, or pos + LINE_SCAN_LIMIT on a longer line. */
export function lineEndOf(text: string, pos: number): number {
  const limit = Math.min(text.length, pos + LINE_SCAN_LIMIT);
  const nl = text.slice(pos, limit).indexOf("\n");
  return nl === -1 ? limit : pos + nl;
}

/** Consumes provider parts within [pos, limit); returns where they stop. */
function consumeParts(text: string, pos: number, limit: number, allowCompany: boolean): number {
  let p = pos;
  let companyDone = !allowCompany;
  for (;;) {
    while (p < limit && (text[p] === " " || text[p] === "\t")) p++;
    if (p >= limit) return p;
    const part = sticky(PROVIDER_PART_RE, text, p);
    if (part && part.index + part[0].length <= limit && part[0].trim() !== "") {
      p = part.index + part[0].length;
      companyDone = true;
      continue;
    }
    if (companyDone) return p;
    companyDone = true;
    const window = text.slice(p, Math.min(limit, p + 120));
    const stop = window.search(COMPANY_STOP_RE);
    const company = stop === -1 ? window : window.slice(0, stop);
    if (!/[A-Za-z]{2}/.test(company) || (stop === -1 && window.length >= 120)) return p;
    p += company.length;
  }
}

/**
 * One provider part (P.O. box, town, phone, web) at pos: a provider block whose lines were
 * separated by blank lines continues with it.
 */
export function matchProviderPart(text: string, pos: number): FieldMatch<string> | null {
  const m = sticky(PROVIDER_PART_RE, text, pos);
  if (!m || m[0].trim() === "") return null;
  return { value: squash(m[0]).replace(/[,;]$/, ""), end: m.index + m[0].length };
}

/** True for a whole line that plausibly continues a provider block (an address or phone line). */
function looksLikeProviderLine(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > 60 || /[.?!]$/.test(t) || /[>*]|^Page\s+\d/.test(t))
    return false;
  if (/\d/.test(t) || /@|www\./i.test(t)) return true;
  return t.split(/\s+/).every((w) => /^[A-Z0-9&(,.'-]/.test(w)) && t.split(/\s+/).length <= 5;
}

/**
 * The provider block at pos: its text (without the "Services provided by:" prefix, whitespace
 * collapsed) and its end. `isOtherField(pos)` tells where another header field starts, which ends
 * the block.
 */
export function matchProvider(
  text: string,
  pos: number,
  isOtherField: (at: number) => boolean,
): FieldMatch<string> | null {
  const prefix = sticky(PROVIDER_PREFIX_RE, text, pos);
  if (!prefix) return null;
  const bodyStart = prefix.index + prefix[0].length;
  const firstLineEnd = lineEndOf(text, bodyStart);
  let end = consumeParts(text, bodyStart, firstLineEnd, true);
  // Flattened: the block stopped inside its line.
  if (text.slice(end, firstLineEnd).trim() !== "")
    return { value: squash(text.slice(bodyStart, end)), end };
  let sawCompany = text.slice(bodyStart, end).trim() !== "";
  let lineEnd = firstLineEnd;
  // Following lines, while they are provider lines (blank lines may follow the prefix line only).
  for (let lines = 0; lines < MAX_PROVIDER_LINES && lineEnd < text.length; lines++) {
    let next = lineEnd + 1;
    if (!sawCompany) while (next < text.length && /\s/.test(text[next] ?? "")) next++;
    const nextEnd = lineEndOf(text, next);
    const line = text.slice(next, nextEnd);
    const lead = next + (line.length - line.trimStart().length);
    if (line.trim() === "") break;
    const consumed = consumeParts(text, lead, nextEnd, false);
    if (nextEnd - next > 100) {
      // A long line: the rest of the header was flattened after this point.
      if (consumed > lead) end = consumed;
      break;
    }
    if (text.slice(consumed, nextEnd).trim() === "") end = nextEnd;
    else if (isOtherField(lead)) break;
    else if (!sawCompany || looksLikeProviderLine(line)) end = nextEnd;
    else break;
    sawCompany = true;
    lineEnd = nextEnd;
  }
  const value = squash(text.slice(bodyStart, end));
  return { value, end };
}

// ---------------------------------------------------------------------------------------------
// Disclaimer: between two delimiter lines ("********", "* * * * *", "* * *", "***"); or, without
// delimiters, a paragraph starting "This text is being provided in ..." / "This is being provided
// in ...". Its wording varies ("rough draft format", "unedited or roughly edited format"...).

export const DELIMITER_RE = /\*(?:[ \t]*\*){2,}/y;
const DELIMITER_SEARCH = /\*(?:[ \t]*\*){2,}/g;
const UNDELIMITED_RE =
  /This\s+(?:(?:text|transcript|file|document)\s+)?is\s+(?:being\s+)?provided\s+in\b/iy;
/** Longest disclaimer we accept. */
export const MAX_DISCLAIMER_CHARS = 3000;

/** A line start that reads as an unmarked mixed-case speaker label ("Chair:", "Egypt:"). */
const LABEL_LINE_RE = /\n[ \t]*([A-Z][\p{L}.'’() -]{0,60}?):[ \t]/gu;

/**
 * Where the first line between `from` and `limit` starts with a recognised unmarked speaker
 * label (the offset of its first character), or -1. Such a line is speech, never disclaimer.
 */
function firstLabelLine(text: string, from: number, limit: number): number {
  LABEL_LINE_RE.lastIndex = Math.max(0, from - 1);
  for (let m = LABEL_LINE_RE.exec(text); m && m.index < limit; m = LABEL_LINE_RE.exec(text)) {
    const label = m[1] ?? "";
    if (matchSpeakerLabel(label) !== null) return m.index + m[0].indexOf(label);
  }
  return -1;
}

export function matchDisclaimer(
  text: string,
  pos: number,
): FieldMatch<{ text: string; closed: boolean }> | null {
  const open = sticky(DELIMITER_RE, text, pos);
  if (open) {
    const innerStart = open.index + open[0].length;
    const limit = Math.min(text.length, innerStart + MAX_DISCLAIMER_CHARS);
    DELIMITER_SEARCH.lastIndex = innerStart;
    const close = DELIMITER_SEARCH.exec(text);
    const markerAt = text.slice(innerStart, limit).search(/>\s?>/);
    const labelAt = firstLabelLine(text, innerStart, limit);
    const turnAt = Math.min(
      markerAt === -1 ? Infinity : innerStart + markerAt,
      labelAt === -1 ? Infinity : labelAt,
    );
    if (close && close.index < limit && turnAt > close.index) {
      return {
        value: { text: squash(text.slice(innerStart, close.index)), closed: true },
        end: close.index + close[0].length,
      };
    }
    // Not closed: the disclaimer runs to the end of its paragraph, the first turn marker, or
    // the first line that starts with an unmarked speaker label ("Chair: ...").
    const rest = text.slice(innerStart, limit);
    const stop = rest.search(/\n[ \t]*\n|>/);
    const innerEnd = Math.min(
      innerStart + (stop === -1 ? rest.length : stop),
      labelAt === -1 ? Infinity : labelAt,
    );
    return {
      value: { text: squash(text.slice(innerStart, innerEnd)), closed: false },
      end: innerEnd,
    };
  }
  const plain = sticky(UNDELIMITED_RE, text, pos);
  if (!plain) return null;
  const rest = text.slice(pos, Math.min(text.length, pos + MAX_DISCLAIMER_CHARS));
  const stops = [rest.search(/\n[ \t]*\n|>|\*\s*\*\s*\*/), rest.search(/proceedings\s*\./i)];
  let end = rest.length;
  if (stops[0] !== undefined && stops[0] >= 0) end = stops[0];
  const proceedings = /proceedings\s*\./i.exec(rest);
  if (proceedings && proceedings.index + proceedings[0].length < end) {
    end = proceedings.index + proceedings[0].length;
  }
  return { value: { text: squash(rest.slice(0, end)), closed: true }, end: pos + end };
}

// ---------------------------------------------------------------------------------------------
// The SYNTHETIC SAMPLE marker of the project's own fixtures and sample ("SYNTHETIC SAMPLE",
// "[SYNTHETIC SAMPLE]", "SYNTHETIC SAMPLE - not a real transcript"). Its line is header.

export const SYNTHETIC_RE = /[([]?\s*SYNTHETIC\s*SAMPLE\b/iy;
