/**
 * Copy-site page furniture: the lines a document-sharing site prints around the text it copies,
 * mostly at page ends or after the first page (junk.ts rule J8). Each shape is a whole line,
 * trimmed, in any case unless said:
 *
 *   F1 sure by itself, removed wherever it stands (it counts as a J2 junk line): "Welcome message
 *      from author"; view and download counts ("1,204 views", "3 download", "Views: 12");
 *      "Category: ..." / "Categories: ..." (at most 8 words, no sentence end); "Post on <Site>"
 *      (a capitalised site name of one or two words, so "post on the website" stays); "Web view
 *      ..." (the site's teaser of the page title, "Web" capitalised). Uploader lines ("Upload:
 *      <user>", "Uploaded by <user>") are J2's.
 *   F2 furniture only beside other furniture: an upload date ("Dec 07, 2012", "JAN 3, 2013",
 *      "7 Dec 2012"), "Download", "Transcript" alone. Removed when the line before or after it
 *      (blank lines skipped, and one bare user name looked past) is the site's furniture (F1, F2
 *      or an uploader line); alone between lines of speech, or beside conversion junk only (a page
 *      number, `advertisement`), it stays: a header's date repeated mid-text beside a page number
 *      is left for copy-site.ts K1 to read with the rest of its header.
 *   F3 a bare user name ("jdoe1984", "Mira Kovacs": one to three words of letters, digits and
 *      _ . @ -, no sentence punctuation): removed only between two lines of the site's furniture
 *      (F1, F2 or an uploader line), at least one of them F1 or F2 (a page names its uploader
 *      once), never at the edge of a run, where it may end a line of speech. Page numbers and
 *      `advertisement` are conversion junk, not the site's: a short line between two of them is
 *      speech cut by page breaks.
 */
import { MONTH_PATTERN } from "./header-fields";

/** F1: lines that are furniture wherever they stand. */
const SURE_FURNITURE: readonly RegExp[] = [
  /^welcome\s+message\s+from\s+(?:the\s+)?author$/i,
  /^[\d,.]+\s*k?\s*(?:views?|downloads?)$/i,
  /^(?:views?|downloads?)\s*:\s*[\d,.]+\s*k?$/i,
  /^categor(?:y|ies)\s*:\s*[^\s.!?][^.!?]{0,80}$/i,
  /^(?:Post|POST)\s+(?:on|ON)\s+[A-Z][\w.+-]*(?:\s+[A-Z][\w.+-]*)?$/,
  /^(?:Web|WEB)\s+(?:view|View|VIEW)\b.*$/,
];
/** Most words of a "Category: ..." line. */
const MAX_CATEGORY_WORDS = 8;

/** F2: furniture beside other furniture. */
const CONTEXT_FURNITURE: readonly RegExp[] = [
  new RegExp(`^${MONTH_PATTERN}\\.?\\s+\\d{1,2},?\\s+\\d{4}$`, "i"),
  new RegExp(`^\\d{1,2}\\s+${MONTH_PATTERN}\\.?,?\\s+\\d{4}$`, "i"),
  /^download(?:\s+(?:now|pdf|file))?$/i,
  /^transcript$/i,
];

/** F3: the shape of a bare user name. */
const USER_NAME = /^[\p{L}\d_.@-]+(?:\s[\p{L}\d_.@-]+){0,2}$/u;
/** Longest bare user name line. */
const MAX_USER_NAME = 40;

/** True for a line (trimmed) that is furniture wherever it stands (F1). */
export function isSureFurniture(line: string): boolean {
  if (!SURE_FURNITURE.some((re) => re.test(line))) return false;
  return !/^categor/i.test(line) || line.split(/\s+/).length <= MAX_CATEGORY_WORDS + 1;
}

/** True for a line (trimmed) that is furniture when other furniture stands beside it (F2). */
export function isContextFurniture(line: string): boolean {
  return CONTEXT_FURNITURE.some((re) => re.test(line));
}

function isUserName(line: string): boolean {
  return (
    line.length <= MAX_USER_NAME &&
    USER_NAME.test(line) &&
    !/^[\d.,-]+$/.test(line) &&
    !/[.,-]$/.test(line)
  );
}

/**
 * F2 and F3: which lines are furniture from their neighbours. `lines` are trimmed lines (blank
 * ones included); `removed(i)` says whether line i goes anyway (junk, F1, page numbers), and
 * `isUploader(i)` whether it is an uploader line.
 */
export function contextFurnitureLines(
  lines: readonly string[],
  removed: (i: number) => boolean,
  isUploader: (i: number) => boolean,
): Set<number> {
  const filled: number[] = [];
  lines.forEach((line, i) => {
    if (line !== "") filled.push(i);
  });
  const sure = (k: number): boolean => k >= 0 && k < filled.length && removed(filled[k] ?? -1);
  const context = (k: number): boolean =>
    k >= 0 && k < filled.length && isContextFurniture(lines[filled[k] ?? -1] ?? "");
  const user = (k: number): boolean => isUserName(lines[filled[k] ?? -1] ?? "");
  const siteLine = (k: number): boolean => {
    const i = filled[k] ?? -1;
    return isSureFurniture(lines[i] ?? "") || isUploader(i);
  };
  const furniture = (k: number): boolean => siteLine(k) || context(k);
  // Furniture next to line k on one side, looking past one bare user name ("Download / jdoe").
  const beside = (k: number, dir: number): boolean =>
    furniture(k + dir) || (user(k + dir) && furniture(k + 2 * dir));
  const out = new Set<number>();
  filled.forEach((i, k) => {
    if (!sure(k) && context(k) && (beside(k, -1) || beside(k, 1))) out.add(i);
  });
  const page = (k: number): boolean =>
    out.has(filled[k] ?? -1) || isSureFurniture(lines[filled[k] ?? -1] ?? "");
  const site = (k: number): boolean => page(k) || isUploader(filled[k] ?? -1);
  filled.forEach((i, k) => {
    if (sure(k) || out.has(i) || !user(k)) return;
    if (site(k - 1) && site(k + 1) && (page(k - 1) || page(k + 1))) out.add(i);
  });
  return out;
}
