/**
 * The versions of a text in time order, for "How the wording changed": each variant with its
 * word diff against the version before it, and which wording appears for the first time.
 * Runtime-free.
 */
import { type DiffRun, type Word, alignWhole, diffRuns, termIds, wordsOf } from "./align";
import type { Variant } from "./find";

export interface Version {
  variant: Variant;
  /** Changes against the previous version (null for the first one). */
  changes: DiffRun[] | null;
  /** 1-based number of the version's wording, in order of first appearance. */
  wording: number;
  /** True when this is the wording's first appearance. */
  firstOfWording: boolean;
}

/** The versions (variants already in time order), each against the one before. */
export function versionsOf(variants: readonly Variant[]): Version[] {
  const wordings = new Map<string, number>();
  let previous: { variant: Variant; words: Word[] } | null = null;
  const versions: Version[] = [];
  for (const variant of variants) {
    const all = wordsOf(variant.text);
    const from = all.findIndex((word) => word.start >= variant.start);
    const to = from < 0 ? -1 : all.findIndex((word) => word.end > variant.end);
    const words = all.slice(from, to < 0 ? all.length : to);
    const key = words.map((word) => word.term).join(" ");
    const known = wordings.get(key);
    const wording = known ?? wordings.size + 1;
    if (known === undefined) wordings.set(key, wording);
    let changes: DiffRun[] | null = null;
    if (previous) {
      const { q, p } = termIds(previous.words, all);
      const alignment = alignWhole(q, p, from, from + words.length);
      changes = diffRuns(alignment, previous.words, previous.variant.text, all, variant.text);
    }
    versions.push({ variant, changes, wording, firstOfWording: known === undefined });
    previous = { variant, words };
  }
  return versions;
}
