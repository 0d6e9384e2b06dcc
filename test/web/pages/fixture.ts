/**
 * A small SYNTHETIC corpus for the page and browser tests: written by us, no real words. Built
 * in memory with the real build (ingest/build-index.ts) and loaded with the real loader, so the
 * pages run on exactly what the Worker would serve.
 *
 * Facts the tests rely on:
 * - five finished sessions in date order (FINISHED_SESSIONS; plenary-3 is announced in the room
 *   as the 5th), plus plenary-1-rough (the rough live version of plenary-1);
 * - "digital divide" (PHRASE) is first said by Egypt in plenary-1, then by Canada in plenary-2
 *   (twice in one turn) and Egypt in plenary-3: PHRASE_COUNTS utterances per session;
 * - committee-5-2 has AGENDA_ITEMS turns "Agenda item N ..." (pagination);
 * - "bridge the gap" is said by Canada in committee-5-1 and plenary-3 (the `vs` phrase);
 * - DT/30 rev 3 is mentioned in committee-5-1 and plenary-3;
 * - one utterance's text contains "<script>alert(1)</script>" (escaping);
 * - plenary-1.3 has "(Applause)" as an annotation.
 */
import type { Annotation, DocumentRef, SessionRecord, Speaker } from "../../../src/domain";
import { buildAssets } from "../../../ingest/build-index";
import type { Corpus } from "../../../src/search/corpus";
import { openCorpus } from "../../../src/search/load";
import { sourceTextOf } from "../../fixtures/corpus";
import { sessionRecord } from "../../support/session-record";

export const SPEAKERS = {
  chair: { raw: "CHAIR", kind: "chair", country: null, id: "chair", name: "Chair" },
  egypt: { raw: "EGYPT", kind: "delegation", country: "EGY", id: "EGY", name: "Egypt" },
  canada: { raw: "CANADA", kind: "delegation", country: "CAN", id: "CAN", name: "Canada" },
  iran: {
    raw: "ISLAMIC REPUBLIC OF IRAN",
    kind: "delegation",
    country: "IRN",
    id: "IRN",
    name: "Iran (Islamic Republic of)",
  },
  secretariat: {
    raw: "SECRETARIAT",
    kind: "secretariat",
    country: null,
    id: "secretariat",
    name: "Secretariat",
  },
} as const satisfies Record<string, Speaker>;

type Turn = [speaker: Speaker, text: string];

/** The phrase the timeline tests trace, and where it occurs (session id -> occurrences). */
export const PHRASE = "digital divide";
export const PHRASE_COUNTS: Record<string, number> = {
  "plenary-1": 1,
  "committee-5-1": 0,
  "committee-5-2": 0,
  "plenary-2": 1,
  "plenary-3": 1,
};
/** Occurrences (not utterances) of PHRASE: Canada says it twice in one turn of plenary-2. */
export const PHRASE_OCCURRENCES = 4;
export const VS_PHRASE = "bridge the gap";
export const DOCUMENT = "DT/30-REV3";
export const SCRIPT_TEXT = "<script>alert(1)</script>";

interface SessionSpec {
  id: string;
  title: string;
  body: "plenary" | "committee-5";
  number: number;
  spokenNumber?: number;
  date: string;
  time: string;
  version?: "finished" | "rough";
  variants?: string[];
  turns: Turn[];
}

const S = SPEAKERS;

/** Turns of committee-5-2, each saying "agenda item N": enough for two pages of results. */
export const AGENDA_ITEMS = 26;

const SESSIONS: SessionSpec[] = [
  {
    id: "plenary-1",
    title: "PLENARY 1",
    body: "plenary",
    number: 1,
    date: "2012-12-03",
    time: "14:30",
    variants: ["plenary-1-rough"],
    turns: [
      [S.chair, "Good afternoon. I open this synthetic first plenary meeting."],
      [
        S.egypt,
        "Thank you, Chair. Our test delegation wishes to speak about the digital divide between regions.",
      ],
      [S.chair, "Thank you, Egypt. Canada, you have the floor."],
      [S.canada, "We thank the Chair for this invented opening session. (Applause)"],
      [S.iran, "We would like the roaming charges to be discussed in this made-up meeting."],
    ],
  },
  {
    id: "plenary-1-rough",
    title: "PLENARY 1",
    body: "plenary",
    number: 1,
    date: "2012-12-03",
    time: "14:30",
    version: "rough",
    variants: ["plenary-1"],
    turns: [
      [S.chair, "Good afternoon. I open this synthetic first plen airy meeting ."],
      [
        S.egypt,
        "Thank you, Chair. Our test delegation wishes to speak about the digital divide between regions .",
      ],
    ],
  },
  {
    id: "committee-5-1",
    title: "COMMITTEE 5 MEETING",
    body: "committee-5",
    number: 1,
    date: "2012-12-04",
    time: "18:30",
    turns: [
      [S.chair, "We now take up document DT/30 rev 3 in this pretend committee."],
      [S.canada, "Canada would like to bridge the gap between the two drafts of the example text."],
      [
        S.secretariat,
        `The secretariat notes a stray tag in the sample: ${SCRIPT_TEXT} which must be shown as text.`,
      ],
      [S.iran, "Roaming should stay in the sample article, in our invented view."],
    ],
  },
  {
    id: "committee-5-2",
    title: "COMMITTEE 5 MEETING 2",
    body: "committee-5",
    number: 2,
    date: "2012-12-06",
    time: "14:30",
    turns: Array.from({ length: AGENDA_ITEMS }, (_, i): Turn => [
      i % 2 === 0 ? S.chair : S.iran,
      `Agenda item ${i + 1} of this invented meeting is noted.`,
    ]),
  },
  {
    id: "plenary-2",
    title: "PLENARY 2",
    body: "plenary",
    number: 2,
    date: "2012-12-05",
    time: "09:30",
    turns: [
      [S.chair, "Good morning. This is the second made-up plenary."],
      [
        S.canada,
        "The digital divide is real in this sample, and the digital divide must be addressed.",
      ],
      [S.egypt, "Egypt supports the roaming proposal in this fictional text."],
    ],
  },
  {
    id: "plenary-3",
    title: "PLENARY 3",
    body: "plenary",
    number: 3,
    spokenNumber: 5,
    date: "2012-12-07",
    time: "14:30",
    turns: [
      [S.chair, "Welcome to the fifth plenary meeting of this synthetic sample."],
      [S.egypt, "On DT/30 rev 3, we believe the digital divide deserves its own resolution."],
      [S.canada, "We can bridge the gap if the invented text is kept short."],
      [S.chair, "Thank you. The meeting is closed. (Gavel)"],
    ],
  },
];

const ANNOTATION_RE = /\((Applause|Gavel)\)/g;
const DOCUMENT_RE = /DT\/30 rev 3/g;

function annotationsOf(text: string): Annotation[] {
  return [...text.matchAll(ANNOTATION_RE)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
    kind: (m[1] ?? "other").toLowerCase(),
  }));
}

function documentsOf(text: string): DocumentRef[] {
  return [...text.matchAll(DOCUMENT_RE)].map((m) => ({
    id: DOCUMENT,
    raw: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

function record(spec: SessionSpec): SessionRecord {
  const version = spec.version ?? "finished";
  let offset = 0;
  const utterances = spec.turns.map(([speaker, text], seq) => {
    const line = 20 + seq * 3;
    const start = offset;
    offset += text.length + 12;
    return {
      id: `${spec.id}.${seq}`,
      seq,
      speaker,
      text,
      annotations: annotationsOf(text),
      documents: documentsOf(text),
      source: {
        start,
        end: start + text.length,
        line,
        endLine: line + 1,
        column: 1,
        endColumn: 10,
      },
    };
  });
  return sessionRecord({
    id: spec.id,
    version,
    variants: spec.variants ?? [],
    statusLine: version === "rough" ? null : "FINISHED TRANSCRIPT",
    status: version === "rough" ? null : "finished",
    date: spec.date,
    time: spec.time,
    title: spec.title,
    body: spec.body,
    number: spec.number,
    spokenNumber: spec.spokenNumber ?? null,
    source: {
      file: `transcripts/sources/${spec.id}.txt`,
      bytes: offset,
      textFile: `transcripts/text/${spec.id}.txt`,
    },
    utterances,
  });
}

/** The fixture's session records. */
export function testRecords(): SessionRecord[] {
  return SESSIONS.map(record);
}

/** Session ids of the finished sessions, in date order. */
export const FINISHED_SESSIONS = [
  "plenary-1",
  "committee-5-1",
  "plenary-2",
  "committee-5-2",
  "plenary-3",
] as const;

/** The built assets of the fixture, in memory (file name -> text). */
export function testAssets(): Map<string, string> {
  const records = testRecords();
  const texts = new Map(records.map((r) => [r.id, sourceTextOf(r)]));
  return buildAssets(records, [], undefined, texts).files;
}

/** Loads the fixture corpus through the real loader. */
export function loadTestCorpus(): Promise<Corpus> {
  const files = testAssets();
  return openCorpus(async (name) => {
    const text = files.get(name);
    if (text === undefined) throw new Error(`fixture: no asset ${name}`);
    return text;
  });
}
