/** The parameters of /api/search and /api/export, read into a search request. */
import type { Context } from "hono";
import { FILTER_PARAMS, addFilter, emptyFilters } from "../../search/filters";
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, type SearchRequest } from "../../search/search";
import { SORT_ORDERS } from "../../search/types";
import { enumParam, intParam } from "../middleware/params";
import type { ApiEnv } from "./env";

export const SEARCH_PARAMS = ["q", ...FILTER_PARAMS, "sort", "limit", "offset", "format"] as const;
export const FORMATS = ["json", "csv"] as const;

/**
 * The search request of a request's parameters. `paged`: limit and offset default to a page
 * (else they are left out unless given: an export takes every result).
 */
export function searchRequest(c: Context<ApiEnv>, paged: boolean): SearchRequest {
  const filters = emptyFilters();
  for (const name of FILTER_PARAMS) {
    const value = c.req.query(name);
    if (value !== undefined) addFilter(filters, name, value, name);
  }
  const given = (name: string) => paged || c.req.query(name) !== undefined;
  return {
    q: c.req.query("q") ?? "",
    filters,
    origins: { speaker: "speaker", session: "session" },
    sort: enumParam(c, "sort", SORT_ORDERS),
    limit: given("limit") ? intParam(c, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT) : undefined,
    offset: given("offset") ? intParam(c, "offset", 0, 0, MAX_OFFSET) : undefined,
  };
}
