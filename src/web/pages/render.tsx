/**
 * Rendering a page: the doctype, the HTML, and the page's headers (a strict Content Security
 * Policy that allows only our own stylesheet and script, and cache headers).
 */
import type { Context } from "hono";
import type { Corpus } from "../../search/corpus";
import type { CorpusNotice } from "../views/layout";

/**
 * The pages' Content Security Policy: nothing from elsewhere, no inline script or style. The
 * stylesheet and script are served by the pages app itself (src/web/static).
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "script-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Cache-Control of pages that rendered: short, the corpus changes only with a new build. */
export const PAGE_CACHE_CONTROL = "public, max-age=300";

/** The banner facts of a loaded corpus. */
export function corpusNotice(corpus: Corpus | undefined): CorpusNotice | null {
  return corpus ? { synthetic: corpus.store.synthetic, notice: corpus.store.notice } : null;
}

/** Renders a page with the doctype and the page headers. */
export async function renderPage(c: Context, page: unknown, status = 200): Promise<Response> {
  const html = `<!DOCTYPE html>${String(await page)}`;
  return c.html(html, status as 200, {
    "Content-Security-Policy": PAGE_CSP,
    "Cache-Control": status < 400 ? PAGE_CACHE_CONTROL : "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
  });
}
