/** How the transcript lines become HTML. */
export type HtmlLayout =
  /** One <p> per block of lines (blocks separated by blank lines), lines joined by <br>. */
  | "paragraphs"
  /** One <p> per line. */
  | "p-per-line"
  /** All lines in a single <div>, separated by <br> (blank lines give empty <br>s). */
  | "br";

/** Options of {@link renderHtml}. */
export interface HtmlOptions {
  /** <title> and heading of the page. */
  title: string;
  /** The site's teaser shown above the transcript. */
  teaser: string;
  /** Page count shown by the site next to the teaser. */
  pageCount: number;
  layout: HtmlLayout;
  /** Name of the (fictional) third-party site. */
  siteName?: string;
}

const DEFAULT_SITE = "docs-share.example";

/** Escapes text for HTML element content. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function blocks(lines: readonly string[]): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === "") {
      if (current.length > 0) out.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) out.push(current);
  return out;
}

function body(lines: readonly string[], layout: HtmlLayout): string {
  switch (layout) {
    case "paragraphs":
      return blocks(lines)
        .map((block) => `<p>${block.map(escapeHtml).join("<br>\n")}</p>`)
        .join("\n");
    case "p-per-line":
      return lines.map((line) => `<p>${escapeHtml(line)}</p>`).join("\n");
    case "br":
      return `<div class="text">\n${lines.map((line) => `${escapeHtml(line)}<br>`).join("\n")}\n</div>`;
  }
}

/** A copy site's document footer and page footer: divs holding counts, category, uploader. */
function siteBlocks(options: HtmlOptions): { docFooter: string; pageFooter: string } {
  const views = (options.pageCount * 137).toLocaleString("en-US");
  return {
    docFooter: `<div class="doc-meta"><span>Dec 14, 2012</span> <span class="views">${views} views</span> <span>Category: Documents</span></div>`,
    pageFooter: `<div id="footer"><div class="download">Download</div><div class="uploader">sample_uploader</div><div class="categories">Categories: Politics &amp; Law</div></div>`,
  };
}

/**
 * Renders laid-out lines as a third-party web page carrying a copy of the transcript: navigation,
 * a script, a teaser with a page count, the text, the site's document and page footer blocks
 * (divs with view counts and categories), and a footer, as such sites do.
 */
export function renderHtml(lines: readonly string[], options: HtmlOptions): Uint8Array {
  const site = options.siteName ?? DEFAULT_SITE;
  const { docFooter, pageFooter } = siteBlocks(options);
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(options.title)} | ${escapeHtml(site)}</title>
<script>window.dataLayer = window.dataLayer || []; function track(e) { window.dataLayer.push(e); } track({ page: "document" });</script>
<style>.teaser { font-style: italic; } .ad { color: #999; }</style>
</head>
<body>
<nav><a href="/">Home</a> | <a href="/browse">Browse documents</a> | <a href="/upload">Upload</a> | <a href="/login">Sign in</a></nav>
<main>
<h1>${escapeHtml(options.title)}</h1>
<p class="teaser">${escapeHtml(options.teaser)}</p>
<p class="pages">${options.pageCount} pages</p>
<article class="document">
${body(lines, options.layout)}
${docFooter}
</article>
</main>
${pageFooter}
<footer><p>&copy; ${escapeHtml(site)} - documents are uploaded by users. <a href="/terms">Terms</a> | <a href="/privacy">Privacy</a></p></footer>
<script>track({ event: "view" });</script>
</body>
</html>
`;
  return new TextEncoder().encode(html);
}
