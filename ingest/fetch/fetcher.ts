/**
 * Getting the bytes of one URL: from the cache when they have not changed (conditional GET, 304),
 * from the network otherwise, from the cache again when the network fails after we once had them,
 * and from the Internet Archive when the live site has lost them (404/410 or a network error).
 */
import { join } from "node:path";
import { silentLogger, type Logger } from "../../src/domain";
import type { CacheEntry, FetchCache } from "./cache";
import { HttpError, type HttpClient } from "./http";
import { DEFAULT_WAYBACK_CAPTURES } from "./options";
import {
  captureUrl,
  cdxQueryUrl,
  isArchiveUrl,
  isCaptureUrl,
  parseCdx,
  type Capture,
} from "./wayback";

/** Where the bytes came from. */
export type Via =
  /** downloaded now */
  | "network"
  /** the server said 304 Not Modified: the cached copy is current */
  | "revalidated"
  /** an archive capture already in the cache (captures never change: no request) */
  | "cache"
  /** the live URL failed but an earlier run had stored it: the cached copy is used */
  | "stale-cache"
  /** the live URL is gone; a Wayback Machine capture was used */
  | "wayback";

export interface Fetched {
  /** The URL asked for. */
  url: string;
  /** After redirects (of the capture, when from the archive). */
  finalUrl: string;
  bytes: Uint8Array;
  sha256: string;
  contentType: string | null;
  /** Path of the cached body (the cache dir joined with the entry's body file). */
  file: string;
  via: Via;
  /** Requests made to the URL asked for. */
  attempts: number;
  /** Failed attempts (and the archive's answers) on the way. */
  errors: string[];
  /** HTTP status of the last response from the URL asked for (null when none came). */
  status: number | null;
  /** The capture used, when via the archive. */
  archivedUrl?: string;
}

export interface FetcherOptions {
  http: HttpClient;
  cache: FetchCache;
  /** Ask the archive when the live URL is gone. */
  wayback: boolean;
  waybackUrl: string;
  /** Captures tried per URL, newest first. */
  captures?: number;
  logger?: Logger;
  now?: () => Date;
}

export interface Fetcher {
  /** The bytes of `url`, with the archive as fallback. Throws HttpError when all fails. */
  fetch(url: string): Promise<Fetched>;
  /**
   * The bytes of the newest usable archive capture of `url` (for a live file whose bytes turned
   * out to be no document, e.g. an error page served as .pdf). Throws HttpError when none.
   */
  fromArchive(url: string, reason: string, skip?: readonly string[]): Promise<Fetched>;
  /** True when `url` may be looked up in the archive (archive on, not an archive URL itself). */
  canUseArchive(url: string): boolean;
}

/**
 * Failures after which the archive is asked: the file is gone (404, 410), or the live site could
 * not deliver it after all retries (network error, timeout, truncated body, 429 or 5xx). Not for
 * 401/403 (access refused is respected) or other 4xx, nor for a body over the size limit, a
 * refused redirect or a stopped run.
 */
export function worthAskingArchive(error: HttpError): boolean {
  const never: readonly string[] = ["too-large", "invalid-url", "redirect", "stopped"];
  if (never.includes(error.kind)) return false;
  if (error.kind !== "status") return true;
  const status = error.status ?? 0;
  return status === 404 || status === 410 || status === 429 || status >= 500;
}

/** What a fetcher holds: its options with the defaults filled in. */
interface FetcherState {
  http: HttpClient;
  cache: FetchCache;
  wayback: boolean;
  waybackUrl: string;
  maxCaptures: number;
  logger: Logger;
  now: () => Date;
}

export function createFetcher(options: FetcherOptions): Fetcher {
  const state: FetcherState = {
    http: options.http,
    cache: options.cache,
    wayback: options.wayback,
    waybackUrl: options.waybackUrl,
    maxCaptures: options.captures ?? DEFAULT_WAYBACK_CAPTURES,
    logger: options.logger ?? silentLogger,
    now: options.now ?? (() => new Date()),
  };
  return {
    fetch: (url) => fetchOne(state, url),
    fromArchive: (url, reason, skip) => fromArchive(state, url, reason, skip),
    canUseArchive: (url) => canUseArchive(state, url),
  };
}

/** How the bytes were had: where from, and what the URL asked for answered on the way. */
interface Provenance {
  via: Via;
  attempts: number;
  errors: string[];
  status: number | null;
}

function fromEntry(
  state: FetcherState,
  url: string,
  entry: CacheEntry,
  body: Uint8Array,
  provenance: Provenance,
): Fetched {
  return {
    url,
    finalUrl: entry.finalUrl,
    bytes: body,
    sha256: entry.sha256,
    contentType: entry.contentType,
    file: join(state.cache.dir, entry.bodyFile),
    ...provenance,
  };
}

/** Cache + network, no archive. */
async function fetchLive(state: FetcherState, url: string): Promise<Fetched> {
  const cached = await state.cache.get(url);
  if (cached !== null && isCaptureUrl(state.waybackUrl, url)) {
    // A capture never changes: no request.
    return fromEntry(state, url, cached.entry, cached.body, {
      via: "cache",
      attempts: 0,
      errors: [],
      status: null,
    });
  }
  try {
    return await download(state, url, cached);
  } catch (error) {
    if (!(error instanceof HttpError) || cached === null) throw error;
    state.logger.warn(
      `fetch: ${url}: ${error.detail}; using the copy cached on ${cached.entry.fetchedAt}`,
    );
    return fromEntry(state, url, cached.entry, cached.body, {
      via: "stale-cache",
      attempts: error.attempts,
      errors: error.errors,
      status: error.status,
    });
  }
}

type Cached = Awaited<ReturnType<FetchCache["get"]>>;

/** A conditional GET: the cached copy when it is current (304), else the new bytes, cached. */
async function download(state: FetcherState, url: string, cached: Cached): Promise<Fetched> {
  const validators = cached
    ? { etag: cached.entry.etag, lastModified: cached.entry.lastModified }
    : undefined;
  const result = await state.http.get(url, validators);
  if (result.notModified) {
    if (cached === null) {
      throw new HttpError(url, "status", "HTTP 304 without a cached copy", 304);
    }
    return fromEntry(state, url, cached.entry, cached.body, {
      via: "revalidated",
      attempts: result.attempts,
      errors: result.errors,
      status: 304,
    });
  }
  const entry = await state.cache.put(
    {
      url,
      finalUrl: result.finalUrl,
      etag: result.etag,
      lastModified: result.lastModified,
      contentType: result.contentType,
      fetchedAt: state.now().toISOString(),
    },
    result.bytes,
  );
  return fromEntry(state, url, entry, result.bytes, {
    via: "network",
    attempts: result.attempts,
    errors: result.errors,
    status: result.status,
  });
}

/** The newest captures of `url` (a failed or malformed CDX answer throws an HttpError). */
async function captures(state: FetcherState, url: string, reason: string): Promise<Capture[]> {
  try {
    const answer = await fetchLive(state, cdxQueryUrl(state.waybackUrl, url, state.maxCaptures));
    return parseCdx(new TextDecoder().decode(answer.bytes)).slice(0, state.maxCaptures);
  } catch (error) {
    const detail = error instanceof HttpError ? error.detail : (error as Error).message;
    throw new HttpError(
      url,
      "network",
      `${reason}; wayback: CDX query failed: ${detail}`,
      null,
      null,
      { cause: error },
    );
  }
}

async function fromArchive(
  state: FetcherState,
  url: string,
  reason: string,
  skip: readonly string[] = [],
): Promise<Fetched> {
  const notes: string[] = [];
  const found = await captures(state, url, reason);
  for (const capture of found) {
    const address = captureUrl(state.waybackUrl, capture);
    if (skip.includes(address)) continue;
    try {
      const fetched = await fetchLive(state, address);
      state.logger.info(
        `fetch: ${url}: ${reason}; using the archive's capture of ${capture.timestamp}`,
      );
      return { ...fetched, url, via: "wayback", archivedUrl: address, attempts: 0, status: null };
    } catch (error) {
      notes.push(
        `${address}: ${error instanceof HttpError ? error.detail : (error as Error).message}`,
      );
    }
  }
  const tail =
    found.length === 0 ? "no capture" : `no capture could be fetched (${notes.join("; ")})`;
  throw new HttpError(url, "status", `${reason}; wayback: ${tail}`);
}

function canUseArchive(state: FetcherState, url: string): boolean {
  return state.wayback && !isArchiveUrl(state.waybackUrl, url);
}

/** The live URL, else (when it is gone and the archive is on) its newest usable capture. */
async function fetchOne(state: FetcherState, url: string): Promise<Fetched> {
  try {
    return await fetchLive(state, url);
  } catch (error) {
    if (!(error instanceof HttpError) || !canUseArchive(state, url) || !worthAskingArchive(error))
      throw error;
    try {
      const archived = await fromArchive(state, url, error.detail);
      return { ...archived, attempts: error.attempts, errors: error.errors, status: error.status };
    } catch (archiveError) {
      const detail = archiveError instanceof HttpError ? archiveError.detail : String(archiveError);
      const combined = new HttpError(url, error.kind, detail, error.status, error.retryAfterMs, {
        cause: error,
      });
      combined.attempts = error.attempts;
      combined.errors = error.errors;
      throw combined;
    }
  }
}
