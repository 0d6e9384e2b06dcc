/**
 * Parse notes in one line: a logger that keeps the warnings of an ingest (header facts missing,
 * text dropped before a header, a legacy encoding...) instead of printing each, and sums them up
 * by kind ("11 parse notes on 9 sources: dropped N characters before the header (3), no title
 * (3)...").
 * `--verbose` prints them as they come instead.
 */
import type { Logger } from "../../src/domain";

/** The kind of a note: its words without the file, quoted text, numbers and details. */
export function noteKind(message: string): string {
  return message
    .replace(/^.*?(?=\b(?:parse|extract): )/, "")
    .replace(/^(?:parse|extract): (?:[^\s:]+\.[a-z]{2,4}: )?(?:header: )?/i, "")
    .replace(/"[^"]*"/g, "")
    .replace(/(?<![\w-])\d+(?![\w-])/g, "N")
    .replace(/[;:(].*$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The file a note is about (the text before its first ": "), or null. */
function noteFile(message: string): string | null {
  const match =
    /^(.+?): (?:parse|extract): /.exec(message) ?? /^extract: ([^\s:]+): /.exec(message);
  return match?.[1] ?? null;
}

export interface NoteCollector {
  /** Passes info and errors through; keeps warnings. */
  logger: Logger;
  /** The one-line summary of the kept warnings, or null when there were none. */
  summary(): string | null;
}

/** Wraps a logger so that its warnings are summed up (see the file comment). */
export function collectNotes(inner: Logger): NoteCollector {
  const notes: string[] = [];
  return {
    logger: {
      info: (message) => inner.info(message),
      warn: (message) => notes.push(message),
      error: (message) => inner.error(message),
    },
    summary() {
      if (notes.length === 0) return null;
      const kinds = new Map<string, number>();
      for (const note of notes) {
        const kind = noteKind(note);
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      }
      const files = new Set(notes.map(noteFile).filter((file) => file !== null));
      const parts = [...kinds.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([kind, count]) => `${kind} (${count})`);
      const where = files.size > 0 ? ` on ${files.size} source${files.size === 1 ? "" : "s"}` : "";
      return `${notes.length} parse note${notes.length === 1 ? "" : "s"}${where}: ${parts.join(", ")}; --verbose shows each`;
    },
  };
}
