/**
 * A word tree drawn on the server as SVG: the root (the phrase's end, or its start for what
 * precedes it) and the words that follow, one row per word, indented by depth, so it reads top to
 * bottom on a 390 px screen. Word size grows with how often the branch was taken; colour says
 * when it was first taken (a legend of dates follows), and every word says both in its title and
 * in the list below the tree, so nothing depends on colour. Pure: data in, escaped markup out.
 */
import type { FC } from "hono/jsx";
import type { WordTreeNode } from "../../search/variants/word-tree";
import { formatDate, formatDayMonth, plural } from "./format";

/** Geometry in SVG user units; the SVG is at most `width` wide and shrinks to fit. */
export const WORD_TREE = {
  row: 24,
  indent: 22,
  pad: 8,
  minFont: 13,
  maxFont: 20,
  /** Characters of the root label. */
  rootChars: 34,
  /** Width per character per pixel of font size (an estimate for a sans-serif face). */
  charWidth: 0.56,
} as const;

/** Dark enough on white for text (at least 4.5:1), from early (blue) to late (brown). */
export const DATE_COLOURS = ["#08306b", "#2b5797", "#5b4b8a", "#8a3b6b", "#a2471a"] as const;

interface Row {
  node: WordTreeNode;
  depth: number;
  parent: number | null;
}

function flatten(node: WordTreeNode, depth = 0, parent: number | null = null, rows: Row[] = []) {
  const at = rows.length;
  rows.push({ node, depth, parent });
  for (const child of node.children) flatten(child, depth + 1, at, rows);
  return rows;
}

/** The dates of the tree's nodes, earliest first. */
function datesOf(rows: readonly Row[]): string[] {
  return [
    ...new Set(rows.map((row) => row.node.first).filter((d): d is string => d !== null)),
  ].sort();
}

/** The colour step of a date: its place between the earliest and the latest date of the tree. */
export function dateStep(date: string | null, dates: readonly string[]): number {
  if (date === null || dates.length <= 1) return 0;
  const share = Math.max(0, dates.indexOf(date)) / (dates.length - 1);
  return Math.round(share * (DATE_COLOURS.length - 1));
}

/** The colour of a date (see dateStep). */
export function dateColour(date: string | null, dates: readonly string[]): string {
  return DATE_COLOURS[dateStep(date, dates)] ?? DATE_COLOURS[0];
}

function fontSize(count: number, max: number): number {
  if (max <= 1) return WORD_TREE.minFont;
  const share = (count - 1) / (max - 1);
  return Math.round(WORD_TREE.minFont + share * (WORD_TREE.maxFont - WORD_TREE.minFont));
}

function shorten(label: string, direction: "after" | "before"): string {
  if (label.length <= WORD_TREE.rootChars) return label;
  return direction === "after"
    ? `…${label.slice(label.length - WORD_TREE.rootChars + 1).replace(/^\S*\s/, "")}`
    : `${label.slice(0, WORD_TREE.rootChars - 1).replace(/\s\S*$/, "")}…`;
}

/** What the colours and sizes of the tree say: the day each word was first said, how often. */
const DateLegend: FC<{ dates: string[] }> = ({ dates }) =>
  dates.length > 0 ? (
    <p class="word-tree-legend">
      Colour: first said{" "}
      {dates.map((date) => (
        <span class={`legend-date date-${dateStep(date, dates)}`}>■ {formatDayMonth(date)} </span>
      ))}
      · size: how often
    </p>
  ) : null;

export const WordTree: FC<{
  id: string;
  tree: WordTreeNode;
  direction: "after" | "before";
  title: string;
}> = ({ id, tree, direction, title }) => {
  const rows = flatten(tree);
  const dates = datesOf(rows);
  const max = Math.max(1, ...rows.slice(1).map((row) => row.node.count));
  const label = (row: Row) =>
    row.parent === null ? shorten(row.node.word, direction) : row.node.word;
  const x = (row: Row) => WORD_TREE.pad + row.depth * WORD_TREE.indent;
  const y = (index: number) => WORD_TREE.pad + (index + 1) * WORD_TREE.row - 6;
  const size = (row: Row) =>
    row.parent === null ? WORD_TREE.minFont + 1 : fontSize(row.node.count, max);
  const width = Math.ceil(
    Math.max(...rows.map((row) => x(row) + label(row).length * size(row) * WORD_TREE.charWidth)) +
      WORD_TREE.pad,
  );
  const height = WORD_TREE.pad * 2 + rows.length * WORD_TREE.row;
  const describe = (node: WordTreeNode) =>
    `${node.word}: ${plural(node.count, "passage")}, first ${formatDate(node.first)}`;
  return (
    <figure class="word-tree" id={id}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {rows.length === 1 ? (
        <p class="hint">
          Nothing {direction === "after" ? "follows" : "precedes"} it in the same utterance.
        </p>
      ) : (
        <svg
          class="word-tree-svg"
          role="img"
          aria-labelledby={`${id}-title`}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          xmlns="http://www.w3.org/2000/svg"
        >
          {rows.map((row, index) => {
            if (row.parent === null) return null;
            const parent = rows[row.parent]!;
            const px = x(parent) + 4;
            const py = y(row.parent) + 4;
            const cy = y(index) - 5;
            return (
              <path
                class="branch"
                d={`M${px} ${py} V${cy} H${x(row) - 3}`}
                stroke-width={row.node.count === max && max > 1 ? 2 : 1}
              />
            );
          })}
          {rows.map((row, index) => (
            <text
              class={row.parent === null ? "root" : "word"}
              x={x(row)}
              y={y(index)}
              font-size={size(row)}
              fill={row.parent === null ? "#111" : dateColour(row.node.first, dates)}
              data-count={row.node.count}
              data-first={row.node.first ?? ""}
            >
              <title>{describe(row.node)}</title>
              {label(row)}
            </text>
          ))}
        </svg>
      )}
      {rows.length > 1 ? <DateLegend dates={dates} /> : null}
      {rows.length > 1 ? (
        <details>
          <summary>The tree as a list</summary>
          <TreeList node={tree} />
        </details>
      ) : null}
    </figure>
  );
};

const TreeList: FC<{ node: WordTreeNode }> = ({ node }) => (
  <ul>
    {node.children.map((child) => (
      <li>
        <strong>{child.word}</strong> — {plural(child.count, "passage")}, first{" "}
        {formatDate(child.first)}
        {child.children.length > 0 ? <TreeList node={child} /> : null}
      </li>
    ))}
    {node.others > 0 ? <li>{plural(node.others, "other passage")}</li> : null}
  </ul>
);
