/**
 * The HTTP layer on its own, against small fixture sites on 127.0.0.1: the per-host limit, the
 * pause between requests, which failures are retried and how often, the backoff schedule,
 * Retry-After, timeouts, conditional requests, the size limit and the User-Agent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient, HttpError, USER_AGENT } from "../../ingest/fetch/http";
import { startFixtureSite, type FixtureSite, type Resource } from "./fixture-site";

const text = (s: string) => new TextEncoder().encode(s);
const ok = (body = "SYNTHETIC SAMPLE"): Resource => ({
  body: text(body),
  contentType: "text/plain",
});
const failing = (status: number, retryAfter?: string): Resource => ({
  ...ok(),
  script: [{ kind: "status", status, ...(retryAfter === undefined ? {} : { retryAfter }) }],
});

let site: FixtureSite;
let slow: FixtureSite;

beforeAll(async () => {
  site = await startFixtureSite(
    () => ({
      resources: new Map<string, Resource>([
        ...Array.from({ length: 8 }, (_, i): [string, Resource] => [`/f${i}.txt`, ok(`file ${i}`)]),
        ["/ok.txt", ok()],
        ["/big.txt", ok("x".repeat(1000))],
        ["/404.txt", failing(404)],
        ["/403.txt", failing(403)],
        ["/400.txt", failing(400)],
        ["/500.txt", failing(500)],
        ["/500b.txt", failing(500)],
        ["/503-long.txt", failing(503, "60")],
        [
          "/429-then-ok.txt",
          {
            ...ok("after 429"),
            script: [{ kind: "status", status: 429, retryAfter: "0" }, { kind: "ok" }],
          },
        ],
        ["/moved.txt", { ...ok(), script: [{ kind: "redirect", to: "/ok.txt", status: 302 }] }],
      ]),
    }),
    { latencyMs: 30 },
  );
  slow = await startFixtureSite(() => ({ resources: new Map([["/slow.txt", ok()]]) }), {
    latencyMs: 400,
  });
});

afterAll(async () => {
  await site?.close();
  await slow?.close();
});

const fast = { delayMs: 0, backoffBaseMs: 1, backoffMaxMs: 5 };

async function rejection(promise: Promise<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}

describe("politeness", () => {
  it("never has more than 2 requests in flight per host, whatever concurrency is asked", async () => {
    site.resetCounters();
    const client = createHttpClient({ ...fast, concurrency: 5 });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => client.get(site.url(`/f${i}.txt`))),
    );
    expect(results.map((r) => new TextDecoder().decode(r.bytes))).toEqual(
      Array.from({ length: 8 }, (_, i) => `file ${i}`),
    );
    expect(site.maxInFlight).toBe(2);
  });

  it("uses one slot when asked for 1", async () => {
    site.resetCounters();
    const client = createHttpClient({ ...fast, concurrency: 1 });
    await Promise.all(Array.from({ length: 4 }, (_, i) => client.get(site.url(`/f${i}.txt`))));
    expect(site.maxInFlight).toBe(1);
  });

  it("spaces request starts on a host by the delay", async () => {
    site.resetCounters();
    // Measured where the site receives them: a loaded machine can delay one request's arrival
    // and so bring it closer to the next; the margin (a third of the delay) absorbs that.
    const client = createHttpClient({ ...fast, delayMs: 300 });
    await Promise.all(Array.from({ length: 4 }, (_, i) => client.get(site.url(`/f${i}.txt`))));
    const starts = site.requests.map((r) => r.at).sort((a, b) => a - b);
    for (let i = 1; i < starts.length; i++) {
      expect((starts[i] ?? 0) - (starts[i - 1] ?? 0)).toBeGreaterThanOrEqual(200);
    }
  });

  it("names the project in the User-Agent", async () => {
    site.resetCounters();
    await createHttpClient(fast).get(site.url("/ok.txt"));
    expect(site.requests[0]?.headers["user-agent"]).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/wcit-search.*\+https?:\/\//);
  });
});

describe("retries", () => {
  it.each([[404], [403], [400]])("does not retry a %d", async (status) => {
    site.resetCounters();
    const error = await rejection(createHttpClient(fast).get(site.url(`/${status}.txt`)));
    expect(error).toMatchObject({ kind: "status", status, attempts: 1 });
    expect(error.message.startsWith(`fetch: ${site.url(`/${status}.txt`)}: HTTP ${status}`)).toBe(
      true,
    );
    expect(site.count(`/${status}.txt`)).toBe(1);
  });

  it("retries a 500 at most 5 times, with full-jitter exponential waits", async () => {
    site.resetCounters();
    const waits: number[] = [];
    const client = createHttpClient({
      delayMs: 0,
      backoffBaseMs: 100,
      backoffMaxMs: 1000,
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const error = await rejection(client.get(site.url("/500.txt")));
    expect(site.count("/500.txt")).toBe(6);
    expect(error.attempts).toBe(6);
    expect(error.errors).toHaveLength(6);
    expect(error.status).toBe(500);
    expect(waits).toEqual([50, 100, 200, 400, 500]); // half of min(cap, base * 2^n)
    expect(client.stats.requests).toBe(6);
  });

  it("caps the retries at 5 even when asked for more", async () => {
    site.resetCounters();
    await rejection(createHttpClient({ ...fast, retries: 9 }).get(site.url("/500b.txt")));
    expect(site.count("/500b.txt")).toBe(6);
  });

  it("retries a 429 after its Retry-After and reports the earlier failure", async () => {
    site.resetCounters();
    const result = await createHttpClient(fast).get(site.url("/429-then-ok.txt"));
    expect(new TextDecoder().decode(result.bytes)).toBe("after 429");
    expect(result.attempts).toBe(2);
    expect(result.errors).toEqual(["HTTP 429 Too Many Requests (Retry-After 0 s)"]);
  });

  it("gives up at once when Retry-After is longer than it is willing to wait", async () => {
    site.resetCounters();
    const error = await rejection(
      createHttpClient({ ...fast, maxRetryAfterMs: 500 }).get(site.url("/503-long.txt")),
    );
    expect(site.count("/503-long.txt")).toBe(1);
    expect(error.retryAfterMs).toBe(60_000);
    expect(error.detail).toMatch(/Retry-After 60 s.*longer than the 1 s we wait/);
  });

  it("times out a slow answer, and retries it", async () => {
    slow.resetCounters();
    const error = await rejection(
      createHttpClient({ ...fast, timeoutMs: 50, retries: 1 }).get(slow.url("/slow.txt")),
    );
    expect(error.kind).toBe("timeout");
    expect(error.attempts).toBe(2);
    expect(slow.count("/slow.txt")).toBe(2);
  });

  it("reports a refused connection as a network error after its retries", async () => {
    const closed = await startFixtureSite(() => ({ resources: new Map() }));
    const url = closed.url("/x.txt");
    await closed.close();
    const error = await rejection(createHttpClient({ ...fast, retries: 2 }).get(url));
    expect(error.kind).toBe("network");
    expect(error.attempts).toBe(3);
    expect(error.detail).toMatch(/ECONNREFUSED/);
  });
});

describe("responses", () => {
  it.each([["not a url"], ["ftp://127.0.0.1/x.txt"]])(
    "refuses %j without a request",
    async (url) => {
      const client = createHttpClient(fast);
      const error = await rejection(client.get(url));
      expect(error).toMatchObject({ kind: "invalid-url", attempts: 0 });
      expect(client.stats.requests).toBe(0);
    },
  );

  it("follows a redirect and records the final URL", async () => {
    const result = await createHttpClient(fast).get(site.url("/moved.txt"));
    expect(result.finalUrl).toBe(site.url("/ok.txt"));
    expect(result.status).toBe(200);
  });

  it("sends the validators and takes a 304 as not modified", async () => {
    site.resetCounters();
    const client = createHttpClient(fast);
    const first = await client.get(site.url("/ok.txt"));
    expect(first.etag).toMatch(/^".+"$/);
    expect(first.lastModified).toBe("Fri, 14 Dec 2012 12:00:00 GMT");
    const again = await client.get(site.url("/ok.txt"), {
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(again).toMatchObject({ notModified: true, status: 304, attempts: 1 });
    expect(again.bytes.byteLength).toBe(0);
    expect(site.requests[1]?.headers["if-none-match"]).toBe(first.etag);
    expect(site.requests[1]?.headers["if-modified-since"]).toBe(first.lastModified);
    expect(client.stats).toEqual({ requests: 2, downloads: 1, notModified: 1 });
  });

  it("refuses a body over the size limit without retrying", async () => {
    site.resetCounters();
    const error = await rejection(
      createHttpClient({ ...fast, maxBytes: 100 }).get(site.url("/big.txt")),
    );
    expect(error.kind).toBe("too-large");
    expect(site.count("/big.txt")).toBe(1);
  });
});
