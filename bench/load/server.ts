/**
 * Starts the Node server of a load run in a child process (bench/load/server-child.ts) and
 * stops it. The child listens on 127.0.0.1 only, on a port the system picks; it exits by itself
 * when this process closes its stdin or dies.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import type { EventLoopDelay } from "./report";
import { fileURLToPath } from "node:url";

/** The project root: the child runs there so that `--import tsx` resolves. */
const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CHILD = fileURLToPath(new URL("./server-child.ts", import.meta.url));
/** How long the server may take to listen. */
export const START_TIMEOUT_MS = 60_000;
/** How long it may take to exit after being told to. */
export const STOP_TIMEOUT_MS = 5_000;
const STDERR_KEPT = 8_000;

export interface ServerOptions {
  assetsDir: string;
  /** --max-old-space-size of the server, in MB (a large generated corpus needs more). */
  heapMB?: number;
  /** The search scheduler's slice in ms; 0 runs every search straight through. */
  sliceMs?: number;
  /** Receives each line the server writes to stderr (its logger). */
  onStderr?: (line: string) => void;
}

export interface RunningServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  pid: number;
  /** The last lines the server wrote to stderr. */
  stderr(): string;
  /** Stops the server (stdin closed, then SIGTERM, then SIGKILL) and waits for it to exit. */
  stop(): Promise<void>;
  /** The server's event-loop delay since the previous call (or since it listened), in ms. */
  eventLoopDelay(): Promise<EventLoopDelay>;
}

function waitForExit(child: ChildProcessWithoutNullStreams, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts the server; resolves once it listens. */
export function startServer(options: ServerOptions): Promise<RunningServer> {
  const args = ["--import", "tsx"];
  if (options.heapMB !== undefined) args.push(`--max-old-space-size=${Math.round(options.heapMB)}`);
  args.push(CHILD, options.assetsDir);
  if (options.sliceMs !== undefined) args.push(String(options.sliceMs));
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  let partial = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_KEPT);
    const lines = (partial + chunk).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) options.onStderr?.(line);
  });
  const stop = async (): Promise<void> => {
    child.stdin.end();
    if (await waitForExit(child, STOP_TIMEOUT_MS)) return;
    child.kill("SIGTERM");
    if (await waitForExit(child, STOP_TIMEOUT_MS)) return;
    child.kill("SIGKILL");
    await waitForExit(child, STOP_TIMEOUT_MS);
  };
  return new Promise((resolve, reject) => {
    let out = "";
    const fail = (message: string) => {
      clearTimeout(timer);
      void stop();
      reject(new Error(`bench:load: server: ${message}${stderr ? `\n${stderr.trim()}` : ""}`));
    };
    const timer = setTimeout(
      () => fail(`did not listen within ${START_TIMEOUT_MS / 1000} s`),
      START_TIMEOUT_MS,
    );
    child.on("error", (error) => fail(`cannot start ${process.execPath}: ${error.message}`));
    child.on("exit", (code, signal) => {
      if (out.includes("\n")) return;
      fail(`exited before listening (${signal ?? `exit code ${String(code)}`})`);
    });
    child.stdout.setEncoding("utf8");
    // After the port line, each stdout line answers the oldest `event-loop-delay` ask.
    const asks: ((line: string) => void)[] = [];
    let later = "";
    child.stdout.on("data", (chunk: string) => {
      if (!out.includes("\n")) return;
      later += chunk;
      for (let newline = later.indexOf("\n"); newline >= 0; newline = later.indexOf("\n")) {
        const line = later.slice(0, newline);
        later = later.slice(newline + 1);
        asks.shift()?.(line);
      }
    });
    const eventLoopDelay = (): Promise<EventLoopDelay> =>
      new Promise((answer, refuse) => {
        const timer = setTimeout(
          () => refuse(new Error("bench:load: server: no event-loop delay within 5 s")),
          5000,
        );
        asks.push((line) => {
          clearTimeout(timer);
          try {
            answer((JSON.parse(line) as { eventLoopDelay: EventLoopDelay }).eventLoopDelay);
          } catch {
            refuse(new Error(`bench:load: server: unexpected line ${JSON.stringify(line)}`));
          }
        });
        child.stdin.write("event-loop-delay\n");
      });
    child.stdout.on("data", (chunk: string) => {
      if (out.includes("\n")) return;
      out += chunk;
      const newline = out.indexOf("\n");
      if (newline < 0) return;
      clearTimeout(timer);
      let port: number;
      try {
        port = (JSON.parse(out.slice(0, newline)) as { port: number }).port;
      } catch {
        fail(`unexpected first line ${JSON.stringify(out.slice(0, newline))}`);
        return;
      }
      if (!Number.isInteger(port) || port <= 0) {
        fail(`reported no port: ${out.slice(0, newline)}`);
        return;
      }
      resolve({
        origin: `http://127.0.0.1:${port}`,
        port,
        pid: child.pid ?? -1,
        stderr: () => stderr,
        stop,
        eventLoopDelay,
      });
    });
  });
}
