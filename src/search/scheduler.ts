/**
 * Keeps expensive queries off the path of cheap ones in a server that answers every request on
 * one thread (the Node server; a Worker isolate too).
 *
 * A task (a pausable computation, see ./pace.ts) starts at once and runs for up to one slice.
 * Nearly every query ends within it and never notices the scheduler. A task still running when
 * its slice is spent pauses and joins the *slow lane*, a first-in first-out queue that is worked
 * on between turns of the host's event loop: each turn it gets as much time as everything else
 * took since its previous turn (so about half the thread when both have work, and all of it when
 * nothing else is waiting), at least one slice. New requests are read and cheap queries answered
 * in between, so they no longer wait behind a query that takes a second.
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

/** Runs pausable tasks. */
export interface TaskRunner {
  /** Runs `task` with the pace it must check, resolves with its result or rejects with its error. */
  run<T>(task: (pace: Pace) => Steps<T>): Promise<T>;
}

export interface SliceSchedulerOptions {
  /** Milliseconds a task runs before it pauses (default DEFAULT_SLICE_MS). */
  sliceMs?: number;
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
  private readonly now: () => number;
  private readonly defer: (callback: () => void) => void;
  private readonly queue: SlowTask[] = [];
  /** End of the current slice, read by every task's pace. */
  private deadline = 0;
  /** When the slow lane's last turn ended (or it became non-empty). */
  private lastTurnEnd = 0;
  private turnPending = false;
  private readonly counts = { tasks: 0, slowTasks: 0, slowSlices: 0 };
  private readonly pace: Pace;

  constructor(options: SliceSchedulerOptions) {
    const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
    if (!(sliceMs > 0)) throw new Error(`scheduler: sliceMs must be positive, not ${sliceMs}`);
    this.sliceMs = sliceMs;
    this.now = options.now;
    this.defer = options.defer;
    this.pace = { due: () => this.now() >= this.deadline };
  }

  get stats(): SchedulerStats {
    return { ...this.counts, waiting: this.queue.length };
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
      this.queue.push({ steps, resolve: resolve as (value: unknown) => void, reject });
      if (this.queue.length === 1) this.lastTurnEnd = this.now();
      this.scheduleTurn();
    });
  }

  private scheduleTurn(): void {
    if (this.turnPending) return;
    this.turnPending = true;
    this.defer(() => this.turn());
  }

  /**
   * One turn of the slow lane: the head task runs slice after slice, then the next... until the
   * turn's budget is spent. A turn runs at least one slice, whatever the clock says.
   */
  private turn(): void {
    this.turnPending = false;
    const start = this.now();
    const budget = Math.max(this.sliceMs, start - this.lastTurnEnd);
    const end = start + budget;
    let head = this.queue[0];
    while (head) {
      this.counts.slowSlices++;
      this.deadline = Math.min(end, this.now() + this.sliceMs);
      try {
        const step = head.steps.next();
        if (step.done) {
          this.queue.shift();
          head.resolve(step.value);
        }
      } catch (error) {
        this.queue.shift();
        head.reject(error);
      } finally {
        this.deadline = 0;
      }
      head = this.now() < end ? this.queue[0] : undefined;
    }
    this.lastTurnEnd = this.now();
    if (this.queue.length > 0) this.scheduleTurn();
  }
}
