/**
 * The Internet Archive's Wayback Machine: the CDX query that lists captures of a URL, the parser
 * of its JSON answer, and the address of a capture's original bytes (`id_`). Pure.
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
  if (body.trim() === "") return [];
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    throw new Error(`wayback: CDX answer is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) throw new Error("wayback: CDX answer is not a JSON array");
  if (data.length === 0) return [];
  const [header, ...rows] = data as unknown[];
  if (!Array.isArray(header) || !header.every((h) => typeof h === "string")) {
    throw new Error("wayback: CDX answer has no header row");
  }
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
  return captures.sort((a, b) => b.timestamp.localeCompare(a.timestamp));
}
