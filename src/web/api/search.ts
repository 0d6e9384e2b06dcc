/**
 * GET /api/search: the query language over utterances. JSON: a page of results with the
 * speakers the words name (`speakers`) and a better spelling (`suggestion`); format=csv: the
 * export of every result (./export.ts).
 */
import { Hono } from "hono";
import { searchSteps } from "../../search/search";
import { queryHelpSteps } from "../../search/understand";
import { allowParams, enumParam } from "../middleware/params";
import type { ApiEnv } from "./env";
import { exportResponse } from "./export";
import { FORMATS, SEARCH_PARAMS, searchRequest } from "./search-request";

export { FORMATS, SEARCH_PARAMS } from "./search-request";

export const searchRoutes = new Hono<ApiEnv>().get(
  "/search",
  allowParams(...SEARCH_PARAMS),
  async (c) => {
    const corpus = c.get("corpus");
    const format = enumParam(c, "format", FORMATS, "json");
    if (format === "csv") return exportResponse(c, searchRequest(c, false), "csv");
    const request = searchRequest(c, true);
    const options = { baseUrl: c.get("baseUrl") };
    const answer = await c.get("runner").run(function* (pace) {
      const page = yield* searchSteps(corpus, request, options, pace);
      const help = yield* queryHelpSteps(corpus, request, pace, page.total);
      return { ...page, ...help };
    });
    return c.json(answer);
  },
);
