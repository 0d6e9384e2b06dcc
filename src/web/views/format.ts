/**
 * Small, pure formatting helpers shared by the views: session names, dates, counts. No HTML
 * here; the views escape what these return.
 */
import type { Body } from "../../domain";
import { MONTH_NAMES } from "../../search/present";

/** The session facts the views need to name a session. */
export interface SessionFacts {
  id: string;
  title?: string | null;
  body: Body | null;
  number: number | null;
  spokenNumber?: number | null;
  date: string | null;
  time: string | null;
  endTime?: string | null;
  version?: "finished" | "rough";
}

/** "Jan".."Dec": the first three letters of the month names the citations use. */
const MONTHS = MONTH_NAMES.map((name) => name.slice(0, 3));
const MONTHS_LONG = MONTH_NAMES;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateParts(date: string | null): { y: string; m: number; d: number } | null {
  const match = date === null ? null : ISO_DATE.exec(date);
  if (!match) return null;
  const m = Number(match[2]);
  if (m < 1 || m > 12) return null;
  return { y: match[1] ?? "", m, d: Number(match[3]) };
}

/** "2012-12-03" -> "3 Dec 2012"; null or malformed -> "date unknown". */
export function formatDate(date: string | null): string {
  const p = dateParts(date);
  return p ? `${p.d} ${MONTHS[p.m - 1]} ${p.y}` : "date unknown";
}

/** "2012-12-03" -> "3 December 2012" (citations spell the month out). */
export function formatDateLong(date: string | null): string {
  const p = dateParts(date);
  return p ? `${p.d} ${MONTHS_LONG[p.m - 1]} ${p.y}` : "date unknown";
}

/** "2012-12-03" -> "3 Dec" (chart axis). */
export function formatDayMonth(date: string | null): string {
  const p = dateParts(date);
  return p ? `${p.d} ${MONTHS[p.m - 1]}` : "?";
}

/** "14:30" / "14:30–18:50" / "" when the header gives no time. */
export function formatTime(time: string | null, endTime?: string | null): string {
  if (!time) return "";
  return endTime ? `${time}–${endTime}` : time;
}

/** "3 Dec 2012, 14:30" or "3 Dec 2012". */
export function formatDateTime(date: string | null, time: string | null): string {
  const t = formatTime(time);
  return t ? `${formatDate(date)}, ${t}` : formatDate(date);
}

const BODY_NAMES: Record<Body, string> = {
  plenary: "Plenary",
  "committee-5": "Committee 5",
  "working-group": "Working Group of the Plenary",
  other: "Meeting",
};

/** "plenary" -> "Plenary"; null -> "Meeting". */
export function bodyName(body: Body | null): string {
  return body ? BODY_NAMES[body] : "Meeting";
}

/**
 * A session's human name: "Plenary 1", "Committee 5, meeting 3", "Plenary meeting" (no number),
 * with the rough live version said so. The header's number is kept even when the room announced
 * another one (see {@link spokenNumberNote}).
 */
export function sessionName(s: SessionFacts): string {
  let name: string;
  if (s.body === "committee-5") {
    name = s.number !== null ? `Committee 5, meeting ${s.number}` : "Committee 5 meeting";
  } else if (s.body === null || s.body === "other") {
    name = s.title ? titleCase(s.title) : "Meeting";
  } else {
    name = s.number !== null ? `${bodyName(s.body)} ${s.number}` : `${bodyName(s.body)} meeting`;
  }
  return s.version === "rough" ? `${name} (rough live version)` : name;
}

/** "announced in the room as the 17th" when the spoken number differs from the header's. */
export function spokenNumberNote(s: SessionFacts): string | null {
  if (s.spokenNumber == null || s.spokenNumber === s.number) return null;
  return `announced in the room as the ${ordinal(s.spokenNumber)} meeting`;
}

/** Compact axis label: "P1", "C5·3", "WG2", "P?" when no number. */
export function sessionShortLabel(s: SessionFacts): string {
  const n = s.number !== null ? String(s.number) : "?";
  switch (s.body) {
    case "plenary":
      return `P${n}`;
    case "committee-5":
      return `C5·${n}`;
    case "working-group":
      return `WG${n}`;
    default:
      return s.number !== null ? `#${n}` : "?";
  }
}

/** 1 -> "1st", 2 -> "2nd", 11 -> "11th", 17 -> "17th", 23 -> "23rd". */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/** "1 result" / "12 results" with thousands separated: "1,234 results". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** 1234 -> "1,234" (fixed, locale-independent). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "THIRD MEETING OF COMMITTEE 5" -> "Third Meeting of Committee 5". */
export function titleCase(text: string): string {
  const small = new Set(["of", "the", "and", "on", "for", "in", "to", "a"]);
  return text
    .toLowerCase()
    .split(/(\s+)/)
    .map((word, i) =>
      i > 0 && small.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join("");
}
