/**
 * Small, pure formatting helpers shared by the views: session names, dates, counts. No HTML
 * here; the views escape what these return.
 */
import { bodyDisplayName } from "../../conferences/body";
import type { Body } from "../../domain";
import { MONTH_NAMES, dateParts, type SessionNameFacts } from "../../search/session-name";

export { ordinal, sessionName, sessionShortLabel, titleCase } from "../../search/session-name";

/** The session facts the views need to name a session. */
export type SessionFacts = SessionNameFacts;

/** "Jan".."Dec": the first three letters of the month names the citations use. */
const MONTHS = MONTH_NAMES.map((name) => name.slice(0, 3));
const MONTHS_LONG = MONTH_NAMES;

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

/** "2012-12-03" -> "December 2012". */
export function formatMonthYear(date: string | null): string {
  const p = dateParts(date);
  return p ? `${MONTHS_LONG[p.m - 1]} ${p.y}` : "date unknown";
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

/**
 * "3 Dec 2012, session began 14:30 (Dubai)": the session's date and when it began (a citation's
 * `began`), never presented as the time of the words; "3 Dec 2012" without a time.
 */
export function formatDateTime(date: string | null, began: string | null): string {
  return began ? `${formatDate(date)}, ${began}` : formatDate(date);
}

/** "plenary" -> "Plenary"; null -> "Meeting". */
export function bodyName(body: Body | null): string {
  return body ? bodyDisplayName(body) : "Meeting";
}

/** "1 result" / "12 results" with thousands separated: "1,234 results". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** 1234 -> "1,234" (fixed, locale-independent). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** ["A"] -> "A"; ["A", "B", "C"] -> "A, B and C"; [] -> the fallback. */
export function listOf(items: readonly string[], fallback = ""): string {
  if (items.length === 0) return fallback;
  if (items.length === 1) return items[0] ?? fallback;
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1) ?? ""}`;
}
