/**
 * Ranking of substance: the rule that keeps short procedural turns (the chair or the secretariat
 * calling speakers, thanking, opening the floor: "Thank you. Egypt, you have the floor.") from
 * outranking the interventions people search for. Applied at the search layer to the backend's
 * score, so both backends rank alike and their internals are untouched. Runtime-free.
 *
 * The rule (R-SUBSTANCE):
 *   A turn is procedural when its speaker is of a PROCEDURAL_KINDS kind and it has at most
 *   PROCEDURAL_MAX_WORDS words. Its relevance score is multiplied by PROCEDURAL_WEIGHT; every
 *   other turn keeps its score. A procedural turn therefore ranks below a substantive one unless
 *   it matches 1 / PROCEDURAL_WEIGHT times as well. Order stays deterministic (score, then
 *   chronological); `sort=chronological` ignores scores and is unchanged.
 *
 * Measured by `npm run bench -- --relevance` (nDCG@10 over the judged queries of
 * bench/relevance.ts, before and after).
 */
import type { SpeakerKind } from "../domain";
import type { Corpus } from "./corpus";

/** Speaker kinds whose short turns run the meeting rather than say something. */
export const PROCEDURAL_KINDS: readonly SpeakerKind[] = ["chair", "secretariat"];
/** Longest turn (in words) that counts as procedural. */
export const PROCEDURAL_MAX_WORDS = 30;
/** What a procedural turn's score is multiplied by. */
export const PROCEDURAL_WEIGHT = 0.25;

const WORD_RE = /[\p{L}\p{N}]+/gu;

/** True when `text` has at most `max` words (stops counting past it). */
function atMostWords(text: string, max: number): boolean {
  let count = 0;
  WORD_RE.lastIndex = 0;
  while (WORD_RE.exec(text)) if (++count > max) return false;
  return true;
}

/**
 * The ordinals of the procedural turns of a store's columns (speaker kinds by speaker index, the
 * texts by ordinal): computed once at build time (the store's `procedural` list), so ranking
 * never reads a text.
 */
export function proceduralTurns(
  speakerKinds: readonly SpeakerKind[],
  speakers: readonly number[],
  texts: readonly string[],
): number[] {
  const procedural: number[] = [];
  for (const [ordinal, text] of texts.entries()) {
    const kind = speakerKinds[speakers[ordinal] ?? -1];
    if (
      kind !== undefined &&
      PROCEDURAL_KINDS.includes(kind) &&
      atMostWords(text, PROCEDURAL_MAX_WORDS)
    )
      procedural.push(ordinal);
  }
  return procedural;
}

/** Whether the utterance at `ordinal` is a procedural turn (rule R-SUBSTANCE). */
export function isProcedural(corpus: Corpus, ordinal: number): boolean {
  return corpus.procedural.has(ordinal);
}

/** The factor rule R-SUBSTANCE applies to the score of the utterance at `ordinal`. */
export function substanceWeight(corpus: Corpus, ordinal: number): number {
  return corpus.procedural.has(ordinal) ? PROCEDURAL_WEIGHT : 1;
}
