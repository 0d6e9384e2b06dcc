/**
 * Annotations: the captioner's notes inside a turn, which are not the speaker's words. They stay
 * in the utterance text where they were written and are listed with offsets and a kind.
 *
 * Rules:
 * A1 A bracketed span "( ... )" or "[ ... ]" on one line, up to MAX_ANNOTATION_CHARS, whose inside
 *    reads as a captioner's note is an annotation. Kinds, from its inside (case-insensitive):
 *      applause      "Applause", "Applause.", "APPLAUSE", "Applause and cheers"
 *      gavel         "Gavel", "Gavel sounds"
 *      laughter      "Laughter", "Laughing"
 *      no-english    "No English.", "No English interpretation", "No interpretation"
 *      language      "repeating in French", "Speaking in Arabic", "In Spanish", "French"
 *      interpretation "Interpretation checks", "Interpreter check", "channel check"
 *      stand-by      "Please stand by. The meeting will begin momentarily", "Standing by"
 *      unsure        "?", "sp?", "sp", "phonetic", "unclear"
 *      inaudible     "Inaudible", "Indiscernible", "Off microphone", "No audio", "Audio cut out"
 *      attribution   "That was <country> speaking" and close variants (see attributedSpeaker)
 *      other         "Pause", "Silence", "Break", "Recess", "Music", "Video", "Technical
 *                    difficulties", "Captioner ...", and any [BRACKETED CAPITALS]
 *    Any other parenthesis is speech ("paragraph (a)", "the ITRs (the Regulations)") and stays
 *    unlisted.
 * A2 A bare stand-by line "Please stand by." (optionally "The meeting will begin momentarily.") is
 *    the captioner's too: kind stand-by.
 */
import type { Annotation } from "../../src/domain";

/** Longest bracketed note read as an annotation. */
export const MAX_ANNOTATION_CHARS = 200;

const LANGUAGES = "(?:Arabic|Chinese|English|French|Russian|Spanish|Portuguese|German)";

const KIND_RULES: [string, RegExp][] = [
  ["applause", /^applau/i],
  ["gavel", /^gavel/i],
  ["laughter", /^laugh/i],
  ["no-english", /^no\s+(?:english|interpretation|translation)\b/i],
  [
    "language",
    new RegExp(
      `^(?:(?:repeating|speaking|continuing|responding|replying|answering|speaker (?:is )?speaking|statement|spoken|interpreted|translated)\\s+(?:in|from)\\s+${LANGUAGES}|in\\s+${LANGUAGES}|${LANGUAGES})\\b`,
      "i",
    ),
  ],
  ["interpretation", /interpret|channel\s+check/i],
  [
    "stand-by",
    /^(?:please\s+)?stand(?:ing)?\s*-?\s*by\b|will\s+(?:begin|resume|start|reconvene)\s+(?:momentarily|shortly)/i,
  ],
  ["unsure", /^(?:\?+|sp\.?\??|phonetic(?:ally)?|unclear|spelling\??|sic)$/i],
  [
    "inaudible",
    /^(?:inaudible|indiscernible|unintelligible|off\s+mic(?:rophone)?|no\s+audio|no\s+sound|audio\s+(?:cut|lost|drop)|microphone\s+(?:off|not\s+on))/i,
  ],
  [
    "other",
    /^(?:pause|paused|silence|break|recess|music|video|technical\s+difficult|captioner|captioning|no\s+speaker|end\s+of\s+(?:session|meeting|transcript)|(?:session|meeting)\s+(?:ends?|ended|adjourned|suspended|resumed|concluded|closed)\b)/i,
  ],
];

const ATTRIBUTION_RE =
  /^(?:correction\s*[:,-]?\s*)?(?:that|this|the\s+(?:previous|preceding|last|above)\s+(?:speaker|intervention|statement|speech)|previous\s+speaker|preceding\s+speaker)\s+(?:was|is)\s+(?:(?:made|given|delivered)\s+by\s+|from\s+)?(.+?)(?:\s+(?:speaking|talking|delegation|speaking,?\s+not\s+.+))?[.!]?$/i;
const NAME_SPEAKING_RE = /^(?:correction\s*[:,-]?\s*)?([A-Z][\w .'’-]{1,60}?)\s+speaking[.!]?$/;

/**
 * The speaker named by an attribution note, or null: "(That was Egypt speaking)" -> "Egypt";
 * "(That was the delegate of the Islamic Republic of Iran)" -> "Islamic Republic of Iran";
 * "(Previous speaker was Cuba.)" -> "Cuba". Weaker forms ("(Egypt speaking)", "(That was Egypt)")
 * count only when `isSpeakerName` accepts the name, so "(French speaking)" and "(This is a
 * test)" are not attribution notes.
 */
export function attributedSpeaker(
  inner: string,
  isSpeakerName: (name: string) => boolean = () => true,
): string | null {
  const t = inner.trim().replace(/\s+/g, " ");
  const m = ATTRIBUTION_RE.exec(t);
  let name: string | null = null;
  let strong = false;
  if (m?.[1]) {
    name = m[1];
    // "speaking", "delegate of", "previous speaker": unmistakably a note on who spoke.
    strong =
      /\b(?:speaking|talking)[.!]?$/i.test(t) ||
      /\b(?:delegat(?:e|ion)|representative)\s+(?:of|from|for)\b/i.test(name) ||
      /^(?:correction\b|the\s+(?:previous|preceding|last|above)|previous|preceding)/i.test(t);
  } else {
    const s = NAME_SPEAKING_RE.exec(t);
    if (s?.[1] && !/^(?:no|not|now|speaker|someone|unidentified)\b/i.test(s[1])) name = s[1];
  }
  if (name === null) return null;
  name = name
    .replace(
      /^(?:the\s+)?(?:(?:honourable|honorable|distinguished)\s+)?(?:delegat(?:e|ion)|representative|speaker|member)\s+(?:of|from|for)\s+/i,
      "",
    )
    .replace(/^the\s+/i, "")
    .replace(/[.,;:!\s]+$/, "")
    .trim();
  if (name.length < 2 || name.length > 80 || /\bspeaking\b/i.test(name)) return null;
  if (!strong && !isSpeakerName(name)) return null;
  return name;
}

/** Kind of a bracketed note from its inside, or null when it is speech. */
export function annotationKind(
  inner: string,
  square: boolean,
  isSpeakerName?: (name: string) => boolean,
): string | null {
  const t = inner
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[.!]+$/, "")
    .trim();
  if (t === "") return null;
  if (attributedSpeaker(inner, isSpeakerName) !== null) return "attribution";
  for (const [kind, re] of KIND_RULES) if (re.test(t)) return kind;
  if (square && /^[A-Z][A-Z .,'-]*$/.test(t)) return "other";
  return null;
}

const BRACKETED_RE = /\(([^()\n]{1,200})\)|\[([^[\]\n]{1,200})\]/g;
const BARE_STAND_BY_RE =
  /\bPlease stand by\b[.!]?(?:\s+The (?:meeting|session|conference) will (?:begin|resume|start|reconvene)(?: momentarily| shortly| in (?:a|\w+) (?:few )?minutes?)?[.!]?)?/gi;

/** Annotations of a turn's text, in order (A1, A2). */
export function findAnnotations(
  text: string,
  isSpeakerName?: (name: string) => boolean,
): Annotation[] {
  const found: Annotation[] = [];
  BRACKETED_RE.lastIndex = 0;
  for (let m = BRACKETED_RE.exec(text); m !== null; m = BRACKETED_RE.exec(text)) {
    const square = m[2] !== undefined;
    const kind = annotationKind(m[1] ?? m[2] ?? "", square, isSpeakerName);
    if (kind !== null) {
      found.push({ text: m[0], start: m.index, end: m.index + m[0].length, kind });
    }
  }
  BARE_STAND_BY_RE.lastIndex = 0;
  for (let m = BARE_STAND_BY_RE.exec(text); m !== null; m = BARE_STAND_BY_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (found.some((a) => a.start <= start && end <= a.end)) continue;
    if (found.some((a) => a.start < end && start < a.end)) continue;
    found.push({ text: m[0], start, end, kind: "stand-by" });
  }
  return found.sort((a, b) => a.start - b.start);
}
