/**
 * The words to put between quotation marks: only the speaker's words. An utterance's `text` is
 * the captioned turn, the captioner's notes included ((Applause), (That was Egypt speaking),
 * (?)...); its `quote` takes every note out, following the usual conventions for quoting:
 *
 * Q1 Nothing the captioner wrote about the room stands in the quote as if spoken: every
 *    annotation the parser listed is taken out of the words.
 * Q2 A note before the first spoken word or after the last is left out without a mark: a quote
 *    runs from the first word said to the last. Only "[?]" stays after the last word it doubts.
 * Q3 A note between spoken words becomes an editorial bracket: "[applause]", "[laughter]",
 *    "[gavel]" for what happened in the room; "[?]" after a word the captioner was unsure of;
 *    an ellipsis "[…]" where the captions do not give what was said (inaudible, no English,
 *    another language, interpretation checks, stand-by lines, attribution and other notes).
 * Q4 Notes next to each other give one bracket: "[…]" when any of them stands for missing
 *    words, otherwise the room's events in order ("[applause, laughter]").
 * Q5 The spoken words are copied exactly as captioned, joined by single spaces at the brackets.
 *    Only square brackets are added: a reader can tell every editorial mark from the words.
 * Q6 A turn with no spoken words (only notes) has an empty quote: there is nothing to quote.
 *
 * Runtime-free.
 */
import type { Annotation } from "../domain";

/** The quotable words of an utterance. */
export interface Quote {
  /** The words to put between quotation marks (Q1-Q6). */
  text: string;
  /** Offsets in the utterance's `text` of the runs of spoken words the quote is made of. */
  spans: [number, number][];
}

/** Brackets for the room's events (Q3). */
const EVENT_BRACKETS: Readonly<Record<string, string>> = {
  applause: "applause",
  laughter: "laughter",
  gavel: "gavel",
};
/** The ellipsis that stands for words the captions do not give (Q3). */
export const ELLIPSIS = "[…]";
/** The mark after a word the captioner was unsure of (Q3). */
export const UNSURE = "[?]";

/** Every editorial mark a quote can hold: what a reader (or a test) strips to get the words. */
export const EDITORIAL_MARK_RE =
  /\[(?:…|\?|(?:applause|laughter|gavel)(?:, (?:applause|laughter|gavel))*)\]/g;

/** The bracket that replaces a run of adjacent notes between words (Q3, Q4). */
function bracketFor(kinds: readonly string[]): string {
  if (kinds.every((k) => k === "unsure")) return UNSURE;
  const events = kinds.map((k) => EVENT_BRACKETS[k]);
  if (events.some((e) => e === undefined)) return ELLIPSIS;
  return `[${[...new Set(events)].join(", ")}]`;
}

/** Runs of annotations with only white space between them. */
function noteRuns(text: string, annotations: readonly Annotation[]): Annotation[][] {
  const sorted = [...annotations].sort((a, b) => a.start - b.start);
  const runs: Annotation[][] = [];
  let last: Annotation | undefined;
  for (const a of sorted) {
    const run = runs[runs.length - 1];
    if (run && last && text.slice(last.end, a.start).trim() === "") run.push(a);
    else runs.push([a]);
    if (!last || a.end > last.end) last = a;
  }
  return runs;
}

/** Offsets of text[start, end) without its white space at both ends. */
function trimmedSpan(text: string, start: number, end: number): [number, number] | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? "")) s++;
  while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
  return s < e ? [s, e] : null;
}

/** The quote of an utterance's text, given its annotations (rules Q1-Q6). */
export function quoteOf(text: string, annotations: readonly Annotation[]): Quote {
  const parts: string[] = [];
  const spans: [number, number][] = [];
  let pending: string | null = null;
  let from = 0;
  for (const run of noteRuns(text, annotations)) {
    const first = run[0];
    const last = run.reduce((end, a) => Math.max(end, a.end), 0);
    if (!first) continue;
    const words = trimmedSpan(text, from, first.start);
    if (words) {
      if (pending !== null && spans.length > 0) parts.push(pending);
      parts.push(text.slice(words[0], words[1]));
      spans.push(words);
    }
    // Q2: a bracket is written only once words follow it (and some came before).
    pending = bracketFor(run.map((a) => a.kind));
    from = Math.max(from, last);
  }
  const rest = trimmedSpan(text, from, text.length);
  if (rest) {
    if (pending !== null && spans.length > 0) parts.push(pending);
    parts.push(text.slice(rest[0], rest[1]));
    spans.push(rest);
  } else if (pending === UNSURE && spans.length > 0) {
    parts.push(UNSURE); // Q3: the doubt about the last word stays with it.
  }
  return { text: parts.join(" "), spans };
}
