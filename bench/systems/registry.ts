/**
 * The systems the harness knows, by name. Each is imported on demand, so a process measuring one
 * system loads only that system's code. To add a system: write bench/systems/<name>.ts exporting
 * a BenchSystem and add a line here.
 */
import type { BenchSystem } from "../types";

/** The system every ratio is computed against. */
export const BASELINE = "minisearch-stock";
/** The system whose full result sets the others are compared with, and that is held against the best peer. */
export const AGREEMENT_REFERENCE = "ours";

const SYSTEMS: Record<string, () => Promise<BenchSystem>> = {
  ours: async () => (await import("./ours")).ours,
  "ours-exhaustive": async () => (await import("./ours")).oursExhaustive,
  "ours-minisearch": async () => (await import("./ours")).oursMinisearch,
  "minisearch-stock": async () => (await import("./minisearch-stock")).minisearchStock,
  "sqlite-fts5": async () => (await import("./sqlite-fts5")).sqliteFts5,
  flexsearch: async () => (await import("./flexsearch")).flexsearch,
  orama: async () => (await import("./orama")).orama,
  "linear-scan": async () => (await import("./linear-scan")).linearScan,
};

/** Names of the known systems, in table order. */
export const SYSTEM_NAMES: readonly string[] = Object.keys(SYSTEMS);
/** Engines a user would pick instead of ours: "ours against the best peer" is taken over these. */
export const PEERS: readonly string[] = [BASELINE, "sqlite-fts5", "flexsearch", "orama"];
/** The systems measured when none are named: ours, the peers and the no-index reference. */
export const DEFAULT_SYSTEMS: readonly string[] = ["ours", ...PEERS, "linear-scan"];

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
