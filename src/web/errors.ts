/**
 * JSON errors of the API: 400 naming the parameter, 404 for unknown ids, 405, 503 when the
 * assets cannot be loaded, and a clean 500 that logs through the logger. Runtime-free.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "../domain";
import type { Corpus } from "../search/corpus";
import { AssetError, NotFoundError, QueryError } from "../search/errors";

/** The JSON body of every error response. */
export interface ErrorBody {
  status: number;
  /** Machine-readable kind: "bad_parameter", "not_found", "method_not_allowed", "unavailable", "internal". */
  error: string;
  message: string;
  /** The request parameter at fault, for "bad_parameter". */
  parameter?: string;
  /** What would be found instead: the nearest speaker ids ("bad_parameter"), document ids ("not_found"). */
  suggestions?: string[];
  /** Whether the corpus is synthetic, when it was loaded. */
  synthetic?: boolean;
  notice?: string | null;
}

/** Errors never go stale in a cache. */
const NO_STORE = { "Cache-Control": "no-store" };

function corpusFlags(c: Context): Pick<ErrorBody, "synthetic" | "notice"> {
  const corpus = c.get("corpus" as never) as Corpus | undefined;
  return corpus ? { synthetic: corpus.store.synthetic, notice: corpus.store.notice } : {};
}

export function errorResponse(c: Context, body: Omit<ErrorBody, "synthetic" | "notice">): Response {
  return c.json({ ...body, ...corpusFlags(c) } satisfies ErrorBody, body.status as 400, NO_STORE);
}

export function badParameter(c: Context, parameter: string, message: string): Response {
  return errorResponse(c, { status: 400, error: "bad_parameter", parameter, message });
}

export function notFound(c: Context, message: string): Response {
  return errorResponse(c, { status: 404, error: "not_found", message });
}

/** The app's onError: known errors to their status, anything else to a logged 500. */
export function errorHandler(logger: Logger) {
  return (error: Error, c: Context): Response => {
    if (error instanceof QueryError) {
      return errorResponse(c, {
        status: 400,
        error: "bad_parameter",
        parameter: error.parameter,
        message: error.message,
        ...(error.suggestions.length > 0 ? { suggestions: [...error.suggestions] } : {}),
      });
    }
    if (error instanceof NotFoundError) {
      const suggestions =
        error.suggestions.length > 0 ? { suggestions: [...error.suggestions] } : {};
      return errorResponse(c, {
        status: 404,
        error: "not_found",
        message: error.message,
        ...suggestions,
      });
    }
    if (error instanceof AssetError) {
      logger.error(`web: ${c.req.method} ${c.req.path}: ${error.message}`);
      return errorResponse(c, { status: 503, error: "unavailable", message: error.message });
    }
    if (error instanceof HTTPException) {
      return errorResponse(c, {
        status: error.status,
        error: "http_error",
        message: error.message,
      });
    }
    logger.error(`web: ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
    return errorResponse(c, { status: 500, error: "internal", message: "internal error" });
  };
}
