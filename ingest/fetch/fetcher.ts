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

export function createFetcher(options: FetcherOptions): Fetcher {
  const { http, cache, waybackUrl } = options;
  const maxCaptures = options.captures ?? DEFAULT_WAYBACK_CAPTURES;
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => new Date());

  const fromEntry = (
    url: string,
    entry: CacheEntry,
    body: Uint8Array,
    via: Via,
    attempts: number,
    errors: string[],
    status: number | null,
  ): Fetched => ({
    url,
    finalUrl: entry.finalUrl,
    bytes: body,
    sha256: entry.sha256,
    contentType: entry.contentType,
    file: join(cache.dir, entry.bodyFile),
    via,
    attempts,
    errors,
    status,
  });

  /** Cache + network, no archive. */
  async function fetchLive(url: string): Promise<Fetched> {
    const cached = await cache.get(url);
    if (cached !== null && isCaptureUrl(waybackUrl, url)) {
      return fromEntry(url, cached.entry, cached.body, "cache", 0, [], null);
    }
    try {
      const validators = cached
        ? { etag: cached.entry.etag, lastModified: cached.entry.lastModified }
        : undefined;
      const result = await http.get(url, validators);
      if (result.notModified) {
        if (cached === null) {
          throw new HttpError(url, "status", "HTTP 304 without a cached copy", 304);
        }
        return fromEntry(
          url,
          cached.entry,
          cached.body,
          "revalidated",
          result.attempts,
          result.errors,
          304,
        );
      }
      const entry = await cache.put(
        {
          url,
          finalUrl: result.finalUrl,
          etag: result.etag,
          lastModified: result.lastModified,
          contentType: result.contentType,
          fetchedAt: now().toISOString(),
        },
        result.bytes,
      );
      return fromEntry(
        url,
        entry,
        result.bytes,
        "network",
        result.attempts,
        result.errors,
        result.status,
      );
    } catch (error) {
      if (!(error instanceof HttpError) || cached === null) throw error;
      logger.warn(
        `fetch: ${url}: ${error.detail}; using the copy cached on ${cached.entry.fetchedAt}`,
      );
      return fromEntry(
        url,
        cached.entry,
        cached.body,
        "stale-cache",
        error.attempts,
        error.errors,
        error.status,
      );
    }
  }

  async function captures(url: string): Promise<Capture[]> {
    const answer = await fetchLive(cdxQueryUrl(waybackUrl, url, maxCaptures));
    return parseCdx(new TextDecoder().decode(answer.bytes)).slice(0, maxCaptures);
  }

  async function fromArchive(
    url: string,
    reason: string,
    skip: readonly string[] = [],
  ): Promise<Fetched> {
    const notes: string[] = [];
    let found: Capture[];
    try {
      found = await captures(url);
    } catch (error) {
      const detail = error instanceof HttpError ? error.detail : (error as Error).message;
      throw new HttpError(
        url,
        "network",
        `${reason}; wayback: CDX query failed: ${detail}`,
        null,
        null,
        {
          cause: error,
        },
      );
    }
    for (const capture of found) {
      const address = captureUrl(waybackUrl, capture);
      if (skip.includes(address)) continue;
      try {
        const fetched = await fetchLive(address);
        logger.info(
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

  function canUseArchive(url: string): boolean {
    return options.wayback && !isArchiveUrl(waybackUrl, url);
  }

  async function fetchOne(url: string): Promise<Fetched> {
    try {
      return await fetchLive(url);
    } catch (error) {
      if (!(error instanceof HttpError) || !canUseArchive(url) || !worthAskingArchive(error))
        throw error;
      try {
        const archived = await fromArchive(url, error.detail);
        return {
          ...archived,
          attempts: error.attempts,
          errors: error.errors,
          status: error.status,
        };
      } catch (archiveError) {
        const detail =
          archiveError instanceof HttpError ? archiveError.detail : String(archiveError);
        const combined = new HttpError(url, error.kind, detail, error.status, error.retryAfterMs, {
          cause: error,
        });
        combined.attempts = error.attempts;
        combined.errors = error.errors;
        throw combined;
      }
    }
  }

  return { fetch: fetchOne, fromArchive, canUseArchive };
}
