/**
 * The transcript parser: extracted text in, session header and speaker-attributed utterances out.
 * Pure (no I/O) and total: any string gives a result, bad input gives warnings and empty fields.
 *
 * Composition (each step documents its rules):
 * 1. junk.ts cleanCharacters: line breaks, mojibake, entities, odd spaces (whole text);
 * 2. header.ts parseHeader: the header fields in any order, teasers before it dropped;
 * 3. junk.ts removeBodyJunk: page numbers, Page N: prefixes, uploader/advertisement lines,
 *    copy-site furniture, glued words (body only); then copy-site.ts removeCopyRepeats: a second
 *    copy of the header mid-text and the opening turns repeated after it, a cut final marker;
 * 4. turns.ts scanTurns: markers anywhere, labels, unmarked labels, unlabelled turns;
 * 5. per turn: wraps joined (whitespace collapsed), annotations.ts findAnnotations, an attribution
 *    note splits the turn (below), the speaker (a label naming one of the conference's officials:
 *    speakers/officials.ts; else speakers.ts normaliseSpeaker), src/document-refs.ts findDocumentRefs;
 * 6. title.ts: the meeting number announced in the room (spokenNumber), and the body of a session
 *    without a title line from its opening turns.
 *
 * Attribution notes: "(That was Egypt speaking)" inside a turn labelled CUBA gives the words
 * before the note (since the turn start or the previous note), note included, to Egypt
 * (normaliseSpeaker of the name), with attribution {labelled: "CUBA", note}; the words after it
 * stay with CUBA. A turn whose words all moved leaves no utterance for its label.
 *
 * Every utterance's source span points into the INPUT text (offsets and 1-based lines), from its
 * marker (or first character) to its last character, so a quote can be traced to a line.
 */
import {
  silentLogger,
  emptySessionHeader,
  type Logger,
  type ParsedTranscript,
  type ParsedUtterance,
  type SessionHeader,
  type Speaker,
} from "../../src/domain";
import type { ConferenceProfile } from "../../src/conferences/profile";
import { conferenceById } from "../../src/conferences/registry";
import { findAnnotations } from "./annotations";
import { type AttributedPiece, estimateWrapWidth, splitAtAttributions } from "./attribution";
import { findDocumentRefs } from "../../src/document-refs";
import { parseHeader } from "./header";
import { removeCopyRepeats } from "./copy-site";
import { cleanCharacters, removeBodyJunk } from "./junk";
import {
  LineIndex,
  collapseWhitespace,
  identityText,
  sliceText,
  sourceOffsetAt,
  sourceSpanOf,
  type MappedText,
} from "./mapped-text";
import { matchSpeakerLabel, normaliseSpeaker } from "./speakers";
import { matchOfficialName } from "./speakers/officials";
import { findSpokenNumber, inferBody } from "./title";
import { scanTurns, type RawTurn } from "./turns";

/** Options of parseTranscript. */
export interface ParseOptions {
  /** Receives each warning (default: silent). */
  logger?: Logger;
  /**
   * Id of the conference the run says the transcript belongs to (its sources folder or
   * `--conference`): used when the header names none (header.ts H7).
   */
  conference?: string | null;
}

/** How many opening turns are read for the announced meeting number and the body. */
export const OPENING_TURNS = 6;
/** Speaker kinds that may open a meeting (announce its number). */
const PRESIDING_KINDS = new Set(["chair", "unknown", "official", "secretariat", "person"]);

/** Speaker lookups, cached per label (a transcript repeats a few dozen labels). */
class SpeakerCache {
  private readonly normalised = new Map<string, Speaker>();
  private readonly known = new Map<string, boolean>();
  private unlabelled: Speaker | null = null;

  /** `officials`: the conference's officials by name (speakers/officials.ts), tried first. */
  constructor(private readonly officials: ConferenceProfile["officials"] = []) {}

  speaker(raw: string | null): Speaker {
    if (raw === null) {
      this.unlabelled ??= safeNormalise(null);
      return { ...this.unlabelled };
    }
    let s = this.normalised.get(raw);
    if (!s) {
      s = matchOfficialName(raw, this.officials) ?? safeNormalise(raw);
      this.normalised.set(raw, s);
    }
    return { ...s };
  }

  isKnown(raw: string): boolean {
    let k = this.known.get(raw);
    if (k === undefined) {
      try {
        k = matchOfficialName(raw, this.officials) !== null || matchSpeakerLabel(raw) !== null;
      } catch {
        k = false;
      }
      this.known.set(raw, k);
    }
    return k;
  }
}

function safeNormalise(raw: string | null): Speaker {
  try {
    return normaliseSpeaker(raw);
  } catch {
    return { raw, kind: "unknown", country: null, id: "unknown", name: "Unidentified speaker" };
  }
}

function safeDocuments(text: string): ParsedUtterance["documents"] {
  try {
    return findDocumentRefs(text);
  } catch {
    return [];
  }
}

function utteranceFrom(
  piece: AttributedPiece,
  speaker: Speaker,
  source: ParsedUtterance["source"],
  isKnown: (name: string) => boolean,
): ParsedUtterance {
  const text = piece.text.text;
  const utterance: ParsedUtterance = {
    speaker,
    text,
    annotations: findAnnotations(text, isKnown),
    documents: safeDocuments(text),
    source,
  };
  if (piece.attribution) utterance.attribution = piece.attribution;
  return utterance;
}

/** The source span of input offsets [start, end): lines and columns of its first and last character. */
function sourceSpan(lines: LineIndex, start: number, end: number): ParsedUtterance["source"] {
  const last = Math.max(start, end - 1);
  return {
    start,
    end,
    line: lines.lineOf(start),
    endLine: lines.lineOf(last),
    column: lines.columnOf(start),
    endColumn: lines.columnOf(last),
  };
}

/**
 * The header completed from the presiding officer's opening turns: the body of a session without
 * a title line, and the meeting number announced in the room.
 */
function withOpeningFacts(
  header: SessionHeader,
  utterances: readonly ParsedUtterance[],
  warnings: string[],
): SessionHeader {
  const session: SessionHeader = { ...header };
  const opening = utterances
    .filter((u) => PRESIDING_KINDS.has(u.speaker.kind))
    .slice(0, OPENING_TURNS)
    .map((u) => u.text);
  if (session.body === null && utterances.length > 0) {
    session.body = inferBody(opening);
    if (session.body !== null) {
      warnings.push(`header: no title; body "${session.body}" taken from the opening turns`);
    }
  }
  session.spokenNumber = findSpokenNumber(opening, session.body, session.number);
  if (session.spokenNumber !== null && session.number !== null) {
    warnings.push(
      `header: the title says meeting ${session.number}, the room says ${session.spokenNumber} (both kept)`,
    );
  }
  return session;
}

/** Passes the warnings to the logger; a failing logger never makes the parser throw. */
function logWarnings(logger: Logger, warnings: readonly string[]): void {
  for (const w of warnings) {
    try {
      logger.warn(`parse: ${w}`);
    } catch {
      // A failing logger must not make the parser throw or lose the result.
    }
  }
}

function parse(input: string, logger: Logger, conference: string | null): ParsedTranscript {
  const warnings: string[] = [];
  const lines = new LineIndex(input);
  const cleaned = cleanCharacters(identityText(input));
  const head = parseHeader(cleaned.text, { conference });
  warnings.push(...head.warnings);
  const body = removeCopyRepeats(removeBodyJunk(sliceText(cleaned, head.end, cleaned.text.length)));
  const cache = new SpeakerCache(conferenceById(head.header.conference)?.officials);
  const isKnown = (raw: string): boolean => cache.isKnown(raw);
  const turns = scanTurns(body.text, { isKnownLabel: isKnown });

  const span = (start: number, end: number) => sourceSpan(lines, start, end);

  const texts = turns.map((turn) => collapseWhitespace(sliceText(body, turn.textStart, turn.end)));
  const presiding = (k: number): string | null => {
    const turn = turns[k];
    const label = turn?.label?.raw ?? null;
    const kind = label === null ? null : cache.speaker(label).kind;
    return kind === "chair" || kind === "official" ? (texts[k]?.text ?? null) : null;
  };
  const wrapWidth = estimateWrapWidth(input);
  const utterances: ParsedUtterance[] = [];
  const warnedLabels = new Set<string>();
  turns.forEach((turn, k) => {
    const label = turn.label?.raw ?? null;
    const text = texts[k] ?? identityText("");
    const turnStart = turnSourceStart(body, turn, text);
    if (label !== null && !cache.isKnown(label) && !warnedLabels.has(label)) {
      warnedLabels.add(label);
      warnings.push(`line ${lines.lineOf(turnStart)}: speaker label "${label}" not recognised`);
    }
    if (text.text === "") {
      if (label === null) return;
      const labelEnd = sourceSpanOf(body, turn.start, turn.textStart).end;
      utterances.push({
        speaker: cache.speaker(label),
        text: "",
        annotations: [],
        documents: [],
        source: span(turnStart, Math.max(turnStart, labelEnd)),
        empty: true,
      });
      return;
    }
    const context = {
      input,
      wrapWidth,
      label,
      before: presiding(k - 1),
      after: presiding(k + 1),
      isKnown,
      speaker: (raw: string | null) => cache.speaker(raw),
    };
    for (const piece of splitAtAttributions(text, context)) {
      const inner = sourceSpanOf(piece.text, 0, piece.text.text.length);
      const start = piece.first ? turnStart : inner.start;
      utterances.push(
        utteranceFrom(piece, cache.speaker(piece.raw), span(start, inner.end), isKnown),
      );
    }
  });

  const session = withOpeningFacts(head.header, utterances, warnings);
  if (utterances.length === 0) warnings.push("turns: no utterances found");
  logWarnings(logger, warnings);
  return { session, utterances, warnings };
}

/** Input offset where a turn starts: its marker or label, or its first character. */
function turnSourceStart(body: MappedText, turn: RawTurn, text: MappedText): number {
  if (turn.marker === null && turn.label === null) {
    return text.text.length > 0 ? sourceSpanOf(text, 0, 1).start : sourceOffsetAt(body, turn.start);
  }
  return sourceOffsetAt(body, turn.start);
}

/** How the warning of a parse that failed inside starts (the result is then empty). */
export const PARSE_INTERNAL_ERROR = "parse: internal error: ";

/**
 * Parses one transcript's extracted text. Never throws: on any string it returns a result (bad
 * input gives warnings and empty fields).
 */
export function parseTranscript(text: string, options: ParseOptions = {}): ParsedTranscript {
  const logger = options.logger ?? silentLogger;
  const input = typeof text === "string" ? text : String(text ?? "");
  try {
    return parse(input, logger, options.conference ?? null);
  } catch (error) {
    const message = `${PARSE_INTERNAL_ERROR}${error instanceof Error ? error.message : String(error)}`;
    try {
      logger.error(message);
    } catch {
      // A failing logger must not make the parser throw.
    }
    return { session: emptySessionHeader(), utterances: [], warnings: [message] };
  }
}
