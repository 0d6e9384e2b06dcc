/**
 * The scraper, for one conference profile (options.conference, src/conferences/): crawl the
 * profile's start pages and download every transcript reachable within the depth (phase 1,
 * crawl.ts); list the archive's captures under the profile's archive prefixes and download the
 * transcript files no page led to (archive-listing.ts); then process each distinct body once,
 * under a URL chosen the same way on every run (phase 2, process.ts: the pipeline's extraction
 * and parser, injected); keep the sessions of the profile's kept bodies (decided from the parsed
 * header); write the corpus through the pipeline; and report every URL tried in
 * <out>/ingest-report.json, rewritten (atomically) as the run goes, so that a run cut short
 * leaves a report of what it did (report-writer.ts). The run stops at its deadline or when
 * `deps.signal` is aborted (Ctrl-C): requests in flight are ended, nothing more is fetched or
 * processed, the sessions already processed are written, and the report says why it stopped.
 * Every step reads and updates one CrawlState (crawl-state.ts).
 */
import { join } from "node:path";
import type { ConferenceProfile } from "../../src/conferences/profile";
import { conferenceById, conferenceIds } from "../../src/conferences/registry";
import { silentLogger, type Logger } from "../../src/domain";
import type { SourceFailure, WriteCorpusResult } from "../pipeline";
import { listArchive } from "./archive-listing";
import { FetchCache } from "./cache";
import { crawlSite } from "./crawl";
import {
  errorMessage,
  stopReason,
  type CrawlState,
  type Kept,
  type Pipeline,
  type ProcessSourceFn,
  type WriteCorpusFn,
} from "./crawl-state";
import { defaultScope } from "./discover";
import { createFetcher } from "./fetcher";
import { createHttpClient, userAgentFor } from "./http";
import { DEFAULT_MAX_URLS, MAX_CONCURRENCY_PER_HOST, type FetchOptions } from "./options";
import { processCandidates } from "./process";
import { silentProgress, type Progress } from "./progress";
import { REPORT_FILE, type FetchReport } from "./report";
import { currentReport, reportWriter } from "./report-writer";

export type { FetchProcessOptions, ProcessSourceFn, WriteCorpusFn } from "./crawl-state";
export { REPORT_INTERVAL_MS } from "./report-writer";

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

/**
 * Runs the scraper. Never throws for a URL that fails (it is reported); throws only when the
 * options are unusable. The report is also written to <outDir>/ingest-report.json.
 */
export async function runFetch(options: FetchOptions, deps: FetchDeps = {}): Promise<FetchReport> {
  const logger = deps.logger ?? silentLogger;
  const now = deps.now ?? Date.now;
  const startedAt = new Date(now()).toISOString();
  if (options.indexUrls.length === 0) throw new Error("fetch: no start page (--index-url)");
  const profile = conferenceById(options.conference);
  if (profile === null) {
    throw new Error(
      `fetch: --conference: unknown conference ${JSON.stringify(options.conference)}; known: ${conferenceIds().join(", ")}`,
    );
  }
  const pipeline = await pipelineOf(deps, logger, options.limits);
  const stop = stopSignal(options.deadlineMs, deps.signal);
  try {
    const state = createCrawlState(options, profile, deps, pipeline, stop.signal, startedAt);
    await crawlSite(state);
    await listArchive(state);
    await processCandidates(state);
    state.progress.stop();
    await writeKept(state);
    return await finishRun(state);
  } finally {
    stop.dispose();
    await pipeline.close();
  }
}

/** The injected pipeline, or the real one with whichever half was not injected. */
async function pipelineOf(
  deps: FetchDeps,
  logger: Logger,
  limits: FetchOptions["limits"],
): Promise<Pipeline> {
  if (deps.process && deps.writeCorpus) {
    return { process: deps.process, writeCorpus: deps.writeCorpus, close: async () => {} };
  }
  return {
    ...(await loadPipeline(logger, limits)),
    ...(deps.process ? { process: deps.process } : {}),
    ...(deps.writeCorpus ? { writeCorpus: deps.writeCorpus } : {}),
  };
}

/** The pipeline, each file extracted and parsed in a worker held to `limits`. */
async function loadPipeline(logger: Logger, limits: FetchOptions["limits"]): Promise<Pipeline> {
  const pipeline = await import("../pipeline");
  const { workerRunner } = await import("../sandbox/runner");
  const runner = workerRunner(limits);
  return {
    process: (input, { conference }) =>
      pipeline.processSource({ ...input, conference }, { logger, runner }),
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

/** The state a run starts from: its clients, scope and limits, nothing queued yet. */
function createCrawlState(
  options: FetchOptions,
  profile: ConferenceProfile,
  deps: FetchDeps,
  pipeline: Pipeline,
  stop: AbortSignal,
  startedAt: string,
): CrawlState {
  const logger = deps.logger ?? silentLogger;
  const now = deps.now ?? Date.now;
  if (options.concurrency > MAX_CONCURRENCY_PER_HOST && !deps.signal?.aborted) {
    logger.warn(
      `fetch: --concurrency ${options.concurrency} capped at ${MAX_CONCURRENCY_PER_HOST} requests per host`,
    );
  }
  const { http, fetcher } = createClients(options, profile, deps, stop);
  const state: CrawlState = {
    options,
    profile,
    startedAt,
    logger,
    progress: deps.progress ?? silentProgress,
    now,
    stop,
    http,
    fetcher,
    pipeline,
    hosts: [...new Set(options.indexUrls.map((u) => new URL(u).host))],
    scopes: options.scopes ?? options.indexUrls.map(defaultScope),
    maxUrls: options.maxUrls ?? DEFAULT_MAX_URLS,
    queued: new Set(),
    running: new Set(),
    cut: false,
    entries: [],
    candidates: [],
    kept: [],
    listings: [],
    errors: [],
    status: "running",
    wroteCorpus: false,
    report: reportWriter(join(options.outDir, REPORT_FILE), () => currentReport(state), logger),
  };
  return state;
}

/** The run's HTTP client and fetcher, held to its options and stopped by its signal. */
function createClients(
  options: FetchOptions,
  profile: ConferenceProfile,
  deps: FetchDeps,
  stop: AbortSignal,
): Pick<CrawlState, "http" | "fetcher"> {
  const logger = deps.logger ?? silentLogger;
  const now = deps.now ?? Date.now;
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
    userAgent: deps.userAgent ?? userAgentFor(profile),
  });
  const fetcher = createFetcher({
    http,
    cache: new FetchCache(options.cacheDir),
    wayback: options.wayback,
    waybackUrl: options.waybackUrl,
    logger,
    now: () => new Date(now()),
  });
  return { http, fetcher };
}

/**
 * Writes the corpus, only when something came in: a run that got nothing leaves earlier output
 * exactly as it was. The failed files are passed along for the manifest.
 */
async function writeKept(state: CrawlState): Promise<void> {
  if (state.kept.length === 0) return;
  const failures: SourceFailure[] = state.entries
    .filter((e) => e.outcome === "failed" && e.kind === "file")
    .map((e) => ({ file: e.url, url: e.url, error: e.error ?? "failed" }));
  try {
    const result = await state.pipeline.writeCorpus(
      state.options.outDir,
      state.kept.map((k) => k.processed),
      failures,
      { logger: state.logger, mode: "merge" },
    );
    settleIds(state.kept, result);
    state.wroteCorpus = true;
  } catch (error) {
    state.errors.push(`corpus not written: ${errorMessage(error)}`);
    state.logger.error(`fetch: corpus not written: ${errorMessage(error)}`);
  }
}

/** The run's end: why it stopped (if it did), and the final report written now. */
async function finishRun(state: CrawlState): Promise<FetchReport> {
  const why = stopReason(state);
  if (why !== null) {
    state.errors.push(`stopped early: ${why}; the URLs not reached are not in this report`);
  }
  state.status = why === null ? "finished" : "stopped";
  const final = currentReport(state);
  if (!(await state.report.flush(final))) {
    final.errors.push("report not written (see the error above)");
  }
  return final;
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
