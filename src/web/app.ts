/**
 * The Hono app: the JSON API (documented at /api/openapi.json) and the web UI pages. The
 * Worker, the Node server and the tests differ only in how they load the corpus (`loadCorpus`)
 * and serve static files (`assets`). Runtime-free.
 */
import { Hono } from "hono";
import { cors } from "hono/cors";
import { etag } from "hono/etag";
import { createMiddleware } from "hono/factory";
import { secureHeaders } from "hono/secure-headers";
import { type Logger, silentLogger } from "../domain";
import type { Corpus } from "../search/corpus";
import { RUN_STRAIGHT, type TaskRunner } from "../search/scheduler";
import { catalogRoutes } from "./api/catalog";
import type { ApiVariables } from "./api/env";
import { exportRoutes } from "./api/export";
import { INTERNAL_PREFIX, internalRoutes } from "./api/internal";
import { phraseRoutes } from "./api/phrase";
import { searchRoutes } from "./api/search";
import { variantRoutes } from "./api/variants";
import { errorHandler, errorResponse, notFound } from "./errors";
import { loadOnce } from "./load-once";
import { cacheControl } from "./middleware/cache";
import { openApiDocument } from "./openapi";
import { notFoundPage, pageRoutes } from "./pages";

/** How createApp gets its data and files. */
export interface AppOptions<B extends object = object> {
  /**
   * Loads the corpus (see src/search/load.ts openCorpus). Called on the first request that needs
   * it; the result is kept for the life of the app (a Worker isolate), and a failure is retried
   * on the next request.
   */
  loadCorpus: (env: B) => Promise<Corpus>;
  /** Where errors and notes go (default: nowhere). */
  logger?: Logger;
  /**
   * Serves a static file for a GET or HEAD that no route answers (Worker: env.ASSETS.fetch;
   * Node: files under dist/assets). Absent: such requests get 404.
   */
  assets?: (request: Request, env: B) => Promise<Response>;
  /**
   * Runs searches (default RUN_STRAIGHT: each runs to its end). The Node server gives a
   * SliceScheduler so that an expensive query pauses and lets cheap ones through.
   */
  runner?: TaskRunner;
  /**
   * The public origin ("https://captions.example.org") absolute permalinks and citations are built
   * on: the Worker's CANONICAL_ORIGIN var, the Node server's option. Never the request's Host
   * header, which anyone can set (and a shared cache would keep). Absent or empty: links are
   * relative ("/utterances/plenary-1.3"), so no response depends on the Host.
   */
  canonicalOrigin?: string | ((env: B) => string | undefined);
  /**
   * Also answer the internal shard routes under /internal (src/web/api/internal.ts): a shard
   * Worker behind a router (src/shard-worker.ts). Default false.
   */
  internal?: boolean;
}

/**
 * The origin a configured value stands for ("" when none). Throws naming the setting when it is
 * not an http(s) origin (a path, a query or credentials are refused, not dropped).
 */
export function canonicalOriginOf(value: string | undefined): string {
  const raw = (value ?? "").trim();
  if (raw === "") return "";
  const url = URL.canParse(raw) ? new URL(raw) : null;
  const bare = url !== null && url.href.replace(/\/$/, "") === url.origin;
  if (url === null || !/^https?:$/.test(url.protocol) || !bare) {
    throw new Error(
      `web: CANONICAL_ORIGIN ${JSON.stringify(raw)} is not an origin such as https://captions.example.org`,
    );
  }
  return url.origin;
}

/**
 * The app's Hono environment. Bindings stay untyped here (a Worker's Env, Node's incoming and
 * outgoing objects...): only `loadCorpus` and `assets` read them, typed by AppOptions<B>.
 */
export interface AppEnv {
  Variables: ApiVariables;
}

/** Methods the API answers; anything else gets 405. */
export const API_METHODS = ["GET", "HEAD", "OPTIONS"] as const;

export function createApp<B extends object = object>(options: AppOptions<B>): Hono<AppEnv> {
  const logger = options.logger ?? silentLogger;
  const runner = options.runner ?? RUN_STRAIGHT;
  const configured = options.canonicalOrigin;
  const fixedOrigin = typeof configured === "function" ? null : canonicalOriginOf(configured);
  const originFor = (env: B): string =>
    fixedOrigin ??
    canonicalOriginOf(typeof configured === "function" ? configured(env) : undefined);
  const getCorpus = loadOnce(options.loadCorpus);

  const app = new Hono<AppEnv>();
  app.onError(errorHandler(logger));
  app.use("*", secureHeaders());
  app.use("/api/*", cors({ origin: "*", allowMethods: ["GET", "HEAD"], maxAge: 86_400 }));
  app.use("/api/*", cacheControl());
  app.use("/api/*", etag());
  app.on(["POST", "PUT", "PATCH", "DELETE"], "/api/*", (c) => {
    c.header("Allow", API_METHODS.join(", "));
    return errorResponse(c, {
      status: 405,
      error: "method_not_allowed",
      message: `${c.req.method} is not allowed; the API is read-only (${API_METHODS.join(", ")})`,
    });
  });
  app.get("/api/openapi.json", (c) => c.json(openApiDocument));
  const withCorpus = createMiddleware<AppEnv>(async (c, next) => {
    c.set("corpus", await getCorpus(c.env as B));
    c.set("baseUrl", originFor(c.env as B));
    c.set("runner", runner);
    await next();
  });
  app.use("/api/*", withCorpus);
  app.route("/api", searchRoutes);
  app.route("/api", variantRoutes);
  app.route("/api", exportRoutes);
  app.route("/api", phraseRoutes);
  app.route("/api", catalogRoutes);
  if (options.internal === true) {
    app.use(`${INTERNAL_PREFIX}/*`, withCorpus);
    app.route(INTERNAL_PREFIX, internalRoutes);
  }

  app.route("/", pageRoutes({ withCorpus, logger }));

  app.notFound(async (c) => {
    const path = c.req.path;
    if (path === "/api" || path.startsWith("/api/") || path.startsWith(`${INTERNAL_PREFIX}/`)) {
      return notFound(c, `no route ${c.req.method} ${c.req.path}`);
    }
    if (options.assets && (c.req.method === "GET" || c.req.method === "HEAD")) {
      const response = await options.assets(c.req.raw, c.env as B);
      // Copied so that later middleware may set headers (a fetched response's are immutable).
      if (response.status !== 404) return new Response(response.body, response);
    }
    // A person's 404: the HTML page, with the synthetic banner when the corpus is the sample.
    try {
      c.set("corpus", await getCorpus(c.env as B));
    } catch (error) {
      logger.warn(`web: 404 page without corpus facts: ${(error as Error).message}`);
    }
    return notFoundPage(c);
  });
  return app;
}
