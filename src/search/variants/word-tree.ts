/**
 * A word tree (Wattenberg and Viégas): what follows, or precedes, a phrase in the passages that
 * say it, as a tree of words with how often each branch was taken and when it was first taken.
 * Runtime-free.
 */
import { wordsOf } from "./align";
import type { Variant } from "./find";

/** Words of context followed from the phrase. */
export const WORD_TREE_DEPTH = 4;
/** Branches kept under a node (the most frequent; the rest are counted in `others`). */
export const WORD_TREE_BRANCHES = 5;

export interface WordTreeNode {
  /** The word as first said (the branch groups words by index term). */
  word: string;
  count: number;
  /** Date of the earliest passage through this node (YYYY-MM-DD) or null. */
  first: string | null;
  children: WordTreeNode[];
  /** Passages that went on to branches not kept. */
  others: number;
}

interface Context {
  words: string[];
  terms: string[];
  date: string | null;
}

/** The contexts of the variants: the words after (or before, nearest first) each passage. */
function contexts(variants: readonly Variant[], direction: "after" | "before"): Context[] {
  return variants.map((variant) => {
    const all = wordsOf(variant.text);
    const picked =
      direction === "after"
        ? all.filter((word) => word.start >= variant.end).slice(0, WORD_TREE_DEPTH)
        : all
            .filter((word) => word.end <= variant.start)
            .slice(-WORD_TREE_DEPTH)
            .reverse();
    return {
      words: picked.map((word) => variant.text.slice(word.start, word.end)),
      terms: picked.map((word) => word.term),
      date: variant.date,
    };
  });
}

function earlier(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

function grow(word: string, group: readonly Context[], depth: number): WordTreeNode {
  const node: WordTreeNode = { word, count: group.length, first: null, children: [], others: 0 };
  for (const context of group) node.first = earlier(node.first, context.date);
  const branches = new Map<string, Context[]>();
  for (const context of group) {
    const term = context.terms[depth];
    if (term === undefined) continue;
    branches.set(term, [...(branches.get(term) ?? []), context]);
  }
  const firstOf = (contexts: readonly Context[]) =>
    contexts.reduce<string | null>((date, context) => earlier(date, context.date), null) ?? "";
  const ranked = [...branches.values()].sort(
    (a, b) => b.length - a.length || firstOf(a).localeCompare(firstOf(b)),
  );
  for (const branch of ranked.slice(0, WORD_TREE_BRANCHES)) {
    node.children.push(grow(branch[0]!.words[depth] ?? "", branch, depth + 1));
  }
  node.others = ranked.slice(WORD_TREE_BRANCHES).reduce((sum, branch) => sum + branch.length, 0);
  return node;
}

/** The tree of what follows ("after") or precedes ("before") the passages; the root is `label`. */
export function wordTree(
  variants: readonly Variant[],
  direction: "after" | "before",
  label: string,
): WordTreeNode {
  return grow(label, contexts(variants, direction), 0);
}
