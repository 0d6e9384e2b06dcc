/**
 * Rendering a page: hono's jsxRenderer puts every page into the Layout (the doctype, the
 * synthetic banner of the loaded corpus), so a page calls `c.render(content, { title, section })`
 * after `c.status(...)` when it is not a 200; pageHeaders gives every HTML page its headers (a
 * strict Content Security Policy that allows only our own stylesheet and script, and cache
 * headers).
 */
import { createMiddleware } from "hono/factory";
import { jsxRenderer } from "hono/jsx-renderer";
import { corpusNotice } from "../../search/catalog";
import { corpusConferences } from "../../search/conferences";
import type { Corpus } from "../../search/corpus";
import type { ApiEnv } from "../api/env";
import { Layout, type LayoutProps } from "../views/layout";

/** What a page tells the layout: its title, its section, a second skip link. */
export type PageProps = Omit<LayoutProps, "corpus" | "children">;

declare module "hono" {
  interface ContextRenderer {
    (content: string | Promise<string>, props: PageProps): Response | Promise<Response>;
  }
}

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

/** c.render: the page in the Layout, with the banner facts of the corpus when it is loaded. */
export const pageRenderer = jsxRenderer<ApiEnv>(({ children, title, section, skipTo }, c) => {
  const corpus = c.get("corpus") as Corpus | undefined;
  return (
    <Layout
      title={title}
      section={section}
      corpus={corpus ? { ...corpusNotice(corpus), conferences: corpusConferences(corpus) } : null}
      skipTo={skipTo}
    >
      {children}
    </Layout>
  );
});

/** The headers of every HTML page: the CSP, and a short cache unless it is an error page. */
export const pageHeaders = createMiddleware<ApiEnv>(async (c, next) => {
  await next();
  if (!c.res.headers.get("Content-Type")?.startsWith("text/html")) return;
  c.header("Content-Security-Policy", PAGE_CSP);
  c.header("Cache-Control", c.res.status < 400 ? PAGE_CACHE_CONTROL : "no-store");
  c.header("X-Content-Type-Options", "nosniff");
  c.header("Referrer-Policy", "same-origin");
});
