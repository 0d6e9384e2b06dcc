import { createHash } from "node:crypto";
import { basename } from "node:path";
import {
  CORPUS_SCHEMA_VERSION,
  SYNTHETIC_NOTICE,
  silentLogger,
  type Logger,
  type SessionRecord,
} from "../../src/domain";
import { extractText } from "../extract/index";
import { parseTranscript } from "../parse/transcript";
import { sessionId, transcriptVersion } from "./session-id";

/** One source file to ingest: its bytes and where they came from. */
export interface SourceInput {
  bytes: Uint8Array;
  /** Path as it should be cited: "transcripts/sources/plenary-1.docx", or the cache path. */
  file: string;
  /** URL it was downloaded from, when fetched. */
  url?: string;
}

/** A source turned into a session, with the extracted text its offsets refer to. */
export interface ProcessedSource {
  record: SessionRecord;
  text: string;
}

function prefixed(logger: Logger, prefix: string): Logger {
  return {
    info: (message) => logger.info(prefix + message),
    warn: (message) => logger.warn(prefix + message),
    error: (message) => logger.error(prefix + message),
  };
}

/** Where the extracted text of a session is written, relative to the corpus directory. */
export function textFileFor(id: string): string {
  return `text/${id}.txt`;
}

/** Gives a record a new id, and its utterances and text file with it. */
export function withSessionId(record: SessionRecord, id: string): SessionRecord {
  return {
    ...record,
    id,
    source: { ...record.source, textFile: textFileFor(id) },
    utterances: record.utterances.map((u) => ({ ...u, id: `${id}.${u.seq}` })),
  };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Extracts and parses one source into a session record. Throws an Error prefixed with the
 * step and the file ("extract: x.pdf: ...", "pipeline: x.pdf: no speaker turns found").
 */
export async function processSource(
  input: SourceInput,
  options: { logger?: Logger } = {},
): Promise<ProcessedSource> {
  const logger = options.logger ?? silentLogger;
  const name = basename(input.file);
  // The extractor names the file in its warnings; the parser is told which file it reads here.
  const extracted = await extractText(input.bytes, { fileName: name, logger });
  const parsed = parseTranscript(extracted.text, { logger: prefixed(logger, `${input.file}: `) });
  const spoken = parsed.utterances.filter((u) => !u.empty && u.text.trim() !== "");
  if (spoken.length === 0) {
    throw new Error(`pipeline: ${input.file}: no speaker turns found (is this a transcript?)`);
  }
  const version = transcriptVersion(parsed.session);
  const id = sessionId(parsed.session, version);
  const record: SessionRecord = {
    notice: parsed.session.synthetic ? SYNTHETIC_NOTICE : null,
    schemaVersion: CORPUS_SCHEMA_VERSION,
    id,
    version,
    variants: [],
    ...parsed.session,
    source: {
      file: input.file,
      ...(input.url === undefined ? {} : { url: input.url }),
      sha256: sha256Hex(input.bytes),
      format: extracted.format,
      bytes: input.bytes.byteLength,
      textFile: textFileFor(id),
    },
    synthetic: parsed.session.synthetic,
    utterances: parsed.utterances.map((u, seq) => ({ id: `${id}.${seq}`, seq, ...u })),
  };
  return { record, text: extracted.text };
}
