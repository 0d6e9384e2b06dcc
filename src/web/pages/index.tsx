/**
 * The web UI: server-rendered pages (hono/jsx) mounted into the app by createApp, plus the
 * static stylesheet and script they use and the live-suggestion endpoint. Every page works
 * without JavaScript. Pages call the same core functions as the JSON API.
 *
 *   /                 search (q, conference, speaker, session, body, kind, from, to, sort, page)
 *   /conferences      conferences; /conferences/:id  one conference's bodies and sessions
 *   /sessions         sessions;  /sessions/:id  a transcript (?u=<seq> highlights a turn)
 *   /speakers         speakers;  /speakers/:id  a delegation or role
 *   /phrase           a phrase's timeline (?q=, &vs= to compare)
 *   /documents        references; /documents/:ref  a document's mentions
 *   /utterances/:id   an utterance's permalink page
 *   /suggest          live suggestions (JSON) for the search box
 *   /static/*         the stylesheet and script (content-hashed names)
 *
 * Runtime-free.
 */
import type { Context, MiddlewareHandler } from "hono";
import { Hono } from "hono";
import type { Logger } from "../../domain";
import { silentLogger } from "../../domain";
import type { ApiEnv } from "../api/env";
import {
  type ClassifiedError,
  type ErrorKind,
  ERROR_STATUS,
  classifyError,
  logFailure,
} from "../errors";
import { STATIC_FILES, staticFileFor } from "../static";
import { humanMessage } from "../views/messages";
import { conferencePage, conferencesPage } from "./conference-page";
import { documentPage, documentsPage } from "./document-page";
import { phrasePage } from "./phrase-page";
import { searchPage } from "./search-page";
import { sessionPage, sessionsPage } from "./session-page";
import { sourceTextPage } from "./source-text-page";
import { speakerPage, speakersPage } from "./speaker-page";
import { pageHeaders, pageRenderer } from "./render";
import { suggest } from "./suggest";
import { utterancePage } from "./utterance-page";

export interface PageRoutesOptions {
  /** The app's middleware that loads the corpus into c.get("corpus") (and sets baseUrl). */
  withCorpus: MiddlewareHandler<ApiEnv>;
  logger?: Logger;
}

/** Cache-Control of the content-hashed static files. */
export const STATIC_CACHE_CONTROL = "public, max-age=31536000, immutable";

/** The HTML page for an error status: 404, 400, 503 or 500. */
export async function errorPage(
  c: Context<ApiEnv>,
  status: (typeof ERROR_STATUS)[ErrorKind],
  message: string,
): Promise<Response> {
  const titles = {
    400: "That request cannot be answered",
    404: "Not found",
    500: "Something went wrong",
    503: "The search index is not available",
  } as const;
  c.status(status);
  return c.render(
    <>
      <h1>{titles[status]}</h1>
      <div class="error-box" role="alert">
        <p>{message}</p>
      </div>
      <p>
        Try <a href="/">a search</a>, the list of <a href="/sessions">sessions</a> or of{" "}
        <a href="/speakers">delegations</a>.
      </p>
    </>,
    { title: titles[status], section: null },
  );
}

/** What an error page says about a classified error. */
function pageMessage(failure: ClassifiedError): string {
  switch (failure.kind) {
    case "not_found":
      return `No ${failure.error.what} has the id “${failure.error.id}”.`;
    case "bad_parameter":
      return humanMessage(failure.error);
    case "unavailable":
      return "The search index could not be loaded. Please try again in a moment.";
    case "internal":
      return "The page could not be made. The error has been logged.";
    default:
      return failure satisfies never;
  }
}

/** The not-found page, for the app's notFound handler on non-API paths. */
export function notFoundPage(c: Context<ApiEnv>): Promise<Response> {
  return errorPage(c, 404, `There is no page at ${c.req.path}.`);
}

/** The pages as a Hono app to mount at "/". */
export function pageRoutes(options: PageRoutesOptions): Hono<ApiEnv> {
  const logger = options.logger ?? silentLogger;
  const { withCorpus } = options;
  const pages = new Hono<ApiEnv>();
  pages.use("*", pageHeaders, pageRenderer);

  pages.onError((error, c) => {
    const failure = classifyError(error);
    logFailure(logger, c, failure);
    return errorPage(c, ERROR_STATUS[failure.kind], pageMessage(failure));
  });

  pages.get(`${"/static"}/:file`, (c) => {
    const file = staticFileFor(c.req.path);
    if (!file) return notFoundPage(c);
    return c.body(file.body, 200, {
      "Content-Type": file.type,
      "Cache-Control": STATIC_CACHE_CONTROL,
      "X-Content-Type-Options": "nosniff",
    });
  });

  pages.get("/", withCorpus, searchPage);
  pages.get("/suggest", withCorpus, (c) => {
    const q = c.req.query("q") ?? "";
    return c.json({ suggestions: suggest(c.get("corpus"), q) }, 200, {
      "Cache-Control": "public, max-age=300",
    });
  });
  pages.get("/conferences", withCorpus, conferencesPage);
  pages.get("/conferences/:id", withCorpus, conferencePage);
  pages.get("/sessions", withCorpus, sessionsPage);
  pages.get("/sessions/:id", withCorpus, sessionPage);
  pages.get("/sessions/:id/text", withCorpus, sourceTextPage);
  pages.get("/speakers", withCorpus, speakersPage);
  pages.get("/speakers/:id", withCorpus, speakerPage);
  pages.get("/phrase", withCorpus, phrasePage);
  pages.get("/documents", withCorpus, documentsPage);
  pages.get("/documents/:ref{.+}", withCorpus, documentPage);
  pages.get("/utterances/:id", withCorpus, utterancePage);
  return pages;
}

export { STATIC_FILES };
