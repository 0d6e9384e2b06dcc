/**
 * A scriptable web site for the scraper tests, served with node:http on 127.0.0.1 (port 0).
 * Each resource has a script of behaviours for its successive requests (429, 503 with
 * Retry-After, a reset connection, a truncated body, a redirect...). The same server plays the
 * Internet Archive: a CDX endpoint (/cdx/search/cdx) and `id_` captures (/web/<ts>id_/<url>).
 * It counts everything: requests per path, full bodies sent, 304s, and the most requests in
 * flight at once.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Behaviour =
  /** 200 with the body (or 304 when the request's validators match) */
  | { kind: "ok" }
  | { kind: "status"; status: number; retryAfter?: string; body?: string }
  /** the socket is destroyed before any response */
  | { kind: "reset" }
  /** 200 with the full Content-Length, but only half the body, then the socket is destroyed */
  | { kind: "truncate" }
  | { kind: "redirect"; to: string; status?: number }
  /** 200 with a large Content-Length, then one byte every `intervalMs` until the client leaves */
  | { kind: "drip"; intervalMs: number };

export interface Resource {
  body: Uint8Array;
  contentType: string;
  /** Behaviour of request n is script[n] (the last one repeats). Default: always ok. */
  script?: Behaviour[];
}

export interface Capture {
  timestamp: string;
  body: Uint8Array;
  contentType: string;
}

export interface SiteSpec {
  /** By path (with query when it matters), e.g. "/en/wcit-12/Pages/default.aspx". */
  resources: Map<string, Resource>;
  /** Archive captures by original URL. */
  captures?: Map<string, Capture[]>;
  /**
   * CDX answers given instead of the listing, by the query's `url` (a broken archive: a 500, a
   * body that is no CDX answer).
   */
  cdxOverrides?: Map<string, { status: number; body: string }>;
}

export interface RequestRecord {
  /** Path and query as requested. */
  path: string;
  /** ms since the epoch when the request arrived. */
  at: number;
  /** What was answered: a status code, "reset" or "truncated". */
  answer: number | "reset" | "truncated";
  headers: IncomingHttpHeaders;
}

export interface FixtureSite {
  /** http://127.0.0.1:<port> */
  origin: string;
  url(path: string): string;
  requests: RequestRecord[];
  /** Requests for a path (with query). */
  count(path: string): number;
  /** Requests answered 200 with a complete body (since the last reset). */
  fullBodies(): RequestRecord[];
  /** Most requests in flight at the same time (since the last reset). */
  maxInFlight: number;
  /** Answer every request with this status (e.g. 500), or behave again (null). */
  setDown(status: number | null): void;
  /** Forget the requests and the in-flight peak (script positions are kept). */
  resetCounters(): void;
  close(): Promise<void>;
}

const LAST_MODIFIED = "Fri, 14 Dec 2012 12:00:00 GMT";

const etagOf = (body: Uint8Array): string =>
  `"${createHash("sha256").update(body).digest("hex").slice(0, 16)}"`;

export interface FixtureSiteOptions {
  /** Delay before every answer, so that concurrency can be observed. */
  latencyMs?: number;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const CDX_FIELDS = [
  "urlkey",
  "timestamp",
  "original",
  "mimetype",
  "statuscode",
  "digest",
  "length",
];

/**
 * The CDX answer to a prefix query, as the archive gives it: every URL whose scheme-less form
 * starts with the `url` prefix, in URL order, one row per URL (its oldest capture: collapse by
 * urlkey), `limit` rows at a time, then an empty row and the resume key (here the next row's
 * position) when more follow.
 */
function prefixListing(spec: SiteSpec, params: URLSearchParams): unknown[] {
  const prefix = params.get("url") ?? "";
  const rows = [...(spec.captures ?? new Map<string, Capture[]>())]
    .filter(([original]) => original.replace(/^https?:\/\//, "").startsWith(prefix))
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([original, captures]) => {
      const oldest = [...captures].sort((a, b) => a.timestamp.localeCompare(b.timestamp))[0];
      if (oldest === undefined) return [];
      const { timestamp, contentType, body } = oldest;
      return [["key", timestamp, original, contentType, "200", "DIGEST", String(body.byteLength)]];
    });
  const start = Number(params.get("resumeKey") ?? "0");
  const limit = Number(params.get("limit") ?? String(rows.length));
  const page = rows.slice(start, start + limit);
  const more = start + limit < rows.length;
  return [CDX_FIELDS, ...page, ...(more ? [[], [String(start + limit)]] : [])];
}

/** Starts the site. `build` gets the origin (known only once listening) and returns the spec. */
export async function startFixtureSite(
  build: (origin: string) => SiteSpec,
  options: FixtureSiteOptions = {},
): Promise<FixtureSite> {
  const latencyMs = options.latencyMs ?? 10;
  let spec: SiteSpec = { resources: new Map() };
  const requests: RequestRecord[] = [];
  const position = new Map<string, number>();
  let inFlight = 0;
  let down: number | null = null;

  const site: FixtureSite = {
    origin: "",
    url: (path) => `${site.origin}${path}`,
    requests,
    count: (path) => requests.filter((r) => r.path === path).length,
    fullBodies: () => requests.filter((r) => r.answer === 200),
    maxInFlight: 0,
    setDown(status) {
      down = status;
    },
    resetCounters() {
      requests.length = 0;
      site.maxInFlight = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };

  function send(
    res: ServerResponse,
    record: RequestRecord,
    headers: IncomingHttpHeaders,
    body: Uint8Array,
    contentType: string,
  ): void {
    const etag = etagOf(body);
    const validated =
      headers["if-none-match"] === etag || headers["if-modified-since"] === LAST_MODIFIED;
    if (validated) {
      record.answer = 304;
      res.writeHead(304, { ETag: etag, "Last-Modified": LAST_MODIFIED });
      res.end();
      return;
    }
    record.answer = 200;
    res.writeHead(200, {
      "Content-Type": contentType,
      "Content-Length": String(body.byteLength),
      ETag: etag,
      "Last-Modified": LAST_MODIFIED,
    });
    res.end(body);
  }

  function notFound(res: ServerResponse, record: RequestRecord): void {
    record.answer = 404;
    res.writeHead(404, { "Content-Type": "text/html" });
    res.end("<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>");
  }

  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    const record: RequestRecord = { path, at: Date.now(), answer: 0, headers: req.headers };
    requests.push(record);
    inFlight++;
    site.maxInFlight = Math.max(site.maxInFlight, inFlight);
    let released = false;
    const release = (): void => {
      if (!released) {
        released = true;
        inFlight--;
      }
    };
    res.on("close", release);
    req.socket.on("close", release);

    setTimeout(() => {
      const url = new URL(path, site.origin);
      if (down !== null) {
        record.answer = down;
        res.writeHead(down, { "Content-Type": "text/plain" });
        res.end("down");
        return;
      }
      if (url.pathname === "/cdx/search/cdx") {
        const override = spec.cdxOverrides?.get(url.searchParams.get("url") ?? "");
        if (override !== undefined) {
          record.answer = override.status;
          res.writeHead(override.status, { "Content-Type": "application/json" });
          res.end(override.body);
          return;
        }
        if (url.searchParams.get("matchType") === "prefix") {
          const body = utf8(JSON.stringify(prefixListing(spec, url.searchParams)));
          send(res, record, req.headers, body, "application/json");
          return;
        }
        const original = url.searchParams.get("url") ?? "";
        const captures = spec.captures?.get(original) ?? [];
        const rows = [
          ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"],
          ...captures.map((c) => [
            "key",
            c.timestamp,
            original,
            c.contentType,
            "200",
            "DIGEST",
            String(c.body.byteLength),
          ]),
        ];
        const body = new TextEncoder().encode(captures.length === 0 ? "[]" : JSON.stringify(rows));
        send(res, record, req.headers, body, "application/json");
        return;
      }
      const capture = /^\/web\/(\d{14})id_\/(.+)$/.exec(path);
      if (capture) {
        const [, timestamp, original] = capture;
        const found = spec.captures?.get(original ?? "")?.find((c) => c.timestamp === timestamp);
        if (found) send(res, record, req.headers, found.body, found.contentType);
        else notFound(res, record);
        return;
      }
      const key = spec.resources.has(path) ? path : url.pathname;
      const resource = spec.resources.get(key);
      if (resource === undefined) {
        notFound(res, record);
        return;
      }
      const n = position.get(key) ?? 0;
      position.set(key, n + 1);
      const script = resource.script ?? [{ kind: "ok" }];
      const behaviour = script[Math.min(n, script.length - 1)] ?? { kind: "ok" };
      switch (behaviour.kind) {
        case "ok":
          send(res, record, req.headers, resource.body, resource.contentType);
          return;
        case "status": {
          record.answer = behaviour.status;
          const headers: Record<string, string> = { "Content-Type": "text/html" };
          if (behaviour.retryAfter !== undefined) headers["Retry-After"] = behaviour.retryAfter;
          res.writeHead(behaviour.status, headers);
          res.end(behaviour.body ?? `<html><body>status ${behaviour.status}</body></html>`);
          return;
        }
        case "reset":
          record.answer = "reset";
          req.socket.destroy();
          return;
        case "truncate": {
          record.answer = "truncated";
          res.writeHead(200, {
            "Content-Type": resource.contentType,
            "Content-Length": String(resource.body.byteLength),
          });
          res.write(resource.body.subarray(0, Math.floor(resource.body.byteLength / 2)));
          setTimeout(() => req.socket.destroy(), 5);
          return;
        }
        case "drip": {
          record.answer = 200;
          res.writeHead(200, { "Content-Type": resource.contentType, "Content-Length": "1000000" });
          const timer = setInterval(() => res.write("x"), behaviour.intervalMs);
          res.on("close", () => clearInterval(timer));
          return;
        }
        case "redirect":
          record.answer = behaviour.status ?? 301;
          res.writeHead(behaviour.status ?? 301, { Location: behaviour.to });
          res.end();
          return;
      }
    }, latencyMs);
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  site.origin = `http://127.0.0.1:${port}`;
  spec = build(site.origin);
  return site;
}
