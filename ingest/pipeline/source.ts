import { createHash } from "node:crypto";
import { basename } from "node:path";
import {
  CORPUS_SCHEMA_VERSION,
  SYNTHETIC_NOTICE,
  silentLogger,
  type Logger,
  type ParsedTranscript,
  type SessionRecord,
} from "../../src/domain";
import { PARSE_INTERNAL_ERROR } from "../parse/transcript";
import { inProcessRunner, type SourceRunner } from "../sandbox/runner";
import { sessionId, transcriptVersion } from "./session-id";

/** One source file to ingest: its bytes and where they came from. */
export interface SourceInput {
  bytes: Uint8Array;
  /** Path as it should be cited: "transcripts/sources/plenary-1.docx", or the cache path. */
  file: string;
  /** URL it was downloaded from, when fetched. */
  url?: string;
  /**
   * Id of the conference the run says it belongs to (its sources folder, `--conference`): the
   * session's conference when its header names none.
   */
  conference?: string | null;
}

/** A source turned into a session, with the extracted text its offsets refer to. */
export interface ProcessedSource {
  record: SessionRecord;
  text: string;
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

/** Why a parse gave no session: the real cause, not a generic one. */
export function noSessionReason(parsed: ParsedTranscript): string {
  const internal = parsed.warnings.find((w) => w.startsWith(PARSE_INTERNAL_ERROR));
  if (internal !== undefined) {
    return `the parser failed: ${internal.slice(PARSE_INTERNAL_ERROR.length)}`;
  }
  if (parsed.utterances.length === 0) {
    return "no speaker turns found: no >> turn marker and no known speaker label at a line start (is this a transcript?)";
  }
  return `no speaker turns found with words: ${parsed.utterances.length} turn(s), all empty labels or blank (is this a transcript?)`;
}

/** Options of processSource. */
export interface ProcessOptions {
  logger?: Logger;
  /**
   * Where extraction and parsing run (default: in this thread, unbounded). The commands pass
   * workerRunner(limits) so that a bad file cannot take the process down.
   */
  runner?: SourceRunner;
}

/**
 * Extracts and parses one source into a session record. Throws an Error prefixed with the
 * step and the file ("extract: x.pdf: ...", "pipeline: x.pdf: over a limit: ...",
 * "pipeline: x.pdf: no speaker turns found: ...").
 */
export async function processSource(
  input: SourceInput,
  options: ProcessOptions = {},
): Promise<ProcessedSource> {
  const logger = options.logger ?? silentLogger;
  const runner = options.runner ?? inProcessRunner();
  // The extractor names the file in its warnings; the parser is told which file it reads.
  const { format, text, parsed } = await runner.run(
    {
      bytes: input.bytes,
      fileName: basename(input.file),
      file: input.file,
      conference: input.conference ?? null,
    },
    logger,
  );
  const spoken = parsed.utterances.filter((u) => !u.empty && u.text.trim() !== "");
  if (spoken.length === 0) throw new Error(`pipeline: ${input.file}: ${noSessionReason(parsed)}`);
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
      format,
      bytes: input.bytes.byteLength,
      textFile: textFileFor(id),
    },
    synthetic: parsed.session.synthetic,
    utterances: parsed.utterances.map((u, seq) => ({ id: `${id}.${seq}`, seq, ...u })),
  };
  return { record, text };
}
