/**
 * What the search page adds around its results when it reads the words: the "Delegations
 * matching" box (speakers named by the words), the spelling note ("Showing results for
 * security. Search instead for secrity."), and the message for a page past the end.
 */
import type { FC } from "hono/jsx";
import { type Corpus, speakerById } from "../../search/corpus";
import { canonicalSpeakerId } from "../../search/names";
import type { SpeakerHint } from "../../search/understand";
import { plural } from "../views/format";
import { speakerHref } from "../views/links";
import { PastLastPage } from "../views/pagination";
import { kindLabel } from "../views/utterance-card";
import { EMPTY_STATE, type SearchState, searchUrl } from "./search-state";

/** A speaker filter value as people say it: "Delegation: United States", "Speaker: Chair". */
export function speakerLabel(corpus: Corpus, value: string): string {
  const id = canonicalSpeakerId(corpus, value);
  const speaker = speakerById(corpus, id);
  if (!speaker) return `Speaker: ${value}`;
  return `${speaker.kind === "delegation" ? "Delegation" : "Speaker"}: ${speaker.name}`;
}

/** The words of a hint's query after its speaker filter ("spam" of "speaker:EGY spam"). */
function restOf(hint: SpeakerHint): string {
  return hint.q.slice(`speaker:${hint.id}`.length).trim();
}

const SpeakerEntry: FC<{ hint: SpeakerHint }> = ({ hint }) => {
  const rest = restOf(hint);
  const search = searchUrl({ ...EMPTY_STATE, q: hint.q });
  return (
    <li>
      {hint.utterances > 0 ? (
        <a href={speakerHref(hint.id)} class="speaker-name">
          {hint.name}
        </a>
      ) : (
        <span class="speaker-name">{hint.name}</span>
      )}{" "}
      <span class="kind">{kindLabel(hint.kind)}</span>
      {hint.rule === "spelling" ? <span class="hint"> (for “{hint.words}”)</span> : null}
      {" · "}
      {hint.utterances === 0 ? (
        "does not speak in these transcripts"
      ) : rest === "" ? (
        <a href={search}>all {plural(hint.utterances, "intervention")}</a>
      ) : (
        <>
          {plural(hint.utterances, "intervention")} ·{" "}
          <a href={search}>
            Interventions by {hint.name} on “{rest}”
          </a>
        </>
      )}
    </li>
  );
};

/** The "Delegations matching" box: shown first, above the plain-text results. */
export const SpeakerBox: FC<{ speakers: SpeakerHint[] }> = ({ speakers }) =>
  speakers.length === 0 ? null : (
    <section class="speaker-box" aria-labelledby="speaker-box-heading">
      <h2 id="speaker-box-heading">
        {speakers.every((s) => s.kind === "delegation")
          ? "Delegations matching"
          : "Delegations and roles matching"}
      </h2>
      <ul>
        {speakers.map((hint) => (
          <SpeakerEntry hint={hint} />
        ))}
      </ul>
      <p class="hint">Below: every utterance with the words themselves.</p>
    </section>
  );

/** What SpellingNote needs of the page's outcome. */
export interface SpellingOutcome {
  state: SearchState;
  help: { suggestion: { q: string; total: number } | null } | null;
  correctedFrom: string | null;
  page: { total: number } | null;
}

/**
 * "Showing results for security. Search instead for secrity." when the page shows a correction,
 * "Did you mean ...?" when a suggestion would find more.
 */
export const SpellingNote: FC<{ outcome: SpellingOutcome }> = ({ outcome }) => {
  const { state, help, correctedFrom, page } = outcome;
  if (correctedFrom !== null) {
    return (
      <p class="spelling-note" role="status">
        Showing results for{" "}
        <strong>
          <a href={searchUrl(state)}>{state.q}</a>
        </strong>
        . Search instead for{" "}
        <a href={searchUrl(state, { q: correctedFrom, asTyped: true })}>{correctedFrom}</a>.
      </p>
    );
  }
  const suggestion = help?.suggestion;
  if (!suggestion || !page || suggestion.total <= page.total) return null;
  return (
    <p class="spelling-note">
      Did you mean{" "}
      <a href={searchUrl(state, { q: suggestion.q, asTyped: false })}>
        <strong>{suggestion.q}</strong>
      </a>{" "}
      ({plural(suggestion.total, "result")})?
    </p>
  );
};

/** A page of results past the last one (PastLastPage with the search's links). */
export const PastTheEnd: FC<{
  state: SearchState;
  total: number;
  pages: number;
  allPages: number;
}> = ({ state, total, pages, allPages }) => (
  <PastLastPage
    page={state.page}
    pages={pages}
    allPages={allPages}
    total={total}
    unit="result"
    href={(page) => searchUrl(state, { page })}
  />
);
