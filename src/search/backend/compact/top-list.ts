/**
 * The best entries of a search kept while it runs: a sorted buffer of at most `capacity`
 * (ordinal, score) pairs, used by block-max search (./top-k.ts) and by the evaluator's top of a
 * whole result (./evaluate.ts).
 *
 * Runtime-free.
 */

/** The best `capacity` (ordinal, score) pairs by score descending, then ordinal ascending. */
export class TopList {
  readonly ordinals: number[] = [];
  readonly scores: number[] = [];
  constructor(readonly capacity: number) {}

  get full(): boolean {
    return this.ordinals.length >= this.capacity;
  }

  /** The lowest score kept (-Infinity until full). */
  get threshold(): number {
    return this.full ? this.scores[this.scores.length - 1]! : -Infinity;
  }

  /** The ordinal of the last entry kept (Infinity until full). */
  get thresholdOrdinal(): number {
    return this.full ? this.ordinals[this.ordinals.length - 1]! : Infinity;
  }

  offer(ordinal: number, score: number): void {
    const { ordinals, scores } = this;
    let hi = ordinals.length;
    if (hi >= this.capacity) {
      const worst = scores[hi - 1]!;
      if (score < worst || (score === worst && ordinal > ordinals[hi - 1]!)) return;
    }
    let lo = 0;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const s = scores[mid]!;
      if (s > score || (s === score && ordinals[mid]! < ordinal)) lo = mid + 1;
      else hi = mid;
    }
    ordinals.splice(lo, 0, ordinal);
    scores.splice(lo, 0, score);
    if (ordinals.length > this.capacity) {
      ordinals.pop();
      scores.pop();
    }
  }
}
