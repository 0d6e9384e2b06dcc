/**
 * What a document-sharing site adds to a copy it serves (see "What copy sites add" in the team's
 * transcript-format.md), applied to laid-out lines before rendering: after the first page, a run
 * of page furniture (upload date, Download, uploader, "Welcome message from author", view and
 * download counts, category, share line, a "Web view" teaser of the page title), then a second
 * copy of the beginning (the page title, the header with its provider block and disclaimer glued
 * together) followed by the opening turns again. The parser must remove all of it.
 */

/** Options of {@link addCopySiteFurniture} (all invented, like the rest of the sample). */
export interface CopySiteOptions {
  /** The uploader's user name. */
  user: string;
  /** Upload date as the site prints it ("Dec 13, 2012"). */
  uploaded: string;
  views: number;
  category: string;
  /** How many opening turns the second copy repeats. */
  repeatedTurns: number;
  /** The furniture goes in at the first blank line at or after this line. */
  afterLine: number;
}

/** Index of the first turn line (">> ...") or -1. */
function firstTurnLine(lines: readonly string[]): number {
  return lines.findIndex((line) => line.startsWith(">"));
}

/** The lines of the first `count` turns (blank lines between them kept). */
function openingTurns(lines: readonly string[], count: number): string[] {
  const start = firstTurnLine(lines);
  if (start === -1) return [];
  let seen = 0;
  let end = start;
  for (; end < lines.length; end++) {
    if ((lines[end] ?? "").startsWith(">") && ++seen > count) break;
  }
  return lines.slice(start, end);
}

/** The header again as a copy site glues it: company glued to its P.O. box, delimiter to text. */
function gluedHeader(header: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of header) {
    const last = out.length - 1;
    const previous = out[last] ?? "";
    const glue =
      (/^P\.?\s?O\.?\s*Box/i.test(line) && /Inc\.$/.test(previous)) ||
      (/^\*(?:\s*\*){2,}$/.test(previous) && /^This\b/.test(line));
    if (glue) out[last] = `${previous}${line}`;
    else if (line.trim() !== "") out.push(line);
  }
  return out;
}

/** The page title a copy site shows: status, conference and city run together. */
function pageTitle(header: readonly string[]): string {
  return header
    .filter((line) => /^[A-Z][A-Z ,]+$/.test(line))
    .slice(0, 3)
    .join(" ");
}

/** Inserts the copy site's furniture and second copy of the beginning into laid-out lines. */
export function addCopySiteFurniture(lines: readonly string[], options: CopySiteOptions): string[] {
  const turnsAt = firstTurnLine(lines);
  if (turnsAt === -1) throw new Error("samples: a copy-site sample needs speaker turns");
  const header = lines.slice(0, turnsAt);
  const title = pageTitle(header);
  const at = lines.findIndex((line, i) => i >= options.afterLine && line === "");
  if (at === -1) throw new Error("samples: a copy-site sample is too short for its furniture");
  const furniture = [
    options.uploaded,
    "Download",
    `Upload: ${options.user}`,
    "Welcome message from author",
    "Transcript",
    `${options.views.toLocaleString("en-US")} views`,
    `Category: ${options.category}`,
    "2 download",
    "Post on Facebook",
    `Web view ${title}...`,
  ];
  const copy = [title, ...gluedHeader(header), "", ...openingTurns(lines, options.repeatedTurns)];
  return [...lines.slice(0, at), "", ...furniture, ...copy, ...lines.slice(at)];
}
