/**
 * The limits every source is extracted and parsed within: the extractors' own (extract/limits.ts:
 * sizes, pages, depth, text length) and those of the worker thread that runs them (time,
 * memory, stack). Configurable with `--limit NAME=VALUE` (README, Ingest).
 */
import { DEFAULT_EXTRACT_LIMITS, type ExtractLimits } from "../extract/limits";

export interface SourceLimits extends ExtractLimits {
  /** Time one source may take to extract and parse, ms. */
  timeoutMs: number;
  /** The worker's heap (V8 old generation), MB. */
  maxMemoryMb: number;
  /** The worker's call stack, MB. */
  stackSizeMb: number;
}

/** Defaults: a real transcript takes under 5 s and 150 MB. */
export const DEFAULT_SOURCE_LIMITS: Readonly<SourceLimits> = {
  ...DEFAULT_EXTRACT_LIMITS,
  timeoutMs: 60_000,
  maxMemoryMb: 512,
  stackSizeMb: 4,
};

/** The limits' names, for messages and the command line. */
export const LIMIT_NAMES = Object.keys(DEFAULT_SOURCE_LIMITS) as (keyof SourceLimits)[];

function isLimitName(name: string): name is keyof SourceLimits {
  return (LIMIT_NAMES as string[]).includes(name);
}

/** Parses `NAME=VALUE` (a positive number) into a partial set of limits. Throws naming the flag. */
export function parseLimitArg(flag: string, arg: string): Partial<SourceLimits> {
  const eq = arg.indexOf("=");
  const name = eq > 0 ? arg.slice(0, eq) : arg;
  const value = Number(eq > 0 ? arg.slice(eq + 1) : Number.NaN);
  if (!isLimitName(name)) {
    throw new Error(
      `ingest: ${flag} ${JSON.stringify(arg)}: unknown limit; expected NAME=VALUE, NAME one of ${LIMIT_NAMES.join(", ")}`,
    );
  }
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`ingest: ${flag} ${JSON.stringify(arg)}: expected a positive number`);
  }
  return { [name]: value };
}
