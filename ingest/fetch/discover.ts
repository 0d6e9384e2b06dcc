/**
 * Link discovery: an HTML page and its URL in, the links worth following out. Pure (cheerio only,
 * no I/O). Which links are transcripts is decided later from the parsed header, never from the
 * link text; the text is kept only for the report.
 */
import { load } from "cheerio";

/** What a URL looks like from its path. */
export type LinkKind = "page" | "file";

export interface DiscoveredLink {
  /** Absolute URL, fragment dropped. */
  url: string;
  kind: LinkKind;
  /** The link's text, whitespace collapsed (for the report only). */
  text: string;
}

/** Extensions of files that may hold a transcript. */
export const FILE_EXTENSIONS: readonly string[] = ["doc", "docx", "pdf", "txt"];
/** Extensions of pages: followed for links, and kept as transcripts when they look like one. */
export const PAGE_EXTENSIONS: readonly string[] = ["htm", "html", "aspx", "asp", "php", "jsp"];

/**
 * Normalises a URL for comparison: resolved against `base`, fragment dropped, http(s) only.
 * Returns null for anything that is not a web link (mailto:, javascript:, a bad URL).
 */
export function normalizeUrl(href: string, base?: string): string | null {
  const trimmed = href.trim();
  if (trimmed === "" || trimmed.startsWith("#")) return null;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  url.hash = "";
  return url.href;
}

/** The extension of a URL's last path segment, lower-cased ("" when none). */
export function urlExtension(url: string): string {
  const path = new URL(url).pathname;
  const last = path.slice(path.lastIndexOf("/") + 1);
  const dot = last.lastIndexOf(".");
  return dot < 0 ? "" : decodeURIComponent(last.slice(dot + 1)).toLowerCase();
}

/** "file" for .doc/.docx/.pdf/.txt, "page" for HTML-ish paths and folders, null for the rest. */
export function classifyUrl(url: string): LinkKind | null {
  const ext = urlExtension(url);
  if (FILE_EXTENSIONS.includes(ext)) return "file";
  if (ext === "" || PAGE_EXTENSIONS.includes(ext)) return "page";
  return null;
}

export interface DiscoverOptions {
  /** Hosts whose links are kept (default: the host of `baseUrl`). */
  hosts?: readonly string[];
}

/**
 * Finds the links of a page: `<a href>`, `<area href>`, `<frame src>`, `<iframe src>`, resolved
 * against `<base href>` or the page URL. Keeps same-host links to pages and to transcript files,
 * drops fragments, and returns each URL once, in document order.
 */
export function discoverLinks(
  html: string,
  baseUrl: string,
  options: DiscoverOptions = {},
): DiscoveredLink[] {
  const $ = load(html);
  const baseHref = $("base[href]").first().attr("href");
  const base = (baseHref && normalizeUrl(baseHref, baseUrl)) || baseUrl;
  const hosts = new Set(options.hosts ?? [new URL(baseUrl).host]);
  const self = normalizeUrl(baseUrl);
  const seen = new Set<string>();
  const links: DiscoveredLink[] = [];
  $("a[href], area[href], frame[src], iframe[src]").each((_, element) => {
    const node = $(element);
    const href = node.attr("href") ?? node.attr("src") ?? "";
    const url = normalizeUrl(href, base);
    if (url === null || url === self || seen.has(url)) return;
    if (!hosts.has(new URL(url).host)) return;
    const kind = classifyUrl(url);
    if (kind === null) return;
    seen.add(url);
    links.push({ url, kind, text: node.text().replace(/\s+/g, " ").trim() });
  });
  return links;
}

const STATUS_LINE =
  /\b(FINISHED TRANSCRIPT|FINAL TRANSCRIPT|FINISHED FILE|FINAL COPY|FINISHED COPY|RAW COPY)\b/;
const TURN_MARKER = />>\s*[A-Z]/g;

/**
 * True when an HTML page reads like a caption transcript rather than an index page: it has a
 * status line, or several `>> LABEL` turn markers.
 */
export function looksLikeTranscriptHtml(html: string): boolean {
  const $ = load(html);
  $("script, style, noscript").remove();
  // Block ends and line breaks become newlines, so that adjacent paragraphs do not run together.
  $("br").replaceWith("\n");
  $("p, div, li, tr, td, h1, h2, h3, h4, h5, h6, pre").append("\n");
  const text = $("body").length > 0 ? $("body").text() : $.root().text();
  if (STATUS_LINE.test(text)) return true;
  return (text.match(TURN_MARKER)?.length ?? 0) >= 3;
}

/** True when the bytes are HTML (by Content-Type, or by their first characters). */
export function isHtml(bytes: Uint8Array, contentType: string | null): boolean {
  if (contentType !== null && /\b(text\/html|application\/xhtml\+xml)\b/i.test(contentType)) {
    return true;
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  return head.startsWith("<!doctype html") || head.startsWith("<html");
}

/**
 * The default crawl scope of a start page: the folder above its folder, so that
 * /en/wcit-12/Pages/default.aspx lets the crawl see /en/wcit-12/Documents/ but not the rest of
 * the host.
 */
export function defaultScope(startUrl: string): string {
  const url = new URL(startUrl);
  const segments = url.pathname.split("/").slice(1, -1); // folders, without the file name
  const kept = segments.slice(0, Math.max(0, segments.length - 1));
  return `${url.origin}/${kept.map((s) => `${s}/`).join("")}`;
}
