/**
 * Options of the scraper (`npm run ingest -- --fetch`), their defaults, and the parser of the
 * command-line flags. Pure: no I/O.
 */
import { conferenceById, conferenceIds, DEFAULT_CONFERENCE } from "../../src/conferences/registry";
import type { ConferenceProfile } from "../../src/conferences/profile";
import { parseLimitArg, type SourceLimits } from "../sandbox/limits";

export const DEFAULT_OUT_DIR = "transcripts";
export const DEFAULT_CACHE_DIR = ".cache/fetch";
/** Requests at a time per host. Also the ceiling: more than this is never used, whatever is asked. */
export const MAX_CONCURRENCY_PER_HOST = 2;
export const DEFAULT_CONCURRENCY = MAX_CONCURRENCY_PER_HOST;
/** Pause between the starts of two requests to the same host. */
export const DEFAULT_DELAY_MS = 1_000;
/** Links followed from a start page: start page (0) -> sub-page (1) -> file (2). */
export const DEFAULT_DEPTH = 2;
/** The Internet Archive's Wayback Machine (CDX API under /cdx/search/cdx, captures under /web/). */
export const DEFAULT_WAYBACK_URL = "https://web.archive.org";
/** Time allowed for one attempt (connect, headers and body). */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Retries after the first attempt; also the ceiling. */
export const MAX_RETRIES = 5;
/** Base and cap of the full-jitter exponential backoff. */
export const DEFAULT_BACKOFF_BASE_MS = 1_000;
export const DEFAULT_BACKOFF_MAX_MS = 30_000;
/** A Retry-After longer than this is not waited for: the URL is reported as failed instead. */
export const DEFAULT_MAX_RETRY_AFTER_MS = 120_000;
/** Largest body accepted (a transcript is well under 1 MB). */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** Redirects followed per request (each hop checked like a link). */
export const DEFAULT_MAX_REDIRECTS = 5;
/** Time one URL may take, every attempt, backoff and Retry-After included. */
export const DEFAULT_URL_DEADLINE_MS = 3 * 60_000;
/**
 * Time a whole run may take. The ITU's pages and about 40 transcripts take a few minutes at the
 * default pace; this leaves room for a slow day and the archive, and stops a run gone wrong.
 */
export const DEFAULT_DEADLINE_MS = 30 * 60_000;
/** Safety net against a crawl that runs away: no more URLs than this are tried. */
export const DEFAULT_MAX_URLS = 2_000;
/** Wayback captures tried per URL, newest first. */
export const DEFAULT_WAYBACK_CAPTURES = 3;

/** Captures listed per CDX request when an archive prefix is listed (the resume key pages on). */
export const DEFAULT_CDX_PAGE_SIZE = 1_000;
/** Most CDX pages read per archive prefix (so at most 20 000 URLs per prefix). */
export const MAX_CDX_PAGES = 20;

/** Everything the scraper can be told. All fields but the flags' are for tests and embedding. */
export interface FetchOptions {
  /**
   * Id of the conference profile (`--conference`, src/conferences/registry.ts) whose start pages,
   * archive prefixes and kept bodies the run uses; fetched sessions whose header names no
   * conference are given it.
   */
  conference: string;
  /** Start pages (`--index-url`, repeatable). Default: the profile's start URLs. */
  indexUrls: string[];
  /**
   * URL prefixes (scheme-less, as the CDX API takes them) whose archive captures are listed, so
   * that files no page links any more are found. Default: the profile's archive prefixes.
   */
  archivePrefixes: string[];
  /** Where the corpus and ingest-report.json are written (`--out`). */
  outDir: string;
  /** HTTP cache: bodies with their ETag/Last-Modified (`--cache`). */
  cacheDir: string;
  /** Requests at a time per host (`--concurrency`); capped at MAX_CONCURRENCY_PER_HOST. */
  concurrency: number;
  /** Pause between request starts on one host, ms (`--delay`). */
  delayMs: number;
  /** How many links deep to follow from a start page (`--depth`). */
  depth: number;
  /** Keep sessions of bodies other than the profile's kept bodies (`--all`). */
  all: boolean;
  /** Ask the Internet Archive for files gone from the live site (off with `--no-wayback`). */
  wayback: boolean;
  /** Base URL of the archive (`--wayback-url`). */
  waybackUrl: string;
  timeoutMs?: number;
  /** Retries after the first attempt (at most MAX_RETRIES). */
  retries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  maxRetryAfterMs?: number;
  maxBytes?: number;
  maxUrls?: number;
  /** Captures per CDX request when listing an archive prefix. */
  cdxPageSize?: number;
  /** Time the whole run may take, ms (`--deadline`); then it stops and writes its report. */
  deadlineMs: number;
  /** Time one URL may take, retries and waits included, ms (`--url-deadline`). */
  urlDeadlineMs: number;
  /** Redirects followed per request. */
  maxRedirects?: number;
  /** Limits each downloaded file is extracted and parsed within (`--limit NAME=VALUE`). */
  limits?: Partial<SourceLimits>;
  /**
   * URL prefixes inside which pages are followed (files are taken from anywhere on the start
   * hosts). Default: for each start page, the folder above its folder
   * (https://www.itu.int/en/wcit-12/Pages/default.aspx -> https://www.itu.int/en/wcit-12/).
   */
  scopes?: string[];
}

/** The options with every default filled in, for a conference (default: DEFAULT_CONFERENCE). */
export function defaultFetchOptions(profile: ConferenceProfile = DEFAULT_CONFERENCE): FetchOptions {
  return {
    conference: profile.id,
    indexUrls: [...profile.sources.startUrls],
    archivePrefixes: [...profile.sources.archivePrefixes],
    outDir: DEFAULT_OUT_DIR,
    cacheDir: DEFAULT_CACHE_DIR,
    concurrency: DEFAULT_CONCURRENCY,
    delayMs: DEFAULT_DELAY_MS,
    depth: DEFAULT_DEPTH,
    all: false,
    wayback: true,
    waybackUrl: DEFAULT_WAYBACK_URL,
    deadlineMs: DEFAULT_DEADLINE_MS,
    urlDeadlineMs: DEFAULT_URL_DEADLINE_MS,
  };
}

/** Usage text of the fetch flags, for the ingest command's help. */
export const FETCH_USAGE = `npm run ingest -- --fetch [options]
  --conference ID   the conference profile: its start pages, archive folders and kept bodies
                    (${conferenceIds().join(", ")}; default ${DEFAULT_CONFERENCE.id})
  --index-url URL   start page (repeatable; default: the profile's start pages)
  --out DIR         output directory (default ${DEFAULT_OUT_DIR})
  --cache DIR       HTTP cache directory (default ${DEFAULT_CACHE_DIR})
  --concurrency N   requests at a time per host, 1-${MAX_CONCURRENCY_PER_HOST} (default ${DEFAULT_CONCURRENCY})
  --delay MS        pause between requests to one host (default ${DEFAULT_DELAY_MS})
  --depth N         links to follow from a start page (default ${DEFAULT_DEPTH})
  --all             keep sessions of every body, not only the profile's kept ones
  --no-wayback      do not ask the Internet Archive (for missing files, nor to list its captures)
  --wayback-url URL base URL of the archive (default ${DEFAULT_WAYBACK_URL})
  --deadline T      the whole run stops after T (90s, 30m, 1h; default ${DEFAULT_DEADLINE_MS / 60_000}m)
  --url-deadline T  one URL, retries and waits included (default ${DEFAULT_URL_DEADLINE_MS / 60_000}m)
  --limit NAME=N    a limit for extracting and parsing each file (see the README)`;

function fail(flag: string, message: string): never {
  throw new Error(`fetch: ${flag}: ${message}`);
}

function httpUrl(flag: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail(flag, `not a URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    fail(flag, `expected an http(s) URL, got ${JSON.stringify(value)}`);
  }
  url.hash = "";
  return url.href;
}

/** A duration: "90", "90s", "30m", "1h" (seconds without a unit), in ms. */
function duration(flag: string, value: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match?.[2] ?? "s"] ?? 1000;
  const ms = Number(match?.[1]) * unit;
  if (match === null || !(ms > 0)) {
    fail(flag, `expected a duration such as 90s, 30m or 1h, got ${JSON.stringify(value)}`);
  }
  return Math.round(ms);
}

function wholeNumber(flag: string, value: string, min: number): number {
  if (!/^\d+$/.test(value.trim())) {
    fail(flag, `expected a whole number >= ${min}, got ${JSON.stringify(value)}`);
  }
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) {
    fail(flag, `expected a whole number >= ${min}, got ${JSON.stringify(value)}`);
  }
  return n;
}

/**
 * The profile `--conference ID` names (the last one given), or DEFAULT_CONFERENCE. Throws an
 * Error naming the flag and the known ids for an id no profile has.
 */
function conferenceOf(args: string[]): ConferenceProfile {
  let id: string | null = null;
  for (const [i, arg] of args.entries()) {
    if (arg === "--conference") {
      const next = args[i + 1];
      if (next === undefined || next.startsWith("--")) fail(arg, "missing value");
      id = next;
    } else if (arg.startsWith("--conference=")) {
      id = arg.slice("--conference=".length);
    }
  }
  if (id === null) return DEFAULT_CONFERENCE;
  const profile = conferenceById(id);
  if (profile === null) {
    fail(
      "--conference",
      `unknown conference ${JSON.stringify(id)}; known: ${conferenceIds().join(", ")}`,
    );
  }
  return profile;
}

/**
 * Parses the fetch flags. `--fetch` itself is accepted and ignored, so the ingest command can pass
 * its arguments as they are. Throws an Error naming the flag on anything wrong.
 */
export function parseFetchArgs(args: string[]): FetchOptions {
  const options = defaultFetchOptions(conferenceOf(args));
  const indexUrls: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = args[i + 1];
      if (next === undefined || next.startsWith("--")) fail(flag, "missing value");
      i++;
      return next;
    };
    const noValue = (): void => {
      if (inline !== undefined) fail(flag, "takes no value");
    };
    switch (flag) {
      case "--fetch":
        noValue();
        break;
      case "--conference":
        value(); // read first, by conferenceOf: the profile gives the other defaults
        break;
      case "--index-url":
        indexUrls.push(httpUrl(flag, value()));
        break;
      case "--out": {
        const dir = value();
        if (dir.trim() === "") fail(flag, "empty directory name");
        options.outDir = dir;
        break;
      }
      case "--cache": {
        const dir = value();
        if (dir.trim() === "") fail(flag, "empty directory name");
        options.cacheDir = dir;
        break;
      }
      case "--concurrency":
        options.concurrency = wholeNumber(flag, value(), 1);
        break;
      case "--delay":
        options.delayMs = wholeNumber(flag, value(), 0);
        break;
      case "--depth":
        options.depth = wholeNumber(flag, value(), 0);
        break;
      case "--all":
        noValue();
        options.all = true;
        break;
      case "--no-wayback":
        noValue();
        options.wayback = false;
        break;
      case "--wayback-url":
        options.waybackUrl = httpUrl(flag, value()).replace(/\/+$/, "");
        break;
      case "--deadline":
        options.deadlineMs = duration(flag, value());
        break;
      case "--url-deadline":
        options.urlDeadlineMs = duration(flag, value());
        break;
      case "--limit":
        options.limits = { ...options.limits, ...parseLimitArg(flag, value()) };
        break;
      default:
        throw new Error(
          `fetch: unknown option ${JSON.stringify(arg)}; expected --conference, --index-url, --out, --cache, --concurrency, --delay, --depth, --all, --no-wayback, --wayback-url, --deadline, --url-deadline, --limit`,
        );
    }
  }
  if (indexUrls.length > 0) options.indexUrls = indexUrls;
  return options;
}
