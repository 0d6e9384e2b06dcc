/**
 * The static files the pages use, served by the pages app itself (its /static/:file route)
 * so the Worker and the Node server serve them the same way, with no external host. Paths carry
 * a content hash, so they can be cached for a year and a new build never serves a stale file.
 */
import { fnv1a } from "../../search/schema";
import { CLIENT_JS } from "./client";
import { STYLES } from "./styles";

/** One static file: its versioned path, body and media type. */
export interface StaticFile {
  path: string;
  body: string;
  type: string;
}

/** Where static files are served under. */
export const STATIC_PREFIX = "/static";

function file(name: string, extension: string, body: string, type: string): StaticFile {
  return { path: `${STATIC_PREFIX}/${name}.${fnv1a(body)}.${extension}`, body, type };
}

/** The stylesheet and the progressive script. */
export const STATIC_FILES = {
  css: file("site", "css", STYLES, "text/css; charset=utf-8"),
  js: file("site", "js", CLIENT_JS, "text/javascript; charset=utf-8"),
} as const;

/** A static file by its request path, or undefined. */
export function staticFileFor(path: string): StaticFile | undefined {
  return Object.values(STATIC_FILES).find((f) => f.path === path);
}
