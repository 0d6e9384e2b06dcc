import { WRAP_WIDTH } from "./fixed";

/**
 * How an authored text is laid out before rendering:
 * - "wrap": lines longer than the width are hard-wrapped at word boundaries (the usual caption form);
 * - "flat": the whole text becomes ONE line (blank lines dropped, lines joined with single spaces),
 *   like the third-party copies that arrive as a single paragraph;
 * - "asis": the authored lines are kept exactly.
 */
export type Layout = "wrap" | "flat" | "asis";

/** Hard-wraps one line at word boundaries; a single word longer than the width stays whole. */
export function wrapLine(line: string, width: number = WRAP_WIDTH): string[] {
  if (line.length <= width) return [line];
  const words = line.split(" ");
  const out: string[] = [];
  let current = "";
  for (const word of words) {
    if (current === "") current = word;
    else if (current.length + 1 + word.length <= width) current += ` ${word}`;
    else {
      out.push(current);
      current = word;
    }
  }
  if (current !== "") out.push(current);
  return out;
}

/** Applies a layout to an authored text; returns the laid-out lines (no trailing empty line). */
export function layoutLines(text: string, layout: Layout, width: number = WRAP_WIDTH): string[] {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");
  switch (layout) {
    case "asis":
      return lines;
    case "wrap":
      return lines.flatMap((line) => wrapLine(line, width));
    case "flat":
      return [
        lines
          .map((line) => line.trim())
          .filter((line) => line !== "")
          .join(" "),
      ];
  }
}
