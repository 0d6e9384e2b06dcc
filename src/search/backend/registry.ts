/**
 * The search backends the loader knows, by the name recorded in the asset manifest. A new
 * backend gets a folder beside ./compact/, an entry here (selected at build time), and a test
 * file calling runBackendCases (test/search/backend/common.case.ts).
 *
 * Runtime-free.
 */
import type { BackendFactory } from "./interface";
import { compactBackend } from "./compact/backend";
import { miniSearchBackend } from "./minisearch/backend";

/** The backend used when none is named: the compact index (same ranking, cheap to load). */
export const DEFAULT_BACKEND = compactBackend;

const BACKENDS: readonly BackendFactory[] = [compactBackend, miniSearchBackend];

/** The backend recorded under `name` in a manifest, or undefined. */
export function findBackend(name: string): BackendFactory | undefined {
  return BACKENDS.find((backend) => backend.name === name);
}

/** Names of the known backends. */
export function backendNames(): string[] {
  return BACKENDS.map((backend) => backend.name);
}
