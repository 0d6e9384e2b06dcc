/**
 * Discovery that does not depend on pages that are gone: the archive's captures under each of
 * the profile's archive prefixes (www.itu.int/en/wcit-12/Documents/) are listed with the CDX API
 * (`matchType=prefix`, one row per URL, paged with the resume key), and every file among them
 * that may hold a transcript and that the crawl did not already reach is queued once, to be
 * fetched from its newest capture (the `id_` address). A failed or malformed CDX answer is
 * reported (in the run's errors and the listing's entry of the report) and the run goes on with
 * what was listed before it.
 */
import { HttpError } from "./http";
import { enqueue, settle } from "./crawl";
import { errorMessage, type CrawlState } from "./crawl-state";
import { FILE_EXTENSIONS, normalizeUrl, urlExtension } from "./discover";
import { DEFAULT_CDX_PAGE_SIZE, MAX_CDX_PAGES } from "./options";
import type { ArchiveListing } from "./report";
import { cdxPrefixQueryUrl, parseCdxPage, type Capture } from "./wayback";

/** Extensions of listed files that may hold a transcript (the crawl's files, and HTML ones). */
export const LISTED_EXTENSIONS: readonly string[] = [...FILE_EXTENSIONS, "htm", "html"];
/** Mimetypes (as the archive recorded them) of listed files that may hold a transcript. */
export const LISTED_MIMETYPES: readonly string[] = [
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/pdf",
  "text/html",
  "text/plain",
];

/** Lists every archive prefix of the run, queues the files found, and waits for their visits. */
export async function listArchive(state: CrawlState): Promise<void> {
  if (!state.options.wayback) return;
  for (const prefix of state.options.archivePrefixes) {
    if (state.stop.aborted) break;
    const { listing, captures } = await listPrefix(state, prefix);
    queueListed(state, listing, captures);
    state.listings.push(listing);
    state.report.changed();
  }
  await settle(state);
}

/** Every capture the archive lists under `prefix`, page after page, and what the listing did. */
async function listPrefix(
  state: CrawlState,
  prefix: string,
): Promise<{ listing: ArchiveListing; captures: Capture[] }> {
  const listing: ArchiveListing = { prefix, pages: 0, listed: 0, candidates: 0, queued: 0 };
  const captures: Capture[] = [];
  const pageSize = state.options.cdxPageSize ?? DEFAULT_CDX_PAGE_SIZE;
  let resumeKey: string | null = null;
  do {
    if (listing.pages >= MAX_CDX_PAGES) {
      listing.error = `stopped after ${MAX_CDX_PAGES} pages of ${pageSize} URLs; the rest is not listed`;
      break;
    }
    const url = cdxPrefixQueryUrl(state.options.waybackUrl, prefix, pageSize, resumeKey);
    listing.pages++;
    try {
      // Through the cache: an unchanged listing is revalidated, a lost archive falls back to it.
      const answer = await state.fetcher.fetch(url);
      const page = parseCdxPage(new TextDecoder().decode(answer.bytes));
      captures.push(...page.captures);
      resumeKey = page.resumeKey;
    } catch (error) {
      listing.error = `CDX query ${url} failed: ${error instanceof HttpError ? error.detail : errorMessage(error)}`;
      break;
    }
  } while (resumeKey !== null);
  if (listing.error !== undefined) {
    state.errors.push(`archive listing of ${prefix}: ${listing.error}`);
  }
  return { listing, captures };
}

/** True when a listed capture is a file that may hold a transcript (extension or mimetype). */
export function isCandidateFile(capture: Capture): boolean {
  const url = normalizeUrl(capture.original);
  if (url === null) return false;
  if (LISTED_EXTENSIONS.includes(urlExtension(url))) return true;
  const mimetype = (capture.mimetype ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return LISTED_MIMETYPES.includes(mimetype);
}

/**
 * A URL as a key that the archive's spellings of it share with the crawl's: no scheme, no
 * default port, no "www." ("http://www.itu.int:80/a.doc" and "https://itu.int/a.doc" agree).
 */
export function urlKey(url: string): string {
  const u = new URL(url);
  const host = u.hostname.replace(/^www\./, "");
  return `${host}${u.port === "" ? "" : `:${u.port}`}${u.pathname}${u.search}`;
}

/** Queues each candidate file once, unless the crawl already reached it. */
function queueListed(state: CrawlState, listing: ArchiveListing, captures: Capture[]): void {
  const seen = new Set([...state.queued].map(urlKey));
  const urls = new Set<string>();
  for (const capture of captures) {
    const url = normalizeUrl(capture.original);
    if (url === null) continue;
    urls.add(urlKey(url));
    if (!isCandidateFile(capture)) continue;
    listing.candidates++;
    const key = urlKey(url);
    if (seen.has(key)) continue;
    seen.add(key);
    const before = state.queued.size;
    enqueue(state, { url, depth: 0, kind: "file", listedUnder: listing.prefix });
    if (state.queued.size > before) listing.queued++;
  }
  listing.listed = urls.size;
}
