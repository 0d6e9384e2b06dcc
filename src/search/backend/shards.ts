/**
 * Serving a corpus larger than one Worker isolate: the sessions are cut into shards (runs of
 * whole sessions in chronological order, at most a given number of utterances each), every
 * shard is built as a complete corpus of its own (manifest, store, compact index) but scored
 * with the statistics of the whole collection, so a router can ask every shard that may hold
 * matches for the first `offset + limit` results and merge them into exactly the page one index
 * over everything would give: totals add up, scores are the same numbers, and ties fall in
 * chronological order, as ordinals do in one corpus.
 *
 * Runtime-free: the router and the shards can be Workers (see docs/performance.md).
 */
import type { SessionRecord } from "../../domain";
import type { BackendDocument, BackendFactory } from "./interface";
import { bySessionOrder, inSessionOrder } from "../session-order";
import type { SearchHit, SearchPage, SortOrder } from "../types";
import { compactBackend } from "./compact/backend";
import {
  type CollectionStatistics,
  buildCompactIndex,
  collectionStatistics,
} from "./compact/build";

/** Utterances per shard by default: about what the scale-1 benchmark corpus holds. */
export const DEFAULT_SHARD_UTTERANCES = 30_000;

/** What a router needs to route to a shard (the plan file keeps these: src/router/plan.ts). */
export interface ShardSummary {
  /** Position in the plan (shards are in chronological order). */
  index: number;
  utterances: number;
  /** Session ids, for routing session: filters. */
  sessionIds: string[];
  /** Earliest and latest session date (null when no session is dated). */
  from: string | null;
  to: string | null;
  /** True when some session has no date (an undated session matches no date filter). */
  undated: boolean;
}

/** One shard of a plan: its sessions (chronological) and what a router needs to route to it. */
export interface ShardPlan extends ShardSummary {
  sessions: SessionRecord[];
}

/**
 * Cuts sessions into shards of at most `maxUtterances` utterances, whole sessions in
 * chronological order (a session larger than the bound gets a shard of its own).
 */
export function planShards(
  records: readonly SessionRecord[],
  maxUtterances: number = DEFAULT_SHARD_UTTERANCES,
): ShardPlan[] {
  if (!Number.isInteger(maxUtterances) || maxUtterances < 1)
    throw new Error(`shards: maxUtterances must be a positive integer, got ${maxUtterances}`);
  const sorted = inSessionOrder(records);
  const groups: SessionRecord[][] = [];
  let current: SessionRecord[] = [];
  let count = 0;
  for (const record of sorted) {
    const size = record.utterances.length;
    if (current.length > 0 && count + size > maxUtterances) {
      groups.push(current);
      current = [];
      count = 0;
    }
    current.push(record);
    count += size;
  }
  if (current.length > 0) groups.push(current);
  return groups.map((sessions, index) => {
    const dates = sessions.map((s) => s.date).filter((d): d is string => d !== null);
    return {
      index,
      sessions,
      utterances: sessions.reduce((sum, s) => sum + s.utterances.length, 0),
      sessionIds: sessions.map((s) => s.id),
      from: dates.length > 0 ? dates.reduce((a, b) => (a < b ? a : b)) : null,
      to: dates.length > 0 ? dates.reduce((a, b) => (a > b ? a : b)) : null,
      undated: dates.length < sessions.length,
    };
  });
}

/** The documents the asset build indexes (non-empty utterances), in its order. */
export function* collectionDocuments(
  records: readonly SessionRecord[],
): Generator<BackendDocument> {
  const sorted = inSessionOrder(records);
  let ordinal = 0;
  for (const record of sorted) {
    for (const utterance of record.utterances) {
      if (utterance.text.trim().length > 0) yield { ordinal, text: utterance.text };
      ordinal++;
    }
  }
}

/** Statistics of the whole collection, for building its shards. */
export function shardStatistics(records: readonly SessionRecord[]): CollectionStatistics {
  return collectionStatistics(collectionDocuments(records));
}

/**
 * The compact backend building one shard with the collection's statistics. Its name and options
 * are the compact backend's, so the shard's assets load with the registered backend.
 */
export function shardBackend(statistics: CollectionStatistics): BackendFactory {
  return {
    name: compactBackend.name,
    options: compactBackend.options,
    build: (documents) => buildCompactIndex(documents, statistics),
    load: (serialised) => compactBackend.load(serialised),
  };
}

/** Filters a router can route on (the rest are checked by every shard). */
export interface RouteFilters {
  /** Session ids (any of them); empty: any session. */
  sessions?: readonly string[];
  /** Inclusive date bounds, YYYY-MM-DD. */
  from?: string | null;
  to?: string | null;
}

/** The shards that may hold matches for these filters (all of them when nothing narrows). */
export function shardsFor<T extends ShardSummary>(
  plan: readonly T[],
  filters: RouteFilters = {},
): T[] {
  const sessions = filters.sessions ?? [];
  const from = filters.from ?? null;
  const to = filters.to ?? null;
  return plan.filter((shard) => {
    if (
      sessions.length > 0 &&
      !shard.sessionIds.some((id) =>
        sessions.some((wanted) => wanted.toLowerCase() === id.toLowerCase()),
      )
    )
      return false;
    if (from === null && to === null) return true;
    if (shard.from === null || shard.to === null) return false;
    return (from === null || shard.to >= from) && (to === null || shard.from <= to);
  });
}

function chronological(a: SearchHit, b: SearchHit): number {
  return bySessionOrder(a.session, b.session) || a.seq - b.seq;
}

function byRelevance(a: SearchHit, b: SearchHit): number {
  return b.score - a.score || chronological(a, b);
}

/**
 * Merges the pages of several shards into the page of the whole collection. Each shard page
 * must hold that shard's first `offset + limit` results (asked with offset 0).
 */
export function mergePages(
  pages: readonly SearchPage[],
  window: { sort: SortOrder; offset: number; limit: number },
): SearchPage {
  const hits = pages.flatMap((page) => page.results);
  hits.sort(window.sort === "chronological" ? chronological : byRelevance);
  const synthetic = pages.some((page) => page.synthetic);
  return {
    total: pages.reduce((sum, page) => sum + page.total, 0),
    offset: window.offset,
    limit: window.limit,
    sort: window.sort,
    results: hits.slice(window.offset, window.offset + window.limit),
    synthetic,
    notice: pages.find((page) => page.notice !== null)?.notice ?? null,
  };
}
