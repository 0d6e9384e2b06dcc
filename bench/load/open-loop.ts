/**
 * An open-loop driver: requests arrive at a fixed mean rate at seeded, exponentially spaced
 * (Poisson) times, whatever the server's answers, as independent users' requests do; each
 * request's latency runs from the moment it was due to the end of its response, so time spent
 * waiting for a free connection or behind a slow answer counts (no coordinated omission).
 * autocannon's `overallRate` is not this: it sends each second's quota as a burst at the start
 * of the second.
 *
 * Requests go over at most `connections` keep-alive connections (node:http Agent); when all are
 * busy, the next due request waits for one, and that wait is part of its latency.
 */
import http from "node:http";
import { createRandom } from "../random";
import { type DriveResult, ResponseTally, checkLoopback } from "./drive";
import type { LoadRequest } from "./queries";

export interface OpenLoopOptions {
  /** Mean requests per second. */
  rate: number;
  durationS: number;
  /** Most connections open at once. */
  connections: number;
  /** Bound on the requests sent. */
  maxRequests: number;
  /** Seconds before a request counts as timed out. */
  timeoutS: number;
  /** Seed of the arrival times. */
  seed: number;
}

/** How often the sender wakes up to send what is due, ms. */
export const SEND_TICK_MS = 1;

/** Arrival offsets in ms, from 0, for `count` requests at `rate` per second (exponential gaps). */
export function arrivalTimes(rate: number, durationS: number, seed: number, max: number): number[] {
  if (!(rate > 0)) throw new Error(`bench:load: rate must be positive, not ${rate}`);
  const random = createRandom(seed);
  const times: number[] = [];
  const meanGapMs = 1000 / rate;
  for (let t = 0; times.length < max;) {
    t += -Math.log(1 - random.next()) * meanGapMs;
    if (t >= durationS * 1000) break;
    times.push(t);
  }
  return times;
}

export function driveOpenLoop(
  origin: string,
  requests: readonly LoadRequest[],
  options: OpenLoopOptions,
): Promise<DriveResult> {
  if (requests.length === 0) throw new Error("bench:load: no requests to send");
  checkLoopback(origin);
  const url = new URL(origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const due = arrivalTimes(options.rate, options.durationS, options.seed, options.maxRequests);
  const tally = new ResponseTally();
  let sent = 0;
  let settled = 0;
  let bytes = 0;
  let socketErrors = 0;
  let timeouts = 0;
  const start = performance.now();

  return new Promise((resolve) => {
    const finish = (): void => {
      agent.destroy();
      resolve({
        durationS: (performance.now() - start) / 1000,
        sent,
        completed: tally.completed,
        bytes,
        socketErrors,
        timeouts,
        untagged: 0,
        tallies: tally.tallies,
        unexpected: tally.unexpected,
        unexpectedCount: tally.unexpectedCount,
      });
    };
    const settle = (): void => {
      settled++;
      if (settled === due.length) finish();
    };
    const send = (request: LoadRequest, dueAt: number): void => {
      sent++;
      let done = false;
      /** Settles this request once: answered (status and body) or failed (null). */
      const end = (answer: { status: number; body: Buffer } | null, timedOut = false): void => {
        if (done) return;
        done = true;
        if (answer) {
          bytes += answer.body.length;
          const latency = performance.now() - dueAt;
          tally.record(request, answer.status, answer.body.toString("utf8"), latency);
        } else {
          socketErrors++;
          if (timedOut) timeouts++;
        }
        settle();
      };
      const outgoing = http.get(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: request.path,
          timeout: options.timeoutS * 1000,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            end({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }),
          );
          response.on("error", () => end(null));
        },
      );
      outgoing.on("timeout", () => {
        end(null, true);
        outgoing.destroy();
      });
      outgoing.on("error", () => end(null));
    };
    if (due.length === 0) {
      finish();
      return;
    }
    let next = 0;
    const tick = (): void => {
      const now = performance.now() - start;
      while (next < due.length && due[next]! <= now) {
        send(requests[next % requests.length]!, start + due[next]!);
        next++;
      }
      if (next < due.length) setTimeout(tick, SEND_TICK_MS);
    };
    tick();
  });
}
