/**
 * Phase 1 of a run, the crawl: the start pages are read for links as they come, each link within
 * the depth, the start hosts and (for pages) the scope is queued once, and files are only
 * downloaded (the candidates processed in phase 2, process.ts). At most `maxUrls` URLs are tried;
 * a stopped run queues nothing more.
 */
import {
  baseEntry,
  errorMessage,
  fetchedEntry,
  finish,
  type CrawlState,
  type Task,
} from "./crawl-state";
import { classifyUrl, discoverLinks, isHtml, looksLikeTranscriptHtml } from "./discover";
import type { Fetched } from "./fetcher";
import { HttpError } from "./http";
import type { ReportEntry } from "./report";

/** Crawls from the start pages until every visit has ended. */
export async function crawlSite(state: CrawlState): Promise<void> {
  for (const url of state.options.indexUrls) enqueue(state, { url, depth: 0, kind: "page" });
  await settle(state);
}

/** Waits for every visit in flight, and for the visits they queue. */
export async function settle(state: CrawlState): Promise<void> {
  while (state.running.size > 0) await Promise.all([...state.running]);
}

/** Queues a URL once (unless the run is stopped or the URL limit is reached) and visits it. */
export function enqueue(state: CrawlState, task: Task): void {
  if (state.queued.has(task.url)) return;
  if (state.stop.aborted) return;
  if (state.queued.size >= state.maxUrls) {
    if (!state.cut) {
      state.errors.push(`crawl stopped at ${state.maxUrls} URLs; later links were not followed`);
    }
    state.cut = true;
    return;
  }
  state.queued.add(task.url);
  state.progress.addTotal(1);
  const promise = visit(state, task).catch((error: unknown) => {
    // visit reports its own failures; this is a bug guard so that one URL never stops the run.
    finish(state, {
      ...baseEntry(task),
      outcome: "failed",
      error: `fetch: ${errorMessage(error)}`,
      attempts: 0,
    });
  });
  const tracked = promise.finally(() => state.running.delete(tracked));
  state.running.add(tracked);
}

/** Downloads one URL; a page is read for links, anything else becomes a candidate. */
async function visit(state: CrawlState, task: Task): Promise<void> {
  const fetched = await download(state, task);
  if (fetched === null) return;
  if (fetched.via !== "wayback") state.queued.add(fetched.finalUrl);
  const entry = fetchedEntry(task, fetched);
  const pageUrl = fetched.via === "wayback" ? task.url : fetched.finalUrl;
  // A file the archive listed is read as a file: the crawl does not go on from it.
  const treatAsPage =
    task.listedUnder === undefined &&
    isHtml(fetched.bytes, fetched.contentType) &&
    (task.kind === "page" || classifyUrl(pageUrl) === "page");
  if (treatAsPage) {
    const html = new TextDecoder().decode(fetched.bytes);
    const links = followLinks(state, task, html, pageUrl);
    if (!looksLikeTranscriptHtml(html)) {
      finish(state, { ...entry, outcome: "page", links });
      return;
    }
    entry.links = links;
  }
  state.candidates.push({ task, entry, fetched });
}

/** The bytes of a task's URL, or null when it failed or the run stopped (reported). */
async function download(state: CrawlState, task: Task): Promise<Fetched | null> {
  try {
    return task.listedUnder === undefined
      ? await state.fetcher.fetch(task.url)
      : await state.fetcher.fromArchive(
          task.url,
          `listed in the archive under ${task.listedUnder}`,
        );
  } catch (error) {
    finish(state, failedEntry(task, error));
    return null;
  }
}

/** The report entry of a URL that could not be had: skipped when the run stopped, else failed. */
function failedEntry(task: Task, error: unknown): ReportEntry {
  const http = error instanceof HttpError ? error : null;
  if (http?.kind === "stopped") {
    return { ...baseEntry(task), outcome: "skipped", reason: http.detail, attempts: http.attempts };
  }
  return {
    ...baseEntry(task),
    outcome: "failed",
    error: errorMessage(error),
    httpStatus: http?.status ?? null,
    attempts: http?.attempts ?? 0,
    ...(http && http.errors.length > 0 ? { retried: http.errors } : {}),
  };
}

/** Queues the links of a page within the depth and the scope; returns how many were followed. */
function followLinks(state: CrawlState, task: Task, html: string, pageUrl: string): number {
  if (task.depth >= state.options.depth) return 0;
  let links = 0;
  for (const link of discoverLinks(html, pageUrl, { hosts: state.hosts })) {
    if (link.kind === "page" && !state.scopes.some((scope) => link.url.startsWith(scope))) {
      continue;
    }
    links++;
    enqueue(state, {
      url: link.url,
      depth: task.depth + 1,
      kind: link.kind,
      foundOn: task.url,
      linkText: link.text,
    });
  }
  return links;
}
