/**
 * GET /api/phrase/variants: the passages whose wording is close to a phrase or passage, in time
 * order, each with its similarity and word diff (src/search/variants/find.ts); JSON or CSV.
 */
import { type Context, Hono } from "hono";
import { FILTER_PARAMS, type FilterParam, addFilter, emptyFilters } from "../../search/filters";
import { QueryError } from "../../search/errors";
import { DEFAULT_LIMIT, MAX_LIMIT } from "../../search/search";
import { type Variant, findVariantsSteps } from "../../search/variants/find";
import type { DiffRun } from "../../search/variants/align";
import { allowParams, enumParam, intParam } from "../middleware/params";
import { exportFileName } from "../../search/export";
import { CSV_BOM, csvCell, csvHeaders } from "./csv";
import type { ApiEnv } from "./env";
import { FORMATS } from "./search";

/** Filter parameters of /api/phrase/variants (as in /api/search, without `kind`). */
export const VARIANT_FILTER_PARAMS = FILTER_PARAMS.filter(
  (name): name is Exclude<FilterParam, "kind"> => name !== "kind",
);
export const VARIANT_PARAMS = ["q", ...VARIANT_FILTER_PARAMS, "limit", "format"] as const;

export const VARIANT_CSV_COLUMNS = [
  "id",
  "date",
  "time",
  "conference",
  "session_id",
  "session_name",
  "speaker_id",
  "speaker_name",
  "speaker_label",
  "similarity",
  "start",
  "end",
  "passage",
  "diff",
  "via",
  "source_file",
  "source_line",
  "permalink",
  "citation",
  "synthetic",
] as const;

/** A diff as one line of text: [-dropped-] {+inserted+}, the rest as it stands. */
export function diffText(diff: readonly DiffRun[]): string {
  return diff
    .map((run) => {
      switch (run.op) {
        case "equal":
          return run.text;
        case "insert":
          return `{+${run.text.trim()}+} `;
        case "delete":
          return `[-${run.text.trim()}-] `;
        default:
          return run.op satisfies never;
      }
    })
    .join("")
    .trim();
}

function row(variant: Variant): (string | number | boolean | null)[] {
  return [
    variant.id,
    variant.date,
    variant.time,
    variant.session.conference,
    variant.session.id,
    variant.session.name,
    variant.speaker.id,
    variant.speaker.name,
    variant.speaker.raw,
    Number(variant.similarity.toFixed(4)),
    variant.start,
    variant.end,
    variant.passage,
    diffText(variant.diff),
    variant.via,
    variant.source.file,
    variant.source.line,
    variant.permalink,
    variant.citation.text,
    variant.session.synthetic,
  ];
}

/** The variants as a CSV document (header row first, CRLF line ends). */
export function variantsToCsv(variants: readonly Variant[]): string {
  const lines = [
    VARIANT_CSV_COLUMNS.join(","),
    ...variants.map((variant) => row(variant).map(csvCell).join(",")),
  ];
  return `${CSV_BOM}${lines.join("\r\n")}\r\n`;
}

/** The passage (`q`, required) and the filters of a variant request. */
export function variantQueryOf(c: Context<ApiEnv>) {
  const q = c.req.query("q");
  if (q === undefined) throw new QueryError("q", "give a phrase or a passage");
  const filters = emptyFilters();
  for (const name of VARIANT_FILTER_PARAMS) {
    const value = c.req.query(name);
    if (value !== undefined) addFilter(filters, name, value, name);
  }
  return { q, filters };
}

export const variantRoutes = new Hono<ApiEnv>().get(
  "/phrase/variants",
  allowParams(...VARIANT_PARAMS),
  async (c) => {
    const { q, filters } = variantQueryOf(c);
    const format = enumParam(c, "format", FORMATS, "json");
    const request = {
      q,
      filters,
      origins: { speaker: "speaker", session: "session" },
      limit: intParam(c, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
    };
    const corpus = c.get("corpus");
    const options = { baseUrl: c.get("baseUrl") };
    const page = await c
      .get("runner")
      .run((pace) => findVariantsSteps(corpus, request, options, pace));
    if (format === "csv") {
      return c.body(
        variantsToCsv(page.variants),
        200,
        csvHeaders(
          exportFileName(corpus, { q, filters }, "csv", new Date(), "variants"),
          page.synthetic,
        ),
      );
    }
    return c.json(page);
  },
);
