/**
 * The HTTP cache of the scraper: per URL, the body and the validators (ETag, Last-Modified) that
 * let the next run ask "has it changed?" instead of downloading again.
 *
 * Layout under the cache dir:
 *   meta/<sha256 of the URL>.json   what was fetched from that URL (CacheEntry)
 *   bodies/<sha256 of body>/<name>  the bytes, content-addressed (one copy per distinct body)
 * Every file is written atomically, the body before the entry that points at it, so an
 * interrupted run leaves either the old entry or a complete new one, never a partial body.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic, writeJsonAtomic } from "../io/atomic";

export const CACHE_SCHEMA_VERSION = 1;

/** What the cache holds for one URL. */
export interface CacheEntry {
  schemaVersion: typeof CACHE_SCHEMA_VERSION;
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
  sha256: string;
  bytes: number;
  /** Body path relative to the cache dir. */
  bodyFile: string;
  /** ISO time of the download. */
  fetchedAt: string;
}

/** What is stored with a body. */
export interface CachePut {
  url: string;
  finalUrl: string;
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
  fetchedAt: string;
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** A file name for a body, from the last path segment of its URL ("body" when none). */
export function bodyFileName(url: string): string {
  const path = new URL(url).pathname;
  let last = path.slice(path.lastIndexOf("/") + 1);
  try {
    last = decodeURIComponent(last);
  } catch {
    // keep it encoded
  }
  const safe = last.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^\.+/, "");
  return safe === "" ? "body" : safe.slice(0, 100);
}

export class FetchCache {
  constructor(readonly dir: string) {}

  private metaPath(url: string): string {
    return join(this.dir, "meta", `${sha256Hex(url)}.json`);
  }

  /** Absolute-or-relative path (as the dir was given) of a stored body. */
  bodyPath(entry: CacheEntry): string {
    return join(this.dir, entry.bodyFile);
  }

  /**
   * The entry and body stored for `url`, or null when there is none or it is unusable (missing
   * body, or a body whose sha256 no longer matches: such an entry is treated as absent).
   */
  async get(url: string): Promise<{ entry: CacheEntry; body: Uint8Array } | null> {
    let entry: CacheEntry;
    try {
      entry = JSON.parse(await readFile(this.metaPath(url), "utf8")) as CacheEntry;
    } catch {
      return null;
    }
    if (entry.schemaVersion !== CACHE_SCHEMA_VERSION || entry.url !== url) return null;
    let body: Uint8Array;
    try {
      body = new Uint8Array(await readFile(this.bodyPath(entry)));
    } catch {
      return null;
    }
    if (sha256Hex(body) !== entry.sha256) return null;
    return { entry, body };
  }

  /** Stores a body and its entry (body first, both atomically). Returns the entry. */
  async put(put: CachePut, body: Uint8Array): Promise<CacheEntry> {
    const sha256 = sha256Hex(body);
    const bodyFile = join("bodies", sha256, bodyFileName(put.finalUrl));
    const entry: CacheEntry = {
      schemaVersion: CACHE_SCHEMA_VERSION,
      ...put,
      sha256,
      bytes: body.byteLength,
      bodyFile,
    };
    await writeFileAtomic(join(this.dir, bodyFile), body);
    await writeJsonAtomic(this.metaPath(put.url), entry);
    return entry;
  }
}
