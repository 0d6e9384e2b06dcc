/** GET /api/phrase: a phrase traced through the sessions, JSON or CSV (occurrences). */
import { Hono } from "hono";
import { QueryError } from "../../search/errors";
import { phraseTimeline } from "../../search/phrase";
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET } from "../../search/search";
import { allowParams, enumParam, intParam } from "../middleware/params";
import { csvHeaders, hitsToCsv } from "./csv";
import type { ApiEnv } from "./env";
import { FORMATS } from "./search";

export const PHRASE_PARAMS = ["q", "limit", "offset", "format"] as const;

export const phraseRoutes = new Hono<ApiEnv>().get(
  "/phrase",
  allowParams(...PHRASE_PARAMS),
  (c) => {
    const q = c.req.query("q");
    if (q === undefined) throw new QueryError("q", "give a phrase");
    const format = enumParam(c, "format", FORMATS, "json");
    const timeline = phraseTimeline(
      c.get("corpus"),
      {
        q,
        limit: intParam(c, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
        offset: intParam(c, "offset", 0, 0, MAX_OFFSET),
      },
      { baseUrl: c.get("baseUrl") },
    );
    if (format === "csv") {
      return c.body(
        hitsToCsv(timeline.occurrences),
        200,
        csvHeaders("wcit-phrase.csv", timeline.synthetic),
      );
    }
    return c.json(timeline);
  },
);
