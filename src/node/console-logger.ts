import type { Logger } from "../domain";
import { printable } from "./printable";

/**
 * The logger for command-line use: everything to stderr, so stdout stays clean for data; one
 * line per message, control characters escaped (file names can hold any of them).
 */
export function consoleLogger(options: { quiet?: boolean } = {}): Logger {
  const line = (text: string): boolean => process.stderr.write(`${printable(text)}\n`);
  return {
    info: (message) => {
      if (!options.quiet) line(message);
    },
    warn: (message) => line(`warning: ${message}`),
    error: (message) => line(`error: ${message}`),
  };
}
