/**
 * Live suggestions for the search box (GET /suggest?q=, used by the progressive script to fill
 * the box's <datalist>): completes the last word typed into a filter the core understands
 * (speaker:, session:, body:, kind:, date:) from the corpus' own speakers, sessions and dates.
 * Each suggestion is the whole new box value, as a datalist option needs.
 */
import { listSessions } from "../../search/catalog";
import type { Corpus } from "../../search/corpus";
import { BODIES, FILTER_KEYS, SPEAKER_KINDS } from "../../search/filters";
import { MAX_QUERY_LENGTH } from "../../search/query";
import { speakersByName } from "../../search/names";

/** Most suggestions returned. */
export const MAX_SUGGESTIONS = 8;

export interface Suggestion {
  /** The whole box value to offer. */
  value: string;
  /** What it is, shown beside the value where the browser can. */
  label: string;
}

/** Splits the box value into what stays and the word being typed (outside quotes). */
export function lastWord(input: string): { head: string; word: string } {
  let inQuote = false;
  let start = 0;
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (char === '"') inQuote = !inQuote;
    else if (!inQuote && /\s/.test(char ?? "")) start = i + 1;
  }
  return { head: input.slice(0, start), word: input.slice(start) };
}

function quoteValue(value: string): string {
  return /\s/.test(value) ? `"${value}"` : value;
}

/** Suggestions for a partial box value. */
export function suggest(corpus: Corpus, input: string): Suggestion[] {
  if (input.length > MAX_QUERY_LENGTH) return [];
  const { head, word } = lastWord(input);
  if (word.length < 2) return [];
  const out: Suggestion[] = [];
  const push = (replacement: string, label: string) => {
    if (out.length < MAX_SUGGESTIONS && !out.some((s) => s.value === head + replacement)) {
      out.push({ value: head + replacement, label });
    }
  };
  const filter = /^([A-Za-z]+):(.*)$/.exec(word);
  if (filter) {
    const key = (filter[1] ?? "").toLowerCase();
    const partial = (filter[2] ?? "").toLowerCase();
    switch (key) {
      case "speaker":
        for (const s of speakersByName(corpus, partial))
          push(`speaker:${quoteValue(s.id)}`, `${s.name} (${s.kind})`);
        break;
      case "session":
        for (const s of listSessions(corpus).sessions) {
          if (s.version === "finished" && s.id.startsWith(partial))
            push(`session:${s.id}`, s.title ?? s.id);
        }
        break;
      case "body":
        for (const b of BODIES) if (b.startsWith(partial)) push(`body:${b}`, "body");
        break;
      case "kind":
        for (const k of SPEAKER_KINDS) if (k.startsWith(partial)) push(`kind:${k}`, "speaker kind");
        break;
      case "date":
      case "from":
      case "to": {
        const { sessions } = listSessions(corpus);
        const dates = [...new Set(sessions.flatMap((s) => (s.date === null ? [] : [s.date])))];
        dates.sort();
        for (const d of dates)
          if (d.startsWith(partial)) push(`${key}:${d}`, "a day with sessions");
        break;
      }
    }
    return out;
  }
  const lower = word.toLowerCase();
  for (const key of FILTER_KEYS)
    if (key.startsWith(lower) && key !== lower) push(`${key}:`, "filter");
  if (!word.startsWith('"') && !word.startsWith("-")) {
    for (const s of speakersByName(corpus, word).slice(0, 5))
      push(`speaker:${quoteValue(s.id)}`, `${s.name}: only their words`);
  }
  return out;
}
