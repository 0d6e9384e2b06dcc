import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { extractText } from "../extract/index";
import { parseTranscript } from "../parse/transcript";

/**
 * `npm run --silent parse -- FILE`: prints one JSON object to stdout,
 * `{ session: {title, date, time, body, number, status, ...}, utterances: [{speaker: {raw, kind,
 * country, ...}, text, ...}], warnings }`. Unreadable input: exit 1 and a one-line error on stderr.
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
    process.stderr.write(
      `parse: ${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`,
    );
    return 1;
  }
  try {
    const { text, format } = await extractText(bytes, { fileName: basename(file) });
    const parsed = parseTranscript(text);
    const { session, utterances, warnings } = parsed;
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
    const message = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    process.stderr.write(`parse: ${file}: ${message}\n`);
    return 1;
  }
}
