/** GET /api/phrase: a phrase traced through the sessions, JSON or CSV (occurrences). */
import { Hono } from "hono";
import { QueryError } from "../../search/errors";
import { addFilter, emptyFilters } from "../../search/filters";
import { phraseTimelineSteps } from "../../search/phrase";
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET } from "../../search/search";
import { allowParams, enumParam, intParam } from "../middleware/params";
import { exportFileName } from "../../search/export";
import { csvHeaders, hitsToCsv } from "./csv";
import type { ApiEnv } from "./env";
import { FORMATS } from "./search";

export const PHRASE_PARAMS = ["q", "conference", "limit", "offset", "format"] as const;

export const phraseRoutes = new Hono<ApiEnv>().get(
  "/phrase",
  allowParams(...PHRASE_PARAMS),
  async (c) => {
    const q = c.req.query("q");
    if (q === undefined) throw new QueryError("q", "give a phrase");
    const format = enumParam(c, "format", FORMATS, "json");
    const corpus = c.get("corpus");
    const conference = c.req.query("conference");
    const filters = emptyFilters();
    if (conference !== undefined) addFilter(filters, "conference", conference, "conference");
    const request = {
      q,
      filters,
      limit: intParam(c, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
      offset: intParam(c, "offset", 0, 0, MAX_OFFSET),
    };
    const options = { baseUrl: c.get("baseUrl") };
    const timeline = await c
      .get("runner")
      .run((pace) => phraseTimelineSteps(corpus, request, options, pace));
    if (format === "csv") {
      return c.body(
        hitsToCsv(timeline.occurrences),
        200,
        csvHeaders(
          exportFileName(corpus, { q, filters }, "csv", new Date(), "phrase"),
          timeline.synthetic,
        ),
      );
    }
    return c.json(timeline);
  },
);
