import type { Logger } from "../../src/domain";

/** The logger for command-line use: everything to stderr, so stdout stays clean for data. */
export function consoleLogger(options: { quiet?: boolean } = {}): Logger {
  return {
    info: (message) => {
      if (!options.quiet) process.stderr.write(`${message}\n`);
    },
    warn: (message) => process.stderr.write(`warning: ${message}\n`),
    error: (message) => process.stderr.write(`error: ${message}\n`),
  };
}
