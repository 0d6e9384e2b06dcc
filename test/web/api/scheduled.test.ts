/**
 * The app with a SliceScheduler (as the Node server runs it): every API and page answer is the
 * same as without one, however often searches pause; and a cheap query sent after an expensive
 * one is answered first. The clock counts its readings (one unit each), so which query pauses
 * does not depend on the machine's speed.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { openCorpus } from "../../../src/search/load";
import { RUN_STRAIGHT, SliceScheduler, type TaskRunner } from "../../../src/search/scheduler";
import type { SearchPage } from "../../../src/search/types";
import { createApp } from "../../../src/web/app";
import { memoryReader } from "../../fixtures/corpus";
import { generatedAssets } from "../../fixtures/generated-corpus";

let files: Map<string, string>;
beforeAll(() => {
  files = generatedAssets();
}, 60_000);

function appWith(runner: TaskRunner) {
  return createApp({ loadCorpus: () => openCorpus(memoryReader(files)), runner });
}

/** A scheduler whose clock advances one unit per reading; `sliceMs` is in those units. */
function countingScheduler(slice: number): SliceScheduler {
  let readings = 0;
  return new SliceScheduler({
    sliceMs: slice,
    now: () => readings++,
    defer: (callback) => setImmediate(callback),
  });
}

const HEAVY = "/api/search?q=the%20OR%20of%20OR%20and%20OR%20to%20OR%20you%20OR%20in%20OR%20thank";
const CHEAP = "/api/search?q=secretariat";

const PATHS = [
  HEAVY,
  CHEAP,
  "/api/search?q=%22thank%20you%22%20OR%20%22the%20floor%22&limit=100&format=csv",
  "/api/search?q=-%22thank%20you%22&sort=chronological&offset=100",
  "/api/search?q=the*%20OR%20and*&speaker=USA",
  "/api/phrase?q=thank%20you&limit=50",
  "/api/search?q=%22unterminated",
  "/api/phrase?q=",
  "/?q=thank%20OR%20floor",
  "/?q=internet&kind=delegation&page=2",
  "/phrase?q=thank%20you",
  "/phrase?q=thank%20you&vs=the%20floor",
  "/phrase?q=thank%20you&speaker=USA&vs=speaker:CHN",
];

describe("the app with a slice scheduler", () => {
  test("answers every path exactly as without one, with searches pausing all the time", async () => {
    const straight = appWith(RUN_STRAIGHT);
    const scheduler = countingScheduler(1); // a pause at nearly every checkpoint
    const paced = appWith(scheduler);
    for (const path of PATHS) {
      const [a, b] = await Promise.all([straight.request(path), paced.request(path)]);
      expect(b.status, path).toBe(a.status);
      expect(await b.text(), path).toBe(await a.text());
    }
    expect(scheduler.stats.slowTasks).toBeGreaterThanOrEqual(8);
    expect(scheduler.stats.slowSlices).toBeGreaterThan(50);
    expect(scheduler.stats.waiting).toBe(0);
  });

  test("answers concurrent requests each with its own result", async () => {
    const straight = appWith(RUN_STRAIGHT);
    const paced = appWith(countingScheduler(3));
    const expected = await Promise.all(PATHS.map(async (p) => (await straight.request(p)).text()));
    const got = await Promise.all(PATHS.map(async (p) => (await paced.request(p)).text()));
    expect(got).toEqual(expected);
  });

  test.each<[string, () => TaskRunner, string[]]>([
    ["a slice scheduler", () => countingScheduler(10), ["cheap", "heavy"]],
    ["no scheduler", () => RUN_STRAIGHT, ["heavy", "cheap"]],
  ])("with %s, a cheap search sent after a heavy one ends %j", async (_name, runner, order) => {
    // Which search ended when: the runner's results are pages, told apart by their totals.
    const totals = new Map<number, string>();
    const straight = appWith(RUN_STRAIGHT);
    for (const [name, path] of [
      ["heavy", HEAVY],
      ["cheap", CHEAP],
    ] as const) {
      const response = await straight.request(path);
      totals.set(((await response.json()) as SearchPage).total, name);
    }
    expect(totals.size).toBe(2);
    const inner = runner();
    const finished: string[] = [];
    const recording: TaskRunner = {
      run: (task) =>
        inner.run(task).then((value) => {
          finished.push(totals.get((value as SearchPage).total) ?? "?");
          return value;
        }),
    };
    const app = appWith(recording);
    await app.request("/api/corpus"); // the corpus is loaded before the race
    const statuses = await Promise.all([app.request(HEAVY), app.request(CHEAP)]);
    expect(statuses.map((r) => r.status)).toEqual([200, 200]);
    expect(finished).toEqual(order);
  });
});
