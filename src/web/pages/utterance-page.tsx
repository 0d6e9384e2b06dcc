/**
 * An utterance's own page (/utterances/:id, the permalink): the quote, its citation, where else
 * it was said, and the turns around it.
 */
import type { Context } from "hono";
import { utteranceWithContext } from "../../search/catalog";
import { saidElsewhere } from "../../search/variants/where-else";
import type { ApiEnv } from "../api/env";
import { AttributionNote, CitationBlock, CopyButton } from "../views/citation";
import { formatDateTime, sessionName } from "../views/format";
import { documentHref, inContextHref, sessionHref, speakerHref } from "../views/links";
import { RichText } from "../views/rich-text";
import { SaidElsewhere } from "../views/said-elsewhere";
import { kindLabel, UtteranceCard } from "../views/utterance-card";

/** Turns shown before and after an utterance on its own page. */
export const UTTERANCE_CONTEXT = 2;

/** GET /utterances/:id — the permalink of one utterance. */
export async function utterancePage(c: Context<ApiEnv>): Promise<Response> {
  const corpus = c.get("corpus");
  const id = c.req.param("id") ?? "";
  const {
    utterance: u,
    before,
    after,
  } = utteranceWithContext(corpus, id, UTTERANCE_CONTEXT, {
    baseUrl: c.get("baseUrl"),
  });
  const session = sessionName(u.session);
  return c.render(
    <>
      <p class="lede">
        <a href={sessionHref(u.session.id)}>{session}</a> › turn {u.turn}
      </p>
      <h1>
        <a href={speakerHref(u.speaker.id)}>{u.speaker.name}</a>{" "}
        <span class="kind">{kindLabel(u.speaker.kind)}</span>
      </h1>
      <p>
        {session}, turn {u.turn}, {formatDateTime(u.session.date, u.citation.began)}
        {u.speaker.raw && !u.attribution && u.speaker.raw !== u.speaker.name
          ? ` · captioned “${u.speaker.raw}”`
          : ""}
      </p>
      <blockquote class="quote" cite={u.permalink}>
        <RichText
          text={u.text}
          annotations={u.annotations}
          documents={u.documents}
          documentHref={documentHref}
        />
      </blockquote>
      <AttributionNote utterance={u} />
      <ul class="actions">
        <li>
          <CopyButton utterance={u} scope="p" />
        </li>
        <li>
          <a href={inContextHref(u.session.id, u.seq)}>Read it in the full transcript</a>
        </li>
      </ul>
      <h2>Quote it</h2>
      <p class="hint">
        Select the text below, or use the copy button: only the speaker's words stand between the
        quotation marks (the captioner's notes are left out or shown in square brackets), and the
        citation says where the words come from.
      </p>
      <CitationBlock utterance={u} scope="p" />
      <SaidElsewhere entries={saidElsewhere(corpus, u.id, { baseUrl: c.get("baseUrl") })} />
      {before.length > 0 ? (
        <>
          <h2>Just before</h2>
          <ol class="results">
            {before.map((n) => (
              <UtteranceCard utterance={n} />
            ))}
          </ol>
        </>
      ) : null}
      {after.length > 0 ? (
        <>
          <h2>Just after</h2>
          <ol class="results">
            {after.map((n) => (
              <UtteranceCard utterance={n} />
            ))}
          </ol>
        </>
      ) : null}
    </>,
    { title: `${u.speaker.name}, ${session}`, section: null },
  );
}
