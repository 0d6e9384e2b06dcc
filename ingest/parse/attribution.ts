/**
 * Attribution notes: a captioner's correction such as "(That was Chile speaking)" inside a turn
 * labelled NORWAY says that words under that label were Chile's. How far back it reaches is
 * decided from the evidence in the transcript, and every decision is recorded on the utterance
 * (domain.ts Attribution) with the evidence in a sentence. Pure.
 *
 * Rules, for a note naming X inside a turn labelled L (the words considered run from the label,
 * or from the previous note, to the note):
 * R1 X is L (the note confirms the label): nothing moves.
 * R2 Two speakers handed the floor: the chair's turn just before called L and then X ("Norway,
 *    then Chile"), or the chair's turn just after thanks both. Then:
 *    - exactly one paragraph break (R5) in the words: only the words after it are X's (reach
 *      "after-break"); those before it stay L's;
 *    - none, or several: uncertain (R4).
 * R3 Otherwise the note covers the words since the label (reach "turn"), when the chair called
 *    or thanked X and not L, or when the words are a single run (no paragraph break): the
 *    captioner's note is then the only evidence.
 * R4 Uncertain (reach "none"): the evidence does not settle it (a paragraph break but no
 *    hand-off to X alone; two speakers called but no single break). The words stay with L, the
 *    note stays visible in the text, and the utterance is marked `uncertain`.
 * R5 A paragraph break is a line break in the input after the end of a sentence that is either
 *    a blank line, or, in a hard-wrapped text (WRAP_* below), a break where the next word would
 *    have fitted on the line (so the captioner ended the line, not the wrapper); in a text that
 *    is not hard-wrapped every line break after a sentence end is one.
 */
import type { Attribution, Speaker } from "../../src/domain";
import { speakerKey } from "../../src/speaker-key";
import { attributedSpeaker, findAnnotations } from "./annotations";
import { sliceText, type MappedText } from "./mapped-text";
import { speakerNameKeys } from "./speakers";

/** Lines needed before a text is judged hard-wrapped. */
export const WRAP_MIN_LINES = 10;
/** A text whose 90th-percentile line is longer than this is not hard-wrapped. */
export const WRAP_MAX_WIDTH = 100;
/** Share of lines within WRAP_NEAR characters of the 90th percentile in a hard-wrapped text. */
export const WRAP_NEAR_SHARE = 0.5;
const WRAP_NEAR = 20;

/** What the parser knows around one turn. */
export interface TurnContext {
  /** The parser's input: where line breaks are read. */
  input: string;
  /** Wrap width of the input when it is hard-wrapped (estimateWrapWidth), else null. */
  wrapWidth: number | null;
  /** The turn's label as captioned (null when unlabelled). */
  label: string | null;
  /** Text of the presiding officer's turn just before this one, or null. */
  before: string | null;
  /** Text of the presiding officer's turn just after this one, or null. */
  after: string | null;
  isKnown(name: string): boolean;
  speaker(raw: string | null): Speaker;
}

/** A run of a turn's words given to one speaker. */
export interface AttributedPiece {
  text: MappedText;
  /** The label the words are given to: the note's name, or the turn's label. */
  raw: string | null;
  attribution?: Attribution;
  /** True for the piece that starts at the turn's label. */
  first: boolean;
}

/**
 * The width a hard-wrapped text was wrapped at (the third-longest line among lines up to
 * WRAP_MAX_WIDTH), or null when the text is not hard-wrapped.
 */
export function estimateWrapWidth(input: string): number | null {
  const lengths = input
    .split("\n")
    .map((line) => line.trimEnd().length)
    .filter((n) => n > 0);
  if (lengths.length < WRAP_MIN_LINES) return null;
  const sorted = [...lengths].sort((a, b) => a - b);
  const p90 = sorted[Math.floor(0.9 * (sorted.length - 1))] ?? 0;
  if (p90 > WRAP_MAX_WIDTH) return null;
  const near = lengths.filter((n) => n >= p90 - WRAP_NEAR && n <= WRAP_MAX_WIDTH).length;
  if (near < lengths.length * WRAP_NEAR_SHARE) return null;
  const fitting = sorted.filter((n) => n <= WRAP_MAX_WIDTH).reverse();
  return fitting[Math.min(2, fitting.length - 1)] ?? null;
}

/** Splits a turn's words at its attribution notes (rules R1-R4). */
export function splitAtAttributions(text: MappedText, ctx: TurnContext): AttributedPiece[] {
  const notes = findAnnotations(text.text, ctx.isKnown).filter((a) => a.kind === "attribution");
  const pieces: AttributedPiece[] = [];
  const push = (start: number, end: number, raw: string | null, attribution?: Attribution) => {
    const piece: AttributedPiece = { text: trimmed(text, start, end), raw, first: false };
    if (piece.text.text === "") return;
    piece.first = pieces.length === 0 && start === 0;
    if (attribution) piece.attribution = attribution;
    pieces.push(piece);
  };
  let from = 0;
  for (const note of notes) {
    const named = attributedSpeaker(note.text.slice(1, -1), ctx.isKnown);
    if (named === null) continue;
    const labelled = ctx.speaker(ctx.label);
    const speaker = ctx.speaker(named);
    if (ctx.label !== null && speaker.id === labelled.id && speaker.id !== "unknown") continue;
    const decision = decideReach(text, from, note.start, labelled, speaker, ctx);
    const attribution: Attribution = {
      labelled: ctx.label,
      labelledId: labelled.id,
      note: note.text,
      named,
      namedId: speaker.id,
      reach: decision.reach,
      uncertain: decision.reach === "none",
      evidence: decision.evidence,
    };
    switch (decision.reach) {
      case "turn":
        push(from, note.end, named, attribution);
        break;
      case "after-break":
        push(from, decision.at, ctx.label);
        push(decision.at, note.end, named, attribution);
        break;
      case "none":
        push(from, note.end, ctx.label, attribution);
        break;
      default: {
        const never: never = decision;
        throw new Error(`attribution: unknown reach ${String(never)}`);
      }
    }
    from = note.end;
  }
  push(from, text.text.length, ctx.label);
  if (pieces.length === 0) pieces.push({ text: trimmed(text, 0, 0), raw: ctx.label, first: true });
  if (pieces[0]) pieces[0].first = true;
  return pieces;
}

type Decision =
  | { reach: "turn"; evidence: string }
  | { reach: "after-break"; at: number; evidence: string }
  | { reach: "none"; evidence: string };

/** R2-R4 for the words text[from, to) before a note naming `named`. */
function decideReach(
  text: MappedText,
  from: number,
  to: number,
  labelled: Speaker,
  named: Speaker,
  ctx: TurnContext,
): Decision {
  const breaks = paragraphBreaks(text, from, to, ctx);
  const calls = callsOf(ctx.before);
  const thanks = thanksOf(ctx.after);
  const called = { l: mentionAt(calls, labelled), x: mentionAt(calls, named) };
  const thanked = { l: mentionAt(thanks, labelled) >= 0, x: mentionAt(thanks, named) >= 0 };
  const l = ctx.label === null ? "an unlabelled turn" : labelled.name;
  const x = named.name;
  if ((called.l >= 0 && called.x > called.l) || (thanked.l && thanked.x)) {
    const how =
      called.x > called.l && called.l >= 0 ? `called ${l}, then ${x}` : `thanked ${l} and ${x}`;
    const at = breaks[0];
    if (breaks.length === 1 && at !== undefined) {
      return {
        reach: "after-break",
        at,
        evidence: `The chair ${how}, and a new line begins before the words the note gives to ${x}: only the words after that line break are attributed to ${x}; those before it stay with ${l}.`,
      };
    }
    const where = breaks.length === 0 ? "no line break shows" : "several line breaks leave open";
    return {
      reach: "none",
      evidence: `The chair ${how}, but ${where} where ${x}'s words begin: the words are kept under the captions' label.`,
    };
  }
  const onlyX = (called.x >= 0 || thanked.x) && called.l < 0 && !thanked.l;
  if (onlyX) {
    return {
      reach: "turn",
      evidence: `The chair ${called.x >= 0 ? "had called" : "then thanked"} ${x}, not ${l}: the note covers the turn since its label.`,
    };
  }
  if (breaks.length === 0) {
    return {
      reach: "turn",
      evidence: `The words are a single run with no hand-off or line break suggesting a second speaker: the note covers the turn since its label.`,
    };
  }
  return {
    reach: "none",
    evidence: `The words run over more than one paragraph and nothing shows whether the note covers all of them or only the last: the words are kept under the captions' label.`,
  };
}

/** Positions in text (where words resume) of the paragraph breaks inside text[from, to) (R5). */
function paragraphBreaks(text: MappedText, from: number, to: number, ctx: TurnContext): number[] {
  const found: number[] = [];
  for (let i = from + 1; i + 1 < to; i++) {
    if (text.text[i] !== " ") continue;
    const gapStart = text.ends[i - 1] ?? 0;
    const gapEnd = text.starts[i + 1] ?? 0;
    const gap = ctx.input.slice(gapStart, gapEnd);
    if (!gap.includes("\n")) continue;
    if (isParagraphBreak(ctx, gapStart, gapEnd, gap, text.text[i - 1] ?? "")) found.push(i + 1);
  }
  return found;
}

function isParagraphBreak(
  ctx: TurnContext,
  gapStart: number,
  gapEnd: number,
  gap: string,
  before: string,
): boolean {
  if (!/[.?!:;"”’)\]]/.test(before)) return false;
  if (/\n[ \t]*\n/.test(gap) || ctx.wrapWidth === null) return true;
  const lineStart = ctx.input.lastIndexOf("\n", gapStart - 1) + 1;
  const nextWord = /^\S+/.exec(ctx.input.slice(gapEnd, gapEnd + 80))?.[0].length ?? 0;
  return gapStart - lineStart + 1 + nextWord <= ctx.wrapWidth;
}

/** The sentences of a presiding turn that call speakers (not the thanks to the last one). */
function callsOf(text: string | null): string {
  if (text === null) return "";
  return sentences(text)
    .filter((s) => !THANKS_RE.test(s))
    .join(" ");
}

/** The opening sentences of a presiding turn that thank who just spoke. */
function thanksOf(text: string | null): string {
  if (text === null) return "";
  const thanks: string[] = [];
  for (const s of sentences(text)) {
    if (!THANKS_RE.test(s)) break;
    thanks.push(s);
  }
  return thanks.join(" ");
}

const THANKS_RE = /^(?:thank|thanks|many thanks|i thank)\b/i;

function sentences(text: string): string[] {
  return text.split(/(?<=[.?!])\s+/);
}

/** Where a speaker is first named in a text (speakerKey form), or -1. */
function mentionAt(text: string, speaker: Speaker): number {
  if (text === "") return -1;
  const folded = ` ${speakerKey(text)} `;
  let at = -1;
  for (const key of speakerNameKeys(speaker)) {
    const i = folded.indexOf(` ${key} `);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  return at;
}

/** m.text[start, end) without the spaces at its ends. */
function trimmed(m: MappedText, start: number, end: number): MappedText {
  let s = start;
  let e = end;
  while (s < e && m.text[s] === " ") s++;
  while (e > s && m.text[e - 1] === " ") e--;
  return sliceText(m, s, e);
}
