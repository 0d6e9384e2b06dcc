/**
 * Cache headers for the API: successful GETs may be cached for a while (the corpus changes only
 * with a new build), errors never. ETags come from hono/etag. Runtime-free.
 */
import type { MiddlewareHandler } from "hono";

/** Cache-Control of successful API responses. */
export const API_CACHE_CONTROL = "public, max-age=300";

export function cacheControl(value = API_CACHE_CONTROL): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.status >= 200 && c.res.status < 400 && !c.res.headers.has("Cache-Control")) {
      c.res.headers.set("Cache-Control", value);
    } else if (c.res.status >= 400) {
      c.res.headers.set("Cache-Control", "no-store");
    }
  };
}
