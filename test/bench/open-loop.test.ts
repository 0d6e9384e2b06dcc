/**
 * The open-loop driver of bench:load against a small server on 127.0.0.1 with real faults: a
 * slow answer (its wait counts from when the request was due), a 400 naming its parameter, one
 * that does not, and a request that never gets an answer (a timeout, counted as an error).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { arrivalTimes, driveOpenLoop } from "../../bench/load/open-loop";
import type { LoadRequest } from "../../bench/load/queries";

let server: http.Server;
let origin = "";
const hanging: http.ServerResponse[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const path = request.url ?? "";
    if (path === "/hang") {
      hanging.push(response);
      return;
    }
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { "Content-Type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (path === "/slow") setTimeout(() => send(200, { ok: true }), 80);
    else if (path === "/bad") send(400, { parameter: "q", message: "q: unterminated quote" });
    else if (path === "/unnamed") send(400, { message: "something is wrong" });
    else send(200, { ok: true });
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const response of hanging) response.destroy();
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

const request = (path: string, cls: string, expect: 200 | 400): LoadRequest => ({
  path,
  kind: "ordinary",
  cls,
  expect,
});

describe("arrivalTimes", () => {
  test("seeded Poisson arrivals: the same for a seed, increasing, at about the rate", () => {
    const a = arrivalTimes(200, 20, 7, 1e6);
    expect(arrivalTimes(200, 20, 7, 1e6)).toEqual(a);
    expect(arrivalTimes(200, 20, 8, 1e6)).not.toEqual(a);
    expect(a.every((t, i) => i === 0 || t > a[i - 1]!)).toBe(true);
    expect(a.at(-1)!).toBeLessThan(20_000);
    expect(a.length).toBeGreaterThan(3800); // 4,000 expected
    expect(a.length).toBeLessThan(4200);
    expect(arrivalTimes(200, 20, 7, 100)).toHaveLength(100);
    expect(() => arrivalTimes(0, 1, 7, 10)).toThrow(/rate must be positive/);
  });
});

describe("driveOpenLoop", () => {
  test("tallies answers by class, counts waits from when each request was due, and times out the unanswered", async () => {
    const requests = [
      request("/ok", "term", 200),
      request("/slow", "slow", 200),
      request("/bad", "malformed", 400),
      request("/unnamed", "unnamed", 400),
      request("/hang", "hang", 200),
    ];
    const result = await driveOpenLoop(origin, requests, {
      rate: 50,
      durationS: 1,
      connections: 4,
      maxRequests: 20,
      timeoutS: 0.5,
      seed: 3,
    });
    expect(result.sent).toBe(20);
    expect(result.timeouts).toBe(4); // every fifth request hangs
    expect(result.socketErrors).toBe(4);
    expect(result.completed).toBe(16);
    const slow = result.tallies.get("ordinary:slow")!;
    expect(slow.latencies).toHaveLength(4);
    expect(Math.min(...slow.latencies)).toBeGreaterThanOrEqual(79);
    expect(result.tallies.get("ordinary:malformed")!.unnamed400).toBe(0);
    expect(result.tallies.get("ordinary:unnamed")!.unnamed400).toBe(4);
    expect(result.unexpectedCount).toBe(4);
    expect(result.unexpected[0]).toMatchObject({ path: "/unnamed", expected: 400, status: 400 });
  });

  test("refuses any host but 127.0.0.1", () => {
    expect(() =>
      driveOpenLoop("http://localhost:1", [request("/ok", "term", 200)], {
        rate: 1,
        durationS: 1,
        connections: 1,
        maxRequests: 1,
        timeoutS: 1,
        seed: 1,
      }),
    ).toThrow(/only 127.0.0.1 is driven/);
  });
});
