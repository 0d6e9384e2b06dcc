/**
 * Runs the extraction and parsing of a source where a bad file cannot take the process down: in
 * a worker thread with a bounded heap and stack (resourceLimits) and a deadline. A worker that
 * runs out of memory or time is ended and the next source gets a fresh one; the error names the
 * file and the limit. One source at a time; the worker is kept between sources (starting one
 * costs about half a second) and does not keep the process alive while idle.
 */
import { Worker } from "node:worker_threads";
import { silentLogger, type Logger } from "../../src/domain";
import { runSourceJob, type ExtractedSource, type SourceJob } from "./job";
import { DEFAULT_SOURCE_LIMITS, type SourceLimits } from "./limits";

/** What the worker sends back. */
export type WorkerReply =
  | { type: "ready" }
  | { type: "log"; level: keyof Logger; message: string }
  | { type: "done"; result: ExtractedSource }
  | { type: "failed"; message: string };

/** Extracts and parses sources. */
export interface SourceRunner {
  readonly limits: SourceLimits;
  /** Rejects with an Error whose message names the file (and the limit, when over one). */
  run(job: Omit<SourceJob, "limits">, logger?: Logger): Promise<ExtractedSource>;
  /** Ends the worker, if any. */
  close(): Promise<void>;
}

const BOOT = new URL("./boot.mjs", import.meta.url);

/** Runs jobs in this thread: no bounds on time or memory (tests, embedding). */
export function inProcessRunner(limits: Partial<SourceLimits> = {}): SourceRunner {
  const all = { ...DEFAULT_SOURCE_LIMITS, ...limits };
  return {
    limits: all,
    run: (job, logger = silentLogger) => runSourceJob({ ...job, limits: all }, logger),
    close: async () => {},
  };
}

/** Runs jobs in a worker thread held to `limits` (see the module comment). */
export function workerRunner(limits: Partial<SourceLimits> = {}): SourceRunner {
  return new WorkerRunner({ ...DEFAULT_SOURCE_LIMITS, ...limits });
}

interface Started {
  worker: Worker;
  ready: Promise<void>;
}

class WorkerRunner implements SourceRunner {
  private started: Started | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly limits: SourceLimits) {}

  run(job: Omit<SourceJob, "limits">, logger: Logger = silentLogger): Promise<ExtractedSource> {
    const next = this.queue.then(() => this.runNow({ ...job, limits: this.limits }, logger));
    this.queue = next.catch(() => {});
    return next;
  }

  async close(): Promise<void> {
    const started = this.started;
    this.started = null;
    if (started !== null) await started.worker.terminate();
  }

  private start(): Started {
    const worker = new Worker(BOOT, {
      resourceLimits: {
        maxOldGenerationSizeMb: this.limits.maxMemoryMb,
        stackSizeMb: this.limits.stackSizeMb,
      },
      // The library's console output goes to stderr: stdout may be carrying data (parse).
      stdout: true,
      stderr: true,
    });
    worker.stdout.on("data", (chunk: Buffer) => process.stderr.write(chunk));
    worker.stderr.on("data", (chunk: Buffer) => process.stderr.write(chunk));
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (reply: WorkerReply): void => {
        if (reply.type !== "ready") return;
        worker.off("error", reject);
        worker.off("message", onMessage);
        resolve();
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
    });
    ready.catch(() => {});
    return { worker, ready };
  }

  private async runNow(job: SourceJob, logger: Logger): Promise<ExtractedSource> {
    const started = (this.started ??= this.start());
    started.worker.ref();
    try {
      await started.ready;
    } catch (error) {
      this.started = null;
      throw workerError(job.file, this.limits, error, "while starting");
    }
    try {
      return await this.exchange(started.worker, job, logger);
    } finally {
      if (this.started === started) started.worker.unref();
    }
  }

  /** Sends the job and waits for its answer, the worker's death or the deadline. */
  private exchange(worker: Worker, job: SourceJob, logger: Logger): Promise<ExtractedSource> {
    const { limits } = this;
    return new Promise((resolve, reject) => {
      const settle = (outcome: () => void, dead: boolean): void => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (dead) {
          if (this.started?.worker === worker) this.started = null;
          void worker.terminate();
        }
        outcome();
      };
      const onMessage = (reply: WorkerReply): void => {
        if (reply.type === "log") logger[reply.level](reply.message);
        else if (reply.type === "done") settle(() => resolve(reply.result), false);
        else if (reply.type === "failed") settle(() => reject(new Error(reply.message)), false);
      };
      const onError = (error: Error): void =>
        settle(() => reject(workerError(job.file, limits, error, "while reading it")), true);
      const onExit = (code: number): void =>
        settle(
          () => reject(new Error(`pipeline: ${job.file}: the worker stopped (exit code ${code})`)),
          true,
        );
      const timer = setTimeout(
        () =>
          settle(
            () =>
              reject(
                overLimit(
                  job.file,
                  limits,
                  `not done after ${limits.timeoutMs / 1000} s`,
                  "timeoutMs",
                ),
              ),
            true,
          ),
        limits.timeoutMs,
      );
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage(job);
    });
  }
}

function overLimit(
  file: string,
  limits: SourceLimits,
  found: string,
  limit: keyof SourceLimits,
): Error {
  return new Error(`pipeline: ${file}: over a limit: ${found} (${limit} is ${limits[limit]})`);
}

/** The error of a worker that died: out of memory (a limit), or anything else. */
function workerError(file: string, limits: SourceLimits, error: unknown, when: string): Error {
  if ((error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") {
    return overLimit(
      file,
      limits,
      `ran out of its ${limits.maxMemoryMb} MB of memory ${when}`,
      "maxMemoryMb",
    );
  }
  return new Error(`pipeline: ${file}: the worker failed ${when}: ${message(error)}`, {
    cause: error,
  });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
