/**
 * Keeps expensive queries off the path of cheap ones in a server that answers every request on
 * one thread (the Node server; a Worker isolate too).
 *
 * A task (a pausable computation, see ./pace.ts) starts at once and runs for up to one slice.
 * Nearly every query ends within it and never notices the scheduler. A task still running when
 * its slice is spent pauses and joins the *slow lane*, which is worked on between turns of the
 * host's event loop, so new requests are read and cheap queries answered in between instead of
 * waiting behind a query that takes a second.
 *
 * The slow lane has two levels. A task that has paused once waits in the first, and goes before
 * the others for one more slice, so a query that only just outran its slice (a busy machine, a
 * slightly larger page) ends soon. A task that pauses again moves to the second level, where the
 * oldest runs slice after slice until it ends (first in, first out: the long ones finish in the
 * order they came, none is passed over indefinitely). By default a turn is one slice, so between
 * two slices of a long query the loop reads and answers whatever arrived: cheap requests go
 * first, and the long ones use the time the server would otherwise spend waiting. `slowShare`
 * gives the lane a share of the thread even when other requests wait.
 *
 * The time source and the way to wait for the next turn are given by the adapter: in Node,
 * `performance.now` and `setImmediate`. Where timers do not advance while code runs (Workers),
 * slices never end and every task runs straight through, as without a scheduler.
 *
 * Runtime-free.
 */
import type { Pace, Steps } from "./pace";
import { runToEnd, NEVER_PAUSE } from "./pace";

/** Default slice: longer than an ordinary query takes at 30,000 utterances (1-8 ms). */
export const DEFAULT_SLICE_MS = 10;

/**
 * Default share of the thread the slow lane takes while other work waits (see `slowShare`): none
 * beyond one slice per turn, so cheap requests go first. Measured at 30,000 utterances with a
 * fifth of the traffic adversarial (docs/performance.md): ordinary p99 64 ms at 0, 72 ms at 0.2,
 * 98 ms at 0.5 and 138 ms without a scheduler, at 120 requests/s.
 */
export const DEFAULT_SLOW_SHARE = 0;

/** Runs pausable tasks. */
export interface TaskRunner {
  /** Runs `task` with the pace it must check, resolves with its result or rejects with its error. */
  run<T>(task: (pace: Pace) => Steps<T>): Promise<T>;
}

export interface SliceSchedulerOptions {
  /** Milliseconds a task runs before it pauses (default DEFAULT_SLICE_MS). */
  sliceMs?: number;
  /**
   * Share of the thread the slow lane takes when other work is waiting, from 0 (one slice per
   * turn of the event loop) to below 1 (default DEFAULT_SLOW_SHARE). A turn may last
   * `slowShare / (1 - slowShare)` times what the rest of the loop took since the last turn.
   */
  slowShare?: number;
  /** A clock in milliseconds (Node: performance.now). */
  now: () => number;
  /** Calls `callback` on a later turn of the event loop, after pending I/O (Node: setImmediate). */
  defer: (callback: () => void) => void;
}

/** Figures of a scheduler since it was made (for tests and benchmarks). */
export interface SchedulerStats {
  /** Tasks run. */
  tasks: number;
  /** Tasks that outran their first slice and went to the slow lane. */
  slowTasks: number;
  /** Tasks that outran their second slice too (the slow lane's second level). */
  longTasks: number;
  /** Slices run in the slow lane. */
  slowSlices: number;
  /** Tasks in the slow lane now. */
  waiting: number;
}

interface SlowTask {
  steps: Steps<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Runs every task straight through (no pauses): the runner when none is configured. */
export const RUN_STRAIGHT: TaskRunner = Object.freeze({
  run<T>(task: (pace: Pace) => Steps<T>): Promise<T> {
    try {
      return Promise.resolve(runToEnd(task(NEVER_PAUSE)));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  },
});

export class SliceScheduler implements TaskRunner {
  private readonly sliceMs: number;
  /** A turn's budget per millisecond the rest of the loop took. */
  private readonly turnFactor: number;
  private readonly now: () => number;
  private readonly defer: (callback: () => void) => void;
  /** Tasks that have paused once, first in first out. */
  private readonly fresh: SlowTask[] = [];
  /** Tasks that have paused more than once, first in first out. */
  private readonly long: SlowTask[] = [];
  /** End of the current slice, read by every task's pace. */
  private deadline = 0;
  /** When the slow lane's last turn ended (or it became non-empty). */
  private lastTurnEnd = 0;
  private turnPending = false;
  private readonly counts = { tasks: 0, slowTasks: 0, longTasks: 0, slowSlices: 0 };
  private readonly pace: Pace;

  constructor(options: SliceSchedulerOptions) {
    const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
    if (!(sliceMs > 0)) throw new Error(`scheduler: sliceMs must be positive, not ${sliceMs}`);
    this.sliceMs = sliceMs;
    const share = options.slowShare ?? DEFAULT_SLOW_SHARE;
    if (!(share >= 0 && share < 1))
      throw new Error(`scheduler: slowShare must be from 0 to below 1, not ${share}`);
    this.turnFactor = share / (1 - share);
    this.now = options.now;
    this.defer = options.defer;
    this.pace = { due: () => this.now() >= this.deadline };
  }

  get stats(): SchedulerStats {
    return { ...this.counts, waiting: this.waiting() };
  }

  run<T>(task: (pace: Pace) => Steps<T>): Promise<T> {
    this.counts.tasks++;
    let steps: Steps<T>;
    let step: IteratorResult<undefined, T>;
    const previous = this.deadline;
    try {
      this.deadline = this.now() + this.sliceMs;
      steps = task(this.pace);
      step = steps.next();
    } catch (error) {
      return Promise.reject(error as Error);
    } finally {
      this.deadline = previous;
    }
    if (step.done) return Promise.resolve(step.value);
    this.counts.slowTasks++;
    return new Promise<T>((resolve, reject) => {
      if (this.waiting() === 0) this.lastTurnEnd = this.now();
      this.fresh.push({ steps, resolve: resolve as (value: unknown) => void, reject });
      this.scheduleTurn();
    });
  }

  private waiting(): number {
    return this.fresh.length + this.long.length;
  }

  private scheduleTurn(): void {
    if (this.turnPending) return;
    this.turnPending = true;
    this.defer(() => this.turn());
  }

  /**
   * One turn of the slow lane: one slice for each task that has paused once, then the oldest of
   * the others slice after slice, then the next... until the turn's budget is spent. A turn runs
   * at least one slice, whatever the clock says.
   */
  private turn(): void {
    this.turnPending = false;
    const start = this.now();
    const budget = Math.max(this.sliceMs, (start - this.lastTurnEnd) * this.turnFactor);
    const end = start + budget;
    do {
      const fromFresh = this.fresh.length > 0;
      const task = fromFresh ? this.fresh.shift()! : this.long[0]!;
      this.counts.slowSlices++;
      this.deadline = Math.min(end, this.now() + this.sliceMs);
      try {
        const step = task.steps.next();
        if (step.done) {
          if (!fromFresh) this.long.shift();
          task.resolve(step.value);
        } else if (fromFresh) {
          this.counts.longTasks++;
          this.long.push(task);
        }
      } catch (error) {
        if (!fromFresh) this.long.shift();
        task.reject(error);
      } finally {
        this.deadline = 0;
      }
    } while (this.waiting() > 0 && this.now() < end);
    this.lastTurnEnd = this.now();
    if (this.waiting() > 0) this.scheduleTurn();
  }
}
