/**
 * The one builder of SessionRecords for tests: a SYNTHETIC session with every field a real record
 * has (src/domain.ts), defaulted to a finished WCIT-12 transcript with nothing else known, and the
 * fields a test cares about given. Keys come in the order the pipeline writes them, so a built
 * record serialises as a written one does.
 */
import {
  CORPUS_SCHEMA_VERSION,
  SYNTHETIC_NOTICE,
  type SessionRecord,
  type SessionSource,
  emptySessionHeader,
} from "../../src/domain";

/** What a test gives: the id, and any field to set (the source's fields one by one). */
export type SessionRecordFields = Partial<Omit<SessionRecord, "id" | "source">> & {
  id: string;
  source?: Partial<SessionSource>;
};

/** A source with a placeholder hash and the text file named after the session. */
function sourceOf(id: string, given: Partial<SessionSource> = {}): SessionSource {
  return {
    file: given.file ?? `test/fixtures/sources/${id}.txt`,
    ...(given.url === undefined ? {} : { url: given.url }),
    sha256: given.sha256 ?? "0".repeat(64),
    format: given.format ?? "txt",
    bytes: given.bytes ?? 0,
    textFile: given.textFile ?? `text/${id}.txt`,
  };
}

/** A SYNTHETIC session record: the defaults, then `fields`. */
export function sessionRecord(fields: SessionRecordFields): SessionRecord {
  const { id, source, utterances = [], ...rest } = fields;
  return {
    schemaVersion: CORPUS_SCHEMA_VERSION,
    notice: SYNTHETIC_NOTICE,
    id,
    version: "finished",
    variants: [],
    ...emptySessionHeader(),
    statusLine: "FINISHED TRANSCRIPT",
    status: "finished",
    conference: "wcit-12",
    conferenceLine: "WORLD CONFERENCE ON INTERNATIONAL TELECOMMUNICATIONS",
    city: "DUBAI, UNITED ARAB EMIRATES",
    synthetic: true,
    ...rest,
    source: sourceOf(id, source),
    utterances,
  };
}
