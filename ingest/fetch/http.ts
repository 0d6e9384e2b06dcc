/**
 * Polite HTTP GET for the scraper: a User-Agent naming the project, at most 2 requests at a time
 * per host (p-limit) with a pause between request starts, a timeout per attempt, retries with
 * full-jitter exponential backoff (p-retry, at most 5) that honour Retry-After on 429 and 503, no
 * retry on other 4xx, redirects followed (the final URL is recorded), truncated bodies caught,
 * and conditional requests (If-None-Match / If-Modified-Since) for the cache.
 */
import pLimit, { type LimitFunction } from "p-limit";
import pRetry, { AbortError } from "p-retry";
import { silentLogger, type Logger } from "../../src/domain";
import { fullJitterDelay, parseRetryAfter } from "./backoff";
import {
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_BACKOFF_MAX_MS,
  DEFAULT_CONCURRENCY,
  DEFAULT_DELAY_MS,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_RETRY_AFTER_MS,
  DEFAULT_TIMEOUT_MS,
  MAX_CONCURRENCY_PER_HOST,
  MAX_RETRIES,
} from "./options";

/** Sent with every request: who we are and where to complain. */
export const USER_AGENT =
  "wcit-search-scraper/0.1 (WCIT-12 caption transcripts search; +https://example.org/wcit-search/contact)";

export interface HttpClientOptions {
  userAgent?: string;
  /** Requests at a time per host; capped at MAX_CONCURRENCY_PER_HOST. */
  concurrency?: number;
  /** Pause between request starts on one host, ms. */
  delayMs?: number;
  /** Time allowed per attempt (headers and body), ms. */
  timeoutMs?: number;
  /** Retries after the first attempt; capped at MAX_RETRIES. */
  retries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A longer Retry-After is not waited for: the request fails at once. */
  maxRetryAfterMs?: number;
  /** Largest body accepted. */
  maxBytes?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  logger?: Logger;
}

/** Validators from the cache, sent as If-None-Match / If-Modified-Since. */
export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

/** A successful GET: 2xx with its body, or 304 Not Modified (empty body). */
export interface HttpResult {
  url: string;
  /** After redirects. */
  finalUrl: string;
  status: number;
  notModified: boolean;
  bytes: Uint8Array;
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
  /** Requests made for this URL (1 + retries). */
  attempts: number;
  /** What went wrong on the attempts before the one that succeeded. */
  errors: string[];
}

export type HttpErrorKind =
  "status" | "network" | "timeout" | "truncated" | "too-large" | "invalid-url";

/** A GET that did not succeed, after all its attempts. */
export class HttpError extends Error {
  /** Requests made for this URL. */
  attempts = 1;
  /** What went wrong on each attempt, in order. */
  errors: string[] = [];

  constructor(
    readonly url: string,
    readonly kind: HttpErrorKind,
    /** Short description without the URL: "HTTP 404 Not Found", "connection reset". */
    readonly detail: string,
    readonly status: number | null = null,
    /** Retry-After of a 429/503, ms. */
    readonly retryAfterMs: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(`fetch: ${url}: ${detail}`, options);
    this.name = "HttpError";
  }
}

/** Counters of one client, for the report and the tests. */
export interface HttpStats {
  /** Requests sent (every attempt). */
  requests: number;
  /** 2xx responses whose body was downloaded. */
  downloads: number;
  /** 304 responses. */
  notModified: number;
}

export interface HttpClient {
  get(url: string, validators?: Validators): Promise<HttpResult>;
  readonly stats: HttpStats;
}

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? "";
  const message = cause?.message ?? (error as Error).message ?? String(error);
  if (code === "ECONNRESET" || /other side closed|socket hang up/i.test(message)) {
    return `connection reset (${code || message})`;
  }
  return code ? `${code}: ${message}` : message;
}

function isTimeout(error: unknown, signal: AbortSignal): boolean {
  return (
    (error as { name?: string }).name === "TimeoutError" ||
    (signal.aborted && (signal.reason as { name?: string } | undefined)?.name === "TimeoutError")
  );
}

/** Whether another attempt could succeed. */
function isRetryable(error: HttpError, maxRetryAfterMs: number): boolean {
  if (error.kind === "too-large" || error.kind === "invalid-url") return false;
  if (error.kind !== "status") return true;
  const status = error.status ?? 0;
  if (status === 429 || status === 503) {
    return error.retryAfterMs === null || error.retryAfterMs <= maxRetryAfterMs;
  }
  return status >= 500 && status !== 501 && status !== 505;
}

async function readBody(
  response: Response,
  url: string,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new HttpError(
          url,
          "too-large",
          `body larger than ${maxBytes} bytes`,
          response.status,
        );
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    if (isTimeout(error, signal)) {
      throw new HttpError(
        url,
        "timeout",
        `timed out reading the body after ${total} bytes`,
        null,
        null,
        {
          cause: error,
        },
      );
    }
    throw new HttpError(
      url,
      "truncated",
      `body cut off after ${total} bytes (${describeCause(error)})`,
      response.status,
      null,
      { cause: error },
    );
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const length = response.headers.get("content-length");
  const encoding = (response.headers.get("content-encoding") ?? "identity").toLowerCase();
  if (length !== null && encoding === "identity" && /^\d+$/.test(length.trim())) {
    const expected = Number(length);
    if (expected !== total) {
      throw new HttpError(
        url,
        "truncated",
        `body truncated: got ${total} of ${expected} bytes (Content-Length)`,
        response.status,
      );
    }
  }
  return bytes;
}

interface HostState {
  limit: LimitFunction;
  /** Earliest time the next request to this host may start. */
  nextStart: number;
}

/** Creates a client; hosts, limits and counters live as long as it does (one per run). */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const userAgent = options.userAgent ?? USER_AGENT;
  const concurrency = Math.max(
    1,
    Math.min(MAX_CONCURRENCY_PER_HOST, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY)),
  );
  const delayMs = Math.max(0, options.delayMs ?? DEFAULT_DELAY_MS);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retries = Math.max(0, Math.min(MAX_RETRIES, Math.floor(options.retries ?? MAX_RETRIES)));
  const backoffBaseMs = options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS;
  const backoffMaxMs = options.backoffMaxMs ?? DEFAULT_BACKOFF_MAX_MS;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const hosts = new Map<string, HostState>();
  const stats: HttpStats = { requests: 0, downloads: 0, notModified: 0 };

  function hostOf(url: string): HostState {
    const host = new URL(url).host;
    let state = hosts.get(host);
    if (state === undefined) {
      state = { limit: pLimit(concurrency), nextStart: 0 };
      hosts.set(host, state);
    }
    return state;
  }

  /**
   * Waits for this host's turn; called while holding one of its slots. The start time is reserved
   * synchronously (no two requests can take the same turn), then waited for.
   */
  async function gate(host: HostState): Promise<void> {
    const start = Math.max(now(), host.nextStart);
    host.nextStart = start + delayMs;
    const wait = start - now();
    if (wait > 0) await sleep(wait);
  }

  async function attempt(url: string, validators: Validators | undefined): Promise<HttpResult> {
    const host = hostOf(url);
    return host.limit(async () => {
      await gate(host);
      stats.requests++;
      const headers: Record<string, string> = { "User-Agent": userAgent, Accept: "*/*" };
      if (validators?.etag) headers["If-None-Match"] = validators.etag;
      if (validators?.lastModified) headers["If-Modified-Since"] = validators.lastModified;
      const signal = AbortSignal.timeout(timeoutMs);
      let response: Response;
      try {
        response = await fetchImpl(url, { headers, redirect: "follow", signal });
      } catch (error) {
        if (isTimeout(error, signal)) {
          throw new HttpError(url, "timeout", `timed out after ${timeoutMs} ms`, null, null, {
            cause: error,
          });
        }
        throw new HttpError(url, "network", describeCause(error), null, null, { cause: error });
      }
      const finalUrl = response.url || url;
      const header = (name: string): string | null => response.headers.get(name);
      if (response.status === 304) {
        await response.body?.cancel().catch(() => {});
        stats.notModified++;
        return {
          url,
          finalUrl,
          status: 304,
          notModified: true,
          bytes: new Uint8Array(0),
          etag: header("etag"),
          lastModified: header("last-modified"),
          contentType: header("content-type"),
          attempts: 1,
          errors: [],
        };
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => {});
        const status = response.status;
        const retryAfterMs =
          status === 429 || status === 503 ? parseRetryAfter(header("retry-after"), now()) : null;
        let detail = `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ""}`;
        if (retryAfterMs !== null) {
          detail += ` (Retry-After ${Math.round(retryAfterMs / 1000)} s)`;
          if (retryAfterMs > maxRetryAfterMs) {
            detail += `, longer than the ${Math.round(maxRetryAfterMs / 1000)} s we wait`;
          } else {
            // The whole host asked us to slow down, not only this URL.
            host.nextStart = Math.max(host.nextStart, now() + retryAfterMs);
          }
        }
        throw new HttpError(url, "status", detail, status, retryAfterMs);
      }
      const bytes = await readBody(response, url, maxBytes, signal);
      stats.downloads++;
      return {
        url,
        finalUrl,
        status: response.status,
        notModified: false,
        bytes,
        etag: header("etag"),
        lastModified: header("last-modified"),
        contentType: header("content-type"),
        attempts: 1,
        errors: [],
      };
    });
  }

  async function get(url: string, validators?: Validators): Promise<HttpResult> {
    if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
      const invalid = new HttpError(url, "invalid-url", "not an http(s) URL");
      invalid.attempts = 0;
      throw invalid;
    }
    const errors: string[] = [];
    let attempts = 0;
    try {
      const result = await pRetry(
        async () => {
          attempts++;
          try {
            return await attempt(url, validators);
          } catch (error) {
            const httpError =
              error instanceof HttpError
                ? error
                : new HttpError(
                    url,
                    "network",
                    String((error as Error).message ?? error),
                    null,
                    null,
                    {
                      cause: error,
                    },
                  );
            errors.push(httpError.detail);
            if (!isRetryable(httpError, maxRetryAfterMs)) throw new AbortError(httpError);
            throw httpError;
          }
        },
        {
          retries,
          // p-retry counts and stops; the wait is ours (full jitter, or the server's Retry-After).
          minTimeout: 0,
          maxTimeout: 0,
          shouldRetry: async ({ error, retriesConsumed }) => {
            const retryAfterMs = error instanceof HttpError ? error.retryAfterMs : null;
            const wait =
              retryAfterMs ?? fullJitterDelay(retriesConsumed, backoffBaseMs, backoffMaxMs, random);
            logger.warn(
              `fetch: ${url}: ${error instanceof HttpError ? error.detail : error.message}; retry ${retriesConsumed + 1}/${retries} in ${wait} ms`,
            );
            await sleep(wait);
            return true;
          },
        },
      );
      return { ...result, attempts, errors: errors.slice() };
    } catch (error) {
      const httpError =
        error instanceof HttpError
          ? error
          : new HttpError(url, "network", String((error as Error).message ?? error), null, null, {
              cause: error,
            });
      httpError.attempts = attempts;
      httpError.errors = errors.slice();
      throw httpError;
    }
  }

  return { get, stats };
}
