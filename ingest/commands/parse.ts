import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { printable } from "../../src/node/printable";
import { noSessionReason } from "../pipeline/source";
import { workerRunner } from "../sandbox/runner";

/**
 * `npm run --silent parse -- FILE`: prints one JSON object to stdout,
 * `{ session: {title, date, time, body, number, status, ...}, utterances: [{speaker: {raw, kind,
 * country, ...}, text, ...}], warnings }`. Extraction and parsing run in a worker held to the
 * default limits. Whenever no session comes out (unreadable input, over a limit, no turn with
 * words): exit 1 and a one-line error on stderr, nothing on stdout.
 */
export const HELP = `usage: npm run --silent parse -- FILE
  Extracts and parses one transcript (Word, PDF, HTML or text; the format is read from the
  bytes) and prints one JSON object: { session, utterances, warnings, source }.
  Unreadable input: exit 1 and a one-line error on stderr.
  --help   this text`;

export async function run(args: string[]): Promise<number> {
  const [file, ...rest] = args;
  if (file === undefined || rest.length > 0) {
    process.stderr.write(`parse: ${HELP.split("\n")[0]!}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    fail(file, `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return 1;
  }
  const runner = workerRunner();
  try {
    const { format, parsed } = await runner.run({ bytes, fileName: basename(file), file });
    const { session, utterances, warnings } = parsed;
    if (!utterances.some((u) => !u.empty && u.text.trim() !== "")) {
      fail(file, noSessionReason(parsed));
      return 1;
    }
    // The contract's fields first, then the rest of the header.
    const { title, date, time, body, number, status, ...more } = session;
    const output = {
      session: { title, date, time, body, number, status, ...more },
      utterances,
      warnings,
      source: { file, format },
    };
    process.stdout.write(`${JSON.stringify(output)}\n`);
    return 0;
  } catch (error) {
    fail(file, error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await runner.close();
  }
}

/** The one-line error: the file name and the message escaped (a name can hold a newline). */
function fail(file: string, message: string): void {
  process.stderr.write(`parse: ${printable(file)}: ${printable(message)}\n`);
}
