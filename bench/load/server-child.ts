/**
 * The server process of a load run: the project's Node entry (src/node.ts startNodeServer) over
 * the run's assets, on 127.0.0.1 and a port the system picks. Prints one line of JSON,
 * `{"port": N}`, on stdout once it listens. Exits when its stdin closes (the load run ended or
 * died) or on SIGTERM.
 *
 * usage: node --import tsx bench/load/server-child.ts ASSETS_DIR [SLICE_MS]
 * (SLICE_MS: the search scheduler's slice; 0 runs every search straight through)
 */
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { startNodeServer } from "../../src/node";

/** The only address a load run serves on. */
export const LOOPBACK = "127.0.0.1";

const assetsDir = process.argv[2];
if (!assetsDir) {
  process.stderr.write("bench:load server: usage: server-child.ts ASSETS_DIR\n");
  process.exit(2);
}

const sliceArg = process.argv[3];
const sliceMs = sliceArg === undefined ? undefined : Number(sliceArg);
if (sliceMs !== undefined && !(sliceMs >= 0)) {
  process.stderr.write(
    `bench:load server: SLICE_MS ${JSON.stringify(sliceArg)} is not a number >= 0\n`,
  );
  process.exit(2);
}

const server = startNodeServer({ assetsDir, port: 0, host: LOOPBACK, sliceMs });
server.once("listening", () => {
  const address = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
});
server.once("error", (error) => {
  process.stderr.write(`bench:load server: ${error.message}\n`);
  process.exit(1);
});

let closing = false;
function shutdown(): void {
  if (closing) return;
  closing = true;
  // Keep-alive connections would hold close() open: end them, then leave.
  if ("closeAllConnections" in server) server.closeAllConnections();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}
// Asked `event-loop-delay` on a line of stdin, prints the event-loop delay since the last ask
// (or since listening) as one line of JSON, {"eventLoopDelay": {p50, p99, max, mean}} in ms.
const delay = monitorEventLoopDelay({ resolution: 1 });
server.once("listening", () => delay.enable());
let commands = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk: string) => {
  commands += chunk;
  for (let newline = commands.indexOf("\n"); newline >= 0; newline = commands.indexOf("\n")) {
    const command = commands.slice(0, newline).trim();
    commands = commands.slice(newline + 1);
    if (command !== "event-loop-delay") continue;
    const msOf = (ns: number) => Math.round(ns / 1e4) / 100;
    const figures = {
      p50: msOf(delay.percentile(50)),
      p99: msOf(delay.percentile(99)),
      max: msOf(delay.max),
      mean: msOf(delay.mean),
    };
    delay.reset();
    process.stdout.write(`${JSON.stringify({ eventLoopDelay: figures })}\n`);
  }
});
process.stdin.on("end", shutdown);
process.stdin.on("error", shutdown);
process.stdin.resume();
process.on("SIGTERM", shutdown);
