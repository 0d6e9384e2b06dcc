/**
 * What copy sites add that a single line does not show, removed from the body after junk.ts
 * removeBodyJunk (so page numbers and furniture are gone and the provider block and disclaimer of
 * a repeated header are already removed by J7). Every rule is an edit on the MappedText, so the
 * text that remains still points into the input.
 *
 *   K1 a second copy of the beginning mid-text: where a status line or a known conference's line
 *      (its profile's patterns, conference-lines.ts) in capitals starts a word, the header reader (header.ts) reads a header; when it finds at
 *      least MIN_COPY_FIELDS fields (status, conference, city, date, time, title, provider,
 *      disclaimer), the whole run (the page title again, the header, what J7 left of the
 *      provider block and disclaimer, glued or not) is removed, with a "Transcript of <page
 *      title>" line directly above it (junk.ts isTranscriptOfLine). Speech never runs such fields
 *      together: "the FINAL COPY of the text" is one field and stays.
 *   K2 the opening turns again after the copy: the words after it are compared, word by word,
 *      with the body's opening (from its start, or from its first marked or labelled turn when
 *      the copy leaves out the text before the first marker, such as a stand-by line; up to the
 *      first copy). A turn of the copy counts as repeated only when a turn starts at the same word
 *      in both.
 *      When the whole opening is
 *      repeated (the text before the copy was a preview page of what follows), the repeated
 *      words are removed, so a turn the preview cut off continues into its remainder. Otherwise
 *      only whole repeated turns are removed, up to the start of the first turn that differs.
 *      So a word said once appears once, and a word said only after the copy is never lost. The
 *      first occurrence is kept (its locators point at the earlier lines).
 *   K3 a final marker cut off: at the very end, after a sentence end or at a line start (so "A >
 *      B" in speech stays), a lone marker (">", ">>", "> >"), or one followed
 *      by a label fragment in capitals without its colon (">> INTERPRE"), or a last line that is
 *      only the start of a label used in the transcript ("INTERPRE" where INTERPRETER: occurs),
 *      is removed. It is neither speech nor a turn; a complete empty turn (">> CHAIR:") stays.
 */
import type { SessionHeader } from "../../src/domain";
import { KNOWN_CONFERENCE_SOURCE } from "./conference-lines";
import { parseHeader } from "./header";
import { isTranscriptOfLine } from "./junk";
import { applyEdits, type Edit, type MappedText } from "./mapped-text";
import { MAX_LABEL_CHARS, scanTurns } from "./turns";

/** Fewest header fields that make a run of text a second copy of the header (K1). */
export const MIN_COPY_FIELDS = 2;
/** How much text after a K1 anchor the header reader sees. */
const COPY_WINDOW = 20_000;

const COPY_ANCHOR_RE = new RegExp(
  `(?:FINISHED|FINAL|RAW|ROUGH|UNEDITED)\\s?(?:TRANSCRIPT|FILE|COPY|DRAFT)|${KNOWN_CONFERENCE_SOURCE}`,
  "g",
);
/** K3: a marker at the very end, with a capitals fragment and no colon. */
const CUT_MARKER_RE = new RegExp(
  `(?<=^|\\s)>(?:[ \\t]*>)*(?:[ \\t]*[A-Z](?:[A-Z0-9 .'’&/-]{0,${MAX_LABEL_CHARS}}[A-Z])?)?\\s*$`,
);
/** K3: a last line of capitals only. */
const LAST_CAPS_LINE_RE = /(?<=\n)[ \t]*([A-Z][A-Z .'’&-]*[A-Z])\s*$/;

interface Span {
  start: number;
  end: number;
}

function fieldCount(h: SessionHeader): number {
  const fields = [h.statusLine, h.conferenceLine, h.city, h.date, h.time, h.title];
  return [...fields, h.provider, h.disclaimer].filter((v) => v !== null).length;
}

/** K1: where a copy starting at `start` begins, with a "Transcript of" line above it. */
function withTitleAbove(text: string, start: number): number {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  if (lineStart === 0 || text.slice(lineStart, start).trim() !== "") return start;
  const above = text.lastIndexOf("\n", lineStart - 2) + 1;
  return isTranscriptOfLine(text.slice(above, lineStart - 1)) ? above : start;
}

/** K1: the second copies of the header in the body. */
function findCopies(text: string): Span[] {
  const copies: Span[] = [];
  const re = new RegExp(COPY_ANCHOR_RE.source, "g");
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > 0 && !/\s/.test(text[m.index - 1] ?? "")) continue;
    const head = parseHeader(text.slice(m.index, m.index + COPY_WINDOW));
    if (!head.found || fieldCount(head.header) < MIN_COPY_FIELDS) continue;
    copies.push({ start: withTitleAbove(text, m.index), end: m.index + head.end });
    re.lastIndex = m.index + head.end;
  }
  return copies;
}

/** The words (runs of non-space) of text[from, to), at most `max` of them. */
function wordsOf(text: string, from: number, to: number, max = Infinity): Span[] {
  const out: Span[] = [];
  const re = /\S+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null && m.index < to && out.length < max; m = re.exec(text)) {
    out.push({ start: m.index, end: Math.min(to, m.index + m[0].length) });
  }
  return out;
}

/** K2: where the repeated opening after a copy ends (`copy.end` when nothing repeats). */
function repeatedOpeningEnd(
  text: string,
  opening: readonly Span[],
  copy: Span,
  limit: number,
  turnStarts: readonly number[],
  firstTurnStart: number,
): number {
  const same = (a: Span | undefined, b: Span | undefined): boolean =>
    a !== undefined && b !== undefined && text.slice(a.start, a.end) === text.slice(b.start, b.end);
  const follow = wordsOf(text, copy.end, limit, opening.length + 1);
  const first = follow[0];
  if (first === undefined) return copy.end;
  const length = (from: number): number => {
    let n = 0;
    while (from + n < opening.length && same(opening[from + n], follow[n])) n++;
    return n;
  };
  // Where the repeat starts in the opening: its start or its first turn, the longer match.
  const firstTurn = opening.findIndex((w) => w.start === firstTurnStart);
  const { from, n } = [0, firstTurn]
    .filter((k) => k >= 0)
    .map((k) => ({ from: k, n: length(k) }))
    .reduce((best, c) => (c.n > best.n ? c : best), { from: 0, n: 0 });
  if (n === 0) return copy.end;
  if (from + n === opening.length) {
    let end = follow[n - 1]!.end;
    while (end < limit && /\s/.test(text[end] ?? "")) end++;
    return end;
  }
  // Whole turns only: the last word j where a turn starts in both the copy and the opening.
  const isStart = new Set(turnStarts);
  for (let j = n; j > 0; j--) {
    const a = opening[from + j];
    const b = follow[j];
    if (a && b && isStart.has(a.start) && isStart.has(b.start)) return b.start;
  }
  return copy.end;
}

/** K1 and K2 edits. */
function repeatEdits(text: string): Edit[] {
  const copies = findCopies(text);
  const firstCopy = copies[0];
  if (firstCopy === undefined) return [];
  const opening = wordsOf(text, 0, firstCopy.start);
  const turns = scanTurns(text);
  const turnStarts = turns.map((t) => t.start);
  const firstTurn = turns.find((t) => t.marker !== null || t.label !== null)?.start ?? -1;
  return copies.map((copy, k) => {
    const limit = copies[k + 1]?.start ?? text.length;
    const end = repeatedOpeningEnd(text, opening, copy, limit, turnStarts, firstTurn);
    return { start: copy.start, end, replacement: "" };
  });
}

/** K3: the edit removing a cut final marker or label fragment, if any. */
function cutMarkerEdit(text: string): Edit[] {
  const marker = CUT_MARKER_RE.exec(text);
  if (marker && /(?:^|\n|[.?!)\]"”’])\s*$/.test(text.slice(0, marker.index))) {
    return [{ start: marker.index, end: text.length, replacement: "" }];
  }
  const line = LAST_CAPS_LINE_RE.exec(text);
  const fragment = line?.[1];
  if (!line || fragment === undefined) return [];
  const escaped = fragment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const label = new RegExp(`(?:^|[>\\n])[ \\t]*${escaped}[A-Z][A-Z0-9 .'’()&/-]*:`);
  return label.test(text) ? [{ start: line.index, end: text.length, replacement: "" }] : [];
}

/** K1-K3 on a transcript body (after removeBodyJunk). */
export function removeCopyRepeats(body: MappedText): MappedText {
  const repeats = applyEdits(body, repeatEdits(body.text));
  return applyEdits(repeats, cutMarkerEdit(repeats.text));
}
