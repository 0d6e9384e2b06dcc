/**
 * Phase 2 of a run: every distinct body downloaded in the crawl is processed once (the pipeline's
 * extraction and parser), under a URL chosen the same way on every run; a live file that turns
 * out to be no document is looked up in the archive; each session is kept or skipped from its
 * parsed header (select.ts). A stopped run processes nothing more: what is left is reported as
 * skipped (it is in the cache for the next run).
 */
import { isAbsolute, relative } from "node:path";
import type { ProcessedSource, SourceInput } from "../pipeline";
import { errorMessage, finish, stopReason, type Candidate, type CrawlState } from "./crawl-state";
import type { Fetched } from "./fetcher";
import { HttpError } from "./http";
import type { ReportEntry } from "./report";
import { selectSession } from "./select";

/** Error messages of the pipeline that mean "this file is not a transcript", not a failure. */
const NOT_A_TRANSCRIPT = /no speaker turns found/i;
/** Error messages that mean the bytes are no document of a known format. */
const NOT_A_DOCUMENT = /^extract: /;

/** Maps the sha256 of every body downloaded in this run to the URL that stands for it. */
type CanonicalUrls = ReadonlyMap<string, string>;

/** Processes each distinct body once; copies of it are reported as stored once. */
export async function processCandidates(state: CrawlState): Promise<void> {
  const ordered = groupByBody(state.candidates);
  const shas: CanonicalUrls = new Map(
    ordered.map((group) => [group[0]?.fetched.sha256 ?? "", group[0]?.task.url ?? ""]),
  );
  for (const [canonical, ...copies] of ordered) {
    if (canonical === undefined) continue;
    const why = stopReason(state);
    if (why !== null) {
      for (const c of [canonical, ...copies]) {
        finish(state, {
          ...c.entry,
          outcome: "skipped",
          reason: `not processed: ${why} (it is in the cache: the next run reads it without downloading it again)`,
        });
      }
      continue;
    }
    for (const copy of copies) {
      finish(state, {
        ...copy.entry,
        outcome: "skipped",
        reason: `same file as ${canonical.task.url} (sha256 ${copy.fetched.sha256.slice(0, 12)}): stored once`,
      });
    }
    await consider(state, canonical, shas);
  }
}

/**
 * The candidates grouped by body (the same bytes reached through several URLs), each group in
 * the same order on every run (live before archive, then URL order), the groups by their first
 * URL.
 */
function groupByBody(candidates: readonly Candidate[]): Candidate[][] {
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const group = groups.get(candidate.fetched.sha256) ?? [];
    group.push(candidate);
    groups.set(candidate.fetched.sha256, group);
  }
  const ordered = [...groups.values()].map((group) =>
    group.sort(
      (a, b) =>
        Number(a.fetched.via === "wayback") - Number(b.fetched.via === "wayback") ||
        a.task.url.localeCompare(b.task.url),
    ),
  );
  return ordered.sort((a, b) => (a[0]?.task.url ?? "").localeCompare(b[0]?.task.url ?? ""));
}

/** Processes one distinct body (the canonical URL of its group), and keeps or skips its session. */
async function consider(state: CrawlState, candidate: Candidate, shas: CanonicalUrls) {
  const processed = await processOrReport(state, candidate, shas);
  if (processed === null) return;
  const { record } = processed;
  const described: ReportEntry = {
    ...candidate.entry,
    title: record.title,
    body: record.body,
    format: record.source.format,
  };
  const selection = selectSession(record, state.options.all, state.profile);
  if (!selection.keep) {
    finish(state, { ...described, outcome: "skipped", reason: selection.reason });
    return;
  }
  const ingested: ReportEntry = {
    ...described,
    outcome: "ingested",
    sessionId: record.id,
    ...(selection.note === undefined ? {} : { note: selection.note }),
  };
  state.kept.push({ entry: ingested, processed });
  finish(state, ingested);
}

/**
 * The candidate through the pipeline; null when it is no transcript or failed (reported). A live
 * URL that serves something else than a document (an error page as .pdf) is tried in the
 * archive, which may still have the real file.
 */
async function processOrReport(
  state: CrawlState,
  candidate: Candidate,
  shas: CanonicalUrls,
): Promise<ProcessedSource | null> {
  const { task, entry, fetched } = candidate;
  try {
    return await state.pipeline.process(sourceInput(fetched), { conference: state.profile.id });
  } catch (error) {
    const message = errorMessage(error);
    if (
      NOT_A_DOCUMENT.test(message) &&
      fetched.via !== "wayback" &&
      state.fetcher.canUseArchive(task.url)
    ) {
      return processArchived(state, candidate, message, shas);
    }
    if (NOT_A_TRANSCRIPT.test(message)) {
      finish(state, { ...entry, outcome: "skipped", reason: message });
    } else {
      finish(state, { ...entry, outcome: "failed", error: message });
    }
    return null;
  }
}

/** The archive's copy of a live file that was no document, processed unless it is a copy. */
async function processArchived(
  state: CrawlState,
  candidate: Candidate,
  message: string,
  shas: CanonicalUrls,
): Promise<ProcessedSource | null> {
  const { task, entry } = candidate;
  try {
    const archived = await state.fetcher.fromArchive(task.url, message);
    Object.assign(entry, {
      via: archived.via,
      archivedUrl: archived.archivedUrl,
      sha256: archived.sha256,
      bytes: archived.bytes.byteLength,
    });
    const same = shas.get(archived.sha256);
    if (same !== undefined) {
      finish(state, {
        ...entry,
        outcome: "skipped",
        reason: `the archive's copy is the same file as ${same}: stored once`,
      });
      return null;
    }
    return await state.pipeline.process(sourceInput(archived), { conference: state.profile.id });
  } catch (archiveError) {
    const detail =
      archiveError instanceof HttpError ? archiveError.detail : errorMessage(archiveError);
    finish(state, { ...entry, outcome: "failed", error: detail });
    return null;
  }
}

function sourceInput(fetched: Fetched): SourceInput {
  const rel = relative(process.cwd(), fetched.file);
  return {
    bytes: fetched.bytes,
    // Cited as a path from the project root when the cache is inside it.
    file: rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : fetched.file,
    url: fetched.archivedUrl ?? fetched.finalUrl,
  };
}
