/**
 * A deterministic generator of transcript-like corpora for the benchmark: sessions of a
 * conference with speaker-attributed utterances (SessionRecord[] of src/domain.ts), a Zipf-like
 * vocabulary, recurring conference phrases in changing wordings, chair turns that hand the floor
 * on, document references and annotations with exact offsets.
 *
 * Same seed and scale, same records, byte for byte. Every record is flagged synthetic.
 */
import { createHash } from "node:crypto";
import {
  CORPUS_SCHEMA_VERSION,
  SYNTHETIC_NOTICE,
  type Annotation,
  type Body,
  type DocumentRef,
  type SessionRecord,
  type Speaker,
  type Utterance,
} from "../src/domain";
import { createRandom, deriveSeed, ZipfSampler, type Random } from "./random";
import { buildSpeakerPool, type SpeakerPool } from "./speakers";
import {
  buildVocabulary,
  DEFAULT_PSEUDO_WORDS,
  PHRASE_FAMILIES,
  type Vocabulary,
} from "./vocabulary";

/** Utterances at scale 1. */
export const UTTERANCES_PER_SCALE = 30_000;
/** Seed used when none is given. */
export const DEFAULT_SEED = 20121203;
/** Smallest and largest session, in utterances. */
export const SESSION_SIZE = { min: 250, max: 1100 } as const;
/** Median words of an ordinary turn, and the spread of its log-normal law. */
export const TURN_WORDS = { median: 52, sigma: 0.55, min: 3 } as const;
/** Share of long turns (statements read out, texts read into the record) and their median length. */
export const LONG_TURNS = { share: 0.03, median: 380, sigma: 0.5, max: 2500 } as const;
/** Share of sentences that carry a recurring phrase. */
export const PHRASE_SHARE = 0.22;
/** First day of the generated conference. */
export const FIRST_DAY = "2012-12-03";
/** Start times of the sessions of a day. */
const TIME_SLOTS = ["09:30", "14:30", "18:30", "22:30"] as const;
const BODIES: readonly { body: Body; share: number }[] = [
  { body: "plenary", share: 0.5 },
  { body: "committee-5", share: 0.35 },
  { body: "working-group", share: 0.15 },
];

/** Options of {@link generateCorpus}. */
export interface CorpusOptions {
  /** 1 = about 30,000 utterances; 10 = about 300,000. Any positive number. */
  scale: number;
  /** PRNG seed; default {@link DEFAULT_SEED}. */
  seed?: number;
  /** Pseudo-words in the vocabulary tail; default {@link DEFAULT_PSEUDO_WORDS}. */
  pseudoWords?: number;
}

/** A generated corpus and the models it was drawn from (the query generator draws from them too). */
export interface GeneratedCorpus {
  records: SessionRecord[];
  /** Total utterances over all records. */
  utterances: number;
  seed: number;
  scale: number;
  vocabulary: Vocabulary;
  speakers: SpeakerPool;
}

/** Generates a corpus. Throws on a non-positive or non-finite scale. */
export function generateCorpus(options: CorpusOptions): GeneratedCorpus {
  const { scale } = options;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isFinite(scale) || scale <= 0)
    throw new Error(`corpus: scale must be a positive number, got ${scale}`);
  if (!Number.isFinite(seed)) throw new Error(`corpus: seed must be a finite number, got ${seed}`);
  const target = Math.max(1, Math.round(scale * UTTERANCES_PER_SCALE));
  const vocabulary = buildVocabulary(seed, options.pseudoWords ?? DEFAULT_PSEUDO_WORDS);
  const speakers = buildSpeakerPool();
  const random = createRandom(deriveSeed(seed, "corpus"));
  const writer = new TurnWriter(random, vocabulary, speakers);

  const records: SessionRecord[] = [];
  const counters = new Map<Body, number>();
  let produced = 0;
  for (let index = 0; produced < target; index++) {
    const size = Math.min(target - produced, random.int(SESSION_SIZE.min, SESSION_SIZE.max));
    const roll = random.next();
    let body: Body = "plenary";
    let cumulative = 0;
    for (const entry of BODIES) {
      cumulative += entry.share;
      if (roll < cumulative) {
        body = entry.body;
        break;
      }
    }
    const number = (counters.get(body) ?? 0) + 1;
    counters.set(body, number);
    records.push(generateSession(writer, { index, body, number, size }));
    produced += size;
  }
  return { records, utterances: produced, seed, scale, vocabulary, speakers };
}

interface SessionPlan {
  index: number;
  body: Body;
  number: number;
  size: number;
}

function sessionTitle(body: Body, number: number): string {
  if (body === "plenary") return `PLENARY ${number}`;
  if (body === "committee-5") return `COMMITTEE 5 MEETING ${number}`;
  return `MEETING ${number} OF THE WORKING GROUP OF THE PLENARY`;
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function generateSession(writer: TurnWriter, plan: SessionPlan): SessionRecord {
  const id = `${plan.body}-${plan.number}`;
  const date = addDays(FIRST_DAY, Math.floor(plan.index / TIME_SLOTS.length));
  const time = TIME_SLOTS[plan.index % TIME_SLOTS.length] as string;
  const title = sessionTitle(plan.body, plan.number);
  // The extracted text the offsets refer to: a header, then one line per turn.
  const headerLines = ["SYNTHETIC SAMPLE", "FINISHED TRANSCRIPT", title, date, time, ""];
  const parts: string[] = [headerLines.join("\n") + "\n"];
  let offset = parts[0]!.length;
  let line = headerLines.length + 1;
  const utterances: Utterance[] = [];
  let previous: Speaker | null = null;
  for (let seq = 0; seq < plan.size; seq++) {
    const speaker = writer.nextSpeaker(previous);
    const next = seq + 1 < plan.size ? writer.peekNextSpeaker(speaker) : null;
    const turn = writer.turn(speaker, previous, next);
    const marker = speaker.raw === null ? ">> " : `>> ${speaker.raw}: `;
    const start = offset + marker.length;
    utterances.push({
      id: `${id}.${seq}`,
      seq,
      speaker,
      text: turn.text,
      annotations: turn.annotations,
      documents: turn.documents,
      source: {
        start,
        end: start + turn.text.length,
        line,
        endLine: line,
        column: 1,
        endColumn: turn.text.length,
      },
    });
    parts.push(marker, turn.text, "\n");
    offset = start + turn.text.length + 1;
    line++;
    previous = speaker;
  }
  const extracted = parts.join("");
  return {
    schemaVersion: CORPUS_SCHEMA_VERSION,
    notice: SYNTHETIC_NOTICE,
    id,
    version: "finished",
    variants: [],
    statusLine: "FINISHED TRANSCRIPT",
    status: "finished",
    conference: null,
    conferenceLine: "SYNTHETIC BENCHMARK CONFERENCE",
    room: null,
    city: null,
    date,
    time,
    endTime: null,
    timeZone: null,
    title,
    body: plan.body,
    number: plan.number,
    spokenNumber: null,
    provider: null,
    disclaimer: SYNTHETIC_NOTICE,
    synthetic: true,
    source: {
      file: `bench/synthetic/${id}.txt`,
      sha256: createHash("sha256").update(extracted).digest("hex"),
      format: "txt",
      bytes: Buffer.byteLength(extracted),
      textFile: `bench/synthetic/${id}.txt`,
    },
    utterances,
  };
}

interface Turn {
  text: string;
  annotations: Annotation[];
  documents: DocumentRef[];
}

/** Builds a turn's text left to right, keeping the offsets of annotations and document references. */
class TextBuilder {
  text = "";
  words = 0;
  readonly annotations: Annotation[] = [];
  readonly documents: DocumentRef[] = [];

  add(piece: string): void {
    if (this.text !== "") this.text += " ";
    this.text += piece;
    this.words += countWords(piece);
  }

  /** Appends punctuation to the last piece (no space before it). */
  punctuate(mark: string): void {
    this.text += mark;
  }

  annotate(text: string, kind: string): void {
    if (this.text !== "") this.text += " ";
    const start = this.text.length;
    this.text += text;
    this.annotations.push({ text, start, end: this.text.length, kind });
  }

  document(raw: string, id: string): void {
    if (this.text !== "") this.text += " ";
    const start = this.text.length;
    this.text += raw;
    this.words += countWords(raw);
    this.documents.push({ id, raw, start, end: this.text.length });
  }
}

function countWords(piece: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < piece.length; i++) {
    const space = piece.charCodeAt(i) === 32;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Writes turns: who speaks next, and what they say. */
class TurnWriter {
  private readonly familyZipf = new ZipfSampler(PHRASE_FAMILIES.length, 0.8, 1);
  private pending: Speaker | null = null;

  constructor(
    private readonly random: Random,
    private readonly vocabulary: Vocabulary,
    private readonly speakers: SpeakerPool,
  ) {}

  /** The chair takes the floor back after most turns; otherwise someone else speaks. */
  nextSpeaker(previous: Speaker | null): Speaker {
    if (this.pending !== null) {
      const speaker = this.pending;
      this.pending = null;
      return speaker;
    }
    if (previous === null) return this.speakers.chair;
    if (previous.kind !== "chair" && this.random.chance(0.6)) return this.speakers.chair;
    return this.speakers.sample(this.random);
  }

  /** Decides the speaker after a chair turn now, so the chair can name them. */
  peekNextSpeaker(current: Speaker): Speaker | null {
    if (current.kind !== "chair") return null;
    const next = this.random.chance(0.85)
      ? this.speakers.sampleDelegation(this.random)
      : this.speakers.sample(this.random);
    this.pending = next.kind === "chair" ? null : next;
    return this.pending;
  }

  turn(speaker: Speaker, previous: Speaker | null, next: Speaker | null): Turn {
    const out = new TextBuilder();
    const random = this.random;
    if (speaker.kind === "chair" && random.chance(0.55)) {
      // A short procedural turn: thanks and the floor to the next speaker.
      if (previous !== null && previous.kind === "delegation")
        out.add(`Thank you, ${previous.name}.`);
      else out.add(random.pick(["Thank you.", "Thank you very much.", "Good.", "Okay."]));
      if (random.chance(0.3)) this.sentence(out, random.int(5, 16));
      if (next !== null && next.kind === "delegation") {
        out.add(
          random.pick([
            `${next.name}, you have the floor.`,
            `I give the floor to ${next.name}.`,
            `${next.name}?`,
          ]),
        );
      } else if (next !== null) {
        out.add(random.pick(["Secretariat, please.", "Please go ahead.", "Yes, please."]));
      }
      if (random.chance(0.03))
        out.annotate(random.pick(["(Applause)", "(Gavel)", "(Laughter)"]), "applause");
      return out;
    }
    const words = this.turnLength();
    if (speaker.kind === "delegation" && random.chance(0.7)) {
      out.add(
        random.pick([
          "Thank you, Chair.",
          "Thank you, Mr. Chairman.",
          "Thank you very much, Chair.",
          "Thank you.",
        ]),
      );
    }
    while (out.words < words)
      this.sentence(out, Math.min(random.int(8, 28), Math.max(4, words - out.words)));
    if (random.chance(0.02)) out.annotate("(Applause)", "applause");
    return out;
  }

  /** Words in an ordinary or long turn, from log-normal laws. */
  private turnLength(): number {
    const random = this.random;
    if (random.chance(LONG_TURNS.share)) {
      const long = Math.round(
        Math.exp(Math.log(LONG_TURNS.median) + LONG_TURNS.sigma * random.normal()),
      );
      return Math.min(LONG_TURNS.max, Math.max(120, long));
    }
    const words = Math.round(
      Math.exp(Math.log(TURN_WORDS.median) + TURN_WORDS.sigma * random.normal()),
    );
    return Math.max(TURN_WORDS.min, words);
  }

  /** One sentence of about `length` words, with a phrase or a document reference now and then. */
  private sentence(out: TextBuilder, length: number): void {
    const random = this.random;
    const phraseAt = random.chance(PHRASE_SHARE) ? random.int(0, Math.max(0, length - 3)) : -1;
    const documentAt = random.chance(0.04) ? random.int(0, length - 1) : -1;
    let first = true;
    let written = 0;
    const emit = (piece: string): void => {
      out.add(first ? capitalize(piece) : piece);
      first = false;
      if (random.chance(0.07)) out.punctuate(",");
    };
    for (let i = 0; written < length; i++) {
      if (i === phraseAt) {
        const family = PHRASE_FAMILIES[this.familyZipf.sample(random)]!;
        const variant =
          family.variants[
            Math.min(family.variants.length - 1, Math.floor(-Math.log(1 - random.next()) * 1.2))
          ]!;
        emit(variant);
        written += countWords(variant);
        continue;
      }
      if (i === documentAt) {
        if (first) emit(random.pick(["in", "see", "regarding"]));
        const [raw, id] = this.documentReference();
        out.add("document");
        out.document(raw, id);
        written += 2;
        continue;
      }
      emit(this.vocabulary.sample(random));
      written++;
    }
    out.punctuate(random.chance(0.1) ? "?" : ".");
  }

  private documentReference(): [raw: string, id: string] {
    const random = this.random;
    const n = random.int(1, 120);
    switch (random.int(0, 3)) {
      case 0:
        return [`ADM/${n}`, `ADM/${n}`];
      case 1:
        return [`DOC/${n}`, `DOC/${n}`];
      case 2: {
        const rev = random.int(1, 4);
        return [`DT/${n} rev ${rev}`, `DT/${n}-REV${rev}`];
      }
      default:
        return [`DT/${n}`, `DT/${n}`];
    }
  }
}

/** Iterates over every utterance of a corpus with its session, in record order. */
export function* eachUtterance(
  records: readonly SessionRecord[],
): Generator<[SessionRecord, Utterance]> {
  for (const record of records)
    for (const utterance of record.utterances) yield [record, utterance];
}
