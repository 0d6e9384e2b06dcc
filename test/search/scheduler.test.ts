/**
 * The slice scheduler on a fake clock and hand-driven event-loop turns: cheap tasks never wait,
 * a task past its slice goes to the slow lane and lets later cheap tasks finish first, the slow
 * lane is first in first out, errors reach their own task only, and a turn's budget matches the
 * time the rest of the loop took.
 */
import { describe, expect, test } from "vitest";
import { type Pace, type Steps, checkpoint, CHECK_EVERY, runToEnd } from "../../src/search/pace";
import { DEFAULT_SLOW_SHARE, RUN_STRAIGHT, SliceScheduler } from "../../src/search/scheduler";

/** A clock the test moves, and the deferred turns it runs by hand. */
function harness(sliceMs = 10, slowShare = 0.5) {
  let time = 0;
  const turns: (() => void)[] = [];
  const scheduler = new SliceScheduler({
    sliceMs,
    slowShare,
    now: () => time,
    defer: (callback) => turns.push(callback),
  });
  return {
    scheduler,
    advance: (ms: number) => {
      time += ms;
    },
    now: () => time,
    pendingTurns: () => turns.length,
    /** Runs the next deferred turn; false when none is pending. */
    turn: (): boolean => {
      const next = turns.shift();
      next?.();
      return next !== undefined;
    },
  };
}

/** A task of `items` items that costs `msPerItem` of the fake clock each, pausing at checkpoints. */
function work(
  h: ReturnType<typeof harness>,
  items: number,
  msPerItem: number,
  log: string[],
  name: string,
) {
  return function* (pace: Pace): Steps<string> {
    for (let i = 0; i < items; i++) {
      h.advance(msPerItem);
      if (checkpoint(pace, i)) {
        log.push(`${name} pauses at ${i + 1}`);
        yield;
      }
    }
    log.push(`${name} done`);
    return name;
  };
}

/** Lets promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("runToEnd and RUN_STRAIGHT", () => {
  test("run the steps without pausing, whatever the task yields", async () => {
    function* task(): Steps<number> {
      yield;
      yield;
      return 42;
    }
    expect(runToEnd(task())).toBe(42);
    await expect(RUN_STRAIGHT.run(() => task())).resolves.toBe(42);
  });

  test("RUN_STRAIGHT rejects with the task's error", async () => {
    // eslint-disable-next-line require-yield -- a task that fails before its first pause
    function* failing(): Steps<number> {
      throw new Error("bad query");
    }
    await expect(RUN_STRAIGHT.run(failing)).rejects.toThrow("bad query");
  });
});

describe("SliceScheduler", () => {
  test("a task that ends within its slice resolves at once, without a turn", async () => {
    const h = harness(10);
    const log: string[] = [];
    // 2 * CHECK_EVERY items of 0.01 ms: 5 ms, within the 10 ms slice.
    const result = h.scheduler.run(work(h, 2 * CHECK_EVERY, 0.01, log, "cheap"));
    await expect(result).resolves.toBe("cheap");
    expect(log).toEqual(["cheap done"]);
    expect(h.pendingTurns()).toBe(0);
    expect(h.scheduler.stats).toEqual({
      tasks: 1,
      slowTasks: 0,
      longTasks: 0,
      slowSlices: 0,
      waiting: 0,
    });
  });

  test("a task past its slice pauses, and a cheap task started after it finishes first", async () => {
    const h = harness(10);
    const log: string[] = [];
    const finished: string[] = [];
    // 20 * CHECK_EVERY items of 0.01 ms: about 51 ms, so about 5 slices.
    const slow = h.scheduler.run(work(h, 20 * CHECK_EVERY, 0.01, log, "slow"));
    void slow.then((name) => finished.push(name));
    expect(log).toEqual(["slow pauses at 1024"]); // the first checkpoint at or past 10 ms
    expect(h.scheduler.stats.waiting).toBe(1);
    const cheap = h.scheduler.run(work(h, 10, 0.01, log, "cheap"));
    void cheap.then((name) => finished.push(name));
    await settle();
    expect(finished).toEqual(["cheap"]);
    let turns = 0;
    while (h.turn()) turns++;
    await settle();
    expect(finished).toEqual(["cheap", "slow"]);
    expect(turns).toBeGreaterThanOrEqual(1);
    const stats = h.scheduler.stats;
    expect(stats).toMatchObject({ tasks: 2, slowTasks: 1, waiting: 0 });
    expect(stats.slowSlices).toBeGreaterThanOrEqual(4);
  });

  test("long tasks end first in, first out", async () => {
    const h = harness(5);
    const log: string[] = [];
    const finished: string[] = [];
    for (const name of ["a", "b", "c"]) {
      void h.scheduler
        .run(work(h, 8 * CHECK_EVERY, 0.01, log, name))
        .then((done) => finished.push(done));
    }
    expect(h.scheduler.stats.waiting).toBe(3);
    while (h.turn()) {
      // Between turns, other work takes 1 ms: each turn gets one 5 ms slice.
      h.advance(1);
    }
    await settle();
    expect(finished).toEqual(["a", "b", "c"]);
    expect(h.scheduler.stats.longTasks).toBe(3);
    // After their first two slices, b and c made no progress before a was done.
    const laneEntries = (name: string) =>
      log.flatMap((entry, at) => (entry.startsWith(`${name} `) ? [at] : [])).slice(2);
    for (const name of ["b", "c"]) {
      expect(Math.min(...laneEntries(name))).toBeGreaterThan(log.indexOf("a done"));
    }
  });

  test("a task that paused once gets its next slice before the long tasks go on", async () => {
    const h = harness(5);
    const log: string[] = [];
    const finished: string[] = [];
    void h.scheduler
      .run(work(h, 40 * CHECK_EVERY, 0.01, log, "long"))
      .then((n) => finished.push(n));
    h.advance(1);
    h.turn(); // long paused twice: it is in the second level now
    expect(h.scheduler.stats.longTasks).toBe(1);
    // 3 * CHECK_EVERY items: 7.7 ms, just over one 5 ms slice.
    void h.scheduler
      .run(work(h, 3 * CHECK_EVERY, 0.01, log, "short"))
      .then((n) => finished.push(n));
    expect(log.at(-1)).toBe("short pauses at 512");
    h.advance(1);
    h.turn();
    await settle();
    expect(finished).toEqual(["short"]);
    while (h.turn()) h.advance(1);
    await settle();
    expect(finished).toEqual(["short", "long"]);
    expect(h.scheduler.stats).toMatchObject({ slowTasks: 2, longTasks: 1, waiting: 0 });
  });

  test("a turn gets as much time as the rest of the loop took since the last turn", () => {
    const h = harness(5);
    const log: string[] = [];
    void h.scheduler.run(work(h, 400 * CHECK_EVERY, 0.01, log, "long"));
    const slicesBefore = () => h.scheduler.stats.slowSlices;
    h.advance(1); // little other work: one slice (the minimum)
    let before = slicesBefore();
    h.turn();
    expect(slicesBefore() - before).toBe(1);
    h.advance(40); // 40 ms of other work: the lane may use 40 ms, in 5 ms slices
    before = slicesBefore();
    const start = h.now();
    h.turn();
    expect(slicesBefore() - before).toBeGreaterThanOrEqual(7);
    expect(h.now() - start).toBeGreaterThanOrEqual(40);
    expect(h.now() - start).toBeLessThan(40 + 5);
  });

  test("every turn runs at least one slice, even on a clock that jumps past the budget", async () => {
    let time = 0;
    const turns: (() => void)[] = [];
    const scheduler = new SliceScheduler({
      sliceMs: 1,
      now: () => (time += 5), // every reading is past any deadline and any turn's end
      defer: (callback) => turns.push(callback),
    });
    let done = false;
    void scheduler.run(work(harness(), 4 * CHECK_EVERY, 0, [], "task")).then(() => (done = true));
    let count = 0;
    for (; turns.length > 0 && count < 100; count++) turns.shift()!();
    await settle();
    expect(done).toBe(true);
    expect(count).toBe(scheduler.stats.slowSlices);
    expect(count).toBeLessThanOrEqual(4);
  });

  test("with the default share, a turn runs one slice however long the rest of the loop took", () => {
    const h = harness(5, DEFAULT_SLOW_SHARE);
    void h.scheduler.run(work(h, 400 * CHECK_EVERY, 0.01, [], "long"));
    for (const other of [1, 40, 400]) {
      h.advance(other);
      const before = h.scheduler.stats.slowSlices;
      h.turn();
      expect(h.scheduler.stats.slowSlices - before).toBe(1);
    }
  });

  test("an error after a pause rejects that task only", async () => {
    const h = harness(5);
    function* failing(pace: Pace): Steps<string> {
      for (let i = 0; ; i++) {
        h.advance(0.01);
        if (checkpoint(pace, i)) yield;
        if (i === 4 * CHECK_EVERY) throw new Error("failed in the slow lane");
      }
    }
    const bad = h.scheduler.run(failing);
    const good = h.scheduler.run(work(h, 8 * CHECK_EVERY, 0.01, [], "good"));
    const outcome = Promise.allSettled([bad, good]);
    while (h.turn()) h.advance(1);
    const [first, second] = await outcome;
    expect(first).toMatchObject({
      status: "rejected",
      reason: { message: "failed in the slow lane" },
    });
    expect(second).toEqual({ status: "fulfilled", value: "good" });
    expect(h.scheduler.stats.waiting).toBe(0);
  });

  test("an error before the first pause rejects at once", async () => {
    const h = harness();
    // eslint-disable-next-line require-yield -- fails at once, as a bad query does
    function* failing(): Steps<string> {
      throw new Error("q: unterminated quote");
    }
    await expect(h.scheduler.run(failing)).rejects.toThrow("q: unterminated quote");
    expect(h.pendingTurns()).toBe(0);
  });

  test("refuses a slice that is not positive and a share outside [0, 1), naming itself", () => {
    expect(() => new SliceScheduler({ sliceMs: 0, now: () => 0, defer: () => {} })).toThrow(
      /^scheduler: sliceMs must be positive/,
    );
    for (const slowShare of [-0.1, 1, Number.NaN]) {
      expect(() => new SliceScheduler({ slowShare, now: () => 0, defer: () => {} })).toThrow(
        /^scheduler: slowShare must be from 0 to below 1/,
      );
    }
  });
});
