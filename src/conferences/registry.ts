/**
 * The conferences this engine knows, and how a transcript's header picks one. The one list of
 * profiles: a new conference is added here and nowhere else.
 */
import type { ConferenceProfile } from "./profile";
import { PP_14 } from "./pp-14";
import { PP_18 } from "./pp-18";
import { PP_22 } from "./pp-22";
import { WCIT_12 } from "./wcit-12";
import { WTPF_13 } from "./wtpf-13";

/** Every profile, the default (the one the scraper and an unnamed corpus use) first. */
export const CONFERENCES: readonly ConferenceProfile[] = [WCIT_12, WTPF_13, PP_14, PP_18, PP_22];

/** The profile the scraper uses without `--conference`. */
export const DEFAULT_CONFERENCE: ConferenceProfile = WCIT_12;

/** The profile with this id, or null. */
export function conferenceById(id: string | null | undefined): ConferenceProfile | null {
  if (id === null || id === undefined) return null;
  return CONFERENCES.find((c) => c.id === id) ?? null;
}

/** Ids of every profile, for messages ("unknown conference X; known: wcit-12, pp-14"). */
export function conferenceIds(): string[] {
  return CONFERENCES.map((c) => c.id);
}

/** Days a session date may fall outside a profile's dates (preparatory and late sessions). */
export const DATE_SLACK_DAYS = 3;

/** What a header says that can identify its conference. Fields are as written, or null. */
export interface ConferenceEvidence {
  conferenceLine: string | null;
  city: string | null;
  /** YYYY-MM-DD. */
  date: string | null;
}

function normalise(line: string): string {
  return line.toUpperCase().replace(/\s+/g, " ").trim();
}

function anyMatch(patterns: readonly RegExp[], line: string | null): boolean {
  if (line === null) return false;
  const text = normalise(line);
  return patterns.some((p) => p.test(text));
}

/**
 * The years a conference line writes: four digits ("PLENIPOTENTIARY CONFERENCE 2022") or an
 * acronym's two ("PP-22", "WCIT-12" -> 2012).
 */
export function yearsInLine(line: string): number[] {
  const text = normalise(line);
  const years = [...text.matchAll(/(?<!\d)((?:19|20)\d\d)(?!\d)/g)].map((m) => Number(m[1]));
  const acronyms = [...text.matchAll(/\b[A-Z]{2,5}[\s-]*(\d\d)\b/g)].map(
    (m) => 2000 + Number(m[1]),
  );
  return [...years, ...acronyms];
}

/** False when the line writes a year and none of its years is one of the profile's. */
function yearFits(profile: ConferenceProfile, line: string | null): boolean {
  if (line === null) return true;
  const years = yearsInLine(line);
  const from = Number(profile.dates.from.slice(0, 4));
  const to = Number(profile.dates.to.slice(0, 4));
  return years.length === 0 || years.some((y) => y >= from && y <= to);
}

function withinDates(profile: ConferenceProfile, date: string): boolean {
  const day = Date.parse(`${date}T00:00:00Z`);
  const slack = DATE_SLACK_DAYS * 86_400_000;
  const from = Date.parse(`${profile.dates.from}T00:00:00Z`) - slack;
  const to = Date.parse(`${profile.dates.to}T00:00:00Z`) + slack;
  return day >= from && day <= to;
}

/**
 * The conference a header names, or null when it names none of the profiles or the evidence
 * does not settle it. A profile is a candidate when its conference line or its city line matches;
 * a year in the conference line that is none of its years, or a date outside its dates (with
 * DATE_SLACK_DAYS), rules it out. A conference line that no profile's patterns match names a
 * conference the engine does not know: its city line alone then picks nothing ("ITU COUNCIL" in
 * Geneva is not the Policy Forum). Of several candidates, the one whose line and city both match
 * wins; a tie is no answer (never guessed). A header that names neither (a copy whose top was cut)
 * is placed by its date alone when exactly one profile's dates hold it.
 */
export function recognizeConference(evidence: ConferenceEvidence): ConferenceProfile | null {
  const scored = CONFERENCES.map((profile) => {
    const line = anyMatch(profile.recognition.conferenceLines, evidence.conferenceLine);
    const city = anyMatch(profile.recognition.cityLines, evidence.city);
    return { profile, line, score: (line ? 2 : 0) + (city ? 1 : 0) };
  })
    .filter((c) => c.score > 0 && yearFits(c.profile, evidence.conferenceLine))
    .filter((c) => evidence.date === null || withinDates(c.profile, evidence.date));
  const unknownLine = evidence.conferenceLine !== null && !scored.some((c) => c.line);
  if (unknownLine) return null;
  if (scored.length === 0) return byDateAlone(evidence);
  const best = Math.max(...scored.map((c) => c.score));
  const top = scored.filter((c) => c.score === best);
  return top.length === 1 && top[0] ? top[0].profile : null;
}

/** The one profile whose dates hold the evidence's date, when line and city name none. */
function byDateAlone(evidence: ConferenceEvidence): ConferenceProfile | null {
  if (evidence.date === null) return null;
  const { date } = evidence;
  const named = [evidence.conferenceLine, evidence.city].some((line) => line !== null);
  if (named) return null;
  const holding = CONFERENCES.filter((profile) => withinDates(profile, date));
  return holding.length === 1 && holding[0] ? holding[0] : null;
}
