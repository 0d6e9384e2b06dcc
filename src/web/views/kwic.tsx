/**
 * Keyword in context: one line per occurrence, the words before right-aligned against the
 * keyword and the words after it, so a column of occurrences reads down the keyword.
 */
import type { Child, FC } from "hono/jsx";

/** Characters of context kept on each side by default. */
export const KWIC_CONTEXT = 70;

/** An occurrence cut into the words before, the match itself, and the words after. */
export interface KwicParts {
  left: string;
  hit: string;
  right: string;
  /** True when text was cut off before `left` / after `right`. */
  cutLeft: boolean;
  cutRight: boolean;
}

/**
 * Cuts `text` around the span [start, end) keeping about `context` characters on each side,
 * on word boundaries (white space) where one is near.
 */
export function kwicParts(
  text: string,
  start: number,
  end: number,
  context = KWIC_CONTEXT,
): KwicParts {
  const s = Math.max(0, Math.min(text.length, start));
  const e = Math.max(s, Math.min(text.length, end));
  let from = Math.max(0, s - context);
  if (from > 0) {
    const space = text.indexOf(" ", from);
    if (space >= 0 && space < s) from = space + 1;
  }
  let to = Math.min(text.length, e + context);
  if (to < text.length) {
    const space = text.lastIndexOf(" ", to);
    if (space > e) to = space;
  }
  return {
    left: text.slice(from, s),
    hit: text.slice(s, e),
    right: text.slice(e, to),
    cutLeft: from > 0,
    cutRight: to < text.length,
  };
}

export interface KwicLineProps {
  parts: KwicParts;
  /** Who said it and where (links), shown before the line. */
  who?: Child;
}

/** One keyword-in-context line, as a list item. */
export const KwicLine: FC<KwicLineProps> = ({ parts, who }) => (
  <li>
    {who ? <span class="who">{who}</span> : null}
    <span class="line">
      <span class="left">
        <bdi>
          {parts.cutLeft ? "…" : ""}
          {parts.left}
        </bdi>
      </span>
      <mark class="hit">{parts.hit}</mark>
      <span class="right">
        {parts.right}
        {parts.cutRight ? "…" : ""}
      </span>
    </span>
  </li>
);
