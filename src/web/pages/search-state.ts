/**
 * The search page's state as it lives in the URL (so every view is a link, and the page works
 * without JavaScript): q, the filter parameters of /api/search, sort and a 1-based page.
 * Parsing is lenient about unknown parameters (people edit URLs) but strict about values, which
 * the core checks (QueryError names the parameter).
 */
import type { Body, SpeakerKind } from "../../domain";
import { type FilterSpec, FILTER_PARAMS, addFilter, emptyFilters } from "../../search/filters";
import { MAX_OFFSET } from "../../search/search";
import { QueryError } from "../../search/errors";
import { SORT_ORDERS, type SortOrder } from "../../search/types";
import { parsePage } from "./page-number";

/** Results per page. */
export const PAGE_SIZE = 20;
/** The last page the core can serve (its offset bound). */
export const MAX_PAGE = Math.floor(MAX_OFFSET / PAGE_SIZE) + 1;

export interface SearchState {
  q: string;
  /** A conference id (checked against the registry). */
  conference: string | null;
  speaker: string | null;
  session: string | null;
  body: Body | null;
  kind: SpeakerKind | null;
  from: string | null;
  to: string | null;
  /** null: the core's default (relevance with words, else chronological). */
  sort: SortOrder | null;
  /**
   * Pages past the last result (or past MAX_PAGE) are accepted, and answered with the real page
   * count.
   */
  page: number;
  /** Search the words as typed, without the spelling correction ("Search instead for ..."). */
  asTyped: boolean;
}

/** The URL parameter of SearchState.asTyped. */
export const AS_TYPED_PARAM = "as_typed";

export const EMPTY_STATE: SearchState = {
  q: "",
  conference: null,
  speaker: null,
  session: null,
  body: null,
  kind: null,
  from: null,
  to: null,
  sort: null,
  page: 1,
  asTyped: false,
};

function value(params: URLSearchParams, name: string): string | null {
  const text = params.get(name);
  return text === null || text.trim() === "" ? null : text.trim();
}

/**
 * Reads the state from query parameters. Throws QueryError for a bad value (unknown body, a
 * malformed date, a page that is not a whole number from 1), naming the parameter.
 */
export function parseSearchState(params: URLSearchParams): SearchState {
  const state: SearchState = { ...EMPTY_STATE, q: params.get("q") ?? "" };
  const check = emptyFilters();
  for (const name of FILTER_PARAMS) {
    const text = value(params, name);
    if (text === null) continue;
    addFilter(check, name, text, name);
  }
  state.speaker = value(params, "speaker");
  state.session = value(params, "session");
  state.conference = check.conference[0] ?? null;
  state.body = check.body[0] ?? null;
  state.kind = check.kind[0] ?? null;
  state.from = value(params, "from");
  state.to = value(params, "to");
  const sort = value(params, "sort");
  if (sort !== null) {
    if (!(SORT_ORDERS as readonly string[]).includes(sort)) {
      throw new QueryError(
        "sort",
        `${JSON.stringify(sort)} is not one of ${SORT_ORDERS.join(", ")}`,
      );
    }
    state.sort = sort as SortOrder;
  }
  state.page = parsePage(value(params, "page"));
  state.asTyped = value(params, AS_TYPED_PARAM) !== null;
  return state;
}

/** The filter spec of the state's filter parameters (not those typed in q). */
export function stateFilters(state: SearchState): FilterSpec {
  const filters = emptyFilters();
  if (state.speaker) filters.speaker.push(state.speaker);
  if (state.session) filters.session.push(state.session);
  if (state.conference) filters.conference.push(state.conference);
  if (state.body) filters.body.push(state.body);
  if (state.kind) filters.kind.push(state.kind);
  filters.from = state.from;
  filters.to = state.to;
  return filters;
}

/** True when any filter parameter is set. */
export function hasStateFilters(state: SearchState): boolean {
  return FILTER_PARAMS.some((name) => state[name] !== null);
}

/** Query parameters of a state, in a stable order, leaving out defaults. */
export function stateParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q !== "") params.set("q", state.q);
  for (const name of FILTER_PARAMS) {
    const v = state[name];
    if (v !== null) params.set(name, v);
  }
  if (state.sort !== null) params.set("sort", state.sort);
  if (state.page > 1) params.set("page", String(state.page));
  if (state.asTyped) params.set(AS_TYPED_PARAM, "1");
  return params;
}

function withQuery(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return query === "" ? path : `${path}?${query}`;
}

/** The search page URL of `state` with `changes`; changing anything but the page resets it. */
export function searchUrl(state: SearchState, changes: Partial<SearchState> = {}): string {
  const next = { ...state, ...changes };
  if (!("page" in changes)) next.page = 1;
  return withQuery("/", stateParams(next));
}

/** Formats of the export links. */
export type ExportFormat = "json" | "csv";

/** The /api/export URL of every result of the state's search, as CSV or JSON. */
export function exportUrl(state: SearchState, format: ExportFormat): string {
  const params = stateParams({ ...state, page: 1, asTyped: false });
  params.set("format", format);
  return withQuery("/api/export", params);
}
