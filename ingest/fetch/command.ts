/**
 * `npm run ingest -- --fetch [options]`: parses the flags, runs the scraper with a progress bar
 * on a terminal (plain lines otherwise), prints the summary table, and returns the exit code
 * (0 when at least one session was ingested; 130 when interrupted). Ctrl-C stops the run
 * cleanly: requests end, the sessions already processed and the report are written; a second
 * Ctrl-C quits at once.
 */
import type { Logger } from "../../src/domain";
import { printable } from "../../src/node/printable";
import { FETCH_USAGE, parseFetchArgs, type FetchOptions } from "./options";
import { createProgress } from "./progress";
import { formatSummary, REPORT_FILE } from "./report";
import { runFetch, type FetchDeps } from "./run";

export interface FetchCommandDeps extends FetchDeps {
  /** Where the bar or the plain progress lines go (default process.stderr). */
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Where the summary table goes (default process.stdout). */
  out?: NodeJS.WritableStream;
}

/** Messages to `stream`; info is left out on a terminal, where the bar shows the progress. */
function streamLogger(stream: NodeJS.WritableStream, options: { quiet: boolean }): Logger {
  return {
    info: (message) => {
      if (!options.quiet) stream.write(`${printable(message)}\n`);
    },
    warn: (message) => stream.write(`warning: ${printable(message)}\n`),
    error: (message) => stream.write(`error: ${printable(message)}\n`),
  };
}

export async function runFetchCommand(
  args: string[],
  deps: FetchCommandDeps = {},
): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    (deps.out ?? process.stdout).write(`${FETCH_USAGE}\n`);
    return 0;
  }
  const stream = deps.stream ?? process.stderr;
  let options: FetchOptions;
  try {
    options = parseFetchArgs(args);
  } catch (error) {
    stream.write(`${(error as Error).message}\n${FETCH_USAGE}\n`);
    return 2;
  }
  const logger: Logger = deps.logger ?? streamLogger(stream, { quiet: stream.isTTY === true });
  const interrupt = new AbortController();
  const onInterrupt = (): void => {
    stream.write("\ninterrupted: stopping and writing the report (Ctrl-C again quits at once)\n");
    interrupt.abort("interrupted (Ctrl-C)");
  };
  if (deps.signal === undefined) process.once("SIGINT", onInterrupt);
  let report;
  try {
    report = await runFetch(options, {
      ...deps,
      signal: deps.signal ?? interrupt.signal,
      logger,
      progress: deps.progress ?? createProgress(stream, logger),
    });
  } finally {
    process.off("SIGINT", onInterrupt);
  }
  (deps.out ?? process.stdout).write(
    `${formatSummary(report)}\nreport: ${options.outDir}/${REPORT_FILE}\n`,
  );
  return interrupt.signal.aborted ? 130 : report.exitCode;
}
