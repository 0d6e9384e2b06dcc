/**
 * Speaker labels -> Speakers. Pure and runtime-free (no Node imports): the transcript parser
 * calls it per turn, the index build lists the aliases so users can filter by any form.
 *
 * Resolution order for a label (first hit wins):
 * 1. exact known forms, on the whole label and then with bracketed notes removed
 *    ("EGYPT (Interpreted)"): roles and officials, delegation names (also inside "DELEGATE OF X",
 *    "X DELEGATION", "REPRESENTATIVE OF X", "X ON BEHALF OF ..."), capitalised acronyms (USA, UK);
 * 2. an honorific and a name ("MR. SMITH", "MADAM CHAIR" is a role by then);
 * 3. fuzzy: a delegation or role name one or two edits away (see FUZZY_* below), only when one
 *    candidate is clearly closest;
 * 4. two to four capitalised name words -> a person;
 * 5. nothing: matchSpeakerLabel returns null, normaliseSpeaker an "unknown" speaker.
 *
 * Ids: delegations use the ISO 3166-1 alpha-3 code ("IRN"); roles their kind ("chair",
 * "secretariat", "interpreter", "unknown"); officials "official:<slug>"; persons
 * "person:<slug>" (slug of the name words, honorifics left out: "MR. JANE DOE" -> "person:jane-doe").
 */
import type { Speaker, SpeakerKind } from "../../src/domain";
import { buildDelegationTable } from "./speakers/countries";
import { boundedDamerauLevenshtein } from "../../src/search/distance";
import {
  isNameRemainder,
  matchBareName,
  matchHonorificPerson,
  splitHonorifics,
} from "./speakers/persons";
import { ROLE_ALIASES, UNKNOWN_NAME, matchRole, type RoleMatch } from "./speakers/roles";
import { speakerKey, titleCase } from "./speakers/text";

export { speakerKey } from "./speakers/text";
export { ITU_MEMBER_STATES_2012 } from "./speakers/countries-data";

/** Labels longer than this are sentences, not labels. */
export const MAX_LABEL_LENGTH = 80;
/** No fuzzy match for keys shorter than this (UK/US, IRAN/IRAQ, MALI/MALTA stay apart). */
export const FUZZY_MIN_LENGTH = 5;
/** From this key length on, two edits are allowed; below it, one. */
export const FUZZY_TWO_EDITS_FROM = 9;

const table = buildDelegationTable();

/** Delegation prefixes and suffixes around a state's name. */
const DELEGATION_PREFIX =
  /^(?:(?:distinguished|honourable|honorable) )?(?:(?:head|chief|member) of (?:the )?)?(?:delegate|delegates|delegation|representative|representatives|administration|minister|ambassador|spokesperson|speaker) (?:of|from|for) (?:the )?/;
const DELEGATION_SUFFIX =
  / (?:delegation|delegate|delegates|representative|administration|speaking|on behalf of .+)$/;

function delegationSpeaker(code: string): RoleMatch {
  const d = table.byCode.get(code);
  if (!d) throw new Error(`speakers: unknown delegation code ${code}`);
  return { kind: "delegation", id: d.code, name: d.name };
}

/** Exact delegation forms, with prefixes and suffixes removed. */
function matchDelegationKey(key: string, uppercase: boolean): RoleMatch | null {
  const cores = new Set([key]);
  const noPrefix = key.replace(DELEGATION_PREFIX, "");
  cores.add(noPrefix);
  cores.add(noPrefix.replace(DELEGATION_SUFFIX, ""));
  for (const core of cores) {
    const code =
      table.byNameKey.get(core) ?? (uppercase ? table.byAcronymKey.get(core) : undefined);
    if (code) return delegationSpeaker(code);
  }
  return null;
}

function exactKey(key: string, uppercase: boolean): RoleMatch | null {
  if (key.length === 0) return null;
  const role = matchRole(key) ?? matchDelegationKey(key, uppercase);
  if (role) return role;
  // "REPRESENTATIVE OF THE SECRETARIAT"
  const core = key.replace(DELEGATION_PREFIX, "");
  return core !== key && core.length > 0 ? matchRole(core) : null;
}

/**
 * A role followed by a name: "CHAIRMAN AL EXAMPLE", "SECRETARY-GENERAL EXAMPLE". The longest
 * leading run of words that is a role (not a delegation) wins when the rest is name-shaped.
 */
function matchRoleWithName(label: string): RoleMatch | null {
  const words = label.split(/\s+/);
  for (let n = Math.min(words.length - 1, 5); n >= 1; n--) {
    const role = matchRole(speakerKey(words.slice(0, n).join(" ")));
    if (role && isNameRemainder(words.slice(n))) return role;
  }
  return null;
}

/** The first part of "EGYPT - ARAB GROUP", "CHAIR, COMMITTEE 5 (?)" when the whole is not known. */
const SEGMENT_SEPARATOR = /\s+[-–—]\s+|\s*[,;]\s*/;

// ---- fuzzy ------------------------------------------------------------------------------------

interface FuzzyCandidate {
  key: string;
  id: string;
}

/** Name keys of delegations and plain role keys: what a misspelt label may be close to. */
const fuzzyCandidates: FuzzyCandidate[] = [
  ...table.delegations.flatMap((d) => d.nameKeys.map((key) => ({ key, id: d.code }))),
  ...ROLE_ALIASES.filter((r) => r.kind !== "unknown").flatMap((r) =>
    r.aliases.map((a) => ({ key: speakerKey(a), id: r.id })),
  ),
].filter((c) => c.key.length >= FUZZY_MIN_LENGTH - 1);

function fuzzyBudget(key: string): number {
  const letters = key.replace(/ /g, "").length;
  if (letters < FUZZY_MIN_LENGTH) return 0;
  return letters >= FUZZY_TWO_EDITS_FROM ? 2 : 1;
}

/**
 * The id of the one candidate closest to `key` within the budget, or null when none is close
 * or two different ids are equally close (NIGERA: NIGER and NIGERIA are both one edit away).
 * The first letter must agree: captioners mistype, they rarely mishear the first sound.
 */
function fuzzyId(key: string): string | null {
  const budget = fuzzyBudget(key);
  if (budget === 0 || table.otherPlaceKeys.has(key)) return null;
  const best = new Map<string, number>();
  for (const c of fuzzyCandidates) {
    if (c.key[0] !== key[0]) continue;
    const d = boundedDamerauLevenshtein(key, c.key, budget);
    if (d <= budget && d < (best.get(c.id) ?? Infinity)) best.set(c.id, d);
  }
  const ranked = [...best.entries()].sort((a, b) => a[1] - b[1]);
  const [first, second] = ranked;
  if (!first || (second && second[1] === first[1])) return null;
  return first[0];
}

function roleById(id: string): RoleMatch | null {
  if (table.byCode.has(id)) return delegationSpeaker(id);
  const role = ROLE_ALIASES.find((r) => r.id === id);
  return role ? { kind: role.kind, id: role.id, name: role.name } : null;
}

function matchFuzzy(key: string): RoleMatch | null {
  const cores = new Set([key, key.replace(DELEGATION_PREFIX, "").replace(DELEGATION_SUFFIX, "")]);
  for (const core of cores) {
    const id = fuzzyId(core);
    if (id) return roleById(id);
  }
  return null;
}

// ---- persons ----------------------------------------------------------------------------------

/** Single words that are delegation names or role words: "EGYPT CHAIR" is not a person. */
const knownWords = new Set<string>([
  ...table.delegations.flatMap((d) => d.nameKeys.filter((k) => !k.includes(" "))),
  ...ROLE_ALIASES.flatMap((r) => r.aliases.map(speakerKey).filter((k) => !k.includes(" "))),
]);

// ---- the API ----------------------------------------------------------------------------------

/** Bracketed notes, and an unclosed one running to the end ("EGYPT (Interpreted"). */
const BRACKETED = /\s*[([{][^)\]}]*(?:[)\]}]|$)\s*/g;

function cleanLabel(raw: string): string {
  return raw
    .trim()
    .replace(/^>+\s*/, "")
    .replace(/\s*:$/, "")
    .trim();
}

function isUppercase(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toUpperCase();
}

function resolve(raw: string): RoleMatch | null {
  const label = cleanLabel(raw);
  if (label.length === 0 || label.length > MAX_LABEL_LENGTH) return null;
  const unbracketed = label.replace(BRACKETED, " ").trim();
  const upper = isUppercase(unbracketed);
  const fullKey = speakerKey(label);
  const key = speakerKey(unbracketed);

  const exact = exactKey(fullKey, upper) ?? (key !== fullKey ? exactKey(key, upper) : null);
  if (exact) return exact;

  const firstSegment = unbracketed.split(SEGMENT_SEPARATOR)[0] ?? "";
  if (firstSegment !== unbracketed && firstSegment.length > 0) {
    const segment = exactKey(speakerKey(firstSegment), isUppercase(firstSegment));
    if (segment) return segment;
  }

  const roleWithName = matchRoleWithName(unbracketed);
  if (roleWithName) return roleWithName;

  // An address before a role ("MR. CHAIRMAN") was tried above; here honorific + name.
  const honorific = matchHonorificPerson(unbracketed);
  if (honorific) {
    const { rest } = splitHonorifics(unbracketed);
    const asRole = exactKey(speakerKey(rest), isUppercase(rest));
    if (asRole && asRole.kind !== "delegation") return asRole;
    return { kind: "person", id: `person:${honorific.slug}`, name: honorific.name };
  }

  const fuzzy = matchFuzzy(key);
  if (fuzzy) return fuzzy;

  const person = matchBareName(unbracketed, (w) => knownWords.has(w));
  if (person) return { kind: "person", id: `person:${person.slug}`, name: person.name };
  return null;
}

/** Memo of resolved labels: transcripts repeat the same few hundred labels thousands of times. */
const memo = new Map<string, RoleMatch | null>();
const MEMO_LIMIT = 20_000;

function resolveMemo(raw: string): RoleMatch | null {
  if (memo.has(raw)) return memo.get(raw) ?? null;
  const result = resolve(raw);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(raw, result);
  return result;
}

/**
 * The Speaker a label names, or null when the label is not a recognisable delegation, role,
 * official or person-name form ("Note", "Article 5", "Thank you" -> null). `raw` is kept as given.
 */
export function matchSpeakerLabel(raw: string): Speaker | null {
  const m = resolveMemo(raw);
  if (!m) return null;
  return {
    raw,
    kind: m.kind,
    id: m.id,
    name: m.name,
    country: m.kind === "delegation" ? m.id : null,
  };
}

/**
 * Always a Speaker, `raw` kept exactly as given. null (an unlabelled turn) -> the unidentified
 * speaker. A label nothing recognises -> kind "unknown", id "unknown", named by its own words in
 * title case (so a reader sees what the captioner wrote).
 */
export function normaliseSpeaker(raw: string | null): Speaker {
  if (raw === null)
    return { raw: null, kind: "unknown", id: "unknown", name: UNKNOWN_NAME, country: null };
  const matched = matchSpeakerLabel(raw);
  if (matched) return matched;
  const label = cleanLabel(raw);
  const words = label.length > MAX_LABEL_LENGTH ? "" : speakerKey(label);
  return {
    raw,
    kind: "unknown",
    id: "unknown",
    name: words.length > 0 ? titleCase(words) : UNKNOWN_NAME,
    country: null,
  };
}

/** One filterable speaker: every delegation and role, with every key that names it. */
export interface SpeakerAliasEntry {
  id: string;
  name: string;
  kind: SpeakerKind;
  country: string | null;
  /**
   * Keys (speakerKey form: lower case, no accents or punctuation) a user may type to mean this
   * speaker: names, captioner forms, acronyms and, for delegations, the alpha-3 code ("irn").
   */
  aliases: string[];
}

/**
 * Every delegation (the 193 ITU Member States of 2012, Palau, Palestine) and every role, for the
 * search index's `speaker:` filter. Persons are not listed (they are only known from labels).
 */
export function listSpeakerAliases(): SpeakerAliasEntry[] {
  const delegations = table.delegations.map((d) => ({
    id: d.code,
    name: d.name,
    kind: "delegation" as const,
    country: d.code,
    aliases: [...new Set([d.code.toLowerCase(), ...d.nameKeys, ...d.acronymKeys])],
  }));
  const roles = ROLE_ALIASES.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    country: null,
    aliases: [
      ...new Set([speakerKey(r.id.replace(/^official:/, "")), ...r.aliases.map(speakerKey)]),
    ],
  }));
  return [...delegations, ...roles];
}

/**
 * The keys (speakerKey form) by which a speaker is named in running text, for finding the
 * chair's hand-offs ("Norway, then Chile"): a delegation's names and captioner forms, without
 * its code or acronyms ("can", "us" are words); for others, the key of the name given.
 */
export function speakerNameKeys(speaker: Pick<Speaker, "id" | "kind" | "name">): string[] {
  const delegation = speaker.kind === "delegation" ? table.byCode.get(speaker.id) : undefined;
  if (delegation) return delegation.nameKeys;
  const key = speakerKey(speaker.name);
  return key === "" ? [] : [key];
}
