/**
 * The systems the harness knows, by name. Each is imported on demand, so a process measuring one
 * system loads only that system's code. To add a system: write bench/systems/<name>.ts exporting
 * a BenchSystem and add a line here.
 */
import type { BenchSystem } from "../types";

/** The system every ratio is computed against. */
export const BASELINE = "minisearch-stock";

const SYSTEMS: Record<string, () => Promise<BenchSystem>> = {
  ours: async () => (await import("./ours")).ours,
  "ours-minisearch": async () => (await import("./ours")).oursMinisearch,
  "minisearch-stock": async () => (await import("./minisearch-stock")).minisearchStock,
  "linear-scan": async () => (await import("./linear-scan")).linearScan,
};

/** Names of the known systems, in table order. */
export const SYSTEM_NAMES: readonly string[] = Object.keys(SYSTEMS);
/** The systems measured when none are named: ours, the baseline and the no-index reference. */
export const DEFAULT_SYSTEMS: readonly string[] = ["ours", BASELINE, "linear-scan"];

/** Imports a system by name; throws naming the known ones when it is unknown. */
export async function loadSystem(name: string): Promise<BenchSystem> {
  const importer = SYSTEMS[name];
  if (importer === undefined) {
    throw new Error(
      `bench: unknown system ${JSON.stringify(name)}; known: ${SYSTEM_NAMES.join(", ")}`,
    );
  }
  return importer();
}
