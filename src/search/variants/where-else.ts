/**
 * "Where else was this said?": an utterance's entries in the reuse table built with the assets
 * (./reuse.ts), presented: the other utterance, who said it and when, both passages verbatim.
 * Runtime-free.
 */
import { type Corpus, ordinalOf, sessionOfUtterance, utteranceId } from "../corpus";
import { NotFoundError } from "../errors";
import { type PresentOptions, sessionRef, speakerRefOf, utterancePath } from "../present";
import type { SessionRef, SpeakerRef } from "../types";

export interface SaidElsewhere {
  /** The other utterance. */
  id: string;
  session: SessionRef;
  date: string | null;
  speaker: SpeakerRef;
  /** The other utterance's words that this one shares, verbatim, and where they stand. */
  passage: string;
  start: number;
  end: number;
  /** This utterance's words that the other shares, and where they stand in its text. */
  here: { passage: string; start: number; end: number };
  /** 2E / (P1 + P2) of the aligned passages. */
  similarity: number;
  permalink: string;
}

/** The passages elsewhere that share an aligned run with utterance `id`, in time order. */
export function saidElsewhere(
  corpus: Corpus,
  id: string,
  options: PresentOptions = {},
): SaidElsewhere[] {
  const ordinal = ordinalOf(corpus, id);
  if (ordinal === undefined) throw new NotFoundError("utterance", id);
  const texts = corpus.store.utterances.text;
  const here = texts.get(ordinal) ?? "";
  const local = (corpus.store.reuse[String(ordinal)] ?? []).filter(
    (link): link is [number, number, number, number, number, number] => typeof link[0] === "number",
  );
  return local.map(([other, start, end, otherStart, otherEnd, permille]) => {
    const session = sessionOfUtterance(corpus, other);
    const otherId = utteranceId(corpus, other);
    return {
      id: otherId,
      session: sessionRef(session),
      date: session.date,
      speaker: speakerRefOf(corpus, other),
      passage: (texts.get(other) ?? "").slice(otherStart, otherEnd),
      start: otherStart,
      end: otherEnd,
      here: { passage: here.slice(start, end), start, end },
      similarity: permille / 1000,
      permalink: `${options.baseUrl ?? ""}${utterancePath(otherId)}`,
    };
  });
}

/** A link of a shard's utterance to an utterance in another shard (see ReuseLink). */
export interface OutsideLink {
  /** The other utterance's id. */
  id: string;
  start: number;
  end: number;
  otherStart: number;
  otherEnd: number;
  similarity: number;
}

/** The links of utterance `id` to utterances outside this corpus (a shard's), in time order. */
export function outsideLinks(corpus: Corpus, id: string): OutsideLink[] {
  const ordinal = ordinalOf(corpus, id);
  if (ordinal === undefined) throw new NotFoundError("utterance", id);
  return (corpus.store.reuse[String(ordinal)] ?? []).flatMap(
    ([other, start, end, otherStart, otherEnd, permille]) =>
      typeof other === "string"
        ? [{ id: other, start, end, otherStart, otherEnd, similarity: permille / 1000 }]
        : [],
  );
}
