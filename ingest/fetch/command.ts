/**
 * `npm run ingest -- --fetch [options]`: parses the flags, runs the scraper with a progress bar
 * on a terminal (plain lines otherwise), prints the summary table, and returns the exit code
 * (0 when at least one session was ingested).
 */
import type { Logger } from "../../src/domain";
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
      if (!options.quiet) stream.write(`${message}\n`);
    },
    warn: (message) => stream.write(`warning: ${message}\n`),
    error: (message) => stream.write(`error: ${message}\n`),
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
  const report = await runFetch(options, {
    ...deps,
    logger,
    progress: deps.progress ?? createProgress(stream, logger),
  });
  (deps.out ?? process.stdout).write(
    `${formatSummary(report)}\nreport: ${options.outDir}/${REPORT_FILE}\n`,
  );
  return report.exitCode;
}
