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

interface Weights {
  /** Per speaker index: whether its kind is procedural. */
  kinds: boolean[];
  /** Per ordinal: the weight, NaN until first asked. */
  byOrdinal: Float64Array;
}

const cache = new WeakMap<Corpus, Weights>();

function weightsOf(corpus: Corpus): Weights {
  let weights = cache.get(corpus);
  if (!weights) {
    weights = {
      kinds: corpus.store.speakers.map((speaker) => PROCEDURAL_KINDS.includes(speaker.kind)),
      byOrdinal: new Float64Array(corpus.size).fill(Number.NaN),
    };
    cache.set(corpus, weights);
  }
  return weights;
}

/** Whether the utterance at `ordinal` is a procedural turn (rule R-SUBSTANCE). */
export function isProcedural(corpus: Corpus, ordinal: number): boolean {
  return substanceWeight(corpus, ordinal) !== 1;
}

/** The factor rule R-SUBSTANCE applies to the score of the utterance at `ordinal`. */
export function substanceWeight(corpus: Corpus, ordinal: number): number {
  const weights = weightsOf(corpus);
  const known = weights.byOrdinal[ordinal];
  if (known !== undefined && !Number.isNaN(known)) return known;
  const columns = corpus.store.utterances;
  const procedural =
    weights.kinds[columns.speaker[ordinal] ?? -1] === true &&
    atMostWords(columns.text[ordinal] ?? "", PROCEDURAL_MAX_WORDS);
  const weight = procedural ? PROCEDURAL_WEIGHT : 1;
  weights.byOrdinal[ordinal] = weight;
  return weight;
}
