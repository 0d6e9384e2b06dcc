/**
 * The report of a run as it stands, and the writer that keeps <out>/ingest-report.json current:
 * rewritten atomically at most every REPORT_INTERVAL_MS while the run goes on, and once at the
 * end, so that a run cut short leaves a report of what it did.
 */
import type { Logger } from "../../src/domain";
import { writeJsonAtomic } from "../io/atomic";
import { errorMessage, type CrawlState } from "./crawl-state";
import { MAX_CONCURRENCY_PER_HOST } from "./options";
import { countOutcomes, REPORT_SCHEMA_VERSION, type FetchReport } from "./report";

/** How often at most the report is rewritten while the run goes on. */
export const REPORT_INTERVAL_MS = 500;

export interface ReportWriter {
  /** Something changed: write soon. */
  changed(): void;
  /** Writes the final report now; false when it could not be written. */
  flush(final: FetchReport): Promise<boolean>;
}

/**
 * Rewrites the report file atomically, at most every REPORT_INTERVAL_MS while the run goes on
 * (one write at a time), and at once when flushed.
 */
export function reportWriter(path: string, build: () => FetchReport, logger: Logger): ReportWriter {
  let writing: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failed = false;
  const write = (report?: FetchReport): Promise<void> => {
    writing = writing.then(() =>
      writeJsonAtomic(path, report ?? build()).catch((error: unknown) => {
        if (!failed) logger.error(`fetch: ${path}: ${errorMessage(error)}`);
        failed = true;
      }),
    );
    return writing;
  };
  return {
    changed(): void {
      timer ??= setTimeout(() => {
        timer = null;
        void write();
      }, REPORT_INTERVAL_MS);
    },
    async flush(final: FetchReport): Promise<boolean> {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      failed = false;
      await write(final);
      return !failed;
    },
  };
}

/** The report as the run stands now (`state` "running" while it goes on). */
export function currentReport(state: CrawlState): FetchReport {
  const { options } = state;
  const entries = [...state.entries].sort((a, b) => a.url.localeCompare(b.url));
  const counts = countOutcomes(entries);
  const ingested = state.wroteCorpus ? counts.ingested : 0;
  const stats = state.http.stats;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    state: state.status,
    startedAt: state.startedAt,
    finishedAt: state.status === "running" ? null : new Date(state.now()).toISOString(),
    options: {
      conference: options.conference,
      indexUrls: options.indexUrls,
      archivePrefixes: options.archivePrefixes,
      outDir: options.outDir,
      cacheDir: options.cacheDir,
      concurrency: Math.min(options.concurrency, MAX_CONCURRENCY_PER_HOST),
      delayMs: options.delayMs,
      depth: options.depth,
      all: options.all,
      wayback: options.wayback,
      waybackUrl: options.waybackUrl,
      deadlineMs: options.deadlineMs,
      urlDeadlineMs: options.urlDeadlineMs,
    },
    totals: {
      urls: entries.length,
      ingested: counts.ingested,
      skipped: counts.skipped,
      failed: counts.failed,
      pages: counts.page,
      requests: stats.requests,
      downloads: stats.downloads,
      notModified: stats.notModified,
    },
    sessions: state.wroteCorpus ? ingestedSessions(state) : [],
    entries,
    listings: state.listings.map((listing) => ({ ...listing })),
    errors: [...state.errors],
    exitCode: ingested > 0 ? 0 : 1,
  };
}

/** Ids of the sessions ingested, sorted, each once. */
function ingestedSessions(state: CrawlState): string[] {
  const ids = state.kept.flatMap((k) =>
    k.entry.outcome === "ingested" ? [k.entry.sessionId ?? ""] : [],
  );
  return [...new Set(ids)].sort();
}
