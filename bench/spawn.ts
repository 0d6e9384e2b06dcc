/**
 * Starts the measurement child processes (bench/child.ts) and collects their results. Each
 * child is a fresh Node process with --expose-gc and the heap flags asked for; tsx is loaded
 * with --import so the child runs the TypeScript sources directly.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ChildJob } from "./child";

/** The project root (children run there so `--import tsx` resolves). */
export const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));
const CHILD = fileURLToPath(new URL("./child.ts", import.meta.url));
/** A child that has not finished after this long is stopped. */
export const CHILD_TIMEOUT_MS = 60 * 60 * 1000;
const STDERR_KEPT = 4000;

/** How to start a child. */
export interface ChildOptions {
  /** --max-old-space-size, in MB. */
  heapMB: number;
  /** More V8 flags (e.g. --max-semi-space-size). */
  flags?: string[];
  timeoutMs?: number;
}

/** What a child ended with. */
export type ChildOutcome<T> =
  | { ok: true; result: T }
  | { ok: false; code: number | null; signal: NodeJS.Signals | null; stderr: string };

let jobs = 0;

/** Runs one job in a fresh process; resolves with its result or how it failed (never rejects on a child failure). */
export function runChild<T>(
  job: ChildJob,
  workDir: string,
  options: ChildOptions,
): Promise<ChildOutcome<T>> {
  const jobFile = join(workDir, `job-${process.pid}-${++jobs}.json`);
  writeFileSync(jobFile, JSON.stringify(job));
  const args = [
    "--import",
    "tsx",
    "--expose-gc",
    `--max-old-space-size=${Math.round(options.heapMB)}`,
    ...(options.flags ?? []),
    CHILD,
    jobFile,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_KEPT);
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? CHILD_TIMEOUT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(
        new Error(`bench: cannot start ${process.execPath}: ${error.message}`, { cause: error }),
      );
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && existsSync(job.out)) {
        resolve({ ok: true, result: JSON.parse(readFileSync(job.out, "utf8")) as T });
      } else {
        resolve({ ok: false, code, signal, stderr: stderr.trim() });
      }
    });
  });
}

/** Throws with the child's own words when it failed. */
export function expectOk<T>(outcome: ChildOutcome<T>, what: string): T {
  if (outcome.ok) return outcome.result;
  const how =
    outcome.signal !== null ? `signal ${outcome.signal}` : `exit code ${String(outcome.code)}`;
  throw new Error(`bench: ${what} failed (${how})${outcome.stderr ? `:\n${outcome.stderr}` : ""}`);
}
