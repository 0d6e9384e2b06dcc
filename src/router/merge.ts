/**
 * Merging the answers of shards into the answer of one index over the collection. The shards
 * are whole sessions in chronological order (src/search/backend/shards.ts) and score with the
 * collection's statistics, so: totals add up; chronological lists are the shards' lists one
 * after the other; relevance pages are the shards' first `offset + limit` sorted by the same
 * scores; per-session and per-speaker counts add up (a session is in one shard). `parts` are
 * always in plan (chronological) order. Runtime-free.
 */
import { groupByConference } from "../search/conferences";
import { mergePages } from "../search/backend/shards";
import type { Catalog, SpeakerSummary } from "../search/catalog";
import type { PhraseConference, PhraseSpeaker, PhraseTimeline } from "../search/phrase";
import type { SearchPage, SessionSummary, SortOrder } from "../search/types";
import { MAX_SPEAKER_HINTS, type SpeakerHint } from "../search/understand";
import {
  type ChainSource,
  MAX_CHAIN_QUERIES,
  type VariantConference,
  type VariantPage,
  wordingKey,
} from "../search/variants/find";
import type { Word } from "../search/variants/align";

/** A page window as the client asked for it. */
export interface PageWindow {
  offset: number;
  limit: number;
}

/** What a shard's /internal/search answers. */
export interface ShardSearch {
  page: SearchPage;
  speakers: SpeakerHint[];
}

/** What a shard's /internal/variants answers. */
export interface ShardVariants {
  page: VariantPage;
  conferences: (Omit<VariantConference, "wordings"> & { wordings: string[] })[];
}

function notice(parts: readonly Catalog[]): Catalog {
  return {
    synthetic: parts.some((part) => part.synthetic),
    notice: parts.find((part) => part.notice !== null)?.notice ?? null,
  };
}

/** Items merged by key in order of first appearance; `add` folds a later one into the first. */
function mergeByKey<T>(
  items: readonly T[],
  key: (item: T) => string,
  add: (into: T, item: T) => T,
) {
  const merged = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const seen = merged.get(k);
    merged.set(k, seen === undefined ? item : add(seen, item));
  }
  return [...merged.values()];
}

function mergeSpeakerHints(parts: readonly SpeakerHint[][]): SpeakerHint[] {
  const hints = mergeByKey(
    parts.flat(),
    (hint) => hint.id,
    (into, hint) => ({ ...into, utterances: into.utterances + hint.utterances }),
  );
  return hints.slice(0, MAX_SPEAKER_HINTS);
}

/**
 * /api/search: the shards' first `offset + limit` merged into the client's page, with the
 * speaker hints (the suggestion is asked of the shards afterwards: see the router's search).
 */
export function mergeSearch(
  parts: readonly ShardSearch[],
  window: PageWindow & { sort: SortOrder },
): SearchPage & { speakers: SpeakerHint[] } {
  const page = mergePages(
    parts.map((part) => part.page),
    window,
  );
  return { ...page, speakers: mergeSpeakerHints(parts.map((part) => part.speakers)) };
}

/** /api/sessions: the shards' sessions one after the other (they are in session order). */
export function mergeSessions(
  parts: readonly (Catalog & { sessions: SessionSummary[] })[],
): Catalog & { sessions: SessionSummary[] } {
  return { ...notice(parts), sessions: parts.flatMap((part) => part.sessions) };
}

/** /api/speakers: counts added up, aliases united, in listSpeakers' order. */
export function mergeSpeakers(
  parts: readonly (Catalog & { speakers: SpeakerSummary[] })[],
): Catalog & { speakers: SpeakerSummary[] } {
  const speakers = mergeByKey(
    parts.flatMap((part) => part.speakers),
    (speaker) => speaker.id,
    (into, speaker) => ({
      ...into,
      aliases: [...new Set([...into.aliases, ...speaker.aliases])],
      utterances: into.utterances + speaker.utterances,
      sessions: into.sessions + speaker.sessions,
    }),
  ).sort((a, b) => b.utterances - a.utterances || a.name.localeCompare(b.name));
  return { ...notice(parts), speakers };
}

function timelineConferences(
  sessions: PhraseTimeline["sessions"],
  parts: readonly PhraseTimeline[],
): PhraseConference[] {
  const firsts = parts.flatMap((part) => part.conferences);
  return groupByConference(sessions, (entry) => entry.session).map(({ items, ...group }) => ({
    ...group,
    sessionsWithPhrase: items.filter((entry) => entry.count > 0).length,
    utterances: items.reduce((n, entry) => n + entry.count, 0),
    occurrences: items.reduce((n, entry) => n + entry.occurrences, 0),
    first: firsts.find((c) => c.conference === group.conference && c.first !== null)?.first ?? null,
  }));
}

/** /api/phrase: each shard's timeline with its first `offset + limit` occurrences, merged. */
export function mergeTimelines(
  parts: readonly PhraseTimeline[],
  window: PageWindow,
): PhraseTimeline {
  const sessions = parts.flatMap((part) => part.sessions);
  const speakers = mergeByKey<PhraseSpeaker>(
    parts.flatMap((part) => part.speakers),
    (entry) => entry.speaker.id,
    (into, entry) => ({ ...into, count: into.count + entry.count }),
  );
  return {
    phrase: parts[0]?.phrase ?? "",
    total: parts.reduce((n, part) => n + part.total, 0),
    totalOccurrences: parts.reduce((n, part) => n + part.totalOccurrences, 0),
    sessions,
    conferences: timelineConferences(sessions, parts),
    first: parts.find((part) => part.first !== null)?.first ?? null,
    speakers,
    occurrences: parts
      .flatMap((part) => part.occurrences)
      .slice(window.offset, window.offset + window.limit),
    offset: window.offset,
    limit: window.limit,
    ...notice(parts),
  };
}

/**
 * The wordings the collection chains through: the first MAX_CHAIN_QUERIES distinct ones of the
 * shards' (each shard gives all of its own, in time order), other than the query's.
 */
export function pickChainSources(
  query: readonly Word[],
  parts: readonly (readonly ChainSource[])[],
): ChainSource[] {
  const seen = new Set([wordingKey(query)]);
  const picked: ChainSource[] = [];
  for (const source of parts.flat()) {
    const key = wordingKey(source.words);
    if (seen.has(key)) continue;
    seen.add(key);
    picked.push(source);
    if (picked.length === MAX_CHAIN_QUERIES) break;
  }
  return picked;
}

function variantConferences(parts: readonly ShardVariants[]): VariantConference[] {
  const groups = mergeByKey(
    parts.flatMap((part) => part.conferences),
    (group) => String(group.conference),
    (into, group) => ({
      ...into,
      count: into.count + group.count,
      wordings: [...new Set([...into.wordings, ...group.wordings])],
    }),
  );
  return groups.map((group) => ({ ...group, wordings: group.wordings.length }));
}

/** /api/phrase/variants: the shards' variants (chained through the same sources), merged. */
export function mergeVariants(parts: readonly ShardVariants[], limit: number): VariantPage {
  const pages = parts.map((part) => part.page);
  const first = pages[0];
  if (first === undefined) throw new Error("router: no shard answered the variants");
  const work = pages.reduce(
    (sum, page) => ({
      candidates: sum.candidates + page.work.candidates,
      aligned: sum.aligned + page.work.aligned,
      cells: sum.cells + page.work.cells,
      truncated: sum.truncated || page.work.truncated,
    }),
    { candidates: 0, aligned: 0, cells: 0, truncated: false },
  );
  return {
    query: first.query,
    words: first.words,
    total: pages.reduce((n, page) => n + page.total, 0),
    variants: pages.flatMap((page) => page.variants).slice(0, limit),
    conferences: variantConferences(parts),
    limit,
    work,
    bounds: first.bounds,
    ...notice(pages),
  };
}
