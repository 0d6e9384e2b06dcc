/**
 * Pausable work. Long computations of the search core (matching, verifying, scoring) are written
 * as generators that `yield` at checkpoints when their Pace says a pause is due; a driver decides
 * what a pause means: `runToEnd` ignores it (plain synchronous code), a SliceScheduler
 * (./scheduler.ts) lets other requests run before resuming.
 *
 * Runtime-free.
 */

/** Tells a computation at its checkpoints whether to pause. */
export interface Pace {
  /** True when the computation should `yield` now. Cheap enough to call once per item. */
  due(): boolean;
}

/** Steps of a pausable computation that returns T: it yields (undefined) where it may pause. */
export type Steps<T> = Generator<undefined, T, undefined>;

/** A pace that never asks for a pause: the computation runs straight through. */
export const NEVER_PAUSE: Pace = Object.freeze({ due: () => false });

/** Runs pausable steps to their end, without pausing, and returns the result. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Items a loop handles between two calls of `due()` (a power of two, for a cheap mask). */
export const CHECK_EVERY = 256;

/**
 * True on every CHECK_EVERY-th item (counting from 1) when the pace is due: the loop's
 * checkpoint, `if (checkpoint(pace, i)) yield;`, costs a mask test on the other items.
 */
export function checkpoint(pace: Pace, index: number): boolean {
  return (index & (CHECK_EVERY - 1)) === CHECK_EVERY - 1 && pace.due();
}
