/**
 * A site's own words before the first turn of a headerless copy (a blog or an NGO page that
 * copied the captions without their header). The header reader (header.ts H1) drops them; they
 * are not speech and not an unlabelled turn.
 *
 * Rules, read from the top of the text and never past the first turn marker:
 *   P1 a blog headline and a short date line: a line "DD Mon YY" ("05 Dec 12", "5 DEC 2012",
 *      "05-Dec-12") among the first MAX_HEADLINE_LINES + 1 lines ends the preamble; the short
 *      lines above it (no more than MAX_HEADLINE_LINES, each at most MAX_HEADLINE_CHARS) are the
 *      headline.
 *   P2 an introduction: leading sentences about the transcript itself. A sentence is one when it
 *      names the text (transcript, captions, captioning, CART, real-time text, verbatim record)
 *      AND says which session it is or when it was held (held, took place, below, following, here
 *      is, posted, published, a date or a weekday). An announcer's "Good afternoon ... the
 *      session will begin" names no text and stays, as does "Real-time captioning is provided
 *      for this session." (it says neither which session nor when).
 */
import { MONTH_PATTERN } from "./header-fields";

/** Most headline lines above a short date line. */
export const MAX_HEADLINE_LINES = 2;
/** Longest headline line. */
export const MAX_HEADLINE_CHARS = 140;
/** Longest introduction sentence, in characters. */
export const MAX_INTRO_SENTENCE = 400;

const SHORT_DATE_LINE = new RegExp(
  `^\\d{1,2}[ -]${MONTH_PATTERN}\\.?[ -]'?(?:\\d{2}|\\d{4})$`,
  "i",
);
const NAMES_THE_TEXT =
  /\b(?:transcripts?|captions|captioning|CART|real[- ]?time text|live text|verbatim (?:text|record))\b/i;
const SAYS_WHICH_OR_WHEN = new RegExp(
  `\\b(?:held|took place|taking place|below|following|here (?:is|are)|posted|published|reproduced|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH_PATTERN}|${MONTH_PATTERN}\\s+\\d{1,2})`,
  "i",
);

/** Where the first turn marker starts (or the text's end). */
function firstMarker(text: string, from: number): number {
  const at = text.slice(from).search(/>/);
  return at === -1 ? text.length : from + at;
}

/** P1: the end of a headline and its short date line, or `from`. */
function headlineEnd(text: string, from: number, limit: number): number {
  let pos = from;
  for (let n = 0; n <= MAX_HEADLINE_LINES; n++) {
    while (pos < limit && /\s/.test(text[pos] ?? "")) pos++;
    const nl = text.indexOf("\n", pos);
    const end = nl === -1 || nl > limit ? limit : nl;
    const line = text.slice(pos, end).trim();
    if (line === "" || line.length > MAX_HEADLINE_CHARS) return from;
    if (SHORT_DATE_LINE.test(line)) return end;
    pos = end;
  }
  return from;
}

/** True for a sentence about the transcript itself (P2). */
export function isIntroSentence(sentence: string): boolean {
  return (
    sentence.length <= MAX_INTRO_SENTENCE &&
    NAMES_THE_TEXT.test(sentence) &&
    SAYS_WHICH_OR_WHEN.test(sentence)
  );
}

/** P2: the end of the leading introduction sentences, or `from`. */
function introEnd(text: string, from: number, limit: number): number {
  let end = from;
  // A sentence ends at . ? ! before a space and a capital (not "Dec. 4"), or at a paragraph end.
  const sentence = /\s*[^\s][^]*?(?:[.?!](?=\s+[^a-z0-9\s]|\s*$)|(?=\n\s*\n)|$)/y;
  for (;;) {
    sentence.lastIndex = end;
    const m = sentence.exec(text.slice(0, limit));
    if (!m || m[0].trim() === "" || !isIntroSentence(m[0].replace(/\s+/g, " ").trim())) {
      return end;
    }
    end = m.index + m[0].length;
  }
}

/** Where a site's preamble that starts at `from` ends (`from` when there is none). */
export function sitePreambleEnd(text: string, from: number): number {
  const limit = firstMarker(text, from);
  return introEnd(text, headlineEnd(text, from, limit), limit);
}
