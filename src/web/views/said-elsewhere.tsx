/**
 * "Where else was this said?" on an utterance's page: the passages elsewhere in the corpus that
 * share a substantial aligned run with it (the reuse table built with the assets), in time order,
 * each with who said it, when, and a link into its transcript. Pure: data in, escaped markup out.
 */
import type { FC } from "hono/jsx";
import { REUSE } from "../../search/variants/reuse";
import type { SaidElsewhere as Entry } from "../../search/variants/where-else";
import { formatDate } from "./format";
import { inContextHref, speakerHref } from "./links";

export const SaidElsewhere: FC<{ entries: readonly Entry[] }> = ({ entries }) => (
  <section class="said-elsewhere" aria-labelledby="elsewhere-heading">
    <h2 id="elsewhere-heading">Where else was this said?</h2>
    {entries.length === 0 ? (
      <p>
        Nowhere else: no other utterance shares a passage with this one (at least{" "}
        {REUSE.minEqualWords} words alike, {REUSE.minRun} of them in a row).
      </p>
    ) : (
      <ol class="elsewhere">
        {entries.map((entry) => {
          const seq = Number(entry.id.slice(entry.id.lastIndexOf(".") + 1));
          return (
            <li data-id={entry.id}>
              <p class="version-meta">
                <strong>
                  <a href={speakerHref(entry.speaker.id)}>{entry.speaker.name}</a>
                </strong>
                , {entry.session.name}, {formatDate(entry.date)} ·{" "}
                <a href={inContextHref(entry.session.id, seq)}>in the transcript</a> ·{" "}
                {Math.round(entry.similarity * 100)}% alike
              </p>
              <blockquote class="version-text" cite={entry.permalink}>
                {entry.passage}
              </blockquote>
              <p class="hint">Here: “{entry.here.passage}”</p>
            </li>
          );
        })}
      </ol>
    )}
  </section>
);
