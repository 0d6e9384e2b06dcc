/**
 * How long to wait before a retry: the server's Retry-After when it gives one, else full-jitter
 * exponential backoff. Pure.
 */

/**
 * Parses a Retry-After header: delay-seconds ("120") or an HTTP date. Returns milliseconds from
 * `now` (0 for a date in the past), or null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === "") return null;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date names its day or month ("Fri, 14 Dec 2012 12:00:00 GMT"); "-1" or "1.5" is no date.
  if (!/[a-z]{3}/i.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/**
 * Full-jitter exponential backoff (AWS architecture blog, "Exponential Backoff And Jitter"): a
 * uniformly random wait between 0 and min(cap, base * 2^retry), `retry` counting from 0.
 */
export function fullJitterDelay(
  retry: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, retry));
  return Math.floor(random() * ceiling);
}
