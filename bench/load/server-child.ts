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
process.stdin.on("end", shutdown);
process.stdin.on("error", shutdown);
process.stdin.resume();
process.on("SIGTERM", shutdown);
