/**
 * Session titles: which body held the session and its meeting number, from the title line, and
 * the meeting number as announced in the room.
 *
 * Body (first rule that applies):
 *   "WORKING GROUP N" -> working-group-N; "WORKING GROUP" anywhere else -> working-group ("SIXTH
 *   MEETING OF THE WORKING GROUP OF THE PLENARY" is the working group's meeting, not a plenary);
 *   "COMMITTEE N" / "COM N" / "COMN" -> committee-N; "PLENARY" -> plenary; "PANEL" -> panel; any
 *   other title -> other.
 * Number (first rule that applies; ordinals as words or digits, "SEVENTEENTH" = "17TH" = 17):
 *   N1 an ordinal before MEETING / SESSION / PLENARY / WORKING GROUP: "THIRD MEETING OF COMMITTEE
 *      5" -> 3, "17TH PLENARY MEETING" -> 17, "NINTH WORKING GROUP OF THE PLENARY" -> 9 (the
 *      committee's or group's own number is never the meeting number);
 *   N2 a number after MEETING / SESSION: "COMMITTEE 5 MEETING 2" -> 2;
 *   N3 a number after PLENARY: "PLENARY 13 - CLOSING CEREMONY" -> 13, "PLENARY ONE" -> 1;
 *   otherwise null ("COMMITTEE 5", "WORKING GROUP 3 MEETING").
 * Then the conference's own rules (its profile's titleRules, src/conferences/): a matching rule
 * sets the body it names, and the meeting number when the title writes none (WCIT-12's
 * "COMMITTEE 5 MEETING" was its first).
 */
import { bodyId, bodyKind } from "../../src/conferences/body";
import type { ConferenceProfile } from "../../src/conferences/profile";
import type { Body } from "../../src/domain";

const ORDINAL_WORDS: Record<string, number> = {
  FIRST: 1,
  SECOND: 2,
  THIRD: 3,
  FOURTH: 4,
  FIFTH: 5,
  SIXTH: 6,
  SEVENTH: 7,
  EIGHTH: 8,
  NINTH: 9,
  TENTH: 10,
  ELEVENTH: 11,
  TWELFTH: 12,
  THIRTEENTH: 13,
  FOURTEENTH: 14,
  FIFTEENTH: 15,
  SIXTEENTH: 16,
  SEVENTEENTH: 17,
  EIGHTEENTH: 18,
  NINETEENTH: 19,
  TWENTIETH: 20,
  THIRTIETH: 30,
};

const CARDINAL_WORDS: Record<string, number> = {
  ONE: 1,
  TWO: 2,
  THREE: 3,
  FOUR: 4,
  FIVE: 5,
  SIX: 6,
  SEVEN: 7,
  EIGHT: 8,
  NINE: 9,
  TEN: 10,
  ELEVEN: 11,
  TWELVE: 12,
  THIRTEEN: 13,
  FOURTEEN: 14,
  FIFTEEN: 15,
  SIXTEEN: 16,
  SEVENTEEN: 17,
  EIGHTEEN: 18,
  NINETEEN: 19,
  TWENTY: 20,
};

const UNIT_ORDINALS = [
  "FIRST",
  "SECOND",
  "THIRD",
  "FOURTH",
  "FIFTH",
  "SIXTH",
  "SEVENTH",
  "EIGHTH",
  "NINTH",
];

/** An ordinal as words ("SEVENTEENTH", "TWENTY-FIRST") or digits ("17TH", "3RD"); case-insensitive use. */
export const ORDINAL_PATTERN = `(?:TWENTY[- ]?(?:${UNIT_ORDINALS.join("|")})|${Object.keys(ORDINAL_WORDS).join("|")}|\\d{1,2}\\s?(?:ST|ND|RD|TH))`;

/** A cardinal number as digits or words. */
export const CARDINAL_PATTERN = `(?:\\d{1,3}|${Object.keys(CARDINAL_WORDS).join("|")})`;

/** Value of an ordinal or cardinal written as ORDINAL_PATTERN / CARDINAL_PATTERN matches it. */
export function numberValue(word: string): number | null {
  const w = word.toUpperCase().replace(/\s+/g, " ").trim();
  const digits = /^(\d{1,3})\s?(?:ST|ND|RD|TH)?$/.exec(w);
  if (digits?.[1]) return Number(digits[1]);
  if (w in ORDINAL_WORDS) return ORDINAL_WORDS[w] ?? null;
  if (w in CARDINAL_WORDS) return CARDINAL_WORDS[w] ?? null;
  const compound = /^TWENTY[- ]?(\w+)$/.exec(w);
  if (compound?.[1]) {
    const unit = UNIT_ORDINALS.indexOf(compound[1]);
    if (unit >= 0) return 21 + unit;
  }
  return null;
}

const N1 = new RegExp(
  `\\b(${ORDINAL_PATTERN})\\s+(?:PLENARY\\s+)?(?:MEETING|SESSION|PLENARY|WORKING\\s*GROUP)\\b`,
  "i",
);
const N2 = /\b(?:MEETING|SESSION)\s*(?:NO\.?|NUMBER|#)?\s*(\d{1,3})\b/i;
const N3 = new RegExp(
  `\\bPLENARY\\s*(?:MEETING\\s*)?(?:NO\\.?|NUMBER|#)?\\s*(${CARDINAL_PATTERN})\\b`,
  "i",
);

/** The body a title names (rules in the module comment). */
function titleBody(t: string): Body {
  const group = /WORKING\s*GROUP\s*(?:NO\.?\s*)?(\d{1,2})\b/i.exec(t);
  if (group?.[1]) return bodyId("working-group", Number(group[1]));
  if (/WORKING\s*GROUP/i.test(t)) return "working-group";
  const committee = /\bCOM(?:MITTEE)?\s*(\d{1,2})\b/i.exec(t);
  if (committee?.[1]) return bodyId("committee", Number(committee[1]));
  if (/PLENARY/i.test(t)) return "plenary";
  if (/\bPANEL/i.test(t)) return "panel";
  return "other";
}

/** A title's body and meeting number. */
export interface TitleClass {
  body: Body;
  number: number | null;
}

/** The generic rules (module comment): body, then N1-N3. */
function genericClass(t: string): TitleClass {
  const body = titleBody(t);
  const n1 = N1.exec(t);
  if (n1?.[1]) return { body, number: numberValue(n1[1]) };
  const n2 = N2.exec(t);
  if (n2?.[1]) return { body, number: Number(n2[1]) };
  const n3 = N3.exec(t);
  if (n3?.[1]) return { body, number: numberValue(n3[1]) };
  return { body, number: null };
}

/**
 * Body and meeting number of a title: the generic rules, then the rules of the conference's
 * profile when it is known (module comment).
 */
export function classifyTitle(
  title: string,
  profile: Pick<ConferenceProfile, "titleRules"> | null = null,
): TitleClass {
  const t = title.replace(/\s+/g, " ").trim();
  const generic = genericClass(t);
  const caps = t.toUpperCase();
  const rule = profile?.titleRules.find((r) => r.pattern.test(caps));
  if (!rule) return generic;
  return { body: rule.body ?? generic.body, number: generic.number ?? rule.number ?? null };
}

/** Words that, in the same sentence, show the chair is opening THIS meeting. */
const OPENING_CONTEXT =
  /\b(?:open|opening|opened|welcome|begin|beginning|start|starting|commence|call(?:ed|ing)? to order|convene|convened|this|today|now)\b/i;

function spokenPatterns(body: Body | null): RegExp[] {
  const det = `\\b(?:the|this|our)\\s+`;
  const ord = `(${ORDINAL_PATTERN})`;
  const plenary = new RegExp(
    `${det}${ord}\\s+(?:plenary\\b|meeting\\s+of\\s+(?:the\\s+)?plenary\\b)`,
    "gi",
  );
  const committee = new RegExp(
    `${det}${ord}\\s+meeting\\s+of\\s+(?:(?:this|the)\\s+committee\\b|com(?:mittee)?\\s*\\d{1,2}\\b)`,
    "gi",
  );
  const group = new RegExp(
    `${det}${ord}\\s+meeting\\s+of\\s+(?:this|the)\\s+working\\s+group\\b`,
    "gi",
  );
  const any = new RegExp(`${det}${ord}\\s+(?:plenary\\s+)?(?:meeting|session|plenary)\\b`, "gi");
  const kind = body === null ? "other" : bodyKind(body);
  switch (kind) {
    case "plenary":
      return [plenary];
    case "committee":
      return [committee];
    case "working-group":
      return [group];
    case "panel":
    case "other":
      return [any];
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/**
 * The meeting number announced in the room ("I declare open the 17th plenary meeting"), read from
 * the opening turns of the presiding officer. A match counts only when its sentence also says the
 * meeting is being opened (open, welcome, begin, this, today...), so a mention of an earlier
 * meeting ("as agreed at the third plenary") is not taken. Returns null when nothing is announced
 * or it equals the title's number (nothing to keep twice).
 */
export function findSpokenNumber(
  openingTexts: readonly string[],
  body: Body | null,
  titleNumber: number | null,
): number | null {
  for (const text of openingTexts) {
    const head = text.slice(0, 3000);
    for (const re of spokenPatterns(body)) {
      re.lastIndex = 0;
      for (let m = re.exec(head); m !== null; m = re.exec(head)) {
        const value = m[1] ? numberValue(m[1]) : null;
        if (value === null) continue;
        const sentenceStart = Math.max(
          head.lastIndexOf(". ", m.index),
          head.lastIndexOf("? ", m.index),
          head.lastIndexOf("! ", m.index),
        );
        const afterEnd = head.slice(m.index).search(/[.?!](?:\s|$)/);
        const sentence = head.slice(
          sentenceStart < 0 ? 0 : sentenceStart + 2,
          afterEnd < 0 ? head.length : m.index + afterEnd,
        );
        const context = sentence.replace(m[0], " ");
        if (!OPENING_CONTEXT.test(context) && !/^\s*(?:this|our)\b/i.test(m[0])) continue;
        return value === titleNumber ? null : value;
      }
    }
  }
  return null;
}

const BODY_IN_SPEECH = new RegExp(
  `\\b(?:this|the\\s+present|our|today'?s)\\s+(?:(?:${ORDINAL_PATTERN}|evening|morning|afternoon|night|late|final|closing|opening|last)\\s+)?(plenary|meeting\\s+of\\s+(?:the\\s+)?plenary|meeting\\s+of\\s+(?:the\\s+)?working\\s+group|working\\s+group|meeting\\s+of\\s+com(?:mittee)?\\s*\\d{1,2}|com(?:mittee)?\\s*\\d{1,2})\\b`,
  "i",
);

/**
 * The body of a session without a title line, from its opening turns: "I open this plenary
 * meeting", "welcome to this meeting of Committee 5". Null when they do not say.
 */
export function inferBody(openingTexts: readonly string[]): Body | null {
  for (const text of openingTexts) {
    const m = BODY_IN_SPEECH.exec(text.slice(0, 3000));
    if (!m?.[1]) continue;
    const what = m[1].toLowerCase();
    if (what.includes("working")) return "working-group";
    const committee = /com(?:mittee)?\s*(\d{1,2})/.exec(what);
    if (committee?.[1]) return bodyId("committee", Number(committee[1]));
    return "plenary";
  }
  return null;
}
