/**
 * Node entry: the same app as the Worker, served by @hono/node-server. The corpus is read from
 * dist/assets/data/ and other static files from dist/assets/. PORT (default 8787), HOST
 * (default 127.0.0.1) and CANONICAL_ORIGIN (absolute links; default: relative) are honoured. Run with `npm run start:node`.
 */
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { DEFAULT_ASSETS_DIR, fileAssetReader } from "./node/assets";
import { consoleLogger } from "./node/console-logger";
import { openCorpus } from "./search/load";
import { DEFAULT_SLICE_MS, RUN_STRAIGHT, SliceScheduler } from "./search/scheduler";
import { createApp } from "./web/app";

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = "127.0.0.1";

/**
 * Serves files under `root` with @hono/node-server's serveStatic (no "..", no encoded slashes,
 * a folder's index.html); 404 when there is none.
 */
export function fileServer(root: string): (request: Request) => Promise<Response> {
  const files = new Hono();
  files.use("*", serveStatic({ root }));
  return async (request) => files.fetch(request);
}

/**
 * The Node server's scheduler: a query that runs past its slice pauses and lets the event loop
 * read new requests and answer cheap queries before it goes on (see src/search/scheduler.ts).
 */
export function nodeScheduler(sliceMs = DEFAULT_SLICE_MS): SliceScheduler {
  return new SliceScheduler({
    sliceMs,
    now: () => performance.now(),
    defer: (callback) => setImmediate(callback),
  });
}

/** Starts the server; resolves once it listens. */
export function startNodeServer(
  options: {
    assetsDir?: string;
    port?: number;
    host?: string;
    /** Slice of the search scheduler in ms (default DEFAULT_SLICE_MS); 0 runs searches straight. */
    sliceMs?: number;
    /**
     * Public origin of absolute permalinks and citations ("https://wcit.example.org"; env
     * CANONICAL_ORIGIN). Absent: links are relative. Never taken from the Host header.
     */
    canonicalOrigin?: string;
  } = {},
) {
  const assetsDir = options.assetsDir ?? DEFAULT_ASSETS_DIR;
  const logger = consoleLogger();
  const serveFile = fileServer(assetsDir);
  const app = createApp({
    loadCorpus: () => openCorpus(fileAssetReader(assetsDir)),
    logger,
    assets: (request) => serveFile(request),
    runner: options.sliceMs === 0 ? RUN_STRAIGHT : nodeScheduler(options.sliceMs),
    canonicalOrigin: options.canonicalOrigin,
  });
  const port = options.port ?? DEFAULT_PORT;
  const hostname = options.host ?? DEFAULT_HOST;
  return serve({ fetch: app.fetch, port, hostname }, (info) => {
    logger.info(`node: listening on http://${hostname}:${info.port}`);
  });
}

function portFromEnv(value: string | undefined): number {
  if (value === undefined || value === "") return DEFAULT_PORT;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65_535) {
    throw new Error(`node: PORT ${JSON.stringify(value)} is not a port number`);
  }
  return Number(value);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  startNodeServer({
    port: portFromEnv(process.env.PORT),
    host: process.env.HOST || DEFAULT_HOST,
    canonicalOrigin: process.env.CANONICAL_ORIGIN,
  });
}
