/**
 * HTML -> text with the line structure a reader sees: block elements and <br> end lines, site
 * chrome (navigation, banners, footers, sidebars, scripts, forms) is dropped, entities are decoded.
 *
 * Rules:
 * - Whitespace inside text collapses to one space, as a browser renders it (except in <pre>).
 * - A block element (p, div, li, h1-h6, tr, ...) starts and ends a line; nested blocks do not add
 *   blank lines. <br> ends a line, so <br><br> leaves one blank line. An empty <p> (or one holding
 *   only &nbsp;) is an explicit blank line: Word and mammoth write empty paragraphs that way.
 * - Table cells in a row are separated by a tab.
 * - <header>/<footer> are dropped only when they are the page's (not inside article/main/section),
 *   where a transcript's own header could sit.
 * - A copy site's navigation and footer blocks are dropped wherever they sit, as elements of any
 *   kind (mostly divs) whose class or id names them (COPY_SITE_BLOCKS: footer, meta, views,
 *   categories, download, uploader...): they hold view counts, categories and upload dates.
 */
import * as cheerio from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { decodeHtml } from "./html-charset";
import type { RawExtraction } from "./extractor";
import { DEFAULT_EXTRACT_LIMITS, checkLimit, type ExtractLimits } from "./limits";

/** Elements that are never content. */
const ALWAYS_DROPPED =
  "head, script, style, noscript, template, iframe, object, embed, svg, canvas, form, button, select, textarea, dialog, nav, aside, [hidden]";

/** Site chrome by ARIA role and by common class/id names. */
const CHROME_ROLES = ["navigation", "banner", "contentinfo", "complementary", "search"];
const CHROME_NAMES = [
  "nav",
  "navbar",
  "navigation",
  "menu",
  "breadcrumb",
  "breadcrumbs",
  "sidebar",
  "masthead",
  "site-header",
  "site-footer",
  "skip-link",
  "cookie-banner",
  "cookie-notice",
  "cookie-consent",
  "share",
  "social",
  "advert",
  "ads",
];
/** A copy site's navigation and footer blocks, by class/id name (one class of the list). */
const COPY_SITE_BLOCKS = [
  "footer",
  "page-footer",
  "doc-footer",
  "document-footer",
  "site-info",
  "doc-info",
  "document-info",
  "doc-meta",
  "document-meta",
  "meta",
  "views",
  "view-count",
  "views-count",
  "stats",
  "doc-stats",
  "category",
  "categories",
  "tags",
  "related",
  "related-documents",
  "recommended",
  "pagination",
  "pager",
  "toolbar",
  "download",
  "downloads",
  "download-box",
  "uploader",
  "author-info",
  "user-info",
  "comments",
];
const CHROME_SELECTOR = [
  ...CHROME_ROLES.map((role) => `[role="${role}"]`),
  ...[...CHROME_NAMES, ...COPY_SITE_BLOCKS].flatMap((name) => [
    `[class~="${name}"]`,
    `[id="${name}"]`,
  ]),
].join(", ");

const BLOCK_ELEMENTS = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
  "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
  "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main",
  "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead",
  "tr", "ul",
]); // prettier-ignore
const CELL_ELEMENTS = new Set(["td", "th"]);

/** Options of htmlToText. */
export interface HtmlToTextOptions {
  /** Drop navigation, banners, page header/footer, sidebars and similar site chrome. Default true. */
  dropChrome?: boolean;
  /** Further CSS selectors of elements to drop. */
  drop?: string[];
  /**
   * Keep whitespace in text as written, as inside <pre> (for generated HTML without layout
   * whitespace, such as mammoth's, where a tab or a run of spaces is the document's own).
   * Default false: whitespace collapses as a browser renders it.
   */
  preserveWhitespace?: boolean;
}

/** Turns an HTML document or fragment into text lines (see the module comment for the rules). */
export function htmlToText(html: string, options: HtmlToTextOptions = {}): string {
  const $ = cheerio.load(html);
  $(ALWAYS_DROPPED).remove();
  $('[style*="display:none"], [style*="display: none"]').remove();
  if (options.dropChrome ?? true) {
    $(CHROME_SELECTOR).remove();
    $("header, footer")
      .filter((_, el) => $(el).parents("article, main, section").length === 0)
      .remove();
  }
  for (const selector of options.drop ?? []) $(selector).remove();

  const out = new LineBuilder();
  const preserve = options.preserveWhitespace ?? false;
  walk($.root().contents().toArray(), out, preserve);
  return out.finish();
}

/** A step of the walk: enter a node, or leave an element (its closing work). */
type Step = { node: AnyNode; inPre: boolean } | { leave: string; block: boolean; mark: number };

/**
 * Walks the tree in document order with a stack of its own, not by recursion: a page nested
 * tens of thousands of levels deep must not overflow the call stack.
 */
function walk(roots: readonly AnyNode[], out: LineBuilder, preserve: boolean): void {
  const steps: Step[] = roots.map((node) => ({ node, inPre: preserve })).reverse();
  for (let step = steps.pop(); step !== undefined; step = steps.pop()) {
    if ("leave" in step) {
      if (step.leave === "p" && out.mark() === step.mark) out.blankLine();
      if (step.block) out.softBreak();
      continue;
    }
    const { node, inPre } = step;
    if (node.type === "text") {
      out.text(inPre ? node.data : node.data.replace(/[ \t\n\f\r]+/g, " "), inPre);
      continue;
    }
    if (node.type !== "tag") continue; // comments, doctype, CDATA, and dropped script/style
    const element = node as Element;
    const name = element.name.toLowerCase();
    if (name === "br") {
      out.hardBreak();
      continue;
    }
    if (CELL_ELEMENTS.has(name) && hasCellBefore(element)) out.text("\t", true);
    const block = BLOCK_ELEMENTS.has(name);
    if (block) out.softBreak();
    steps.push({ leave: name, block, mark: out.mark() });
    const childPre = inPre || name === "pre";
    for (let i = element.children.length - 1; i >= 0; i--) {
      const child = element.children[i];
      if (child !== undefined) steps.push({ node: child, inPre: childPre });
    }
  }
}

function hasCellBefore(element: Element): boolean {
  for (let sibling = element.prev; sibling !== null; sibling = sibling.prev) {
    if (sibling.type === "tag" && CELL_ELEMENTS.has((sibling as Element).name.toLowerCase())) {
      return true;
    }
  }
  return false;
}

/** Collects lines: text is appended to the current line; breaks end it. */
class LineBuilder {
  private readonly lines: string[] = [];
  private current = "";
  private emitted = 0;

  /** Appends text. Collapsed (non-pre) text drops a space at a line start or after a space. */
  text(text: string, verbatim = false): void {
    if (verbatim) {
      const parts = text.replace(/\r\n?/g, "\n").split("\n");
      parts.forEach((part, i) => {
        if (i > 0) this.hardBreak();
        this.append(part);
      });
      return;
    }
    let piece = text;
    if (piece.startsWith(" ") && (this.current === "" || this.current.endsWith(" "))) {
      piece = piece.slice(1);
    }
    this.append(piece);
  }

  /** Ends the line if it holds anything but spaces and tabs (a block boundary). */
  softBreak(): void {
    if (/[^ \t]/.test(this.current)) this.lines.push(this.current.replace(/ +$/, ""));
    this.current = "";
  }

  /** Ends the line even when it is empty (<br>). */
  hardBreak(): void {
    this.lines.push(this.current.replace(/ +$/, ""));
    this.current = "";
    this.emitted++;
  }

  /** An explicit empty line (an empty paragraph). */
  blankLine(): void {
    this.softBreak();
    this.lines.push("");
    this.emitted++;
  }

  /** A counter that changes whenever content is emitted: to tell whether an element was empty. */
  mark(): number {
    return this.emitted;
  }

  finish(): string {
    this.softBreak();
    return this.lines.join("\n");
  }

  private append(text: string): void {
    if (text.length === 0) return;
    this.current += text;
    this.emitted++;
  }
}

/** Elements that never hold others (no end tag). */
const VOID_ELEMENTS = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
  "source", "track", "wbr",
]); // prettier-ignore
/** Elements whose end tag may be left out: the next one closes them, they do not nest. */
const IMPLIED_END = new Set([
  "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
  "colgroup", "caption", "rb", "rt", "rp",
]); // prettier-ignore
/** Elements whose content is text up to their end tag. */
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "noscript"]);

/**
 * How deeply a page's elements nest, from its tags alone (no tree is built): start tags of
 * elements that can nest count one level, end tags close one. Stops counting once over `limit`.
 */
export function htmlNestingDepth(html: string, limit = Infinity): number {
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(\/?)>|<!--[\s\S]*?(?:-->|$)|<[!?][^>]*>/g;
  const lower = html.toLowerCase();
  let depth = 0;
  let deepest = 0;
  for (let m = tag.exec(html); m !== null && deepest <= limit; m = tag.exec(html)) {
    const name = m[2]?.toLowerCase();
    if (name === undefined || VOID_ELEMENTS.has(name) || IMPLIED_END.has(name)) continue;
    if (m[1] === "/") depth = Math.max(0, depth - 1);
    else if (m[3] !== "/") {
      deepest = Math.max(deepest, ++depth);
      if (RAW_TEXT.has(name)) {
        const end = lower.indexOf(`</${name}`, tag.lastIndex);
        tag.lastIndex = end === -1 ? html.length : end;
      }
    }
  }
  return deepest;
}

/** Extracts an HTML page. `source` names it in warnings. */
export function extractHtml(
  bytes: Uint8Array,
  source: string,
  limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS,
): RawExtraction {
  const { html, warnings } = decodeHtml(bytes, source);
  const depth = htmlNestingDepth(html, limits.maxHtmlDepth);
  checkLimit(source, limits, "maxHtmlDepth", depth, (n) =>
    n > limits.maxHtmlDepth ? `elements nested more than ${limits.maxHtmlDepth} deep` : `${n}`,
  );
  return { text: htmlToText(html), warnings };
}
