/**
 * One utterance as a result: who (delegation and kind), where and when (session, date, time),
 * the words (a highlighted snippet or the full text), and the three actions a person needs:
 * copy the quote with its citation, open it in context, keep a permalink. The exact words and
 * the citation are also in the page, selectable without JavaScript.
 */
import type { FC } from "hono/jsx";
import { raw } from "hono/html";
import type { UtteranceView } from "../../search/types";
import { AttributionNote, CitationBlock, CopyButton } from "./citation";
import { formatDateTime, sessionName } from "./format";
import { documentHref, inContextHref, sessionHref, speakerHref, utteranceHref } from "./links";
import { RichText } from "./rich-text";

/** Speaker kinds shown as a small badge next to the name. */
const KIND_LABELS: Record<string, string> = {
  delegation: "delegation",
  chair: "chair",
  secretariat: "secretariat",
  interpreter: "interpreter",
  official: "official",
  person: "person",
  unknown: "unidentified",
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

export interface UtteranceCardProps {
  utterance: UtteranceView;
  /**
   * The core's snippet: HTML-escaped by the core (src/search/snippet.ts escapes every character
   * of the text), matches in <mark>. When absent, the full text is shown.
   */
  snippetHtml?: string;
  /** Match offsets to mark when the full text is shown. */
  highlights?: readonly (readonly [number, number])[];
  /** Heading level of the speaker name (h2 on pages without section headings). */
  headingLevel?: 2 | 3;
  /** Hide the speaker (on a speaker's own page). */
  hideSpeaker?: boolean;
}

/** ISO datetime attribute for a session's date and time. */
export function datetimeAttr(date: string | null, time: string | null): string | undefined {
  if (!date) return undefined;
  return time ? `${date}T${time}` : date;
}

export const UtteranceCard: FC<UtteranceCardProps> = (props) => {
  const u = props.utterance;
  const Heading = props.headingLevel === 2 ? "h2" : "h3";
  const headingId = `h-${u.id.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  const session = sessionName(u.session);
  const when = formatDateTime(u.session.date, u.citation.began);
  return (
    <li class="result">
      <article aria-labelledby={headingId}>
        <header class="result-head">
          <Heading id={headingId}>
            {props.hideSpeaker ? (
              <a href={sessionHref(u.session.id)}>{session}</a>
            ) : (
              <a href={speakerHref(u.speaker.id)}>{u.speaker.name}</a>
            )}
          </Heading>
          {props.hideSpeaker ? null : <span class="kind">{kindLabel(u.speaker.kind)}</span>}
          <span class="meta">
            {props.hideSpeaker ? null : (
              <>
                <a href={sessionHref(u.session.id)}>{session}</a>
                {` · turn ${u.turn} · `}
              </>
            )}
            <time datetime={datetimeAttr(u.session.date, u.session.time)}>{when}</time>
          </span>
        </header>
        <blockquote class="quote" cite={u.permalink}>
          {props.snippetHtml !== undefined ? (
            raw(props.snippetHtml)
          ) : u.empty ? (
            <span class="empty-turn">(no words: an empty turn)</span>
          ) : (
            <RichText
              text={u.text}
              highlights={props.highlights}
              annotations={u.annotations}
              documents={u.documents}
              documentHref={documentHref}
            />
          )}
        </blockquote>
        <AttributionNote utterance={u} />
        <ul class="actions">
          <li>
            <CopyButton utterance={u} />
          </li>
          <li>
            <a href={inContextHref(u.session.id, u.seq)}>In context</a>
          </li>
          <li>
            <a class="permalink" href={utteranceHref(u.id)}>
              Permalink
            </a>
          </li>
        </ul>
        <details class="cite">
          <summary>Exact words and citation</summary>
          <CitationBlock utterance={u} />
        </details>
      </article>
    </li>
  );
};
