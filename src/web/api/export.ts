/**
 * GET /api/export: every result of a search as a file people can open, CSV (UTF-8 with a
 * byte-order mark) or JSON, streamed row by row up to EXPORT_MAX_ROWS rows; a file that reaches
 * the cap says so in its last line (CSV) or its `capReached` and `note` (JSON). The file name says
 * what is inside (exportFileName). /api/search?format=csv answers the same way.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import { corpusNotice } from "../../search/catalog";
import type { Corpus } from "../../search/corpus";
import { EXPORT_MAX_ROWS, type ExportPlan, exportFileName, exportSteps } from "../../search/export";
import { FILTER_PARAMS } from "../../search/filters";
import type { PresentOptions } from "../../search/present";
import { type SearchRequest, toHit } from "../../search/search";
import { prepareQuery } from "../../search/search";
import { formatCount } from "../views/format";
import { allowParams, enumParam } from "../middleware/params";
import { csvHead, csvHeaders, csvLine, csvNote } from "./csv";
import type { ApiEnv } from "./env";
import { searchRequest } from "./search-request";

export const EXPORT_FORMATS = ["csv", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_PARAMS = ["q", ...FILTER_PARAMS, "sort", "format"] as const;
/** Rows presented per chunk of the stream. */
export const EXPORT_CHUNK_ROWS = 200;

/** The sentence a capped export ends with. */
export function capNote(plan: Pick<ExportPlan, "cap" | "total">): string {
  return `This export stops at its cap of ${formatCount(plan.cap)} rows; the search has ${formatCount(plan.total)} results. Narrow it (a delegation, a session, dates) to export the rest.`;
}

/** The chunks of an export file: its head, its rows in chunks, its end. */
function* exportChunks(
  corpus: Corpus,
  request: SearchRequest,
  plan: ExportPlan,
  format: ExportFormat,
  options: PresentOptions,
): Generator<string> {
  const query = prepareQuery(corpus, request.q, request.filters, request.origins);
  const json = format === "json";
  if (json) {
    const head = {
      ...corpusNotice(corpus),
      q: request.q,
      sort: plan.sort,
      total: plan.total,
      exported: plan.matches.length,
      cap: plan.cap,
      capReached: plan.capReached,
      note: plan.capReached ? capNote(plan) : null,
    };
    yield `${JSON.stringify(head).slice(0, -1)},"results":[`;
  } else yield csvHead();
  for (let at = 0; at < plan.matches.length; at += EXPORT_CHUNK_ROWS) {
    const hits = plan.matches
      .slice(at, at + EXPORT_CHUNK_ROWS)
      .map((match) => toHit(corpus, match, query, options));
    yield json
      ? `${at > 0 ? "," : ""}${hits.map((hit) => JSON.stringify(hit)).join(",")}`
      : hits.map(csvLine).join("");
  }
  if (json) yield "]}\n";
  else if (plan.capReached) yield csvNote(capNote(plan));
}

function streamOf(chunks: Generator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
}

/** The export response of a request. */
export async function exportResponse(
  c: Context<ApiEnv>,
  request: SearchRequest,
  format: ExportFormat,
): Promise<Response> {
  const corpus = c.get("corpus");
  const plan = await c.get("runner").run((pace) => exportSteps(corpus, request, pace));
  const options = { baseUrl: c.get("baseUrl") };
  const name = exportFileName(corpus, request, format, new Date());
  const headers =
    format === "csv"
      ? csvHeaders(name, corpus.store.synthetic)
      : {
          "Content-Type": "application/json; charset=utf-8",
          "Content-Disposition": `attachment; filename="${name}"`,
          "X-Corpus-Synthetic": String(corpus.store.synthetic),
        };
  const stream = streamOf(exportChunks(corpus, request, plan, format, options));
  return c.body(stream, 200, {
    ...headers,
    "X-Export-Total": String(plan.total),
    "X-Export-Rows": String(plan.matches.length),
    "X-Export-Cap": String(EXPORT_MAX_ROWS),
  });
}

export const exportRoutes = new Hono<ApiEnv>().get(
  "/export",
  allowParams(...EXPORT_PARAMS),
  async (c) => {
    const format = enumParam(c, "format", EXPORT_FORMATS, "csv");
    return exportResponse(c, searchRequest(c, false), format);
  },
);
