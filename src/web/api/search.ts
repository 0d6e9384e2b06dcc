/** GET /api/search: the query language over utterances, JSON or CSV. */
import { Hono } from "hono";
import { type FilterKey, addFilter, emptyFilters } from "../../search/filters";
import {
  DEFAULT_LIMIT,
  MAX_LIMIT,
  MAX_OFFSET,
  type SearchRequest,
  searchSteps,
} from "../../search/search";
import { SORT_ORDERS } from "../../search/types";
import { allowParams, enumParam, intParam } from "../middleware/params";
import { csvHeaders, hitsToCsv } from "./csv";
import type { ApiEnv } from "./env";

/** Filter parameters of /api/search (each also exists as key: in the query language). */
export const SEARCH_FILTER_PARAMS = ["speaker", "session", "body", "kind", "from", "to"] as const;
export const SEARCH_PARAMS = [
  "q",
  ...SEARCH_FILTER_PARAMS,
  "sort",
  "limit",
  "offset",
  "format",
] as const;
export const FORMATS = ["json", "csv"] as const;

export const searchRoutes = new Hono<ApiEnv>().get(
  "/search",
  allowParams(...SEARCH_PARAMS),
  async (c) => {
    const corpus = c.get("corpus");
    const filters = emptyFilters();
    for (const name of SEARCH_FILTER_PARAMS) {
      const value = c.req.query(name);
      if (value !== undefined) addFilter(filters, name satisfies FilterKey, value, name);
    }
    const format = enumParam(c, "format", FORMATS, "json");
    const request: SearchRequest = {
      q: c.req.query("q") ?? "",
      filters,
      origins: { speaker: "speaker", session: "session" },
      sort: enumParam(c, "sort", SORT_ORDERS),
      limit: intParam(c, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
      offset: intParam(c, "offset", 0, 0, MAX_OFFSET),
    };
    const options = { baseUrl: c.get("baseUrl") };
    const page = await c.get("runner").run((pace) => searchSteps(corpus, request, options, pace));
    if (format === "csv") {
      return c.body(hitsToCsv(page.results), 200, csvHeaders("wcit-search.csv", page.synthetic));
    }
    return c.json(page);
  },
);
