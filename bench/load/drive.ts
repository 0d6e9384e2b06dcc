/**
 * Drives the server with autocannon (programmatic API) and times every request by its class.
 *
 * How requests are tagged: one autocannon request template whose `setupRequest` takes the next
 * request of the mix (a shared counter, so the sequence sent is the same in every run) and
 * remembers it in the connection's context; its `onResponse` hook reads it back with the
 * status. autocannon calls that hook and then, synchronously and on the same connection, emits
 * the instance's `response` event with the response time (ms from writing the request to the
 * end of the response, measured by autocannon with process.hrtime), so the two are paired
 * without any request on another connection in between. With pipelining 1 (the default) a
 * connection has one request in flight, so the context always holds the request answered. A
 * pairing that does not match (different status) is counted as `untagged` and reported.
 *
 * The loop is bounded: autocannon stops after `durationS` or `maxRequests` requests, whichever
 * comes first, and a guard timer stops it if it has not ended shortly after that.
 */
import autocannon from "autocannon";
import type { LoadRequest, RequestKind } from "./queries";

export interface DriveOptions {
  connections: number;
  durationS: number;
  /** Bound on the requests sent. */
  maxRequests: number;
  /** Seconds before a request counts as timed out. */
  timeoutS: number;
}

/** What one class of requests got. */
export interface ClassTally {
  kind: RequestKind;
  cls: string;
  expect: 200 | 400;
  /** Response times in ms, in completion order. */
  latencies: number[];
  /** Status -> count. */
  statuses: Map<number, number>;
  /** 400 answers whose JSON body does not name the parameter (`parameter` + message prefix). */
  unnamed400: number;
}

/** A response that was not what its request had to get. */
export interface Unexpected {
  path: string;
  cls: string;
  expected: number;
  status: number;
  body: string;
}

export interface DriveResult {
  durationS: number;
  /** Requests written (autocannon's count, including those cut off at the end). */
  sent: number;
  /** Responses received. */
  completed: number;
  bytes: number;
  /** Connection errors and timeouts (autocannon `errors`, which includes `timeouts`). */
  socketErrors: number;
  timeouts: number;
  /** Responses that could not be paired with their request (must be 0). */
  untagged: number;
  tallies: Map<string, ClassTally>;
  /** The first unexpected responses (at most MAX_EXAMPLES). */
  unexpected: Unexpected[];
  unexpectedCount: number;
}

const MAX_EXAMPLES = 10;
const BODY_KEPT = 300;

/** True when a 400 body is JSON naming the parameter at fault. */
export function namesParameter(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { parameter?: unknown; message?: unknown };
    return (
      typeof parsed.parameter === "string" &&
      parsed.parameter !== "" &&
      typeof parsed.message === "string" &&
      parsed.message.startsWith(`${parsed.parameter}:`)
    );
  } catch {
    return false;
  }
}

interface Context {
  request?: LoadRequest;
}

/** Tallies responses by class and keeps the unexpected ones (shared by both drivers). */
export class ResponseTally {
  readonly tallies = new Map<string, ClassTally>();
  readonly unexpected: Unexpected[] = [];
  unexpectedCount = 0;

  private tallyOf(request: LoadRequest): ClassTally {
    const key = `${request.kind}:${request.cls}`;
    let tally = this.tallies.get(key);
    if (!tally) {
      tally = {
        kind: request.kind,
        cls: request.cls,
        expect: request.expect,
        latencies: [],
        statuses: new Map(),
        unnamed400: 0,
      };
      this.tallies.set(key, tally);
    }
    return tally;
  }

  /** Records one answered request: its latency in ms, status and body. */
  record(request: LoadRequest, status: number, body: string, latencyMs: number): void {
    const tally = this.tallyOf(request);
    tally.latencies.push(latencyMs);
    tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
    const named = status !== 400 || namesParameter(body);
    if (!named) tally.unnamed400++;
    if (status !== request.expect || !named) {
      this.unexpectedCount++;
      if (this.unexpected.length < MAX_EXAMPLES) {
        this.unexpected.push({
          path: request.path,
          cls: request.cls,
          expected: request.expect,
          status,
          body: body.slice(0, BODY_KEPT),
        });
      }
    }
  }

  /** Responses recorded. */
  get completed(): number {
    return [...this.tallies.values()].reduce((sum, t) => sum + t.latencies.length, 0);
  }
}

/** Refuses to drive anything but 127.0.0.1. */
export function checkLoopback(origin: string): void {
  const url = new URL(origin);
  if (url.hostname !== "127.0.0.1")
    throw new Error(`bench:load: refusing to load ${origin}: only 127.0.0.1 is driven`);
}

/** Drives `origin` with autocannon: a closed loop, each connection's next request sent when the last is answered. */
export function drive(
  origin: string,
  requests: readonly LoadRequest[],
  options: DriveOptions,
): Promise<DriveResult> {
  if (requests.length === 0) throw new Error("bench:load: no requests to send");
  checkLoopback(origin);
  let next = 0;
  let pending: { request: LoadRequest; status: number; body: string } | null = null;
  const tally = new ResponseTally();
  let untagged = 0;

  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections: options.connections,
        pipelining: 1,
        duration: options.durationS,
        maxOverallRequests: options.maxRequests,
        timeout: options.timeoutS,
        requests: [
          {
            method: "GET",
            setupRequest: (request, context) => {
              const load = requests[next++ % requests.length] as LoadRequest;
              (context as Context).request = load;
              return { ...request, path: load.path };
            },
            onResponse: (status, body, context) => {
              const request = (context as Context).request;
              pending = request ? { request, status, body } : null;
            },
          },
        ],
      },
      (error, result) => {
        clearTimeout(guard);
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        resolve({
          durationS: result.duration,
          sent: result.requests.sent,
          completed: tally.completed,
          bytes: result.throughput.total,
          socketErrors: result.errors,
          timeouts: result.timeouts,
          untagged,
          tallies: tally.tallies,
          unexpected: tally.unexpected,
          unexpectedCount: tally.unexpectedCount,
        });
      },
    );
    const guard = setTimeout(
      () => instance.stop(),
      (options.durationS + options.timeoutS + 10) * 1000,
    );
    instance.on("response", (_client, status, _bytes, responseTime) => {
      const answered = pending;
      pending = null;
      if (answered === null || answered.status !== status) {
        untagged++;
        return;
      }
      tally.record(answered.request, status, answered.body, responseTime);
    });
  });
}
