/**
 * The worker thread's side (started by runner.ts through boot.mjs): takes one job at a time,
 * sends its log lines as they come, then its result or its error message.
 */
import { parentPort } from "node:worker_threads";
import type { Logger } from "../../src/domain";
import { runSourceJob, type SourceJob } from "./job";
import type { WorkerReply } from "./runner";

const port = parentPort;
if (port === null) throw new Error("sandbox: worker.ts runs in a worker thread only");

const send = (reply: WorkerReply): void => port.postMessage(reply);
const logger: Logger = {
  info: (message) => send({ type: "log", level: "info", message }),
  warn: (message) => send({ type: "log", level: "warn", message }),
  error: (message) => send({ type: "log", level: "error", message }),
};

port.on("message", (job: SourceJob) => {
  runSourceJob(job, logger).then(
    (result) => send({ type: "done", result }),
    (error: unknown) =>
      send({ type: "failed", message: error instanceof Error ? error.message : String(error) }),
  );
});
send({ type: "ready" });
