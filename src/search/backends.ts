/**
 * The search backends the loader knows, by the name recorded in the asset manifest. A new
 * backend is added here and selected at build time.
 *
 * Runtime-free.
 */
import type { BackendFactory } from "./backend";
import { miniSearchBackend } from "./minisearch-backend";

/** The backend used when none is named. */
export const DEFAULT_BACKEND = miniSearchBackend;

const BACKENDS: readonly BackendFactory[] = [miniSearchBackend];

/** The backend recorded under `name` in a manifest, or undefined. */
export function findBackend(name: string): BackendFactory | undefined {
  return BACKENDS.find((backend) => backend.name === name);
}

/** Names of the known backends. */
export function backendNames(): string[] {
  return BACKENDS.map((backend) => backend.name);
}
