/**
 * Polite HTTP GET for the scraper: a User-Agent naming the project, at most 2 requests at a time
 * per host (p-limit) with a pause between request starts, a timeout per attempt, retries with
 * full-jitter exponential backoff (p-retry, at most 5) that honour Retry-After on 429 and 503, no
 * retry of what cannot succeed by retrying (other 4xx but 408, a refused redirect, a bad URL),
 * redirects followed by hand (at most a few hops, each checked like a link: http(s) and one of
 * the allowed hosts, no loop; the final URL is recorded), a deadline per URL that covers every
 * attempt and wait, a signal that stops everything (the run's deadline, Ctrl-C), truncated bodies
 * caught, and conditional requests (If-None-Match / If-Modified-Since) for the cache.
 */
import pLimit, { type LimitFunction } from "p-limit";
import pRetry, { AbortError } from "p-retry";
import type { ConferenceProfile } from "../../src/conferences/profile";
import { silentLogger, type Logger } from "../../src/domain";
import { fullJitterDelay, parseRetryAfter } from "./backoff";
import {
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_BACKOFF_MAX_MS,
  DEFAULT_CONCURRENCY,
  DEFAULT_DELAY_MS,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_MAX_RETRY_AFTER_MS,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_URL_DEADLINE_MS,
  MAX_CONCURRENCY_PER_HOST,
  MAX_RETRIES,
} from "./options";

/** Who we are and where to complain, for a search of `what`'s transcripts. */
const agentString = (what: string): string =>
  `wcit-search-scraper/0.1 (${what} caption transcripts search; +https://example.org/wcit-search/contact)`;

/** Sent with every request unless told otherwise. */
export const USER_AGENT = agentString("ITU");

/** The User-Agent of a run for one conference: the project, the conference, a contact. */
export function userAgentFor(profile: Pick<ConferenceProfile, "shortName">): string {
  return agentString(profile.shortName);
}

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
  /**
   * Hosts ("host:port" as in URL.host) a redirect may lead to. Default: the host of the URL asked
   * for only. Any other host, or a scheme other than http(s), is refused at once.
   */
  redirectHosts?: readonly string[];
  /** Redirects followed per request. */
  maxRedirects?: number;
  /** Time one URL may take, every attempt, backoff and Retry-After included, ms. */
  urlDeadlineMs?: number;
  /** Stops every request and wait when aborted; its reason says why (a string). */
  signal?: AbortSignal;
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
  | "status"
  | "network"
  | "timeout"
  | "truncated"
  | "too-large"
  | "invalid-url"
  /** a redirect refused (other scheme or host, a loop, too many hops) */
  | "redirect"
  /** the URL's own deadline passed */
  | "deadline"
  /** the run was stopped (its deadline, or interrupted) */
  | "stopped";

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

/** Errors another attempt cannot mend. */
const FINAL_KINDS = new Set<HttpErrorKind>([
  "too-large",
  "invalid-url",
  "redirect",
  "deadline",
  "stopped",
]);

/** Whether another attempt could succeed. */
function isRetryable(error: HttpError, maxRetryAfterMs: number): boolean {
  if (FINAL_KINDS.has(error.kind)) return false;
  if (error.kind !== "status") return true;
  const status = error.status ?? 0;
  if (status === 408) return true;
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

/** Statuses that send the client elsewhere (with a Location header). */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

interface HostState {
  limit: LimitFunction;
  /** Earliest time the next request to this host may start. */
  nextStart: number;
}

/** The client's options with every default filled in and every cap applied. */
interface ClientSettings {
  userAgent: string;
  concurrency: number;
  delayMs: number;
  timeoutMs: number;
  retries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  maxRetryAfterMs: number;
  maxBytes: number;
  redirectHosts: readonly string[] | undefined;
  maxRedirects: number;
  urlDeadlineMs: number;
  stop: AbortSignal | undefined;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
  logger: Logger;
}

/** What one client holds for its lifetime (one run): its settings, a gate per host, counters. */
interface ClientState {
  settings: ClientSettings;
  hosts: Map<string, HostState>;
  stats: HttpStats;
}

/** One GET across its attempts. */
interface Request {
  url: string;
  validators: Validators | undefined;
  /** When the URL's deadline passes; set when its first attempt starts. */
  deadlineAt: number | null;
  attempts: number;
  /** What went wrong on each attempt, in order. */
  errors: string[];
  /** Why retrying was given up (the deadline, a stopped run), reported instead of the last error. */
  gaveUp: HttpError | null;
}

function resolveSettings(options: HttpClientOptions): ClientSettings {
  const concurrency = Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY);
  return {
    userAgent: options.userAgent ?? USER_AGENT,
    concurrency: Math.max(1, Math.min(MAX_CONCURRENCY_PER_HOST, concurrency)),
    delayMs: Math.max(0, options.delayMs ?? DEFAULT_DELAY_MS),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retries: Math.max(0, Math.min(MAX_RETRIES, Math.floor(options.retries ?? MAX_RETRIES))),
    backoffBaseMs: options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS,
    backoffMaxMs: options.backoffMaxMs ?? DEFAULT_BACKOFF_MAX_MS,
    maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    redirectHosts: options.redirectHosts,
    maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    urlDeadlineMs: options.urlDeadlineMs ?? DEFAULT_URL_DEADLINE_MS,
    stop: options.signal,
    fetch: options.fetch ?? globalThis.fetch,
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
    logger: options.logger ?? silentLogger,
  };
}

/** Creates a client; hosts, limits and counters live as long as it does (one per run). */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const state: ClientState = {
    settings: resolveSettings(options),
    hosts: new Map(),
    stats: { requests: 0, downloads: 0, notModified: 0 },
  };
  return { get: (url, validators) => get(state, url, validators), stats: state.stats };
}

function hostOf(state: ClientState, url: string): HostState {
  const host = new URL(url).host;
  let found = state.hosts.get(host);
  if (found === undefined) {
    found = { limit: pLimit(state.settings.concurrency), nextStart: 0 };
    state.hosts.set(host, found);
  }
  return found;
}

/**
 * Waits for this host's turn; called while holding one of its slots. The start time is reserved
 * synchronously (no two requests can take the same turn), then waited for.
 */
async function gate(settings: ClientSettings, host: HostState): Promise<void> {
  const start = Math.max(settings.now(), host.nextStart);
  host.nextStart = start + settings.delayMs;
  const wait = start - settings.now();
  // A stopped run does not wait for its turn (a host's Retry-After can be minutes).
  if (wait > 0) await pause(settings, wait);
}

/** Why the run was stopped, as an HttpError of `url`, or null while it goes on. */
function stopped(settings: ClientSettings, url: string): HttpError | null {
  const { stop } = settings;
  if (!stop?.aborted) return null;
  return new HttpError(url, "stopped", `not finished: ${String(stop.reason ?? "stopped")}`);
}

function deadlinePassed(settings: ClientSettings, url: string): HttpError {
  return new HttpError(
    url,
    "deadline",
    `gave up: its deadline of ${settings.urlDeadlineMs / 1000} s (every attempt and wait) passed`,
  );
}

/** A failure that is no HttpError (a network error, a bug), as one. */
function asHttpError(url: string, error: unknown, detail: (error: unknown) => string): HttpError {
  if (error instanceof HttpError) return error;
  return new HttpError(url, "network", detail(error), null, null, { cause: error });
}

const messageOf = (error: unknown): string => String((error as Error).message ?? error);

/** Where a redirect from `from` leads, or an HttpError saying why it is refused. */
function redirectTarget(
  settings: ClientSettings,
  url: string,
  from: string,
  location: string,
  seen: string[],
): string {
  const refuse = (why: string): never => {
    throw new HttpError(url, "redirect", `redirect from ${from} refused: ${why}`);
  };
  if (!URL.canParse(location, from)) refuse(`bad Location ${JSON.stringify(location)}`);
  const target = new URL(location, from);
  target.hash = "";
  if (!/^https?:$/.test(target.protocol)) refuse(`to ${target.href}: not an http(s) URL`);
  const allowed = settings.redirectHosts ?? [new URL(url).host];
  if (!allowed.includes(target.host)) {
    refuse(`to ${target.href}: outside the hosts it was sent to (${allowed.join(", ")})`);
  }
  if (seen.includes(target.href)) refuse(`a loop (${[...seen, target.href].join(" -> ")})`);
  if (seen.length > settings.maxRedirects) refuse(`more than ${settings.maxRedirects} redirects`);
  return target.href;
}

/** One attempt: the request and the redirects it leads to, within the URL's deadline. */
async function attempt(state: ClientState, request: Request): Promise<HttpResult> {
  const { settings } = state;
  const { url } = request;
  const host = hostOf(state, url);
  return host.limit(async () => {
    await gate(settings, host);
    request.deadlineAt ??= settings.now() + settings.urlDeadlineMs;
    const left = request.deadlineAt - settings.now();
    const stop0 = stopped(settings, url);
    if (stop0) throw stop0;
    if (left <= 0) throw deadlinePassed(settings, url);
    const capped = left < settings.timeoutMs;
    const timeout = AbortSignal.timeout(Math.min(settings.timeoutMs, left));
    const signal = settings.stop ? AbortSignal.any([timeout, settings.stop]) : timeout;
    try {
      return await follow(state, request, signal);
    } catch (error) {
      const httpError = asHttpError(url, error, describeCause);
      if (settings.stop?.aborted) throw stopped(settings, url) ?? httpError;
      if (capped && httpError.kind === "timeout") throw deadlinePassed(settings, url);
      throw httpError;
    }
  });
}

/** Sends the request and follows its redirects by hand, each one checked. */
async function follow(
  state: ClientState,
  request: Request,
  signal: AbortSignal,
): Promise<HttpResult> {
  const { settings } = state;
  const { url, validators } = request;
  const headers: Record<string, string> = { "User-Agent": settings.userAgent, Accept: "*/*" };
  if (validators?.etag) headers["If-None-Match"] = validators.etag;
  if (validators?.lastModified) headers["If-Modified-Since"] = validators.lastModified;
  const seen = [url];
  let current = url;
  let response: Response;
  for (;;) {
    state.stats.requests++;
    response = await send(settings, url, current, headers, signal);
    const location = response.headers.get("location");
    if (!REDIRECT_STATUSES.has(response.status) || location === null) break;
    await response.body?.cancel().catch(() => {});
    current = redirectTarget(settings, url, current, location, seen);
    seen.push(current);
  }
  return answer(state, url, current, response, signal);
}

/** One request to `current` (on the way to `url`); a failure becomes an HttpError of `url`. */
async function send(
  settings: ClientSettings,
  url: string,
  current: string,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<Response> {
  try {
    return await settings.fetch(current, { headers, redirect: "manual", signal });
  } catch (error) {
    if (isTimeout(error, signal)) {
      throw new HttpError(url, "timeout", `timed out after ${settings.timeoutMs} ms`, null, null, {
        cause: error,
      });
    }
    throw new HttpError(url, "network", describeCause(error), null, null, { cause: error });
  }
}

/** The response as a result: 304, an error status (thrown), or a 2xx with its body. */
async function answer(
  state: ClientState,
  url: string,
  finalUrl: string,
  response: Response,
  signal: AbortSignal,
): Promise<HttpResult> {
  if (response.status === 304) {
    await response.body?.cancel().catch(() => {});
    state.stats.notModified++;
    return result(url, finalUrl, response, new Uint8Array(0));
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw statusError(state, url, response);
  }
  const bytes = await readBody(response, url, state.settings.maxBytes, signal);
  state.stats.downloads++;
  return result(url, finalUrl, response, bytes);
}

function result(url: string, finalUrl: string, response: Response, bytes: Uint8Array): HttpResult {
  const header = (name: string): string | null => response.headers.get(name);
  return {
    url,
    finalUrl,
    status: response.status,
    notModified: response.status === 304,
    bytes,
    etag: header("etag"),
    lastModified: header("last-modified"),
    contentType: header("content-type"),
    attempts: 1,
    errors: [],
  };
}

/**
 * The error of a non-2xx answer. A 429/503's Retry-After is honoured for the whole host (it asked
 * us to slow down, not only this URL) unless it is longer than we wait.
 */
function statusError(state: ClientState, url: string, response: Response): HttpError {
  const { settings } = state;
  const status = response.status;
  const retryAfterMs =
    status === 429 || status === 503
      ? parseRetryAfter(response.headers.get("retry-after"), settings.now())
      : null;
  let detail = `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ""}`;
  if (retryAfterMs !== null) {
    detail += ` (Retry-After ${Math.round(retryAfterMs / 1000)} s)`;
    if (retryAfterMs > settings.maxRetryAfterMs) {
      detail += `, longer than the ${Math.round(settings.maxRetryAfterMs / 1000)} s we wait`;
    } else {
      const host = hostOf(state, url);
      host.nextStart = Math.max(host.nextStart, settings.now() + retryAfterMs);
    }
  }
  return new HttpError(url, "status", detail, status, retryAfterMs);
}

/** Waits `ms` unless the run is stopped first; false when it was. */
async function pause(settings: ClientSettings, ms: number): Promise<boolean> {
  const { stop, sleep } = settings;
  if (stop === undefined) {
    await sleep(ms);
    return true;
  }
  if (stop.aborted) return false;
  let onAbort = (): void => {};
  const aborted = new Promise<void>((resolve) => {
    onAbort = resolve;
    stop.addEventListener("abort", onAbort, { once: true });
  });
  await Promise.race([sleep(ms), aborted]);
  stop.removeEventListener("abort", onAbort);
  return !stop.aborted;
}

/** GET with retries (p-retry counts them; the waits are ours). */
async function get(state: ClientState, url: string, validators?: Validators): Promise<HttpResult> {
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    const invalid = new HttpError(url, "invalid-url", "not an http(s) URL");
    invalid.attempts = 0;
    throw invalid;
  }
  const request: Request = {
    url,
    validators,
    deadlineAt: null,
    attempts: 0,
    errors: [],
    gaveUp: null,
  };
  try {
    const result = await pRetry(() => attemptOnce(state, request), {
      retries: state.settings.retries,
      // p-retry counts and stops; the wait is ours (full jitter, or the server's Retry-After).
      minTimeout: 0,
      maxTimeout: 0,
      shouldRetry: ({ error, retriesConsumed }) =>
        waitBeforeRetry(state.settings, request, error, retriesConsumed),
    });
    return { ...result, attempts: request.attempts, errors: request.errors.slice() };
  } catch (error) {
    const httpError = request.gaveUp ?? asHttpError(url, error, messageOf);
    httpError.attempts = request.attempts;
    httpError.errors = request.errors.slice();
    throw httpError;
  }
}

/** One attempt as p-retry sees it: an error that retrying cannot mend ends the retries. */
async function attemptOnce(state: ClientState, request: Request): Promise<HttpResult> {
  request.attempts++;
  try {
    return await attempt(state, request);
  } catch (error) {
    const httpError = asHttpError(request.url, error, messageOf);
    request.errors.push(httpError.detail);
    if (!isRetryable(httpError, state.settings.maxRetryAfterMs)) throw new AbortError(httpError);
    throw httpError;
  }
}

/**
 * Before retry `retriesConsumed + 1`: waits full jitter (or the server's Retry-After) and says
 * yes, unless the wait would pass the URL's deadline or the run is stopped meanwhile (then the
 * reason is kept in `request.gaveUp`).
 */
async function waitBeforeRetry(
  settings: ClientSettings,
  request: Request,
  error: Error,
  retriesConsumed: number,
): Promise<boolean> {
  const { url } = request;
  const retryAfterMs = error instanceof HttpError ? error.retryAfterMs : null;
  const wait =
    retryAfterMs ??
    fullJitterDelay(
      retriesConsumed,
      settings.backoffBaseMs,
      settings.backoffMaxMs,
      settings.random,
    );
  const detail = error instanceof HttpError ? error.detail : error.message;
  if (request.deadlineAt !== null && settings.now() + wait >= request.deadlineAt) {
    request.gaveUp = new HttpError(
      url,
      error instanceof HttpError ? error.kind : "network",
      `${detail}; no retry: waiting ${Math.round(wait / 1000)} s would pass its deadline of ${settings.urlDeadlineMs / 1000} s`,
      error instanceof HttpError ? error.status : null,
      retryAfterMs,
    );
    return false;
  }
  settings.logger.warn(
    `fetch: ${url}: ${detail}; retry ${retriesConsumed + 1}/${settings.retries} in ${wait} ms`,
  );
  if (await pause(settings, wait)) return true;
  request.gaveUp = stopped(settings, url);
  return false;
}
