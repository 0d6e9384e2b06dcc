/**
 * The scraper's report: every URL tried with its outcome, the totals, and the summary table
 * printed at the end. Written to <out>/ingest-report.json.
 */
import type { Body, SourceFormat } from "../../src/domain";
import { printable } from "../../src/node/printable";
import type { LinkKind } from "./discover";
import type { Via } from "./fetcher";
import type { FetchOptions } from "./options";

export const REPORT_SCHEMA_VERSION = 1;
export const REPORT_FILE = "ingest-report.json";

/**
 * ingested: a session kept (sessionId says which); skipped: fetched but not kept (reason);
 * failed: could not be fetched, extracted or parsed (error); page: an index page, followed for
 * links.
 */
export type Outcome = "ingested" | "skipped" | "failed" | "page";

export interface ReportEntry {
  url: string;
  /** After redirects, when different. */
  finalUrl?: string;
  /** Links followed from a start page to get here (0 for a start page). */
  depth: number;
  kind: LinkKind;
  /** The page that first linked here, and the link's text (for reading only). */
  foundOn?: string;
  linkText?: string;
  /**
   * Set when no link led here: the archive's listing of this prefix did (the CDX API), and the
   * file was fetched from its newest capture (depth 0).
   */
  listedUnder?: string;
  outcome: Outcome;
  sessionId?: string;
  title?: string | null;
  body?: Body | null;
  format?: SourceFormat;
  reason?: string;
  /** Something worth knowing about an ingested session (e.g. kept although its body is unknown). */
  note?: string;
  error?: string;
  /** Last HTTP status from the URL (null when no response came, e.g. a reset connection). */
  httpStatus?: number | null;
  /** Requests made to this URL (retries included; archive requests not). */
  attempts: number;
  /** Errors of the attempts that failed, in order (a recovered fault shows here). */
  retried?: string[];
  via?: Via;
  /** The Wayback capture used, when the live URL was gone. */
  archivedUrl?: string;
  sha256?: string;
  bytes?: number;
  /** Links found on a page. */
  links?: number;
}

export interface ReportTotals {
  urls: number;
  ingested: number;
  skipped: number;
  failed: number;
  pages: number;
  /** Requests sent, retries included. */
  requests: number;
  /** Bodies downloaded (2xx). */
  downloads: number;
  /** 304 answers (the cached copy was current). */
  notModified: number;
}

/** What the archive's listing of one prefix found (archive-listing.ts). */
export interface ArchiveListing {
  /** Scheme-less, as the CDX API takes it: "www.itu.int/en/wcit-12/Documents/". */
  prefix: string;
  /** CDX pages asked for. */
  pages: number;
  /** Distinct URLs the archive lists under the prefix. */
  listed: number;
  /** Of those, files that may hold a transcript (by extension or mimetype). */
  candidates: number;
  /** Of those, the ones the crawl had not reached: queued, fetched from the archive. */
  queued: number;
  /** Why the listing failed or stopped short (a failed or malformed CDX answer). */
  error?: string;
}

export interface FetchReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  /**
   * "running": rewritten as the run goes (what is listed is done); "finished"; "stopped": cut
   * short by its deadline or Ctrl-C (errors says which).
   */
  state: "running" | "finished" | "stopped";
  startedAt: string;
  /** Null while running. */
  finishedAt: string | null;
  /** The options the run was given (the tuning knobs with no flag are left out). */
  options: Pick<
    FetchOptions,
    | "conference"
    | "indexUrls"
    | "archivePrefixes"
    | "outDir"
    | "cacheDir"
    | "concurrency"
    | "delayMs"
    | "depth"
    | "all"
    | "wayback"
    | "waybackUrl"
    | "deadlineMs"
    | "urlDeadlineMs"
  >;
  totals: ReportTotals;
  /** Ids of the sessions ingested, sorted. */
  sessions: string[];
  /** Every URL tried, sorted by URL. */
  entries: ReportEntry[];
  /** The archive's listing of each archive prefix (none with --no-wayback). */
  listings: ArchiveListing[];
  /** Problems of the run as a whole (corpus not written, crawl cut at the URL limit...). */
  errors: string[];
  /** 0 when at least one session was ingested and written, 1 otherwise. */
  exitCode: number;
}

/** Counts entries by outcome. */
export function countOutcomes(entries: readonly ReportEntry[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { ingested: 0, skipped: 0, failed: 0, page: 0 };
  for (const entry of entries) counts[entry.outcome]++;
  return counts;
}

function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
}

/** The summary printed at the end of a run: counts, then one line per URL that was not a page. */
export function formatSummary(report: FetchReport): string {
  const t = report.totals;
  const lines: string[] = [
    ...table([
      ["outcome", "urls"],
      ["ingested", String(t.ingested)],
      ["skipped", String(t.skipped)],
      ["failed", String(t.failed)],
      ["pages", String(t.pages)],
      ["total", String(t.urls)],
    ]),
    "",
    `requests ${t.requests}, downloaded ${t.downloads}, not modified (304) ${t.notModified}`,
    ...report.listings.map(
      (l) =>
        `listed in the archive under ${printable(l.prefix)}: ${l.listed} URLs, ${l.candidates} files, ${l.queued} new${l.error === undefined ? "" : " (cut short: see the errors)"}`,
    ),
  ];
  const rows: string[][] = [["outcome", "tries", "via", "url", "session / reason / error"]];
  for (const entry of report.entries) {
    if (entry.outcome === "page") continue;
    const error = (entry.error ?? "").replace(`fetch: ${entry.url}: `, "");
    const what =
      entry.outcome === "ingested"
        ? (entry.sessionId ?? "")
        : entry.outcome === "skipped"
          ? (entry.reason ?? "")
          : `${error}${entry.httpStatus ? ` [HTTP ${entry.httpStatus}]` : ""}`;
    // A server's words (a status text, a link) may hold control characters: printed escaped.
    rows.push(
      [entry.outcome, String(entry.attempts), entry.via ?? "-", entry.url, what].map(printable),
    );
  }
  if (rows.length > 1) lines.push("", ...table(rows));
  for (const error of report.errors) lines.push(`error: ${printable(error)}`);
  lines.push(
    "",
    report.exitCode === 0
      ? `${t.ingested} session(s) ingested into ${report.options.outDir}`
      : "no session ingested: earlier output left untouched",
  );
  return lines.join("\n");
}
