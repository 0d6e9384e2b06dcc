/**
 * Starts Workers in the local Workers runtime (workerd) with `wrangler dev --local`, for the
 * runtime tests, the sharded benchmark and `npm run start:shards`:
 * - `startWranglerDev`: one Worker from one config, on a free port; resolves when it is ready.
 * - `startShardedDev`: the shard Workers and the router of `npm run build:shards` (configs from
 *   ingest/shards.ts), one `wrangler dev` process each (wrangler 4's multi-config mode serves the
 *   first Worker's assets for all of them), joined by the dev registry: the shards first, then
 *   the router, whose service bindings then find them. Resolves when the router answers
 *   /api/sessions through every shard.
 * Every process is started in a process group of its own and stopped with it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
/** How long a `wrangler dev` may take to say it is ready. */
export const READY_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 5_000;

/** A running `wrangler dev`. */
export interface DevWorker {
  /** http://127.0.0.1:<port> */
  base: string;
  /** What the process printed so far (for error messages). */
  output: () => string;
  stop: () => Promise<void>;
}

export interface WranglerDevOptions {
  /** The wrangler config file. */
  config: string;
  /** Working directory (wrangler writes .wrangler/ there). */
  cwd: string;
  /** State folder (--persist-to); default <cwd>/state. */
  persistTo?: string;
  /** The dev registry folder shared by Workers that bind to each other. */
  registry?: string;
  /** Port; default a free one. */
  port?: number;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function devEnv(registry: string | undefined): NodeJS.ProcessEnv {
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: "false",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    CI: "true",
    ...(registry === undefined ? {} : { WRANGLER_REGISTRY_PATH: registry }),
  };
}

/** Starts `wrangler dev --local` on one config; rejects with its output if it is not ready. */
export async function startWranglerDev(options: WranglerDevOptions): Promise<DevWorker> {
  const port = options.port ?? (await freePort());
  const inspectorPort = await freePort();
  const args = [
    "dev",
    ...["--config", resolve(options.config), "--local", "--ip", "127.0.0.1"],
    ...["--port", String(port), "--inspector-port", String(inspectorPort)],
    "--show-interactive-dev-session=false",
    ...["--persist-to", resolve(options.persistTo ?? join(options.cwd, "state"))],
  ];
  await mkdir(options.cwd, { recursive: true });
  const child = spawn(join(ROOT, "node_modules/.bin/wrangler"), args, {
    cwd: options.cwd,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: devEnv(options.registry),
  });
  let output = "";
  const worker: DevWorker = {
    base: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: () => stopProcess(child),
  };
  try {
    await untilReady(
      child,
      options.config,
      (chunk) => (output += chunk),
      () => output,
    );
  } catch (error) {
    await worker.stop();
    throw error;
  }
  return worker;
}

function untilReady(
  child: ChildProcess,
  config: string,
  append: (chunk: string) => void,
  output: () => string,
): Promise<void> {
  return new Promise<void>((ready, fail) => {
    const timer = setTimeout(
      () =>
        fail(
          new Error(
            `wrangler-dev: ${config}: not ready after ${READY_TIMEOUT_MS} ms:\n${output()}`,
          ),
        ),
      READY_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      append(chunk.toString());
      if (/Ready on/.test(output())) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`wrangler-dev: ${config}: exited (${code}) before ready:\n${output()}`));
    });
    child.once("error", (error) => {
      clearTimeout(timer);
      fail(new Error(`wrangler-dev: ${config}: could not start wrangler: ${error.message}`));
    });
  });
}

function signal(child: ChildProcess, name: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, name);
  } catch {
    // already gone
  }
}

/** SIGTERM to the process group, SIGKILL after a grace period. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once("exit", done));
  signal(child, "SIGTERM");
  await Promise.race([exited, new Promise((done) => setTimeout(done, STOP_GRACE_MS))]);
  if (child.exitCode === null && child.signalCode === null) signal(child, "SIGKILL");
}

/** The shard Workers and the router, running. */
export interface ShardedDev {
  router: DevWorker;
  shards: DevWorker[];
  stop: () => Promise<void>;
}

/**
 * Starts the Workers of a shard build: `configs` as `writeShards` returns them (router last).
 * `dir` holds each Worker's working folder and the shared dev registry.
 */
export async function startShardedDev(
  configs: readonly string[],
  dir: string,
  options: { routerPort?: number } = {},
): Promise<ShardedDev> {
  const routerConfig = configs.at(-1);
  if (routerConfig === undefined) throw new Error("wrangler-dev: no configs to start");
  // Absolute: each process resolves a relative path from its own working folder.
  const registry = resolve(dir, "registry");
  const started: DevWorker[] = [];
  const stop = async () => {
    await Promise.all(started.map((worker) => worker.stop()));
  };
  const start = async (config: string, name: string, port?: number) => {
    const worker = await startWranglerDev({ config, cwd: join(dir, name), registry, port });
    started.push(worker);
    return worker;
  };
  try {
    const shards: DevWorker[] = [];
    // One at a time: on 2 cores several bundling at once only makes each slower.
    for (const [index, config] of configs.slice(0, -1).entries())
      shards.push(await start(config, `shard-${index}`));
    const router = await start(routerConfig, "router", options.routerPort);
    await untilRouted(router);
    return { router, shards, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Waits until the router reaches every shard (the registry may lag the shards' start). */
async function untilRouted(router: DevWorker): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${router.base}/api/sessions`);
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(
    `wrangler-dev: the router did not reach its shards in ${READY_TIMEOUT_MS} ms (last: ${last}):\n${router.output()}`,
  );
}
