import type { SessionHeader } from "../../src/domain";
import type { ProcessedSource } from "../../ingest/pipeline";
import { sessionId, transcriptVersion } from "../../ingest/pipeline";
import { sessionRecord } from "../support/session-record";

/** A small hand-made processed source for pipeline tests. */
export function makeProcessed(
  header: Partial<SessionHeader>,
  options: { file: string; sha: string; words?: string },
): ProcessedSource {
  const session: SessionHeader = {
    statusLine: "FINISHED TRANSCRIPT",
    status: "finished",
    conference: "wcit-12",
    conferenceLine: "WORLD CONFERENCE ON INTERNATIONAL TELECOMMUNICATIONS",
    room: null,
    city: "DUBAI, UNITED ARAB EMIRATES",
    date: "2012-12-03",
    time: "14:30",
    endTime: null,
    timeZone: null,
    title: "PLENARY 1",
    body: "plenary",
    number: 1,
    spokenNumber: null,
    provider: null,
    disclaimer: null,
    synthetic: true,
    ...header,
  };
  const version = transcriptVersion(session);
  const id = sessionId(session, version);
  const text = `>> CHAIR: ${options.words ?? "Good afternoon."}`;
  const record = sessionRecord({
    id,
    version,
    ...session,
    source: {
      file: options.file,
      sha256: options.sha.padEnd(64, "0"),
      bytes: text.length,
    },
    utterances: [
      {
        id: `${id}.0`,
        seq: 0,
        speaker: { raw: "CHAIR", kind: "chair", country: null, id: "chair", name: "Chair" },
        text: options.words ?? "Good afternoon.",
        annotations: [],
        documents: [],
        source: {
          start: 10,
          end: text.length,
          line: 1,
          endLine: 1,
          column: 11,
          endColumn: text.length,
        },
      },
    ],
  });
  return { record, text };
}
