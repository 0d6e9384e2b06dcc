/**
 * A small, fast, seeded pseudo-random generator (mulberry32) and the samplers the corpus and
 * query generators draw from. Same seed, same sequence, on every platform: no Math.random here.
 */

/** A source of uniform floats in [0, 1). */
export interface Random {
  /** Next float in [0, 1). */
  next(): number;
  /** Integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A standard normal variate (Box-Muller). */
  normal(): number;
}

/** mulberry32: 32-bit state, period 2^32, good enough for test data and very fast. */
export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed)) throw new Error(`random: seed must be a finite number, got ${seed}`);
  let state = Math.trunc(seed) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    chance(p) {
      return next() < p;
    },
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error("random: pick from an empty array");
      return items[Math.floor(next() * items.length)] as T;
    },
    normal() {
      const u = 1 - next(); // (0, 1]: log is finite
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}

/** Derives an independent seed for a named stream, so adding draws to one stream leaves the others unchanged. */
export function deriveSeed(seed: number, stream: string): number {
  let h = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < stream.length; i++) {
    h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Samples ranks 0..n-1 with probability proportional to 1 / (rank + 1 + offset)^exponent
 * (a Zipf-Mandelbrot law), by binary search over the cumulative weights.
 */
export class ZipfSampler {
  private readonly cumulative: Float64Array;

  constructor(
    readonly size: number,
    readonly exponent: number,
    readonly offset = 0,
  ) {
    if (!(size > 0)) throw new Error(`ZipfSampler: size must be positive, got ${size}`);
    this.cumulative = new Float64Array(size);
    let sum = 0;
    for (let rank = 0; rank < size; rank++) {
      sum += 1 / Math.pow(rank + 1 + offset, exponent);
      this.cumulative[rank] = sum;
    }
  }

  /** Probability of one rank. */
  probability(rank: number): number {
    const total = this.cumulative[this.size - 1] as number;
    const upTo = this.cumulative[rank] ?? 0;
    const before = rank > 0 ? (this.cumulative[rank - 1] ?? 0) : 0;
    return (upTo - before) / total;
  }

  /** A rank drawn from the distribution. */
  sample(random: Random): number {
    const target = random.next() * (this.cumulative[this.size - 1] as number);
    let lo = 0;
    let hi = this.size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) <= target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
