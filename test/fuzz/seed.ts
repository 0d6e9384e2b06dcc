/**
 * Fixed seeds for the fuzz tests, so that a failure in CI reproduces: each property runs with
 * FUZZ_SEED (default DEFAULT_FUZZ_SEED) plus a per-property offset, and a failure names the
 * seed and how to rerun with it. FUZZ_RUNS_FACTOR scales every property's run count (for a
 * longer local hunt: FUZZ_RUNS_FACTOR=20 FUZZ_SEED=$RANDOM npx vitest run test/fuzz).
 */
import fc from "fast-check";

export const DEFAULT_FUZZ_SEED = 20121214;

function envNumber(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`fuzz: ${name}=${text} is not a number`);
  return value;
}

export const FUZZ_SEED = envNumber("FUZZ_SEED", DEFAULT_FUZZ_SEED);
export const RUNS_FACTOR = envNumber("FUZZ_RUNS_FACTOR", 1);

function seedFor(name: string): number {
  let hash = FUZZ_SEED | 0;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash | 0;
}

function rethrow(name: string, seed: number, error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  throw new Error(
    `fuzz "${name}" failed with seed ${seed} (FUZZ_SEED=${FUZZ_SEED}; rerun: FUZZ_SEED=${FUZZ_SEED} npx vitest run test/fuzz)\n${message}`,
    { cause: error },
  );
}

/** fc.assert with a fixed seed, `runs` runs (times FUZZ_RUNS_FACTOR), the seed named on failure. */
export function check<Ts>(name: string, property: fc.IProperty<Ts>, runs: number): void {
  const seed = seedFor(name);
  const numRuns = Math.max(1, Math.round(runs * RUNS_FACTOR));
  try {
    fc.assert(property, { seed, numRuns });
  } catch (error) {
    rethrow(name, seed, error);
  }
}

/** The same for async properties. */
export async function checkAsync<Ts>(
  name: string,
  property: fc.IAsyncProperty<Ts>,
  runs: number,
): Promise<void> {
  const seed = seedFor(name);
  const numRuns = Math.max(1, Math.round(runs * RUNS_FACTOR));
  try {
    await fc.assert(property, { seed, numRuns });
  } catch (error) {
    rethrow(name, seed, error);
  }
}
