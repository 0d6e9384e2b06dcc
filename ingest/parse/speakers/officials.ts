/**
 * Officials of a conference named in turn labels: its profile lists persons by name with their
 * role (src/conferences/, `officials`), so a label naming one ("MOHAMED NASSER AL GHANIM",
 * "H.E. MR. MOHAMED NASSER AL GHANIM", or a rough live version's misspelling of the name) is
 * attributed to the role, not to an anonymous person.
 *
 * O1 The label, honorifics left out, equals the official's name (speakerKey form), or is within
 *    OFFICIAL_NAME_EDITS edits of it when the name has at least OFFICIAL_FUZZY_FROM letters and
 *    the first letters agree (the captioner mishears, rarely the first sound); of two officials
 *    equally close, neither.
 * O2 The role decides the kind: a chair's role ("Chair of the conference") gives kind "chair",
 *    id "chair", as every chair (roles.ts); the secretariat's gives "secretariat"; any other role
 *    "official", id "official:<slug of the name>". The name shown is "<name> (<role>)".
 */
import type { ConferenceProfile } from "../../../src/conferences/profile";
import type { Speaker } from "../../../src/domain";
import { boundedDamerauLevenshtein } from "../../../src/search/distance";
import { splitHonorifics } from "./persons";
import { matchRole } from "./roles";
import { slugify, speakerKey } from "./text";

/** Most edits between a label and an official's name (O1). */
export const OFFICIAL_NAME_EDITS = 2;
/** Fewest letters of a name for a misspelt label to count (O1). */
export const OFFICIAL_FUZZY_FROM = 10;

type Official = ConferenceProfile["officials"][number];

function distance(key: string, name: string): number {
  if (key === name) return 0;
  if (name.replace(/ /g, "").length < OFFICIAL_FUZZY_FROM || key[0] !== name[0]) return Infinity;
  const d = boundedDamerauLevenshtein(key, name, OFFICIAL_NAME_EDITS);
  return d > OFFICIAL_NAME_EDITS ? Infinity : d;
}

/** The official a label names (O1), or null. */
function closestOfficial(raw: string, officials: readonly Official[]): Official | null {
  const key = speakerKey(splitHonorifics(raw).rest);
  if (key === "") return null;
  const scored = officials
    .map((official) => ({ official, d: distance(key, speakerKey(official.name)) }))
    .filter((c) => c.d !== Infinity)
    .sort((a, b) => a.d - b.d);
  const [best, second] = scored;
  if (!best || (second && second.d === best.d)) return null;
  return best.official;
}

/** The Speaker of a label naming one of the officials (O1, O2), or null. */
export function matchOfficialName(raw: string, officials: readonly Official[]): Speaker | null {
  if (officials.length === 0) return null;
  const official = closestOfficial(raw, officials);
  if (official === null) return null;
  const role = matchRole(speakerKey(official.role));
  const name = `${official.name} (${official.role})`;
  const kind = role?.kind === "chair" || role?.kind === "secretariat" ? role.kind : "official";
  const id = kind === "official" ? `official:${slugify(official.name)}` : kind;
  return { raw, kind, id, name, country: null };
}
