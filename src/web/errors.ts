/**
 * How the app answers an error: one table from the kind of error to its status, used by the
 * JSON API (errorHandler here: 400 naming the parameter, 404 for unknown ids, 503 when the
 * assets cannot be loaded, a clean 500 that logs through the logger) and by the HTML pages
 * (src/web/pages/index.tsx, the same statuses as pages in words). Runtime-free.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "../domain";
import { type Catalog, corpusNotice } from "../search/catalog";
import type { Corpus } from "../search/corpus";
import { AssetError, NotFoundError, QueryError } from "../search/errors";

/** The status each kind of error is answered with, in the API and on the pages. */
export const ERROR_STATUS = {
  bad_parameter: 400,
  not_found: 404,
  unavailable: 503,
  internal: 500,
} as const;

/** The kinds of ERROR_STATUS: the `error` field of a JSON error body. */
export type ErrorKind = keyof typeof ERROR_STATUS;

/** A thrown error sorted into its kind (the error narrowed to its class). */
export type ClassifiedError =
  | { kind: "bad_parameter"; error: QueryError }
  | { kind: "not_found"; error: NotFoundError }
  | { kind: "unavailable"; error: AssetError }
  | { kind: "internal"; error: Error };

/** The kind of a thrown error: anything the core does not name is internal. */
export function classifyError(error: Error): ClassifiedError {
  if (error instanceof QueryError) return { kind: "bad_parameter", error };
  if (error instanceof NotFoundError) return { kind: "not_found", error };
  if (error instanceof AssetError) return { kind: "unavailable", error };
  return { kind: "internal", error };
}

/** Logs what an operator must see: unavailable assets (the message), internal errors (the stack). */
export function logFailure(logger: Logger, c: Context, failure: ClassifiedError): void {
  const where = `web: ${c.req.method} ${c.req.path}`;
  switch (failure.kind) {
    case "bad_parameter":
    case "not_found":
      return;
    case "unavailable":
      return logger.error(`${where}: ${failure.error.message}`);
    case "internal":
      return logger.error(`${where}: ${failure.error.stack ?? failure.error.message}`);
    default:
      return failure satisfies never;
  }
}

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

export function errorResponse(c: Context, body: Omit<ErrorBody, "synthetic" | "notice">): Response {
  // The corpus' flag and notice; a router over shards has no corpus but its plan's (`catalog`).
  const corpus = c.get("corpus" as never) as Corpus | undefined;
  const catalog = c.get("catalog" as never) as Catalog | undefined;
  const notice = corpus ? corpusNotice(corpus) : (catalog ?? {});
  return c.json({ ...body, ...notice } satisfies ErrorBody, body.status as 400, NO_STORE);
}

export function badParameter(c: Context, parameter: string, message: string): Response {
  return errorResponse(c, { status: 400, error: "bad_parameter", parameter, message });
}

export function notFound(c: Context, message: string): Response {
  return errorResponse(c, { status: 404, error: "not_found", message });
}

function suggestionsOf(error: QueryError | NotFoundError): Pick<ErrorBody, "suggestions"> {
  return error.suggestions.length > 0 ? { suggestions: [...error.suggestions] } : {};
}

/** The JSON body of a classified error, less its status and kind. */
function details(
  failure: ClassifiedError,
): Pick<ErrorBody, "parameter" | "message" | "suggestions"> {
  switch (failure.kind) {
    case "bad_parameter":
      return {
        parameter: failure.error.parameter,
        message: failure.error.message,
        ...suggestionsOf(failure.error),
      };
    case "not_found":
      return { message: failure.error.message, ...suggestionsOf(failure.error) };
    case "unavailable":
      return { message: failure.error.message };
    case "internal":
      return { message: "internal error" };
    default:
      return failure satisfies never;
  }
}

/** The app's onError: known errors to their status, anything else to a logged 500. */
export function errorHandler(logger: Logger) {
  return (error: Error, c: Context): Response => {
    if (error instanceof HTTPException) {
      return errorResponse(c, {
        status: error.status,
        error: "http_error",
        message: error.message,
      });
    }
    const failure = classifyError(error);
    logFailure(logger, c, failure);
    const status = ERROR_STATUS[failure.kind];
    return errorResponse(c, { status, error: failure.kind, ...details(failure) });
  };
}
