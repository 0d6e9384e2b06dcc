/**
 * A stand-in for the pipeline in the scraper's own tests: the real text extraction, then a tiny
 * reader of the fixture headers (status line and title) instead of the full parser, and a
 * writeCorpus that only records what it was given. It keeps the scraper tests about fetching.
 */
import { writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { CORPUS_SCHEMA_VERSION, type Body, type SessionRecord } from "../../src/domain";
import { extractText } from "../../ingest/extract/index";
import type {
  ProcessedSource,
  SourceFailure,
  SourceInput,
  WriteCorpusResult,
} from "../../ingest/pipeline";
import { sha256Hex } from "../../ingest/fetch/cache";
import type { FetchProcessOptions } from "../../ingest/fetch/run";

function header(text: string): {
  title: string | null;
  body: Body | null;
  number: number | null;
  rough: boolean;
} {
  const lines = text.split("\n").map((l) => l.trim());
  const title =
    lines.find((l) =>
      /^(PLENARY \d+|COMMITTEE \d+ MEETING( \d+)?|.* MEETING OF (COMMITTEE \d+|COM \d+|THE WORKING GROUP.*))$/.test(
        l,
      ),
    ) ?? null;
  let body: Body | null = null;
  let number: number | null = null;
  if (title !== null) {
    const committee = /\b(?:COMMITTEE|COM) (\d+)/.exec(title)?.[1];
    if (/WORKING GROUP/.test(title)) body = "working-group";
    else if (committee !== undefined) body = `committee-${Number(committee)}`;
    else if (/PLENARY/.test(title)) body = "plenary";
    const ordinal = ["FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "SIXTH"].findIndex((w) =>
      title.startsWith(w),
    );
    const digits = /(\d+)$/.exec(title)?.[1];
    number = ordinal >= 0 ? ordinal + 1 : digits !== undefined ? Number(digits) : 1;
  }
  return { title, body, number, rough: lines.includes("RAW COPY") };
}

export async function fakeProcess(
  input: SourceInput,
  options?: FetchProcessOptions,
): Promise<ProcessedSource> {
  const extracted = await extractText(input.bytes, {
    fileName: input.file.split("/").pop() ?? "input",
  });
  const turns = extracted.text.match(/>> ?[A-Z]+:/g) ?? [];
  if (turns.length === 0)
    throw new Error(`pipeline: ${input.file}: no speaker turns found (is this a transcript?)`);
  const h = header(extracted.text);
  const id = `${h.body ?? "session"}-${h.number ?? 0}${h.rough ? "-rough" : ""}`;
  const record = {
    schemaVersion: CORPUS_SCHEMA_VERSION,
    notice: null,
    id,
    version: h.rough ? "rough" : "finished",
    variants: [],
    statusLine: null,
    status: h.rough ? "rough" : "finished",
    // The fake header reader reads no conference line: every session gets the run's.
    conference: options?.conference ?? null,
    conferenceLine: null,
    room: null,
    city: null,
    date: null,
    time: null,
    endTime: null,
    timeZone: null,
    title: h.title,
    body: h.body,
    number: h.number,
    spokenNumber: null,
    provider: null,
    disclaimer: null,
    synthetic: true,
    source: {
      file: input.file,
      ...(input.url === undefined ? {} : { url: input.url }),
      sha256: sha256Hex(input.bytes),
      format: extracted.format,
      bytes: input.bytes.byteLength,
      textFile: `text/${id}.txt`,
    },
    utterances: turns.map((t, seq) => ({
      id: `${id}.${seq}`,
      seq,
      speaker: { raw: t, kind: "unknown", country: null, id: "unknown", name: t },
      text: t,
      annotations: [],
      documents: [],
      source: { start: 0, end: 0, line: 1, endLine: 1, column: 1, endColumn: 1 },
    })),
  } satisfies SessionRecord;
  return { record, text: extracted.text };
}

/** Records each call and writes <id>.json files plainly (enough to see they were written). */
export function fakeWriteCorpus(
  calls: { processed: ProcessedSource[]; failures: SourceFailure[] }[],
) {
  return async (
    outDir: string,
    processed: ProcessedSource[],
    failures: SourceFailure[],
  ): Promise<WriteCorpusResult> => {
    calls.push({ processed, failures });
    await mkdir(outDir, { recursive: true });
    for (const p of processed) {
      await writeFile(join(outDir, `${p.record.id}.json`), `${JSON.stringify(p.record)}\n`);
    }
    return {
      manifest: {
        schemaVersion: CORPUS_SCHEMA_VERSION,
        corpus: "itu-captions",
        synthetic: true,
        notice: null,
        sessions: processed.map((p) => ({
          id: p.record.id,
          file: `${p.record.id}.json`,
          conference: p.record.conference,
          title: p.record.title,
          body: p.record.body,
          number: p.record.number,
          date: p.record.date,
          time: p.record.time,
          status: p.record.status,
          version: p.record.version,
          utterances: p.record.utterances.length,
          source: p.record.source,
          synthetic: true,
        })),
        failures: failures.map(({ file, error }) => ({ file, error })),
      },
      written: processed.map((p) => p.record.id),
      removed: [],
      conflicts: [],
    };
  };
}
