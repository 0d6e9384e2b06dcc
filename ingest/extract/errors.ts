/**
 * The one error type of the extractors. Every message says where it came from:
 * `extract: <file name or "input">: <what is wrong>`.
 */
export class ExtractError extends Error {
  override readonly name = "ExtractError";
  /** The file name the caller gave, or "input" when none was given. */
  readonly source: string;

  constructor(source: string, problem: string, options?: ErrorOptions) {
    super(`extract: ${source}: ${problem}`, options);
    this.source = source;
  }
}

/** What error messages call the input: the file name as given, else "input". */
export function sourceLabel(fileName?: string): string {
  return fileName !== undefined && fileName.length > 0 ? fileName : "input";
}

/** The message of anything thrown, for wrapping a library's error in an ExtractError. */
export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
