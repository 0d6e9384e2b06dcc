/**
 * Human names for sessions, statuses and session times: what citations, pages, charts and lists
 * call a session. One set of rules, used everywhere a person reads a session's name.
 *
 * Rules:
 * N1 Plenary and working-group meetings with a number: "Plenary 3", "Working Group of the
 *    Plenary, 6th meeting"; Committee 5: "Committee 5, 1st meeting".
 * N2 A title that says more after its number keeps it, sentence-cased: "PLENARY 13 - CLOSING
 *    CEREMONY" -> "Plenary 13 - Closing ceremony".
 * N3 A number announced in the room that differs from the header's is stated, the header's kept:
 *    "Plenary 13 - Closing ceremony (announced as the 17th plenary meeting)".
 * N4 No number: the body, the date and the part of the day, said so: "Plenary, 10 December 2012,
 *    evening (number not stated)".
 * N5 Other bodies: the title as written, title-cased ("Meeting" when there is none).
 * N6 A rough live version says so: "Plenary 1 (rough live version)".
 * Statuses: FINISHED TRANSCRIPT/FILE/COPY -> "finished", FINAL TRANSCRIPT/COPY -> "final", RAW
 * COPY or a rough live version -> "rough live". Times: "session began 18:30 (Dubai)": the time a
 * session began, never the time of the words.
 *
 * Runtime-free.
 */
import { bodyDisplayName, bodyKind, bodyShortLabel } from "../conferences/body";
import { conferenceById } from "../conferences/registry";
import type { Body, TranscriptStatus } from "../domain";

/** The session facts these names are made from (a StoreSession, a SessionRef... all have them). */
export interface SessionNameFacts {
  id: string;
  title?: string | null;
  body: Body | null;
  number: number | null;
  spokenNumber?: number | null;
  date: string | null;
  time: string | null;
  endTime?: string | null;
  timeZone?: string | null;
  status?: TranscriptStatus | null;
  version?: "finished" | "rough";
  /** The session's conference id: its profile gives the city of local times. */
  conference?: string | null;
}

/** English month names, January first. */
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Year, month (1-12) and day of a YYYY-MM-DD date; null when absent or malformed. */
export function dateParts(date: string | null): { y: string; m: number; d: number } | null {
  const match = date === null ? null : ISO_DATE.exec(date);
  if (!match) return null;
  const m = Number(match[2]);
  if (m < 1 || m > 12) return null;
  return { y: match[1] ?? "", m, d: Number(match[3]) };
}

/** "2012-12-03" -> "3 December 2012"; null or malformed -> "date not stated". */
export function formatDate(date: string | null): string {
  const p = dateParts(date);
  return p ? `${p.d} ${MONTH_NAMES[p.m - 1]} ${p.y}` : "date not stated";
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

function sentenceCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** N2: what a title says after its meeting number ("CLOSING CEREMONY"), or null. */
function titleSuffix(title: string | null | undefined): string | null {
  const m = /\d+\s*[-–—:]\s*(\S.*)$/.exec(title ?? "");
  return m?.[1] ? sentenceCase(m[1].trim()) : null;
}

/** "morning", "afternoon", "evening", "night" for an HH:MM start; null without one. */
export function partOfDay(time: string | null): string | null {
  const hour = Number(/^(\d{1,2}):\d{2}$/.exec(time ?? "")?.[1] ?? NaN);
  if (!Number.isFinite(hour)) return null;
  if (hour < 5 || hour >= 22) return "night";
  if (hour < 12) return "morning";
  return hour < 17 ? "afternoon" : "evening";
}

/** N1, N2: a numbered session's name. */
function numberedName(body: Body, number: number, title: string | null | undefined): string {
  const kind = bodyKind(body);
  switch (kind) {
    case "committee":
    case "working-group":
      return `${bodyDisplayName(body)}, ${ordinal(number)} meeting`;
    case "plenary": {
      const suffix = titleSuffix(title);
      return suffix ? `Plenary ${number} - ${suffix}` : `Plenary ${number}`;
    }
    case "panel":
    case "other":
      return titleCase(title ?? "Meeting");
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** N4: a session whose header gives no number. */
function unnumberedName(s: SessionNameFacts): string {
  const parts = [bodyDisplayName(s.body ?? "other")];
  if (s.date) parts.push(formatDate(s.date));
  const part = partOfDay(s.time);
  if (part) parts.push(part);
  return `${parts.join(", ")} (number not stated)`;
}

/** A session's human name (rules N1-N6). */
export function sessionName(s: SessionNameFacts): string {
  let name: string;
  if (s.body === null || bodyKind(s.body) === "other" || bodyKind(s.body) === "panel") {
    name = s.title ? titleCase(s.title) : unnumberedName(s);
  } else if (s.number === null) {
    name = unnumberedName(s);
  } else {
    name = numberedName(s.body, s.number, s.title);
  }
  const announced = announcedNote(s);
  if (announced) name += ` (${announced})`;
  return s.version === "rough" ? `${name} (rough live version)` : name;
}

/** N3: "announced as the 17th plenary meeting", or null when the room agreed with the header. */
export function announcedNote(s: SessionNameFacts): string | null {
  if (s.spokenNumber == null || s.spokenNumber === s.number) return null;
  const body = s.body === "plenary" ? "plenary " : "";
  return `announced as the ${ordinal(s.spokenNumber)} ${body}meeting`;
}

/** A compact label for chart axes: "P3", "C5·1", "WG6", "P 10 Dec" when no number. */
export function sessionShortLabel(s: SessionNameFacts): string {
  const prefix = bodyShortLabel(s.body ?? "other");
  if (s.number !== null) return `${prefix}${s.number}`;
  const p = dateParts(s.date);
  const when = p ? `${p.d} ${MONTH_NAMES[p.m - 1]?.slice(0, 3)}` : "no number";
  return `${prefix.replace("·", "")} ${when}`.trim();
}

/** Normalised transcript status: "finished", "final", "rough live", or "status not stated". */
export function statusName(s: Pick<SessionNameFacts, "status" | "version">): string {
  if (s.version === "rough" || s.status === "rough") return "rough live";
  return s.status ?? "status not stated";
}

/**
 * "Dubai" (the city of the session's conference) for local time or no zone, "local time" when the
 * conference is not known, "CET" for a stated zone.
 */
function zoneName(
  timeZone: string | null | undefined,
  conference: string | null | undefined,
): string {
  if (!timeZone || /^local(?:\s+time)?$/i.test(timeZone.trim())) {
    return conferenceById(conference)?.city ?? "local time";
  }
  return timeZone.trim().toUpperCase();
}

/**
 * When the session began (never when the words were said): "session began 18:30 (Dubai)",
 * "session 15:30-18:50 (Dubai)" with an end time, null when the header gives no time.
 */
export function sessionTimes(
  s: Pick<SessionNameFacts, "time" | "endTime" | "timeZone" | "conference">,
): string | null {
  if (!s.time) return null;
  const zone = zoneName(s.timeZone, s.conference);
  if (s.endTime) return `session began ${s.time}, ended ${s.endTime} (${zone})`;
  return `session began ${s.time} (${zone})`;
}
