/**
 * The state of one scraper run, explicit: what it was told, the clients it uses, what it has
 * queued, downloaded, kept and reported so far. Every step of the run (crawl.ts, process.ts,
 * run.ts) reads and updates this one object; nothing is hidden in closures.
 */
import type { ConferenceProfile } from "../../src/conferences/profile";
import type { Logger } from "../../src/domain";
import type {
  ProcessedSource,
  SourceFailure,
  SourceInput,
  WriteCorpusOptions,
  WriteCorpusResult,
} from "../pipeline";
import type { LinkKind } from "./discover";
import type { Fetched, Fetcher } from "./fetcher";
import type { HttpClient } from "./http";
import type { FetchOptions } from "./options";
import type { Progress } from "./progress";
import type { ArchiveListing, FetchReport, ReportEntry } from "./report";
import type { ReportWriter } from "./report-writer";

/** One URL to try: where it was found, and whether it is a page (read for links) or a file. */
export interface Task {
  url: string;
  depth: number;
  kind: LinkKind;
  foundOn?: string;
  linkText?: string;
  /**
   * The archive prefix under which the CDX listing found this file (archive-listing.ts): it is
   * fetched from its newest capture, not from the live site.
   */
  listedUnder?: string;
}

/** A file downloaded during the crawl, processed after it. */
export interface Candidate {
  task: Task;
  entry: ReportEntry;
  fetched: Fetched;
}

/** A session kept: its report entry (updated when the corpus is written) and the parsed file. */
export interface Kept {
  entry: ReportEntry;
  processed: ProcessedSource;
}

/** What the run tells the pipeline about every file it processes. */
export interface FetchProcessOptions {
  /** The profile's id: the conference of a file whose header names none. */
  conference: string;
}

/** Turns one downloaded file into a session (the pipeline's processSource). */
export type ProcessSourceFn = (
  input: SourceInput,
  options: FetchProcessOptions,
) => Promise<ProcessedSource>;
/** Writes the sessions and the manifest (the pipeline's writeCorpus). */
export type WriteCorpusFn = (
  outDir: string,
  processed: ProcessedSource[],
  failures: SourceFailure[],
  options?: WriteCorpusOptions,
) => Promise<WriteCorpusResult>;

/** Turns downloaded files into sessions and writes the corpus (the pipeline, or stand-ins). */
export interface Pipeline {
  process: ProcessSourceFn;
  writeCorpus: WriteCorpusFn;
  close: () => Promise<void>;
}

export interface CrawlState {
  readonly options: FetchOptions;
  /** The conference profile the run is for (options.conference). */
  readonly profile: ConferenceProfile;
  readonly startedAt: string;
  readonly logger: Logger;
  readonly progress: Progress;
  /** Clock, ms since the epoch. */
  readonly now: () => number;
  /** Aborted at the run's deadline or on Ctrl-C; its reason says which. */
  readonly stop: AbortSignal;
  readonly http: HttpClient;
  readonly fetcher: Fetcher;
  readonly pipeline: Pipeline;
  /** Hosts of the start pages: links to other hosts are not followed. */
  readonly hosts: readonly string[];
  /** URL prefixes inside which pages are followed. */
  readonly scopes: readonly string[];
  /** Most URLs the crawl tries. */
  readonly maxUrls: number;
  /** Every URL queued, and every final URL reached, so that each is tried once. */
  readonly queued: Set<string>;
  /** Visits in flight. */
  readonly running: Set<Promise<void>>;
  /** True once the crawl reached maxUrls. */
  cut: boolean;
  /** One per URL done, in the order they were done. */
  readonly entries: ReportEntry[];
  readonly candidates: Candidate[];
  readonly kept: Kept[];
  /** What each archive prefix's listing found. */
  readonly listings: ArchiveListing[];
  /** Problems of the run as a whole. */
  readonly errors: string[];
  status: FetchReport["state"];
  wroteCorpus: boolean;
  readonly report: ReportWriter;
}

/** A URL is done: listed in the report, shown, and the report file rewritten soon. */
export function finish(state: CrawlState, entry: ReportEntry): void {
  state.entries.push(entry);
  state.progress.done(entry);
  state.report.changed();
}

/** Why the run stopped ("the run's deadline ... passed", "interrupted"), or null. */
export function stopReason(state: CrawlState): string | null {
  return state.stop.aborted ? String(state.stop.reason) : null;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The report entry of a task before anything is known of its answer. */
export function baseEntry(task: Task): ReportEntry {
  return {
    url: task.url,
    depth: task.depth,
    kind: task.kind,
    ...(task.foundOn === undefined ? {} : { foundOn: task.foundOn }),
    ...(task.linkText ? { linkText: task.linkText } : {}),
    ...(task.listedUnder === undefined ? {} : { listedUnder: task.listedUnder }),
    outcome: "failed",
    attempts: 0,
  };
}

/** The report entry of a task whose bytes were had (outcome still to be decided). */
export function fetchedEntry(task: Task, fetched: Fetched): ReportEntry {
  return {
    ...baseEntry(task),
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
  };
}
