/**
 * The Internet Archive's Wayback Machine: the CDX queries that list captures of a URL or of
 * every URL under a prefix (paged with the resume key), the parser of their JSON answers, and
 * the address of a capture's original bytes (`id_`). Pure. The CDX API:
 * https://github.com/internetarchive/wayback/tree/master/wayback-cdx-server
 */

/** One capture of a URL. */
export interface Capture {
  /** 14-digit timestamp, e.g. "20121213054512". */
  timestamp: string;
  /** The URL as captured. */
  original: string;
  mimetype: string | null;
  statuscode: string | null;
}

function trimBase(base: string): string {
  return base.replace(/\/+$/, "");
}

/**
 * The CDX query for captures of `url` that were served with status 200: JSON output, the newest
 * `limit` captures (a negative CDX limit counts from the end).
 */
export function cdxQueryUrl(base: string, url: string, limit: number): string {
  const params = new URLSearchParams({
    url,
    output: "json",
    filter: "statuscode:200",
    limit: String(-Math.abs(limit)),
  });
  return `${trimBase(base)}/cdx/search/cdx?${params.toString()}`;
}

/**
 * One page of the listing of every URL captured under `prefix` (scheme-less:
 * "www.itu.int/en/wcit-12/Documents/"): status 200 captures, one row per URL (`collapse=urlkey`
 * keeps its first capture), at most `pageSize` rows, with a resume key when more follow
 * (`showResumeKey`); `resumeKey` asks for the page after the one that gave it.
 */
export function cdxPrefixQueryUrl(
  base: string,
  prefix: string,
  pageSize: number,
  resumeKey: string | null = null,
): string {
  const params = new URLSearchParams({
    url: prefix,
    matchType: "prefix",
    output: "json",
    filter: "statuscode:200",
    collapse: "urlkey",
    limit: String(pageSize),
    showResumeKey: "true",
  });
  if (resumeKey !== null) params.set("resumeKey", resumeKey);
  return `${trimBase(base)}/cdx/search/cdx?${params.toString()}`;
}

/** The address that returns a capture's original bytes, without the archive's toolbar. */
export function captureUrl(base: string, capture: Capture): string {
  return `${trimBase(base)}/web/${capture.timestamp}id_/${capture.original}`;
}

/** True for a capture address (`<base>/web/<14 digits>id_/...`): its bytes never change. */
export function isCaptureUrl(base: string, url: string): boolean {
  const prefix = `${trimBase(base)}/web/`;
  return url.startsWith(prefix) && /^\d{14}id_\//.test(url.slice(prefix.length));
}

/** True for an address of the archive itself (its CDX API or a capture): never looked up in it. */
export function isArchiveUrl(base: string, url: string): boolean {
  const root = trimBase(base);
  return url.startsWith(`${root}/web/`) || url.startsWith(`${root}/cdx/`);
}

/**
 * Parses a CDX JSON answer: an array whose first row names the fields, then one row per capture.
 * An empty body or `[]` means no capture. Returns the captures newest first. Throws
 * "wayback: ..." on anything else.
 */
export function parseCdx(body: string): Capture[] {
  return parseCdxPage(body).captures.sort((a, b) => b.timestamp.localeCompare(a.timestamp));
}

/** One page of a CDX answer: its captures in the archive's order, and the key of the next page. */
export interface CdxPage {
  captures: Capture[];
  /** Given (after an empty row) when more rows follow; null on the last page. */
  resumeKey: string | null;
}

/**
 * Parses one page of a CDX JSON answer (see parseCdx); with `showResumeKey`, an empty row and a
 * row holding the resume key end it. Rows that are no capture (a bad timestamp, no URL) are
 * left out. Throws "wayback: ..." when the answer is no CDX answer.
 */
export function parseCdxPage(body: string): CdxPage {
  if (body.trim() === "") return { captures: [], resumeKey: null };
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    throw new Error(`wayback: CDX answer is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) throw new Error("wayback: CDX answer is not a JSON array");
  if (data.length === 0) return { captures: [], resumeKey: null };
  const [header, ...rows] = data as unknown[];
  if (!Array.isArray(header) || !header.every((h) => typeof h === "string")) {
    throw new Error("wayback: CDX answer has no header row");
  }
  const end = rows.findIndex((row) => Array.isArray(row) && row.length === 0);
  const key: unknown = end < 0 ? undefined : (rows[end + 1] as unknown[] | undefined)?.[0];
  const captures = readCaptures(header, end < 0 ? rows : rows.slice(0, end));
  return { captures, resumeKey: typeof key === "string" && key !== "" ? key : null };
}

/** The capture rows of a CDX answer, read by the names its header row gives the fields. */
function readCaptures(header: string[], rows: unknown[]): Capture[] {
  const field = (name: string): number => header.indexOf(name);
  const ts = field("timestamp");
  const original = field("original");
  if (ts < 0 || original < 0) {
    throw new Error("wayback: CDX header lacks timestamp or original");
  }
  const mimetype = field("mimetype");
  const statuscode = field("statuscode");
  const captures: Capture[] = [];
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    const timestamp: unknown = row[ts];
    const url: unknown = row[original];
    if (typeof timestamp !== "string" || !/^\d{14}$/.test(timestamp)) continue;
    if (typeof url !== "string" || url === "") continue;
    const mt: unknown = mimetype >= 0 ? row[mimetype] : null;
    const sc: unknown = statuscode >= 0 ? row[statuscode] : null;
    captures.push({
      timestamp,
      original: url,
      mimetype: typeof mt === "string" ? mt : null,
      statuscode: typeof sc === "string" ? sc : null,
    });
  }
  return captures;
}
