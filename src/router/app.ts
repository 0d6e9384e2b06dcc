/**
 * The router over shards: a Hono app that answers the search API of a collection too large for
 * one Worker by asking the shard Workers (src/shard-worker.ts) that may hold matches and merging
 * their answers (./merge.ts) into exactly the answer of one index. It holds no corpus, only the
 * shard plan (./plan.ts). Routes:
 * - /api/search: to the shards the session and date filters leave (the others cannot match);
 * - /api/sessions, /api/speakers, /api/phrase: every shard, lists and counts merged;
 * - /api/phrase/variants: every shard, twice (the wordings to chain through are the
 *   collection's first, picked from every shard's, then every shard finds through them);
 * - /api/sessions/:id, /api/sessions/:id/text, /api/utterances/:id: the shard holding the session.
 * CSV exports and the HTML pages are served by a single index only (a 400 or 404 says so).
 * Runtime-free: the Worker entry (src/router-worker.ts) gives service bindings as ShardClients,
 * the tests give shard apps' `request`.
 */
import { Hono, type Context } from "hono";
import { cors } from "hono/cors";
import { etag } from "hono/etag";
import { createMiddleware } from "hono/factory";
import { secureHeaders } from "hono/secure-headers";
import { type Logger, silentLogger } from "../domain";
import { shardsFor } from "../search/backend/shards";
import type { Catalog } from "../search/catalog";
import { QueryError } from "../search/errors";
import { type FilterSpec, FILTER_PARAMS, addFilter, emptyFilters } from "../search/filters";
import { parseQuery } from "../search/query";
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET } from "../search/search";
import { parseVariantQuery } from "../search/variants/find";
import { CHAIN_PARAM, CORRECTIONS_PARAM, INTERNAL_PREFIX, WINDOW_PARAM } from "../web/api/internal";
import {
  type SpellingEvidence,
  type Suggestion,
  bestCorrection,
  correctionsOf,
  mergeSpellingEvidence,
} from "../search/spelling";
import { spellingWanted } from "../search/understand";
import { SEARCH_PARAMS } from "../web/api/search-request";
import { PHRASE_PARAMS } from "../web/api/phrase";
import { VARIANT_PARAMS } from "../web/api/variants";
import { errorHandler, notFound } from "../web/errors";
import { loadOnce } from "../web/load-once";
import { cacheControl } from "../web/middleware/cache";
import { allowParams, enumParam, intParam } from "../web/middleware/params";
import {
  type ShardSearch,
  type ShardVariants,
  mergeSearch,
  mergeSessions,
  mergeSpeakers,
  mergeTimelines,
  mergeVariants,
  pickChainSources,
} from "./merge";
import type { ShardPlanFile } from "./plan";
import type { ChainSource } from "../search/variants/find";
import type { PhraseTimeline } from "../search/phrase";
import type { SpeakerSummary } from "../search/catalog";
import type { SessionSummary, UtteranceView } from "../search/types";
import type { OutsideLink, SaidElsewhere } from "../search/variants/where-else";

/** Asks one shard: a path with its query string ("/internal/search?q=..."), answered by the shard. */
export type ShardClient = (path: string) => Promise<Response>;

/** The response header listing the shards a request was sent to ("0,3,4"). */
export const SHARDS_HEADER = "X-Shards";

export interface RouterOptions<B extends object = object> {
  /** Loads the shard plan (the Worker: data/shard-plan.json through its ASSETS). Kept once loaded. */
  loadPlan: (env: B) => Promise<ShardPlanFile>;
  /** The client of shard `index` (the Worker: the service binding SHARD_<index>). */
  shard: (env: B, index: number) => ShardClient;
  logger?: Logger;
}

interface RouterVariables {
  plan: ShardPlanFile;
  catalog: Catalog;
  ask: (index: number, path: string) => Promise<Response>;
}

type RouterEnv = { Variables: RouterVariables };
type RouterContext = Context<RouterEnv>;

/** A shard's non-2xx answer, passed on to the client as it is (the shard's own error body). */
class ShardAnswer extends Error {
  constructor(readonly response: Response) {
    super(`router: a shard answered HTTP ${response.status}`);
  }
}

/** The query string of the request without `drop`, with `add` (values already strings). */
function forwardQuery(c: RouterContext, drop: readonly string[], add: Record<string, string> = {}) {
  const params = new URL(c.req.url).searchParams;
  for (const name of drop) params.delete(name);
  for (const [name, value] of Object.entries(add)) params.set(name, value);
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/** Asks shards in parallel; the first non-2xx answer is thrown as a ShardAnswer. */
async function askAll<T>(c: RouterContext, shards: readonly number[], path: string): Promise<T[]> {
  const ask = c.get("ask");
  c.header(SHARDS_HEADER, shards.join(","));
  const responses = await Promise.all(shards.map((index) => ask(index, path)));
  const failed = responses.find((response) => !response.ok);
  if (failed) throw new ShardAnswer(failed);
  return Promise.all(responses.map((response) => response.json() as Promise<T>));
}

function everyShard(c: RouterContext): number[] {
  return c.get("plan").shards.map((shard) => shard.index);
}

/**
 * The shards a search may match in: those the session and date filters (of the parameters and
 * of `q`) leave; the first shard when the query cannot be read (it answers the error) or when
 * no shard is left (it answers an empty page with the filters' own checks).
 */
function searchShards(c: RouterContext): number[] {
  const filters: FilterSpec = emptyFilters();
  try {
    for (const name of FILTER_PARAMS) {
      const value = c.req.query(name);
      if (value !== undefined) addFilter(filters, name, value, name);
    }
    const query = parseQuery(c.req.query("q") ?? "", "q", filters);
    const routed = shardsFor(c.get("plan").shards, {
      sessions: query.filters.session,
      from: query.filters.from,
      to: query.filters.to,
    }).map((shard) => shard.index);
    return routed.length > 0 ? routed : [0];
  } catch (error) {
    if (error instanceof QueryError) return [0];
    throw error;
  }
}

/** The shard holding a session (by id, any case); the first shard when none does (it answers 404). */
function sessionShard(c: RouterContext, sessionId: string): number {
  const wanted = sessionId.toLowerCase();
  const shard = c
    .get("plan")
    .shards.find((s) => s.sessionIds.some((id) => id.toLowerCase() === wanted));
  return shard?.index ?? 0;
}

function refuseCsv(c: RouterContext): void {
  if (c.req.query("format") === "csv")
    throw new QueryError(
      "format",
      "CSV exports are served by a single index, not by the shard router",
    );
  enumParam(c, "format", ["json"]);
}

/**
 * The client's page (limit, offset) and the internal route asking a shard for the first
 * `offset + limit` results instead: the request's other parameters forwarded.
 */
function windowed(c: RouterContext, route: "search" | "phrase") {
  const limit = intParam(c, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
  const offset = intParam(c, "offset", 0, 0, MAX_OFFSET);
  const path = `${INTERNAL_PREFIX}/${route}${forwardQuery(c, ["limit", "offset", "format"], {
    [WINDOW_PARAM]: String(offset + limit),
  })}`;
  return { limit, offset, path };
}

async function routeSearch(c: RouterContext): Promise<Response> {
  refuseCsv(c);
  const { limit, offset, path } = windowed(c, "search");
  const shards = searchShards(c);
  const parts = await askAll<ShardSearch>(c, shards, path);
  const sort = parts[0]?.page.sort ?? "relevance";
  const { speakers, ...page } = mergeSearch(parts, { sort, offset, limit });
  const suggestion = await routeSuggestion(c, shards, page.total);
  // The order of one index's answer: the page, then the help.
  return c.json({ ...page, speakers, suggestion });
}

/**
 * The spelling suggestion of the collection (src/search/spelling.ts, rules S1-S4) in two rounds:
 * every shard's evidence of the query's words (a word is "found nowhere" only if no shard has
 * it; candidates' counts add up), the corrections picked from the sum, then their totals with
 * the request's filters counted by the shards the search was sent to and added up.
 */
async function routeSuggestion(
  c: RouterContext,
  searched: readonly number[],
  total: number,
): Promise<Suggestion | null> {
  const q = c.req.query("q") ?? "";
  if (!spellingWanted(q, total)) return null;
  const evidencePath = `${INTERNAL_PREFIX}/spelling?q=${encodeURIComponent(q)}`;
  const evidence = await askAll<{ evidence: SpellingEvidence }>(c, everyShard(c), evidencePath);
  const corrections = correctionsOf(q, mergeSpellingEvidence(evidence.map((e) => e.evidence)));
  if (corrections.length === 0) return null;
  const countPath = `${INTERNAL_PREFIX}/spelling/count${forwardQuery(
    c,
    ["limit", "offset", "format", "sort"],
    { [CORRECTIONS_PARAM]: JSON.stringify(corrections.map((correction) => correction.q)) },
  )}`;
  const counts = await askAll<{ totals: number[] }>(c, searched, countPath);
  const totals = corrections.map((_, i) =>
    counts.reduce((sum, part) => sum + (part.totals[i] ?? 0), 0),
  );
  c.header(SHARDS_HEADER, everyShard(c).join(","));
  return bestCorrection(corrections, totals);
}

async function routePhrase(c: RouterContext): Promise<Response> {
  if (c.req.query("q") === undefined) throw new QueryError("q", "give a phrase");
  refuseCsv(c);
  const { limit, offset, path } = windowed(c, "phrase");
  const parts = await askAll<PhraseTimeline>(c, everyShard(c), path);
  return c.json(mergeTimelines(parts, { offset, limit }));
}

async function routeVariants(c: RouterContext): Promise<Response> {
  const q = c.req.query("q");
  if (q === undefined) throw new QueryError("q", "give a phrase or a passage");
  refuseCsv(c);
  const limit = intParam(c, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
  const query = parseVariantQuery(q);
  const shards = everyShard(c);
  const sourcesPath = `${INTERNAL_PREFIX}/variants/sources${forwardQuery(c, ["limit", "format"])}`;
  const found = await askAll<{ sources: ChainSource[] }>(c, shards, sourcesPath);
  const chain = pickChainSources(
    query.words,
    found.map((part) => part.sources),
  );
  const path = `${INTERNAL_PREFIX}/variants${forwardQuery(c, ["format"], {
    [CHAIN_PARAM]: JSON.stringify(chain),
  })}`;
  const parts = await askAll<ShardVariants>(c, shards, path);
  return c.json(mergeVariants(parts, limit));
}

/** Passes a request on to one shard, as it came (the shard's answer is the router's). */
async function forward(c: RouterContext, index: number): Promise<Response> {
  c.header(SHARDS_HEADER, String(index));
  const url = new URL(c.req.url);
  const response = await c.get("ask")(index, `${url.pathname}${url.search}`);
  return new Response(response.body, response);
}

/** What /api/utterances/:id answers (the fields the router reads and completes). */
interface UtteranceAnswer {
  utterance: Pick<UtteranceView, "id" | "session" | "speaker" | "text" | "permalink">;
  elsewhere: SaidElsewhere[];
}

/**
 * /api/utterances/:id: the shard holding it answers; the passages it shares with utterances of
 * other shards (its outside links) are presented from their own shards' answers and put in time
 * order with its own (the earlier shards' first, the later shards' last).
 */
async function routeUtterance(c: RouterContext): Promise<Response> {
  const id = c.req.param("id") ?? "";
  const home = sessionShard(c, sessionOfUtterance(id));
  const response = await forward(c, home);
  if (!response.ok) return response;
  const answer = (await response.json()) as UtteranceAnswer;
  const [outside] = await askAll<{ links: OutsideLink[] }>(
    c,
    [home],
    `${INTERNAL_PREFIX}/elsewhere/${encodeURIComponent(id)}`,
  );
  const links = outside?.links ?? [];
  const others = await Promise.all(
    links.map(async (link) => {
      const shard = sessionShard(c, sessionOfUtterance(link.id));
      const path = `/api/utterances/${encodeURIComponent(link.id)}`;
      const [other] = await askAll<UtteranceAnswer>(c, [shard], path);
      return { shard, entry: elsewhereEntry(answer.utterance.text, link, other!.utterance) };
    }),
  );
  c.header(SHARDS_HEADER, [home, ...new Set(others.map((o) => o.shard))].join(","));
  const before = others.filter((o) => o.shard < home).map((o) => o.entry);
  const after = others.filter((o) => o.shard > home).map((o) => o.entry);
  return c.json({ ...answer, elsewhere: [...before, ...answer.elsewhere, ...after] });
}

/** A passage shared with an utterance of another shard, presented as saidElsewhere does. */
function elsewhereEntry(
  here: string,
  link: OutsideLink,
  other: UtteranceAnswer["utterance"],
): SaidElsewhere {
  return {
    id: other.id,
    session: other.session,
    date: other.session.date,
    speaker: other.speaker,
    passage: other.text.slice(link.otherStart, link.otherEnd),
    start: link.otherStart,
    end: link.otherEnd,
    here: { passage: here.slice(link.start, link.end), start: link.start, end: link.end },
    similarity: link.similarity,
    permalink: other.permalink,
  };
}

function sessionOfUtterance(id: string): string {
  const dot = id.lastIndexOf(".");
  return dot > 0 ? id.slice(0, dot) : id;
}

/** The router app (see the module comment). */
export function createRouterApp<B extends object = object>(
  options: RouterOptions<B>,
): Hono<RouterEnv> {
  const logger = options.logger ?? silentLogger;
  const getPlan = loadOnce(options.loadPlan);
  const app = new Hono<RouterEnv>();
  const handleError = errorHandler(logger);
  app.onError((error, c) =>
    error instanceof ShardAnswer
      ? new Response(error.response.body, error.response)
      : handleError(error, c),
  );
  app.use("*", secureHeaders());
  app.use("/api/*", cors({ origin: "*", allowMethods: ["GET", "HEAD"], maxAge: 86_400 }));
  app.use("/api/*", cacheControl());
  app.use("/api/*", etag());
  app.use(
    "/api/*",
    createMiddleware<RouterEnv>(async (c, next) => {
      const loaded = await getPlan(c.env as B);
      c.set("plan", loaded);
      c.set("catalog", { synthetic: loaded.synthetic, notice: loaded.notice });
      c.set("ask", (index, path) =>
        askShard((at) => options.shard(c.env as B, index)(at), index, path),
      );
      await next();
    }),
  );
  app.get("/api/search", allowParams(...SEARCH_PARAMS), routeSearch);
  app.get("/api/phrase", allowParams(...PHRASE_PARAMS), routePhrase);
  app.get("/api/phrase/variants", allowParams(...VARIANT_PARAMS), routeVariants);
  app.get("/api/sessions", allowParams("conference"), async (c) => {
    const path = `/api/sessions${forwardQuery(c, [])}`;
    const parts = await askAll<Catalog & { sessions: SessionSummary[] }>(c, everyShard(c), path);
    return c.json(mergeSessions(parts));
  });
  app.get("/api/speakers", allowParams("conference"), async (c) => {
    const path = `/api/speakers${forwardQuery(c, [])}`;
    const parts = await askAll<Catalog & { speakers: SpeakerSummary[] }>(c, everyShard(c), path);
    return c.json(mergeSpeakers(parts));
  });
  app.get("/api/sessions/:id", (c) => forward(c, sessionShard(c, c.req.param("id"))));
  app.get("/api/sessions/:id/text", (c) => forward(c, sessionShard(c, c.req.param("id"))));
  app.get("/api/utterances/:id", routeUtterance);
  app.notFound((c) =>
    notFound(
      c,
      `no route ${c.req.method} ${c.req.path} on the shard router (it serves the search API)`,
    ),
  );
  return app;
}

/**
 * One request to a shard. A shard that cannot be reached, or that answers with something other
 * than the app's JSON (the runtime's own "Worker not found", a crash page), is a 502 naming it;
 * the app's JSON errors (400, 404) are the shard's answer and passed on.
 */
async function askShard(client: ShardClient, index: number, path: string): Promise<Response> {
  const route = path.split("?")[0];
  try {
    const response = await client(path);
    const json = (response.headers.get("Content-Type") ?? "").includes("json");
    if (response.ok || json) return response;
    const text = (await response.text()).slice(0, MAX_FOREIGN_TEXT).trim();
    return unavailable(
      `router: shard ${index} answered HTTP ${response.status} to ${route}: ${text}`,
    );
  } catch (error) {
    return unavailable(
      `router: shard ${index} did not answer ${route}: ${(error as Error).message}`,
    );
  }
}

/** How much of a shard's non-JSON answer the 502 quotes. */
const MAX_FOREIGN_TEXT = 200;

function unavailable(message: string): Response {
  return new Response(JSON.stringify({ status: 502, error: "shard_unavailable", message }), {
    status: 502,
    headers: { "Content-Type": "application/json" },
  });
}
