/**
 * Speaker turns: where each turn starts, its label, and where its text runs.
 *
 * Rules:
 * T1 Markers are found anywhere, inside lines too (whole transcripts arrive flattened onto one
 *    line): ">>" (and ">>>"), and the split form "> >". A single ">" (HTML conversions) is a marker
 *    at a line start, before a label, or after a sentence end and before a capital ("floor. > The
 *    next..."); elsewhere it is text ("x > y"). "->" and "=>" are never markers.
 * T2 A label follows its marker directly: a short run of capitals (digits, spaces, hyphens,
 *    periods, apostrophes, parentheses, slashes, "&" allowed) ending in a colon on the same line —
 *    at most MAX_LABEL_WORDS words and MAX_LABEL_CHARS characters, no "?", "!" or ";", a ". " only
 *    after a title or an initial ("MR. SMITH", "H.E. MR. X"), not a lone word like "OK" or "NOTE",
 *    not a text's name ("ARTICLE 5", "PARAGRAPH 2", "DOCUMENT 65") unless the recogniser knows it.
 *    A colon followed by a digit is a time ("AT 10:30"), not a label. A mixed-case run ("Chair:",
 *    or one with a comma) is a label only when the speaker recogniser knows it. So ">> Thank you.
 *    Two points: first..." is an unlabelled turn, not a speaker called "Thank you. Two points".
 * T3 Without a marker, a line that starts with a label the speaker recogniser knows ("Chair:",
 *    "Egypt:", "CHAIRMAN:") starts a turn — only when the line before ends a sentence (. ? ! : ) or
 *    a closing quote/bracket), is blank, or is the first line: so a hard wrap that happens to put
 *    "Egypt: ..." at a line start mid-sentence is not a turn. "Note: ..." and "Article 5: ..." are
 *    not labels (the recogniser rejects them).
 * T4 A marker with no label starts an unlabelled turn (an announcer, a chair not yet named). Text
 *    before the first turn is an unlabelled turn too.
 * T5 A turn's text runs from after its label (or marker) to the next turn's start.
 */
import { matchSpeakerLabel } from "./speakers";

/** Longest label, in characters. */
export const MAX_LABEL_CHARS = 70;
/** Most words in a label ("UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND" has 8). */
export const MAX_LABEL_WORDS = 10;
/** Most words in a mixed-case label without a marker. */
export const MAX_UNMARKED_LABEL_WORDS = 8;

/** A label as written, with its place in the scanned text. */
export interface TurnLabel {
  raw: string;
  /** Offset of the label's first character. */
  start: number;
  /** Offset just after its colon. */
  end: number;
}

/** One turn as found in the scanned text (offsets into that text). */
export interface RawTurn {
  /** Offset of the marker, or of the label when there is no marker, or of the first character. */
  start: number;
  /** Offset where the turn's words begin (after the label's colon, or after the marker). */
  textStart: number;
  /** Offset just after the turn (the next turn's start). */
  end: number;
  label: TurnLabel | null;
  /** ">>", "> >", ">" as written (normalised to these three), null without a marker. */
  marker: ">>" | "> >" | ">" | null;
}

/** How labels are recognised; the default asks the speaker recogniser. */
export interface ScanOptions {
  isKnownLabel?: (raw: string) => boolean;
}

const STOP_LABELS = new Set([
  "OK",
  "OKAY",
  "NO",
  "YES",
  "NOTE",
  "PS",
  "RE",
  "SO",
  "AND",
  "BUT",
  "THE",
  "I",
  "A",
  "WELL",
  "NB",
  "TEL",
  "FAX",
  "WWW",
  "HTTP",
  "HTTPS",
]);
/** Capitals that name a text, not a speaker (">> ARTICLE 5: ..."), unless the recogniser knows them. */
const DOCUMENT_WORD =
  /^(?:ARTICLE|PARAGRAPH|RESOLUTION|DOCUMENT|RULE|ITEM|OPTION|QUESTION|PROPOSAL|POINT|SECTION|ANNEX|APPENDIX|AGENDA|PREAMBLE|RECOMMENDATION|DECISION|ADM|DT|PAGE)\b/;
const HONORIFIC = /(?:^|\s)(?:MR|MRS|MS|DR|PROF|ST|JR|SR|MME|H\.E|[A-Z])\.$/;

function defaultIsKnown(raw: string): boolean {
  try {
    return matchSpeakerLabel(raw) !== null;
  } catch {
    return false;
  }
}

/** True for a capitals label shape (T2). */
export function isCapitalsLabel(raw: string): boolean {
  if (raw.length > MAX_LABEL_CHARS || !/^[A-Z(][A-Z0-9 .'’()\-/&]*$/.test(raw)) return false;
  if ((raw.match(/[A-Z]/g) ?? []).length < 2) return false;
  const words = raw.split(/\s+/);
  if (words.length > MAX_LABEL_WORDS || STOP_LABELS.has(raw)) return false;
  // A ". " is allowed only after a title or an initial.
  for (let i = raw.indexOf(". "); i !== -1; i = raw.indexOf(". ", i + 1)) {
    if (!HONORIFIC.test(raw.slice(0, i + 1))) return false;
  }
  return true;
}

/** Offset of the first `ch` in text[pos, limit) on the same line, or -1. */
function findOnLine(text: string, ch: string, pos: number, limit: number): number {
  const window = text.slice(pos, Math.min(limit, text.length));
  const nl = window.indexOf("\n");
  const at = window.indexOf(ch);
  if (at === -1 || (nl !== -1 && nl < at)) return -1;
  return pos + at;
}

/** True when only spaces or tabs stand between the line start and i. */
function atLineStart(text: string, i: number): boolean {
  let p = i - 1;
  while (p >= 0 && (text[p] === " " || text[p] === "\t")) p--;
  return p < 0 || text[p] === "\n";
}

/** The label right after a marker (T2), or null. */
function labelAt(text: string, pos: number, isKnown: (raw: string) => boolean): TurnLabel | null {
  const colon = findOnLine(text, ":", pos, pos + MAX_LABEL_CHARS + 2);
  if (colon === -1) return null;
  const written = text.slice(pos, colon);
  const raw = written.trim();
  if (raw === "" || raw.includes(">")) return null;
  const after = text[colon + 1];
  if (after !== undefined && /[0-9/]/.test(after)) return null;
  const ok =
    (isCapitalsLabel(raw) && (!DOCUMENT_WORD.test(raw) || isKnown(raw))) ||
    (/^[A-Z]/.test(raw) && raw.split(/\s+/).length <= MAX_UNMARKED_LABEL_WORDS && isKnown(raw));
  if (!ok) return null;
  const start = pos + (written.length - written.trimStart().length);
  return { raw, start, end: colon + 1 };
}

/**
 * True when the line before `lineStart` lets a turn start without a marker (T3): it is blank, or
 * there is none, or it ends a sentence.
 */
function previousLineAllowsTurn(text: string, lineStart: number): boolean {
  let p = lineStart - 1;
  let newlines = 0;
  const stop = Math.max(-1, lineStart - 200);
  while (p > stop && /\s/.test(text[p] ?? "")) {
    if (text[p] === "\n") newlines++;
    p--;
  }
  if (p <= stop || newlines >= 2) return true;
  return /[.?!:)\]"”’»]/.test(text[p] ?? "");
}

/** An unmarked label at a line start (T3), or null. */
function unmarkedLabelAt(
  text: string,
  lineStart: number,
  isKnown: (raw: string) => boolean,
): TurnLabel | null {
  let p = lineStart;
  while (p < text.length && (text[p] === " " || text[p] === "\t")) p++;
  if (!/[A-Z]/.test(text[p] ?? "")) return null;
  const colon = findOnLine(text, ":", p, p + 62);
  if (colon === -1) return null;
  const raw = text.slice(p, colon).trim();
  if (!/^[A-Z][A-Za-z0-9 .'’()-]*$/.test(raw)) return null;
  if (raw.split(/\s+/).length > MAX_UNMARKED_LABEL_WORDS) return null;
  const after = text[colon + 1];
  if (after !== undefined && !/\s/.test(after)) return null;
  if (!isKnown(raw)) return null;
  return { raw, start: p, end: colon + 1 };
}

/**
 * The marker run starting with the ">" at `i` (more ">" may follow, after spaces or tabs): where
 * it ends, how many ">" it has, and whether it is split. Scanned by hand, not by a regex: a file
 * can hold megabytes of ">", which a repeated regex group would recurse on.
 */
function markerRun(text: string, i: number): { end: number; count: number; split: boolean } {
  let end = i + 1;
  let count = 1;
  for (let p = end; ; p++) {
    while (text[p] === " " || text[p] === "\t") p++;
    if (text[p] !== ">") break;
    count++;
    end = p + 1;
  }
  return { end, count, split: end - i !== count };
}

/** Finds the turns of a transcript body. Never throws. */
export function scanTurns(text: string, options: ScanOptions = {}): RawTurn[] {
  const isKnown = options.isKnownLabel ?? defaultIsKnown;
  const starts: Omit<RawTurn, "end">[] = [];

  for (let i = text.indexOf(">"), next = 0; i !== -1; i = text.indexOf(">", next)) {
    const { end, count, split } = markerRun(text, i);
    next = end;
    const prev = i > 0 ? (text[i - 1] ?? "") : "";
    if (/[-=<]/.test(prev)) continue;
    let p = end;
    while (p < text.length && (text[p] === " " || text[p] === "\t")) p++;
    const label = labelAt(text, p, isKnown);
    if (count === 1 && label === null) {
      const afterSentence =
        /\s/.test(prev) &&
        /[.?!)\]"”’]\s*$/.test(text.slice(Math.max(0, i - 4), i)) &&
        /^\s+[A-Z([]/.test(text.slice(i + 1, i + 4));
      if (!atLineStart(text, i) && !afterSentence) continue;
    }
    const marker = count === 1 ? ">" : split ? "> >" : ">>";
    starts.push({
      start: i,
      textStart: label ? label.end : p,
      label,
      marker,
    });
  }

  // Unmarked labels at line starts (T3).
  for (let lineStart = 0; lineStart <= text.length;) {
    const label = previousLineAllowsTurn(text, lineStart)
      ? unmarkedLabelAt(text, lineStart, isKnown)
      : null;
    if (label) {
      starts.push({ start: label.start, textStart: label.end, label, marker: null });
    }
    const nl = text.indexOf("\n", lineStart);
    if (nl === -1) break;
    lineStart = nl + 1;
  }

  starts.sort((a, b) => a.start - b.start);
  // Drop an unmarked label found inside a marked turn's label.
  const ordered = starts.filter(
    (s, k) => k === 0 || (starts[k - 1]?.textStart ?? 0) <= s.start || s.marker !== null,
  );

  const turns: RawTurn[] = [];
  const firstStart = ordered[0]?.start ?? text.length;
  if (text.slice(0, firstStart).trim() !== "") {
    turns.push({ start: 0, textStart: 0, end: firstStart, label: null, marker: null });
  }
  ordered.forEach((s, k) => {
    const end = ordered[k + 1]?.start ?? text.length;
    turns.push({ ...s, textStart: Math.min(s.textStart, end), end });
  });
  return turns;
}
