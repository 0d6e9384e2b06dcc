/**
 * Locators that locate: where an utterance's words stand in the extracted text of its source,
 * said so that no two turns of a session share one.
 *
 * L1 A turn alone on its lines: "line 12", "lines 12-14".
 * L2 A turn that shares a line with another turn of its session (a copy that is one paragraph,
 *    a flattened transcript): the characters too, 1-based and inclusive: "line 4, characters
 *    220-487", "line 4, character 900 to line 5, character 12".
 * L3 For Word, PDF and HTML sources the lines are those of the extracted text, which is named:
 *    "plenary3-copy.html (extracted text transcripts/text/plenary-3.txt, line 4, ...)"; a text
 *    source's lines are its own.
 *
 * Runtime-free.
 */
import type { SessionSource } from "../domain";
import type { Corpus } from "./corpus";

/** The span a locator names: lines and 1-based columns. */
export interface LineSpan {
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
}

/** L1, L2: the locator of a span; `shared` when another turn stands on its first or last line. */
export function locatorText(span: LineSpan, shared: boolean): string {
  if (!shared) {
    return span.endLine > span.line ? `lines ${span.line}-${span.endLine}` : `line ${span.line}`;
  }
  if (span.endLine === span.line) {
    return `line ${span.line}, characters ${span.column}-${span.endColumn}`;
  }
  return `line ${span.line}, character ${span.column} to line ${span.endLine}, character ${span.endColumn}`;
}

/** L3: the source file and the locator, as a citation names them. */
export function sourceLocation(source: SessionSource, locator: string): string {
  return source.format === "txt"
    ? `${source.file}, ${locator}`
    : `${source.file} (extracted text ${source.textFile}, ${locator})`;
}

/** True when a neighbouring turn of the same session stands on the utterance's first or last line. */
function sharesLine(corpus: Corpus, ordinal: number): boolean {
  const { session, line, endLine } = corpus.store.utterances;
  const own = session[ordinal];
  const before = ordinal - 1;
  const after = ordinal + 1;
  return (
    (session[before] === own && endLine[before] === line[ordinal]) ||
    (session[after] === own && line[after] === endLine[ordinal])
  );
}

/** The locator of a stored utterance (L1, L2). */
export function utteranceLocator(corpus: Corpus, ordinal: number): string {
  const c = corpus.store.utterances;
  const span: LineSpan = {
    line: c.line[ordinal] ?? 0,
    endLine: c.endLine[ordinal] ?? 0,
    column: c.column[ordinal] ?? 0,
    endColumn: c.endColumn[ordinal] ?? 0,
  };
  return locatorText(span, sharesLine(corpus, ordinal));
}
