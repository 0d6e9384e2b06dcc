/**
 * The scraper: crawl the start pages and download every transcript reachable within the depth
 * (phase 1); then process each distinct body once, under a URL chosen the same way on every run
 * (phase 2: the pipeline's extraction and parser, injected); keep plenary and Committee 5 sessions
 * (decided from the parsed header); write the corpus through the pipeline; and report every URL
 * tried in <out>/ingest-report.json, rewritten (atomically) as the run goes, so that a run cut
 * short leaves a report of what it did. The run stops at its deadline or when `deps.signal` is
 * aborted (Ctrl-C): requests in flight are ended, nothing more is fetched or processed, the
 * sessions already processed are written, and the report says why it stopped.
 */
import { isAbsolute, join, relative } from "node:path";
import { silentLogger, type Logger } from "../../src/domain";
import { writeJsonAtomic } from "../io/atomic";
import type {
  ProcessedSource,
  SourceFailure,
  SourceInput,
  WriteCorpusOptions,
  WriteCorpusResult,
} from "../pipeline";
import { FetchCache } from "./cache";
import {
  classifyUrl,
  defaultScope,
  discoverLinks,
  isHtml,
  looksLikeTranscriptHtml,
  type LinkKind,
} from "./discover";
import { createFetcher, type Fetched } from "./fetcher";
import { createHttpClient, HttpError, type HttpStats } from "./http";
import { DEFAULT_MAX_URLS, MAX_CONCURRENCY_PER_HOST, type FetchOptions } from "./options";
import { silentProgress, type Progress } from "./progress";
import {
  countOutcomes,
  REPORT_FILE,
  REPORT_SCHEMA_VERSION,
  type FetchReport,
  type ReportEntry,
} from "./report";
import { selectSession } from "./select";

/** Turns one downloaded file into a session (the pipeline's processSource). */
export type ProcessSourceFn = (input: SourceInput) => Promise<ProcessedSource>;
/** Writes the sessions and the manifest (the pipeline's writeCorpus). */
export type WriteCorpusFn = (
  outDir: string,
  processed: ProcessedSource[],
  failures: SourceFailure[],
  options?: WriteCorpusOptions,
) => Promise<WriteCorpusResult>;

export interface FetchDeps {
  /** Default: the pipeline's processSource. */
  process?: ProcessSourceFn;
  /** Default: the pipeline's writeCorpus (merge mode: nothing ingested earlier is dropped). */
  writeCorpus?: WriteCorpusFn;
  logger?: Logger;
  /** Default: nothing shown (the command passes a bar or plain lines). */
  progress?: Progress;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Clock, ms since the epoch. */
  now?: () => number;
  userAgent?: string;
  /** Stops the run when aborted (the command's Ctrl-C); its reason (a string) is reported. */
  signal?: AbortSignal;
}

/** How often at most the report is rewritten while the run goes on. */
export const REPORT_INTERVAL_MS = 500;

/** Error messages of the pipeline that mean "this file is not a transcript", not a failure. */
const NOT_A_TRANSCRIPT = /no speaker turns found/i;
/** Error messages that mean the bytes are no document of a known format. */
const NOT_A_DOCUMENT = /^extract: /;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface Task {
  url: string;
  depth: number;
  kind: LinkKind;
  foundOn?: string;
  linkText?: string;
}

/** A file downloaded during the crawl, processed after it. */
interface Candidate {
  task: Task;
  entry: ReportEntry;
  fetched: Fetched;
}

interface Kept {
  entry: ReportEntry;
  processed: ProcessedSource;
}

interface Pipeline {
  process: ProcessSourceFn;
  writeCorpus: WriteCorpusFn;
  close: () => Promise<void>;
}

/** The pipeline, each file extracted and parsed in a worker held to `limits`. */
async function loadPipeline(logger: Logger, limits: FetchOptions["limits"]): Promise<Pipeline> {
  const pipeline = await import("../pipeline");
  const { workerRunner } = await import("../sandbox/runner");
  const runner = workerRunner(limits);
  return {
    process: (input) => pipeline.processSource(input, { logger, runner }),
    writeCorpus: pipeline.writeCorpus,
    close: () => runner.close(),
  };
}

/**
 * The run's stop signal: aborted at the deadline or when `outer` is; its reason says which.
 * `dispose` clears the timer.
 */
function stopSignal(
  deadlineMs: number,
  outer: AbortSignal | undefined,
): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const minutes = deadlineMs >= 60_000 ? `${deadlineMs / 60_000} min` : `${deadlineMs / 1000} s`;
  const timer = setTimeout(
    () => controller.abort(`the run's deadline (--deadline ${minutes}) passed`),
    deadlineMs,
  );
  const onOuter = (): void => controller.abort(String(outer?.reason ?? "interrupted"));
  if (outer?.aborted) onOuter();
  outer?.addEventListener("abort", onOuter, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onOuter);
    },
  };
}

/**
 * Rewrites the report file atomically, at most every REPORT_INTERVAL_MS while the run goes on
 * (one write at a time), and at once when flushed.
 */
function reportWriter(path: string, build: () => FetchReport, logger: Logger) {
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
    /** Something changed: write soon. */
    changed(): void {
      timer ??= setTimeout(() => {
        timer = null;
        void write();
      }, REPORT_INTERVAL_MS);
    },
    /** Writes the final report now; false when it could not be written. */
    async flush(final: FetchReport): Promise<boolean> {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      failed = false;
      await write(final);
      return !failed;
    },
  };
}

/**
 * Runs the scraper. Never throws for a URL that fails (it is reported); throws only when the
 * options are unusable. The report is also written to <outDir>/ingest-report.json.
 */
export async function runFetch(options: FetchOptions, deps: FetchDeps = {}): Promise<FetchReport> {
  const logger = deps.logger ?? silentLogger;
  const now = deps.now ?? Date.now;
  const startedAt = new Date(now()).toISOString();
  if (options.indexUrls.length === 0) throw new Error("fetch: no start page (--index-url)");
  const pipeline: Pipeline =
    deps.process && deps.writeCorpus
      ? { process: deps.process, writeCorpus: deps.writeCorpus, close: async () => {} }
      : { ...(await loadPipeline(logger, options.limits)), ...pick(deps) };
  const stop = stopSignal(options.deadlineMs, deps.signal);
  try {
    return await crawl(options, deps, pipeline, stop.signal, startedAt);
  } finally {
    stop.dispose();
    await pipeline.close();
  }
}

async function crawl(
  options: FetchOptions,
  deps: FetchDeps,
  pipeline: Pipeline,
  stop: AbortSignal,
  startedAt: string,
): Promise<FetchReport> {
  const logger = deps.logger ?? silentLogger;
  const progress = deps.progress ?? silentProgress;
  const now = deps.now ?? Date.now;
  if (options.concurrency > MAX_CONCURRENCY_PER_HOST && !deps.signal?.aborted) {
    logger.warn(
      `fetch: --concurrency ${options.concurrency} capped at ${MAX_CONCURRENCY_PER_HOST} requests per host`,
    );
  }

  const http = createHttpClient({
    concurrency: options.concurrency,
    delayMs: options.delayMs,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    backoffBaseMs: options.backoffBaseMs,
    backoffMaxMs: options.backoffMaxMs,
    maxRetryAfterMs: options.maxRetryAfterMs,
    maxBytes: options.maxBytes,
    // Redirects stay where the run was sent: the start pages' hosts and the archive.
    redirectHosts: [
      ...new Set([...options.indexUrls, options.waybackUrl].map((u) => new URL(u).host)),
    ],
    maxRedirects: options.maxRedirects,
    urlDeadlineMs: options.urlDeadlineMs,
    signal: stop,
    fetch: deps.fetch,
    sleep: deps.sleep,
    random: deps.random,
    now,
    logger,
    userAgent: deps.userAgent,
  });
  const cache = new FetchCache(options.cacheDir);
  const fetcher = createFetcher({
    http,
    cache,
    wayback: options.wayback,
    waybackUrl: options.waybackUrl,
    logger,
    now: () => new Date(now()),
  });

  const hosts = [...new Set(options.indexUrls.map((u) => new URL(u).host))];
  const scopes = options.scopes ?? options.indexUrls.map(defaultScope);
  const inScope = (url: string): boolean => scopes.some((scope) => url.startsWith(scope));
  const maxUrls = options.maxUrls ?? DEFAULT_MAX_URLS;
  const runErrors: string[] = [];

  const queued = new Set<string>();
  const entries: ReportEntry[] = [];
  const candidates: Candidate[] = [];
  const kept: Kept[] = [];
  const running = new Set<Promise<void>>();
  let cut = false;

  let state: FetchReport["state"] = "running";
  let wroteCorpus = false;
  /** The report as the run stands now. */
  const currentReport = (): ReturnType<typeof buildReport> =>
    buildReport(options, http.stats, startedAt, entries, kept, runErrors, state, wroteCorpus, now);
  const report = reportWriter(join(options.outDir, REPORT_FILE), currentReport, logger);
  const finish = (entry: ReportEntry): void => {
    entries.push(entry);
    progress.done(entry);
    report.changed();
  };
  /** Why the run stopped ("the run's deadline ... passed", "interrupted"), or null. */
  const stopReason = (): string | null => (stop.aborted ? String(stop.reason) : null);

  const enqueue = (task: Task): void => {
    if (queued.has(task.url)) return;
    if (stop.aborted) return;
    if (queued.size >= maxUrls) {
      if (!cut) runErrors.push(`crawl stopped at ${maxUrls} URLs; later links were not followed`);
      cut = true;
      return;
    }
    queued.add(task.url);
    progress.addTotal(1);
    const promise = visit(task).catch((error: unknown) => {
      // visit reports its own failures; this is a bug guard so that one URL never stops the run.
      finish({
        ...base(task),
        outcome: "failed",
        error: `fetch: ${errorMessage(error)}`,
        attempts: 0,
      });
    });
    const tracked = promise.finally(() => running.delete(tracked));
    running.add(tracked);
  };

  const base = (task: Task): ReportEntry => ({
    url: task.url,
    depth: task.depth,
    kind: task.kind,
    ...(task.foundOn === undefined ? {} : { foundOn: task.foundOn }),
    ...(task.linkText ? { linkText: task.linkText } : {}),
    outcome: "failed",
    attempts: 0,
  });

  const fromFetched = (task: Task, fetched: Fetched): ReportEntry => ({
    ...base(task),
    ...(fetched.finalUrl !== task.url && fetched.via !== "wayback"
      ? { finalUrl: fetched.finalUrl }
      : {}),
    attempts: fetched.attempts,
    ...(fetched.errors.length > 0 ? { retried: fetched.errors } : {}),
    via: fetched.via,
    ...(fetched.archivedUrl === undefined ? {} : { archivedUrl: fetched.archivedUrl }),
    httpStatus: fetched.status,
    sha256: fetched.sha256,
    bytes: fetched.bytes.byteLength,
  });

  async function visit(task: Task): Promise<void> {
    let fetched: Fetched;
    try {
      fetched = await fetcher.fetch(task.url);
    } catch (error) {
      const http = error instanceof HttpError ? error : null;
      if (http?.kind === "stopped") {
        finish({ ...base(task), outcome: "skipped", reason: http.detail, attempts: http.attempts });
        return;
      }
      finish({
        ...base(task),
        outcome: "failed",
        error: errorMessage(error),
        httpStatus: http?.status ?? null,
        attempts: http?.attempts ?? 0,
        ...(http && http.errors.length > 0 ? { retried: http.errors } : {}),
      });
      return;
    }
    if (fetched.via !== "wayback") queued.add(fetched.finalUrl);
    const entry = fromFetched(task, fetched);
    const pageUrl = fetched.via === "wayback" ? task.url : fetched.finalUrl;
    const treatAsPage =
      isHtml(fetched.bytes, fetched.contentType) &&
      (task.kind === "page" || classifyUrl(pageUrl) === "page");
    if (treatAsPage) {
      const html = new TextDecoder().decode(fetched.bytes);
      let links = 0;
      if (task.depth < options.depth) {
        for (const link of discoverLinks(html, pageUrl, { hosts })) {
          if (link.kind === "page" && !inScope(link.url)) continue;
          links++;
          enqueue({
            url: link.url,
            depth: task.depth + 1,
            kind: link.kind,
            foundOn: task.url,
            linkText: link.text,
          });
        }
      }
      if (!looksLikeTranscriptHtml(html)) {
        finish({ ...entry, outcome: "page", links });
        return;
      }
      entry.links = links;
    }
    candidates.push({ task, entry, fetched });
  }

  /**
   * Processes one distinct body (the canonical URL of its group), and keeps or skips its session.
   * `shas` maps every body downloaded in this run to the URL that stands for it.
   */
  async function consider(candidate: Candidate, shas: ReadonlyMap<string, string>): Promise<void> {
    const { task, entry, fetched } = candidate;
    let processed: ProcessedSource;
    try {
      processed = await pipeline.process(sourceInput(fetched));
    } catch (error) {
      const message = errorMessage(error);
      if (
        NOT_A_DOCUMENT.test(message) &&
        fetched.via !== "wayback" &&
        fetcher.canUseArchive(task.url)
      ) {
        // A live URL that serves something else than a document (an error page as .pdf): the
        // archive may still have the real file.
        try {
          const archived = await fetcher.fromArchive(task.url, message);
          Object.assign(entry, {
            via: archived.via,
            archivedUrl: archived.archivedUrl,
            sha256: archived.sha256,
            bytes: archived.bytes.byteLength,
          });
          const same = shas.get(archived.sha256);
          if (same !== undefined) {
            finish({
              ...entry,
              outcome: "skipped",
              reason: `the archive's copy is the same file as ${same}: stored once`,
            });
            return;
          }
          processed = await pipeline.process(sourceInput(archived));
        } catch (archiveError) {
          const detail =
            archiveError instanceof HttpError ? archiveError.detail : errorMessage(archiveError);
          finish({ ...entry, outcome: "failed", error: detail });
          return;
        }
      } else if (NOT_A_TRANSCRIPT.test(message)) {
        finish({ ...entry, outcome: "skipped", reason: message });
        return;
      } else {
        finish({ ...entry, outcome: "failed", error: message });
        return;
      }
    }
    const { record } = processed;
    const described: ReportEntry = {
      ...entry,
      title: record.title,
      body: record.body,
      format: record.source.format,
    };
    const selection = selectSession(record, options.all);
    if (!selection.keep) {
      finish({ ...described, outcome: "skipped", reason: selection.reason });
      return;
    }
    const ingested: ReportEntry = {
      ...described,
      outcome: "ingested",
      sessionId: record.id,
      ...(selection.note === undefined ? {} : { note: selection.note }),
    };
    kept.push({ entry: ingested, processed });
    finish(ingested);
  }

  // 1. Crawl: pages are read for links as they come; files are only downloaded.
  for (const url of options.indexUrls) enqueue({ url, depth: 0, kind: "page" });
  while (running.size > 0) await Promise.all([...running]);

  // 2. The same bytes reached through several URLs are processed once, under one URL chosen the
  // same way on every run (live before archive, then the first URL in sort order).
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const group = groups.get(candidate.fetched.sha256) ?? [];
    group.push(candidate);
    groups.set(candidate.fetched.sha256, group);
  }
  const ordered = [...groups.values()].map((group) =>
    group.sort(
      (a, b) =>
        Number(a.fetched.via === "wayback") - Number(b.fetched.via === "wayback") ||
        a.task.url.localeCompare(b.task.url),
    ),
  );
  ordered.sort((a, b) => (a[0]?.task.url ?? "").localeCompare(b[0]?.task.url ?? ""));
  const shas = new Map(
    ordered.map((group) => [group[0]?.fetched.sha256 ?? "", group[0]?.task.url ?? ""]),
  );
  for (const [canonical, ...copies] of ordered) {
    if (canonical === undefined) continue;
    const why = stopReason();
    if (why !== null) {
      for (const c of [canonical, ...copies]) {
        finish({
          ...c.entry,
          outcome: "skipped",
          reason: `not processed: ${why} (it is in the cache: the next run reads it without downloading it again)`,
        });
      }
      continue;
    }
    for (const copy of copies) {
      finish({
        ...copy.entry,
        outcome: "skipped",
        reason: `same file as ${canonical.task.url} (sha256 ${copy.fetched.sha256.slice(0, 12)}): stored once`,
      });
    }
    await consider(canonical, shas);
  }
  progress.stop();

  // Write the corpus only when something came in: a run that got nothing leaves earlier output
  // exactly as it was.
  if (kept.length > 0) {
    const failures: SourceFailure[] = entries
      .filter((e) => e.outcome === "failed" && e.kind === "file")
      .map((e) => ({ file: e.url, url: e.url, error: e.error ?? "failed" }));
    try {
      const result = await pipeline.writeCorpus(
        options.outDir,
        kept.map((k) => k.processed),
        failures,
        { logger, mode: "merge" },
      );
      settleIds(kept, result);
      wroteCorpus = true;
    } catch (error) {
      runErrors.push(`corpus not written: ${errorMessage(error)}`);
      logger.error(`fetch: corpus not written: ${errorMessage(error)}`);
    }
  }

  const why = stopReason();
  if (why !== null) {
    runErrors.push(`stopped early: ${why}; the URLs not reached are not in this report`);
  }
  state = why === null ? "finished" : "stopped";
  const final = currentReport();
  if (!(await report.flush(final))) final.errors.push("report not written (see the error above)");
  return final;

  function sourceInput(fetched: Fetched): SourceInput {
    const rel = relative(process.cwd(), fetched.file);
    return {
      bytes: fetched.bytes,
      // Cited as a path from the project root when the cache is inside it.
      file: rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : fetched.file,
      url: fetched.archivedUrl ?? fetched.finalUrl,
    };
  }
}

/**
 * The pipeline keeps ids stable (identity.ts): an entry gets the id its session was written
 * under, and one held back (its words are another source's) becomes a skip with the reason.
 */
function settleIds(kept: Kept[], result: WriteCorpusResult): void {
  const idBySha = new Map(result.manifest.sessions.map((s) => [s.source.sha256, s.id]));
  for (const k of kept) {
    const sha = k.processed.record.source.sha256;
    const id = idBySha.get(sha);
    const conflict = result.conflicts.find((c) => c.sha256 === sha);
    if (id !== undefined) {
      k.entry.sessionId = id;
      if (conflict !== undefined) {
        k.entry.note = `claims ${conflict.claimed}, held by ${conflict.owner.file}: ingested as ${id}`;
      }
    } else if (conflict !== undefined) {
      Object.assign(k.entry, {
        outcome: "skipped",
        sessionId: undefined,
        reason: `held back: it claims ${conflict.claimed}, held by ${conflict.owner.file}, and ${Math.round(conflict.similarity * 100)}% of its words are that session's`,
      });
    }
  }
}

/** The report as it stands (`state` "running" while the run goes on). */
function buildReport(
  options: FetchOptions,
  stats: HttpStats,
  startedAt: string,
  done: readonly ReportEntry[],
  kept: readonly Kept[],
  errors: readonly string[],
  state: FetchReport["state"],
  wroteCorpus: boolean,
  now: () => number,
): FetchReport {
  const entries = [...done].sort((a, b) => a.url.localeCompare(b.url));
  const counts = countOutcomes(entries);
  const ingested = wroteCorpus ? counts.ingested : 0;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    state,
    startedAt,
    finishedAt: state === "running" ? null : new Date(now()).toISOString(),
    options: {
      indexUrls: options.indexUrls,
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
    sessions: wroteCorpus
      ? [
          ...new Set(
            kept.flatMap((k) => (k.entry.outcome === "ingested" ? [k.entry.sessionId ?? ""] : [])),
          ),
        ].sort()
      : [],
    entries,
    errors: [...errors],
    exitCode: ingested > 0 ? 0 : 1,
  };
}

function pick(deps: FetchDeps): Partial<{ process: ProcessSourceFn; writeCorpus: WriteCorpusFn }> {
  return {
    ...(deps.process ? { process: deps.process } : {}),
    ...(deps.writeCorpus ? { writeCorpus: deps.writeCorpus } : {}),
  };
}
