/**
 * Proximity, `"word1 word2"~N`, with Lucene's sloppy-phrase convention: the words of the query,
 * at positions p_i of the utterance's words (the index's words, src/search/text.ts), each query
 * word at a different position, match when max(p_i - i) - min(p_i - i) <= N, i being the word's
 * place in the query. So ~0 is the words next to each other in order, `"a b"~1` lets one word
 * between them, and the two words swapped ("b a") need ~2. Checked against the utterance's text,
 * as exact phrases are.
 *
 * Runtime-free.
 */
import type { Span } from "./snippet";
import { normaliseTerm, tokenizeWithOffsets } from "./text";

/** The largest distance `~N` accepts. */
export const MAX_PROXIMITY = 50;

interface Event {
  /** p - i */
  value: number;
  index: number;
  position: number;
}

/** Every window of the text's words where the terms match within `slop` (spans of the text, in order). */
export function findProximity(text: string, terms: readonly string[], slop: number): Span[] {
  if (terms.length === 0) return [];
  const words = tokenizeWithOffsets(text).filter((token) => normaliseTerm(token.word) !== "");
  const positions = new Map<string, number[]>();
  words.forEach((token, position) => {
    const term = normaliseTerm(token.word);
    positions.set(term, [...(positions.get(term) ?? []), position]);
  });
  return proximityWindows(terms, (term) => positions.get(term) ?? [], slop).map(([first, last]) => [
    words[first]!.start,
    words[last]!.end,
  ]);
}

/**
 * Every window of word positions where the terms match within `slop`, as [first, last] word
 * positions in order. `positionsOf` lists where a term stands among the indexed words, ascending:
 * the text's words for findProximity, the index's positions for a backend (src/search/positions.ts),
 * so both answer with this one algorithm.
 */
export function proximityWindows(
  terms: readonly string[],
  positionsOf: (term: string) => ArrayLike<number>,
  slop: number,
  firstOnly = false,
): [number, number][] {
  if (terms.length === 0) return [];
  const wanted = new Map<string, number[]>();
  terms.forEach((term, index) => wanted.set(term, [...(wanted.get(term) ?? []), index]));
  const events: Event[] = [];
  for (const [term, indices] of wanted) {
    const positions = positionsOf(term);
    for (let k = 0; k < positions.length; k++) {
      const position = positions[k]!;
      for (const index of indices) events.push({ value: position - index, index, position });
    }
  }
  events.sort((a, b) => a.value - b.value || a.position - b.position || a.index - b.index);
  const windows: [number, number][] = [];
  let hi = 0;
  for (let lo = 0; lo < events.length; lo++) {
    if (lo > 0 && events[lo]!.value === events[lo - 1]!.value) continue;
    const from = events[lo]!.value;
    while (hi < events.length && events[hi]!.value <= from + slop) hi++;
    const used = distinctPositions(events.slice(lo, hi), terms.length);
    if (used === null) continue;
    windows.push([Math.min(...used), Math.max(...used)]);
    if (firstOnly) break;
  }
  return windows;
}

/** True when the text has the terms within `slop` (see findProximity). */
export function containsProximity(text: string, terms: readonly string[], slop: number): boolean {
  return findProximity(text, terms, slop).length > 0;
}

/**
 * A distinct position for every query index from the window's events (bipartite matching,
 * augmenting paths; a query has at most a few words), or null when there is none.
 */
function distinctPositions(window: readonly Event[], count: number): number[] | null {
  const options: number[][] = Array.from({ length: count }, () => []);
  for (const event of window) options[event.index]!.push(event.position);
  if (options.some((list) => list.length === 0)) return null;
  const owner = new Map<number, number>();
  const assign = (index: number, seen: Set<number>): boolean => {
    for (const position of options[index]!) {
      if (seen.has(position)) continue;
      seen.add(position);
      const other = owner.get(position);
      if (other === undefined || assign(other, seen)) {
        owner.set(position, index);
        return true;
      }
    }
    return false;
  };
  for (let index = 0; index < count; index++) if (!assign(index, new Set())) return null;
  return [...owner.keys()];
}
