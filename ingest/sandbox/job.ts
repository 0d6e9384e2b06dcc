/**
 * The work done for one source inside the worker: its bytes extracted to text and the text
 * parsed. Pure apart from the logger; also run in-process (tests, `inProcessRunner`).
 */
import type { Logger, ParsedTranscript, SourceFormat } from "../../src/domain";
import { extractText } from "../extract/index";
import { parseTranscript } from "../parse/transcript";
import type { SourceLimits } from "./limits";

/** One source to extract and parse. */
export interface SourceJob {
  bytes: Uint8Array;
  /** Names the file in extraction messages (the base name). */
  fileName: string;
  /** Prefixes the parser's messages (the path as cited). */
  file: string;
  /** The conference the run says the source belongs to (parse ParseOptions.conference). */
  conference?: string | null;
  limits: SourceLimits;
}

/** What came out of a source. */
export interface ExtractedSource {
  format: SourceFormat;
  text: string;
  parsed: ParsedTranscript;
}

function prefixed(logger: Logger, prefix: string): Logger {
  return {
    info: (message) => logger.info(prefix + message),
    warn: (message) => logger.warn(prefix + message),
    error: (message) => logger.error(prefix + message),
  };
}

export async function runSourceJob(job: SourceJob, logger: Logger): Promise<ExtractedSource> {
  const extracted = await extractText(job.bytes, {
    fileName: job.fileName,
    logger,
    limits: job.limits,
  });
  const parsed = parseTranscript(extracted.text, {
    logger: prefixed(logger, `${job.file}: `),
    conference: job.conference ?? null,
  });
  return { format: extracted.format, text: extracted.text, parsed };
}
