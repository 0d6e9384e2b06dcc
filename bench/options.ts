/** Command-line options of `npm run bench` (bench/run.ts). */
import { DEFAULT_SEED } from "./corpus";
import { DEFAULT_QUERIES_PER_CLASS } from "./queries";
import { DEFAULT_VARIANT_QUERIES } from "./variants";
import { DEFAULT_SYSTEMS, SYSTEM_NAMES } from "./systems/registry";

/** Defaults of a full run. */
export const FULL = {
  scale: 1,
  coldStarts: 5,
  rounds: 5,
  queriesPerClass: DEFAULT_QUERIES_PER_CLASS,
  builds: 3,
  variantQueries: DEFAULT_VARIANT_QUERIES,
} as const;
/** Defaults of a --quick run (for tests and smoke checks). */
export const QUICK = {
  scale: 0.05,
  coldStarts: 2,
  rounds: 2,
  queriesPerClass: 25,
  builds: 1,
  variantQueries: 10,
} as const;

export interface BenchOptions {
  scale: number;
  seed: number;
  /** Where to write the JSON report (atomically); null for none. */
  json: string | null;
  quick: boolean;
  systems: string[];
  coldStarts: number;
  rounds: number;
  queriesPerClass: number;
  builds: number;
  /** Passages for the variant finder's section (0 skips it and the reuse table's build). */
  variantQueries: number;
  /** Run the tight-heap isolate check. */
  isolate: boolean;
  /** Keep the working directory (artifacts, queries, child results). */
  keep: boolean;
  /** Only the ranking-quality table (nDCG@10 of the judged queries, bench/relevance.ts). */
  relevanceOnly: boolean;
  help: boolean;
}

export const USAGE = `usage: npm run bench -- [options]
  --scale N          corpus size: 1 = about 30,000 utterances (default ${FULL.scale}; ${QUICK.scale} with --quick)
  --seed N           generator seed (default ${DEFAULT_SEED})
  --json FILE        write the figures as JSON to FILE
  --quick            small and fast: scale ${QUICK.scale}, ${QUICK.queriesPerClass} queries per class, ${QUICK.rounds} rounds, ${QUICK.coldStarts} cold starts
  --systems A,B      systems to measure (default ${DEFAULT_SYSTEMS.join(",")}; known: ${SYSTEM_NAMES.join(", ")})
  --cold-starts N    cold starts per system, each in a fresh process (default ${FULL.coldStarts})
  --rounds N         timed passes over the query set (default ${FULL.rounds})
  --queries N        queries per class (default ${FULL.queriesPerClass})
  --builds N         builds per system (default ${FULL.builds})
  --variant-queries N  passages for the variant finder section, 0 to skip it (default ${FULL.variantQueries})
  --no-isolate       skip the 128 MB isolate check
  --keep             keep the working directory and print where it is
  --relevance        only the ranking quality: nDCG@10 of the judged queries over the bundled sample (seconds)
  --help             this text`;

function positive(flag: string, value: string | undefined, integer: boolean): number {
  const n = Number(value);
  if (
    value === undefined ||
    value === "" ||
    !Number.isFinite(n) ||
    n <= 0 ||
    (integer && !Number.isInteger(n))
  ) {
    throw new Error(
      `bench: ${flag}: expected a positive ${integer ? "whole number" : "number"}, got ${JSON.stringify(value ?? "")}`,
    );
  }
  return n;
}

/** Parses argv (without node and the script). Throws naming the bad flag. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const given: Partial<BenchOptions> = {};
  let quick = false;
  let help = false;
  let isolate = true;
  let keep = false;
  let relevanceOnly = false;
  let json: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case "--scale":
        given.scale = positive(flag, value(), false);
        break;
      case "--seed": {
        const v = value();
        const n = Number(v);
        if (v === undefined || v === "" || !Number.isInteger(n))
          throw new Error(`bench: --seed: expected a whole number, got ${JSON.stringify(v ?? "")}`);
        given.seed = n;
        break;
      }
      case "--json": {
        const v = value();
        if (v === undefined || v === "") throw new Error("bench: --json: expected a file name");
        json = v;
        break;
      }
      case "--systems": {
        const names = (value() ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter((s) => s !== "");
        if (names.length === 0)
          throw new Error("bench: --systems: expected a comma-separated list");
        for (const name of names) {
          if (!SYSTEM_NAMES.includes(name))
            throw new Error(
              `bench: --systems: unknown system ${JSON.stringify(name)}; known: ${SYSTEM_NAMES.join(", ")}`,
            );
        }
        given.systems = names;
        break;
      }
      case "--cold-starts":
        given.coldStarts = positive(flag, value(), true);
        break;
      case "--rounds":
        given.rounds = positive(flag, value(), true);
        break;
      case "--queries":
        given.queriesPerClass = positive(flag, value(), true);
        break;
      case "--builds":
        given.builds = positive(flag, value(), true);
        break;
      case "--variant-queries": {
        const v = value();
        const n = Number(v);
        if (v === undefined || v === "" || !Number.isInteger(n) || n < 0)
          throw new Error(
            `bench: --variant-queries: expected a whole number, got ${JSON.stringify(v ?? "")}`,
          );
        given.variantQueries = n;
        break;
      }
      case "--quick":
        quick = true;
        break;
      case "--no-isolate":
        isolate = false;
        break;
      case "--keep":
        keep = true;
        break;
      case "--relevance":
        relevanceOnly = true;
        break;
      case "--help":
      case "-h":
        help = true;
        break;
      default:
        throw new Error(`bench: unknown option ${JSON.stringify(arg)}\n${USAGE}`);
    }
  }
  const defaults = quick ? QUICK : FULL;
  return {
    scale: given.scale ?? defaults.scale,
    seed: given.seed ?? DEFAULT_SEED,
    json,
    quick,
    systems: given.systems ?? [...DEFAULT_SYSTEMS],
    coldStarts: given.coldStarts ?? defaults.coldStarts,
    rounds: given.rounds ?? defaults.rounds,
    queriesPerClass: given.queriesPerClass ?? defaults.queriesPerClass,
    builds: given.builds ?? defaults.builds,
    variantQueries: given.variantQueries ?? defaults.variantQueries,
    isolate,
    keep,
    relevanceOnly,
    help,
  };
}
