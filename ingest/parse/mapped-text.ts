/**
 * Text that remembers where each of its characters came from.
 *
 * The parser cleans the extracted text (junk removed, mojibake repaired, wraps joined) but every
 * utterance must still point at the exact span of the INPUT it came from, so a quote can be traced
 * to the extracted text file and a line. A MappedText carries, for every character, the span of
 * input it stands for: an unchanged character stands for itself; a character produced by a repair
 * ("â€™" -> "’") stands for the whole repaired input span; an inserted character (the space
 * restored in "Mr.Name" -> "Mr. Name") stands for an empty span at the insertion point.
 *
 * Offsets are UTF-16 code units, end exclusive, as everywhere in the domain types.
 */

/** A string plus, per character, the input span it came from. */
export interface MappedText {
  readonly text: string;
  /** Input offset where character i's span starts. */
  readonly starts: Int32Array;
  /** Input offset where character i's span ends (exclusive). */
  readonly ends: Int32Array;
  /** Input offset of the position just after this text (used for empty texts and end spans). */
  readonly endOffset: number;
}

/** Replace text[start, end) with `replacement` (start === end inserts). */
export interface Edit {
  start: number;
  end: number;
  replacement: string;
}

/** The input itself: every character maps to itself. */
export function identityText(text: string): MappedText {
  const n = text.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    starts[i] = i;
    ends[i] = i + 1;
  }
  return { text, starts, ends, endOffset: n };
}

/** Input offset where text position `i` starts (i may equal text.length). */
export function sourceOffsetAt(m: MappedText, i: number): number {
  if (i < m.text.length) return m.starts[i] ?? m.endOffset;
  return m.endOffset;
}

/** Input span covered by m.text[start, end). An empty range gives an empty span at its place. */
export function sourceSpanOf(
  m: MappedText,
  start: number,
  end: number,
): { start: number; end: number } {
  if (end <= start) {
    const at = sourceOffsetAt(m, start);
    return { start: at, end: at };
  }
  return { start: m.starts[start] ?? m.endOffset, end: m.ends[end - 1] ?? m.endOffset };
}

/** A view of m.text[start, end) (no copy of the maps). */
export function sliceText(m: MappedText, start: number, end: number): MappedText {
  const s = Math.max(0, Math.min(start, m.text.length));
  const e = Math.max(s, Math.min(end, m.text.length));
  return {
    text: m.text.slice(s, e),
    starts: m.starts.subarray(s, e),
    ends: m.ends.subarray(s, e),
    endOffset: e < m.text.length ? (m.starts[e] ?? m.endOffset) : m.endOffset,
  };
}

/**
 * Applies edits to a mapped text. Edits are sorted by start (the longer first at one start); an
 * edit overlapping an earlier one is dropped, so rules can be collected independently.
 */
export function applyEdits(m: MappedText, edits: readonly Edit[]): MappedText {
  if (edits.length === 0) return m;
  // At one start the longer edit wins (a whole block over a line inside it).
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Edit[] = [];
  let lastEnd = 0;
  for (const edit of sorted) {
    if (edit.start < lastEnd || edit.end < edit.start || edit.end > m.text.length) continue;
    // Two insertions at one point would be ambiguous; keep the first.
    const prev = kept[kept.length - 1];
    if (prev && prev.start === prev.end && edit.start === prev.start && edit.end === edit.start) {
      continue;
    }
    kept.push(edit);
    lastEnd = edit.end;
  }
  let length = m.text.length;
  for (const edit of kept) length += edit.replacement.length - (edit.end - edit.start);
  const starts = new Int32Array(length);
  const ends = new Int32Array(length);
  const parts: string[] = [];
  let out = 0;
  let pos = 0;
  const copy = (from: number, to: number): void => {
    if (to <= from) return;
    parts.push(m.text.slice(from, to));
    starts.set(m.starts.subarray(from, to), out);
    ends.set(m.ends.subarray(from, to), out);
    out += to - from;
  };
  for (const edit of kept) {
    copy(pos, edit.start);
    const span = sourceSpanOf(m, edit.start, edit.end);
    for (let k = 0; k < edit.replacement.length; k++) {
      starts[out + k] = span.start;
      ends[out + k] = span.end;
    }
    parts.push(edit.replacement);
    out += edit.replacement.length;
    pos = edit.end;
  }
  copy(pos, m.text.length);
  return { text: parts.join(""), starts, ends, endOffset: m.endOffset };
}

/** Edits that replace every match of a global regex by `replace(match)` (null: leave it). */
export function regexEdits(
  text: string,
  re: RegExp,
  replace: (match: RegExpExecArray) => string | null,
): Edit[] {
  const edits: Edit[] = [];
  const flags = re.flags.includes("g") ? re.flags : `${re.flags}g`;
  const global = new RegExp(re.source, flags);
  for (let match = global.exec(text); match !== null; match = global.exec(text)) {
    if (match[0].length === 0) {
      global.lastIndex++;
      continue;
    }
    const replacement = replace(match);
    if (replacement !== null && replacement !== match[0]) {
      edits.push({ start: match.index, end: match.index + match[0].length, replacement });
    }
  }
  return edits;
}

/** True for the code units /\s/ matches. */
function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Joins hard wraps and paragraphs: every run of whitespace becomes one space, and the text is
 * trimmed. Nothing else changes. The space stands for the first character of its run.
 */
export function collapseWhitespace(m: MappedText): MappedText {
  const { text } = m;
  const n = text.length;
  const codes = new Uint16Array(n);
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  let out = 0;
  let pendingSpace = -1; // first character of a space run not yet written
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0 && out > 0) {
      codes[out] = 32;
      starts[out] = m.starts[pendingSpace] ?? 0;
      ends[out] = m.ends[pendingSpace] ?? 0;
      out++;
    }
    pendingSpace = -1;
    codes[out] = c;
    starts[out] = m.starts[i] ?? 0;
    ends[out] = m.ends[i] ?? 0;
    out++;
  }
  return {
    text: stringFromCodes(codes, out),
    starts: starts.slice(0, out),
    ends: ends.slice(0, out),
    endOffset: m.endOffset,
  };
}

/** The string of codes[0, length) (UTF-16 code units as they are, lone surrogates included). */
function stringFromCodes(codes: Uint16Array, length: number): string {
  const chunks: string[] = [];
  for (let k = 0; k < length; k += 8192) {
    chunks.push(String.fromCharCode(...codes.subarray(k, Math.min(length, k + 8192))));
  }
  return chunks.join("");
}

/** 1-based line numbers of input offsets ("\n" ends a line; "\r\n" counts once). */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(input: string) {
    this.lineStarts = [0];
    for (let i = input.indexOf("\n"); i !== -1; i = input.indexOf("\n", i + 1)) {
      this.lineStarts.push(i + 1);
    }
  }

  /** 1-based column of the character at `offset` in its line. */
  columnOf(offset: number): number {
    return offset - (this.lineStarts[this.lineOf(offset) - 1] ?? 0) + 1;
  }

  /** Line of the character at `offset` (an offset at a line's end belongs to that line). */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}
