/**
 * The internal shard routes: what a router over shards (src/router/) asks each shard for, so that
 * it can merge the shards' answers into exactly the answer of one index over the collection.
 * They differ from the public routes only where a merge needs more: the first `window` results
 * (up to MAX_WINDOW, where a public page stops at MAX_LIMIT), and the two rounds of the variant
 * finder and of the spelling suggestion (each shard's evidence of the words, then each shard's
 * count of the corrections the router picked from the collection's evidence). Mounted by createApp only with `internal: true` (src/shard-worker.ts, reached through
 * a service binding); not part of the public API.
 */
import { Hono } from "hono";
import { QueryError } from "../../search/errors";
import { addFilter, emptyFilters } from "../../search/filters";
import { phraseWindowSteps } from "../../search/phrase";
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_WINDOW, searchWindowSteps } from "../../search/search";
import { spellingEvidence } from "../../search/spelling";
import { queryCount, speakerHints } from "../../search/understand";
import {
  type ChainSource,
  chainSourcesOf,
  chainedVariantsSteps,
  conferenceWordings,
  directVariantsSteps,
  emptyWork,
  readVariantRequest,
  variantPage,
} from "../../search/variants/find";
import { outsideLinks } from "../../search/variants/where-else";
import { allowParams, intParam } from "../middleware/params";
import type { ApiEnv } from "./env";
import { searchRequest, SEARCH_PARAMS } from "./search-request";
import { VARIANT_FILTER_PARAMS, variantQueryOf } from "./variants";
import type { Context } from "hono";

/** Where the internal routes are mounted. */
export const INTERNAL_PREFIX = "/internal";

/** The parameter giving how many results from the top a shard returns. */
export const WINDOW_PARAM = "window";

/** The parameter of /internal/variants carrying the chain sources (JSON). */
export const CHAIN_PARAM = "chain";

/** The parameter of /internal/spelling/count carrying the corrected queries (JSON strings). */
export const CORRECTIONS_PARAM = "corrections";

const INTERNAL_SEARCH_PARAMS = [
  ...SEARCH_PARAMS.filter((name) => !["limit", "offset", "format"].includes(name)),
  WINDOW_PARAM,
];
const INTERNAL_COUNT_PARAMS = [
  ...SEARCH_PARAMS.filter((name) => !["limit", "offset", "format", "sort"].includes(name)),
  CORRECTIONS_PARAM,
];
const INTERNAL_VARIANT_PARAMS = ["q", ...VARIANT_FILTER_PARAMS, "limit", CHAIN_PARAM];

function windowParam(c: Context<ApiEnv>): { offset: number; limit: number } {
  return { offset: 0, limit: intParam(c, WINDOW_PARAM, DEFAULT_LIMIT, 1, MAX_WINDOW) };
}

/** A parameter holding JSON, parsed; a QueryError naming it when absent or not JSON. */
function jsonParam(name: string, text: string | undefined, what: string): unknown {
  if (text === undefined) throw new QueryError(name, `give ${what} (JSON)`);
  try {
    return JSON.parse(text);
  } catch {
    throw new QueryError(name, "is not JSON");
  }
}

/** The chain sources a router sends, checked: a JSON array of {id, words: [{term, start, end}]}. */
export function parseChainSources(text: string | undefined): ChainSource[] {
  const value = jsonParam(CHAIN_PARAM, text, "the chain sources");
  const isWord = (w: unknown) =>
    typeof w === "object" &&
    w !== null &&
    typeof (w as { term?: unknown }).term === "string" &&
    Number.isInteger((w as { start?: unknown }).start) &&
    Number.isInteger((w as { end?: unknown }).end);
  const isSource = (s: unknown) =>
    typeof s === "object" &&
    s !== null &&
    typeof (s as { id?: unknown }).id === "string" &&
    Array.isArray((s as { words?: unknown }).words) &&
    (s as { words: unknown[] }).words.length > 0 &&
    (s as { words: unknown[] }).words.every(isWord);
  if (!Array.isArray(value) || !value.every(isSource))
    throw new QueryError(CHAIN_PARAM, "must be an array of {id, words: [{term, start, end}]}");
  return value as ChainSource[];
}

/** The corrected queries a router sends: a JSON array of strings. */
export function parseCorrections(text: string | undefined): string[] {
  const value = jsonParam(CORRECTIONS_PARAM, text, "the queries");
  if (!Array.isArray(value) || !value.every((q) => typeof q === "string"))
    throw new QueryError(CORRECTIONS_PARAM, "must be an array of query strings");
  return value as string[];
}

function variantRequestOf(c: Context<ApiEnv>, limit: number) {
  const { q, filters } = variantQueryOf(c);
  return readVariantRequest(c.get("corpus"), {
    q,
    filters,
    origins: { speaker: "speaker", session: "session" },
    limit,
  });
}

export const internalRoutes = new Hono<ApiEnv>()
  .get("/elsewhere/:id", allowParams(), (c) =>
    c.json({ links: outsideLinks(c.get("corpus"), c.req.param("id")) }),
  )
  .get("/search", allowParams(...INTERNAL_SEARCH_PARAMS), async (c) => {
    const corpus = c.get("corpus");
    const request = searchRequest(c, false);
    const window = windowParam(c);
    const options = { baseUrl: c.get("baseUrl") };
    const page = await c
      .get("runner")
      .run((pace) => searchWindowSteps(corpus, request, window, options, pace));
    return c.json({ page, speakers: speakerHints(corpus, request.q) });
  })
  .get("/spelling", allowParams("q"), (c) =>
    c.json({ evidence: spellingEvidence(c.get("corpus"), c.req.query("q") ?? "") }),
  )
  .get("/spelling/count", allowParams(...INTERNAL_COUNT_PARAMS), (c) => {
    const corpus = c.get("corpus");
    const request = searchRequest(c, false);
    const corrections = parseCorrections(c.req.query(CORRECTIONS_PARAM));
    return c.json({ totals: corrections.map((q) => queryCount(corpus, request, q)) });
  })
  .get("/phrase", allowParams("q", "conference", WINDOW_PARAM), async (c) => {
    const q = c.req.query("q");
    if (q === undefined) throw new QueryError("q", "give a phrase");
    const filters = emptyFilters();
    const conference = c.req.query("conference");
    if (conference !== undefined) addFilter(filters, "conference", conference, "conference");
    const corpus = c.get("corpus");
    const options = { baseUrl: c.get("baseUrl") };
    const timeline = await c
      .get("runner")
      .run((pace) => phraseWindowSteps(corpus, { q, filters }, windowParam(c), options, pace));
    return c.json(timeline);
  })
  .get("/variants/sources", allowParams("q", ...VARIANT_FILTER_PARAMS), async (c) => {
    const corpus = c.get("corpus");
    const { query, scope } = variantRequestOf(c, 1);
    const sources = await c.get("runner").run(function* (pace) {
      const direct = yield* directVariantsSteps(corpus, query.words, scope, emptyWork(), pace);
      return chainSourcesOf(corpus, direct, scope, query.words, Number.POSITIVE_INFINITY);
    });
    return c.json({ sources });
  })
  .get("/variants", allowParams(...INTERNAL_VARIANT_PARAMS), async (c) => {
    const corpus = c.get("corpus");
    const sources = parseChainSources(c.req.query(CHAIN_PARAM));
    const { limit, query, scope } = variantRequestOf(
      c,
      intParam(c, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
    );
    const options = { baseUrl: c.get("baseUrl") };
    const answer = await c.get("runner").run(function* (pace) {
      const work = emptyWork();
      const direct = yield* directVariantsSteps(corpus, query.words, scope, work, pace);
      const found = yield* chainedVariantsSteps(
        corpus,
        query.words,
        direct,
        sources,
        scope,
        work,
        pace,
      );
      const page = variantPage(corpus, { query, found, work, limit }, options);
      return { page, conferences: conferenceWordings(corpus, found) };
    });
    return c.json(answer);
  });
