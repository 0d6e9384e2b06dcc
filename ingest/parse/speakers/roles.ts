/**
 * Role labels: chairs, the secretariat, interpreters, named officials and the "unidentified"
 * forms. Each recogniser reads a speakerKey() and returns the role or null.
 *
 * Decisions (documented for the index and the views):
 * - Every chair is kind "chair", id "chair": the conference chair, the chair of a committee or
 *   working group, vice-chairs ("MR. PRESIDENT" and "PRESIDENT OF THE CONFERENCE" too). The name
 *   says which ("Chair of Committee 4", "Vice-Chair") and `raw` keeps the label.
 * - Secretariat staff (secretariat, secretary of the session, legal adviser) are kind
 *   "secretariat", id "secretariat"; the name says which.
 * - Elected officials and the voices of the room are kind "official", id "official:<slug>":
 *   secretary-general, deputy secretary-general, bureau directors, announcer, master of
 *   ceremonies, moderator, captioner, video. The announcer is a known role of the room (it opens
 *   sessions and calls speakers), so it is an official rather than "unknown".
 * - "SPEAKER", "UNIDENTIFIED SPEAKER", "FLOOR", "DELEGATE"... are recognised labels that name
 *   nobody: kind "unknown", id "unknown".
 */
import type { SpeakerKind } from "../../../src/domain";
import { NUMBER_WORD_PATTERN, parseSmallNumber, titleCase } from "./text";

/** What a role label resolves to. */
export interface RoleMatch {
  kind: SpeakerKind;
  id: string;
  name: string;
}

/** Display name of the unidentified speaker. */
export const UNKNOWN_NAME = "Unidentified speaker";

/** Polite address before a role: "MR. CHAIRMAN", "MADAM CHAIR", "MISTER PRESIDENT". */
const ADDRESS = /^(?:mr|mister|madam|madame|mrs|ms|his excellency|her excellency|he) /;

/** The key without a polite address and a leading "the" ("he the secretary general"). */
function bare(key: string): string {
  return key.replace(ADDRESS, "").replace(/^the /, "");
}

const NUM = `(?:\\d{1,3}|${NUMBER_WORD_PATTERN}|[a-e])`;
const BODY = `(?:committee|com|commission|working group(?: of the plenary)?|wg(?: ?pl)?|plenary|conference|ad hoc group|drafting group|sub ?committee|sub ?group|group|session|meeting)`;
const CHAIR_WORD = `(?:chair|chairman|chairperson|chairwoman|chair person|chair man|president|presiding officer)`;
const CHAIR_RE = new RegExp(
  `^(?:(${BODY})(?: (${NUM}))? )?(vice )?${CHAIR_WORD}(?: (?:of )?(?:the )?(${BODY})(?: (${NUM}))?)?$`,
);

function bodyName(body: string, num: string | undefined): string | null {
  const n = num === undefined ? null : (parseSmallNumber(num) ?? num.toUpperCase());
  if (/^(plenary|conference|session|meeting)$/.test(body)) return null;
  if (/^(committee|com|commission)$/.test(body))
    return n === null ? "a Committee" : `Committee ${n}`;
  if (/^(wg|wg ?pl|working group of the plenary)$/.test(body))
    return "the Working Group of the Plenary";
  return `the ${titleCase(body)}${n === null ? "" : ` ${n}`}`;
}

/** Chair forms, with the body they chair. */
export function matchChair(key: string): RoleMatch | null {
  const k = bare(key);
  const m = CHAIR_RE.exec(k);
  if (!m) return null;
  const [, bodyBefore, numBefore, vice, bodyAfter, numAfter] = m;
  const body = bodyAfter ?? bodyBefore;
  const num = bodyAfter ? numAfter : numBefore;
  const of = body ? bodyName(body, num) : null;
  const role = vice ? "Vice-Chair" : "Chair";
  return { kind: "chair", id: "chair", name: of ? `${role} of ${of}` : role };
}

const SECRETARIAT_RE =
  /^(?:(?:itu|conference|committee|the) )?(?:secretariat|secretary|(?:committee|conference|session|meeting) secretary|secretary of (?:the )?(?:session|meeting|conference|plenary|working group|committee(?: \d{1,2})?)|legal (?:advisor|adviser|counsel|counsellor|counselor|officer|affairs(?: unit| officer)?)|legal adviser of the conference)$/;

/** Secretariat forms. */
export function matchSecretariat(key: string): RoleMatch | null {
  const k = bare(key);
  if (!SECRETARIAT_RE.test(k)) return null;
  let name = "Secretariat";
  if (/\blegal\b/.test(k)) name = /advis|counsel/.test(k) ? "Legal Adviser" : "Legal Affairs";
  else if (/secretary/.test(k))
    name = titleCase(k.replace(/^(itu|the) /, "")).replace(/^Secretary$/, "Secretary");
  return { kind: "secretariat", id: "secretariat", name };
}

const LANGUAGE = "(?:english|french|spanish|arabic|russian|chinese)";
const INTERPRETER_RE = new RegExp(
  `^(?:${LANGUAGE} )?(?:interpreter|interpreters|interpretation|interpreting)(?: (?:booth|into ${LANGUAGE}|${LANGUAGE}|from ${LANGUAGE}))?$`,
);

/** Interpreter forms. */
export function matchInterpreter(key: string): RoleMatch | null {
  return INTERPRETER_RE.test(key)
    ? { kind: "interpreter", id: "interpreter", name: "Interpreter" }
    : null;
}

/** Named officials: id suffix, display name, and the keys that name them. */
export const OFFICIALS: readonly {
  slug: string;
  name: string;
  pattern: RegExp;
  aliases: readonly string[];
}[] = [
  {
    slug: "deputy-secretary-general",
    name: "Deputy Secretary-General",
    pattern: /^(?:itu )?deputy secretary general(?: of (?:the )?itu)?$/,
    aliases: ["deputy secretary general", "deputy secretary-general", "dsg"],
  },
  {
    slug: "secretary-general",
    name: "Secretary-General",
    pattern:
      /^(?:itu |conference )?secretary general(?: of (?:the )?(?:itu|conference|international telecommunication union))?$/,
    aliases: ["secretary general", "secretary-general", "itu secretary-general", "sg"],
  },
  {
    slug: "director-tsb",
    name: "Director, Telecommunication Standardization Bureau",
    pattern:
      /^(?:(?:director (?:of )?(?:the )?(?:tsb|telecommunication standardization bureau))|tsb director)$/,
    aliases: ["director tsb", "tsb director"],
  },
  {
    slug: "director-br",
    name: "Director, Radiocommunication Bureau",
    pattern: /^(?:(?:director (?:of )?(?:the )?(?:br|radiocommunication bureau))|br director)$/,
    aliases: ["director br", "br director"],
  },
  {
    slug: "director-bdt",
    name: "Director, Telecommunication Development Bureau",
    pattern:
      /^(?:(?:director (?:of )?(?:the )?(?:bdt|telecommunication development bureau))|bdt director)$/,
    aliases: ["director bdt", "bdt director"],
  },
  {
    slug: "announcer",
    name: "Announcer",
    pattern: /^(?:announcer|announcement|announcements)$/,
    aliases: ["announcer"],
  },
  {
    slug: "master-of-ceremonies",
    name: "Master of Ceremonies",
    pattern: /^(?:master of ceremonies|master of ceremony|mc|emcee)$/,
    aliases: ["master of ceremonies", "mc"],
  },
  {
    slug: "moderator",
    name: "Moderator",
    pattern: /^(?:moderator|the moderator)$/,
    aliases: ["moderator"],
  },
  {
    slug: "captioner",
    name: "Captioner",
    pattern: /^(?:captioner|captioning|cart captioner|caption writer)$/,
    aliases: ["captioner"],
  },
  {
    slug: "video",
    name: "Video presentation",
    pattern: /^(?:video|video presentation|film|narrator)$/,
    aliases: ["video", "narrator"],
  },
];

/** Named official forms. */
export function matchOfficial(key: string): RoleMatch | null {
  const k = bare(key);
  for (const o of OFFICIALS) {
    if (o.pattern.test(k)) return { kind: "official", id: `official:${o.slug}`, name: o.name };
  }
  return null;
}

const UNKNOWN_RE =
  /^(?:speaker|unidentified|unidentified speaker|unknown|unknown speaker|unidentified delegate|unidentified delegation|floor|speaker from the floor|from the floor|voice|participant|audience|audience member|delegate|delegation|male speaker|female speaker|male voice|female voice|inaudible|off mic|off microphone)$/;

/** Labels that name nobody in particular. */
export function matchUnknown(key: string): RoleMatch | null {
  return UNKNOWN_RE.test(key) ? { kind: "unknown", id: "unknown", name: UNKNOWN_NAME } : null;
}

/** Every role recogniser, in order. */
export function matchRole(key: string): RoleMatch | null {
  return (
    matchOfficial(key) ??
    matchChair(key) ??
    matchSecretariat(key) ??
    matchInterpreter(key) ??
    matchUnknown(key)
  );
}

/** Plain keys of each role id, for the search filter and for fuzzy matching. */
export const ROLE_ALIASES: readonly {
  id: string;
  kind: SpeakerKind;
  name: string;
  aliases: readonly string[];
}[] = [
  {
    id: "chair",
    kind: "chair",
    name: "Chair",
    aliases: [
      "chair",
      "chairman",
      "chairperson",
      "chairwoman",
      "president",
      "vice chair",
      "vice chairman",
      "presiding officer",
    ],
  },
  {
    id: "secretariat",
    kind: "secretariat",
    name: "Secretariat",
    aliases: [
      "secretariat",
      "secretary",
      "secretary of the session",
      "legal adviser",
      "legal advisor",
    ],
  },
  {
    id: "interpreter",
    kind: "interpreter",
    name: "Interpreter",
    aliases: ["interpreter", "interpreters", "interpretation"],
  },
  ...OFFICIALS.map((o) => ({
    id: `official:${o.slug}`,
    kind: "official" as const,
    name: o.name,
    aliases: o.aliases,
  })),
  {
    id: "unknown",
    kind: "unknown",
    name: UNKNOWN_NAME,
    aliases: ["unknown", "unidentified", "unidentified speaker", "speaker"],
  },
];
