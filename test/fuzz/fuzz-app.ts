/**
 * The app the fuzz tests hit: the SYNTHETIC SAMPLE test corpus (test/fixtures/corpus) plus one
 * session of injection payloads (in utterance text, speaker labels and names, ids, the title,
 * annotations, an attribution note, document references and the source file name), built with
 * the real build and loader, served with the Node entry's file server over a temporary folder
 * (a file outside that folder holds a secret no response may contain).
 *
 * Every word below was written for testing; none of it was said by anyone.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DocumentRef, SessionRecord, Speaker, Utterance } from "../../src/domain";
import { buildAssets } from "../../ingest/build-index";
import { openCorpus } from "../../src/search/load";
import { SliceScheduler } from "../../src/search/scheduler";
import { createApp } from "../../src/web/app";
import { fileServer } from "../../src/node";
import { FIXTURE_ALIASES, fixtureSessions, memoryReader } from "../fixtures/corpus";
import { sessionRecord } from "../support/session-record";
import { PAYLOADS } from "./payloads";

/** Id of the payload session. */
export const PAYLOAD_SESSION = "plenary-90";
/** A word every payload utterance contains (a search for it returns them all, with snippets). */
export const PAYLOAD_WORD = "zanzibarish";
/** What the file outside the static root contains. */
export const SECRET = "FZX-SECRET-a41c";
/** A file inside the static root, and its content. */
export const STATIC_FILE = { path: "/hello.txt", content: "hello from the static root" };

const LABEL_PAYLOAD: Speaker = {
  raw: "<SCRIPT>FZX(10)</SCRIPT>",
  kind: "unknown",
  country: null,
  id: "unknown",
  name: "Unidentified speaker",
};
const PERSON_PAYLOAD: Speaker = {
  raw: 'MR. "><FZX-TAG FZX-ATTR=1>',
  kind: "person",
  country: null,
  id: 'person:fzx-"><fzx-tag fzx-attr=1>',
  name: 'Mr. "><fzx-tag fzx-attr=1> <script>fzx(11)</script>',
};
const CHAIR: Speaker = { raw: "CHAIR", kind: "chair", country: null, id: "chair", name: "Chair" };
const EGYPT: Speaker = {
  raw: "EGYPT",
  kind: "delegation",
  country: "EGY",
  id: "EGY",
  name: "Egypt",
};

/** Document references with odd ids (they end up in URLs and pages). */
const ODD_DOCUMENTS = ['ADM/"><fzx-tag fzx-attr=1>', "DT/../../etc/passwd", "DOC/%2e%2e"];

function payloadUtterances(): Utterance[] {
  const speakers = [CHAIR, EGYPT, LABEL_PAYLOAD, PERSON_PAYLOAD];
  const texts = PAYLOADS.map((payload, i) =>
    // Formula-like payloads open their turn (a CSV cell starting with them).
    i % 3 === 0 || /^[=+@-]/.test(payload)
      ? `${payload} ${PAYLOAD_WORD} opens the turn, then digital divide words follow.`
      : `The delegate said ${PAYLOAD_WORD} and ${payload} before the digital divide was named.`,
  );
  texts.push(`Document ${ODD_DOCUMENTS.join(" and ")} were cited, ${PAYLOAD_WORD} said.`);
  texts.push(
    `${PAYLOAD_WORD} (<fzx-tag fzx-attr=1>) remark before (That was <script>fzx(12)</script> speaking)`,
  );
  let offset = 300;
  return texts.map((text, seq) => {
    const documents: DocumentRef[] = [];
    for (const id of ODD_DOCUMENTS) {
      const start = text.indexOf(id);
      if (start >= 0) documents.push({ id, raw: id, start, end: start + id.length });
    }
    const annotation = text.indexOf("(<fzx-tag");
    const note = text.indexOf("(That was");
    const utterance: Utterance = {
      id: `${PAYLOAD_SESSION}.${seq}`,
      seq,
      speaker: speakers[seq % speakers.length] as Speaker,
      text,
      annotations:
        annotation >= 0
          ? [
              {
                text: "(<fzx-tag fzx-attr=1>)",
                start: annotation,
                end: annotation + "(<fzx-tag fzx-attr=1>)".length,
                kind: "other",
              },
            ]
          : [],
      documents,
      source: {
        start: offset,
        end: offset + text.length,
        line: 10 + seq,
        endLine: 10 + seq,
        column: 1,
        endColumn: text.length,
      },
      ...(note >= 0
        ? {
            attribution: {
              labelled: '"><FZX-TAG FZX-ATTR=1>',
              labelledId: "unknown",
              note: text.slice(note),
              named: "<FZX-TAG>",
              namedId: "unknown",
              reach: seq % 2 === 0 ? ("turn" as const) : ("none" as const),
              uncertain: seq % 2 !== 0,
              evidence: '"><FZX-TAG FZX-ATTR=2>',
            },
          }
        : {}),
    };
    offset += text.length + 1;
    return utterance;
  });
}

/**
 * Where the payload session says it was fetched from. Escaped, but not a javascript: URL: the
 * session page links any source URL (see the known-bug test in test/fuzz/pages.test.ts).
 */
export const PAYLOAD_SOURCE_URL =
  'https://example.invalid/"><fzx-tag fzx-attr=1>?a=<script>fzx(15)</script>';

/** The payload session (SYNTHETIC). */
export function payloadSession(sourceUrl = PAYLOAD_SOURCE_URL): SessionRecord {
  const utterances = payloadUtterances();
  return sessionRecord({
    id: PAYLOAD_SESSION,
    statusLine: 'FINISHED TRANSCRIPT "><fzx-tag fzx-attr=1>',
    conference: "SYNTHETIC SAMPLE <fzx-tag> CONFERENCE",
    city: "<script>fzx(13)</script>",
    date: "2012-12-07",
    time: "10:00",
    timeZone: "<fzx-tag>",
    title: 'PLENARY 90 <script>fzx(14)</script> "><fzx-tag fzx-attr=1>',
    body: "plenary",
    number: 90,
    source: {
      file: 'test/fuzz/"><fzx-tag fzx-attr=1>.txt',
      url: sourceUrl,
      bytes: 1000,
      textFile: "test/fuzz/<fzx-tag>.txt",
    },
    utterances,
  });
}

/** Every record of the fuzz corpus. */
export function fuzzRecords(sourceUrl?: string): SessionRecord[] {
  return [...fixtureSessions(), payloadSession(sourceUrl)];
}

export interface FuzzApp {
  app: ReturnType<typeof createApp>;
  /** What the app logged as errors (a 500 logs one). */
  errors: string[];
  /** Utterance ids, session ids, speaker ids and document ids of the corpus. */
  ids: { utterances: string[]; sessions: string[]; speakers: string[]; documents: string[] };
  /** Removes the temporary folder. */
  cleanup(): void;
}

/** Builds the fuzz app (call once per test file). */
export function fuzzApp(options: { sourceUrl?: string } = {}): FuzzApp {
  const records = fuzzRecords(options.sourceUrl);
  const built = buildAssets(records, FIXTURE_ALIASES);
  const dir = mkdtempSync(join(tmpdir(), "wcit-fuzz-"));
  const root = join(dir, "root");
  mkdirSync(root);
  writeFileSync(join(root, STATIC_FILE.path.slice(1)), STATIC_FILE.content);
  writeFileSync(join(dir, "secret.txt"), SECRET);
  writeFileSync(join(dir, "root-secret.txt"), SECRET);
  const serveFile = fileServer(root);
  const errors: string[] = [];
  let clockReadings = 0;
  const app = createApp({
    loadCorpus: () => openCorpus(memoryReader(built.files)),
    logger: { info() {}, warn() {}, error: (message) => errors.push(message) },
    assets: (request) => serveFile(request),
    // Searches pause as on the Node server, and far more often: the clock counts its readings,
    // so a slice ends after 3 of them and the fuzzed requests go through the slow lane.
    runner: new SliceScheduler({
      sliceMs: 3,
      now: () => clockReadings++,
      defer: (callback) => setImmediate(callback),
    }),
  });
  const utterances = records.flatMap((r) => r.utterances.map((u) => u.id));
  return {
    app,
    errors,
    ids: {
      utterances,
      sessions: records.map((r) => r.id),
      speakers: [...new Set(records.flatMap((r) => r.utterances.map((u) => u.speaker.id)))],
      documents: [
        ...new Set(
          records.flatMap((r) => r.utterances.flatMap((u) => u.documents.map((d) => d.id))),
        ),
      ],
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
