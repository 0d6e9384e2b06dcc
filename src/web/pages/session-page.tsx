/**
 * A transcript (/sessions/:id): header facts, the captioner's caveat, the source file, the
 * other versions, previous/next session, and every utterance in order, each anchored
 * (id="u-<seq>"). The linked one (?u=<seq>) is highlighted on the server; #u-<seq> scrolls to
 * it and :target highlights it too. Also the session list (/sessions).
 */
import type { Context } from "hono";
import type { FC } from "hono/jsx";
import { CAPTION_CAVEAT } from "../../domain";
import { conferenceById } from "../../conferences/registry";
import { listSessions, sessionTranscript } from "../../search/catalog";
import { groupByConference } from "../../search/conferences";
import type { SessionSummary, UtteranceView } from "../../search/types";
import type { ApiEnv } from "../api/env";
import { AttributionNote, CopyButton, citationId } from "../views/citation";
import { statusName } from "../../search/session-name";
import { bodyName, formatDate, formatTime, plural, sessionName } from "../views/format";
import {
  conferenceHref,
  documentHref,
  sessionHref,
  sourceTextHref,
  speakerHref,
  utteranceAnchor,
  utteranceHref,
} from "../views/links";
import { RichText } from "../views/rich-text";
import { datetimeAttr, kindLabel } from "../views/utterance-card";

/** The linked utterance from ?u=<seq>, or null when absent or not a number. */
export function linkedSeq(value: string | undefined): number | null {
  return value !== undefined && /^\d{1,7}$/.test(value) ? Number(value) : null;
}

/** Previous and next session of the same version, in date order. */
export function neighbours(
  sessions: readonly SessionSummary[],
  id: string,
): { previous: SessionSummary | null; next: SessionSummary | null } {
  const current = sessions.find((s) => s.id === id);
  const same = sessions.filter((s) => s.version === (current?.version ?? "finished"));
  const at = same.findIndex((s) => s.id === id);
  return {
    previous: at > 0 ? (same[at - 1] ?? null) : null,
    next: at >= 0 && at + 1 < same.length ? (same[at + 1] ?? null) : null,
  };
}

/** The facts of a transcript: date and time, title, status, other versions, size, source. */
const SessionFacts: FC<{
  transcript: ReturnType<typeof sessionTranscript>;
  variants: SessionSummary[];
}> = ({ transcript, variants }) => (
  <dl class="facts">
    <dt>Date</dt>
    <dd>
      <time datetime={datetimeAttr(transcript.date, null)}>{formatDate(transcript.date)}</time>
      {transcript.time
        ? `, ${formatTime(transcript.time, transcript.endTime)}${transcript.timeZone ? ` ${transcript.timeZone.toLowerCase()}` : ` (${conferenceById(transcript.conference)?.city ?? "local"} time)`}`
        : ", time not stated"}
    </dd>
    <dt>Conference</dt>
    <dd>
      {transcript.conference ? (
        <a href={conferenceHref(transcript.conference)}>
          {conferenceById(transcript.conference)?.name ?? transcript.conference}
        </a>
      ) : (
        "not identified from the header"
      )}
    </dd>
    <dt>Title as captioned</dt>
    <dd>{transcript.title ?? "(no title line)"}</dd>
    <dt>Transcript</dt>
    <dd>
      {statusName(transcript)}
      {transcript.statusLine ? ` (captioned “${transcript.statusLine}”)` : ""}
      {transcript.version === "rough" ? " — rough live version, not used for search" : ""}
    </dd>
    {variants.length > 0 ? (
      <>
        <dt>Other versions</dt>
        <dd>
          {variants.map((v, i) => (
            <>
              {i > 0 ? ", " : ""}
              <a href={sessionHref(v.id)}>
                {v.version === "rough" ? "rough live version" : "finished version"}
              </a>
            </>
          ))}
        </dd>
      </>
    ) : null}
    <dt>Utterances</dt>
    <dd>{plural(transcript.utterances.length, "speaker turn")}</dd>
    <dt>Source</dt>
    <dd>
      <code>{transcript.source.file}</code> ({transcript.source.format}, sha256{" "}
      <code title={transcript.source.sha256}>{transcript.source.sha256.slice(0, 12)}</code>
      ); line numbers below refer to <code>{transcript.source.textFile}</code>
      {transcript.source.url ? (
        <>
          {" "}
          — fetched from{" "}
          {isWebUrl(transcript.source.url) ? (
            <a href={transcript.source.url}>{transcript.source.url}</a>
          ) : (
            <code>{transcript.source.url}</code>
          )}
        </>
      ) : null}
    </dd>
  </dl>
);

/** GET /sessions/:id */
export async function sessionPage(c: Context<ApiEnv>): Promise<Response> {
  const corpus = c.get("corpus");
  const id = c.req.param("id") ?? "";
  const transcript = sessionTranscript(corpus, id, { baseUrl: c.get("baseUrl") });
  const sessions = listSessions(corpus).sessions;
  const { previous, next } = neighbours(sessions, transcript.id);
  const linked = linkedSeq(c.req.query("u"));
  const name = sessionName(transcript);
  const variants = transcript.variants
    .map((v) => sessions.find((s) => s.id === v))
    .filter((s): s is SessionSummary => s !== undefined);
  return c.render(
    <>
      <article class="session" aria-labelledby="session-title">
        <header>
          <p class="lede">
            <a href="/sessions">Sessions</a> › {bodyName(transcript.body)}
          </p>
          <h1 id="session-title">{name}</h1>
          <SessionFacts transcript={transcript} variants={variants} />
          <p class="caveat">
            <strong>Captioner’s caveat:</strong> {CAPTION_CAVEAT} Words in the captions are often
            the English interpretation of speech in another language.
          </p>
        </header>
        <SessionNav previous={previous} next={next} />
        <h2 id="transcript-heading">Transcript</h2>
        <ol class="transcript" aria-labelledby="transcript-heading">
          {transcript.utterances.map((u) => (
            <UtteranceRow utterance={u} linked={u.seq === linked} />
          ))}
        </ol>
        <SessionNav previous={previous} next={next} />
      </article>
    </>,
    { title: `${name}, ${formatDate(transcript.date)}`, section: "sessions" },
  );
}

const SessionNav: FC<{ previous: SessionSummary | null; next: SessionSummary | null }> = ({
  previous,
  next,
}) => (
  <nav aria-label="Previous and next session">
    <ul class="session-nav">
      <li>
        {previous ? (
          <a href={sessionHref(previous.id)} rel="prev">
            ← {sessionName(previous)}, {formatDate(previous.date)}
          </a>
        ) : (
          <span>First session</span>
        )}
      </li>
      <li>
        {next ? (
          <a href={sessionHref(next.id)} rel="next">
            {sessionName(next)}, {formatDate(next.date)} →
          </a>
        ) : (
          <span>Last session</span>
        )}
      </li>
    </ul>
  </nav>
);

const UtteranceRow: FC<{ utterance: UtteranceView; linked: boolean }> = ({
  utterance: u,
  linked,
}) => {
  const anchor = utteranceAnchor(u.seq);
  const textId = citationId(u.id, "t");
  return (
    <li
      class={linked ? "utterance is-linked" : "utterance"}
      id={anchor}
      aria-current={linked ? "true" : undefined}
    >
      <div class="speaker">
        <a href={speakerHref(u.speaker.id)}>{u.speaker.name}</a>
        <span class="raw">
          {u.speaker.raw === null
            ? "unlabelled turn"
            : u.attribution || u.speaker.raw.toLowerCase() === u.speaker.name.toLowerCase()
              ? kindLabel(u.speaker.kind)
              : `captioned “${u.speaker.raw}”`}
        </span>
      </div>
      <p class="utterance-text" id={textId}>
        {u.empty ? (
          <span class="empty-turn">(no words: an empty turn)</span>
        ) : (
          <RichText
            text={u.text}
            annotations={u.annotations}
            documents={u.documents}
            documentHref={documentHref}
          />
        )}
      </p>
      <AttributionNote utterance={u} />
      <div class="utterance-meta">
        {linked ? <span class="linked-note">Linked utterance · </span> : null}
        <a href={`#${anchor}`} aria-label={`Anchor of turn ${u.turn}`}>
          Turn {u.turn}
        </a>
        <a href={sourceTextHref(u.session.id, u.source)}>
          {u.source.textFile.split("/").pop()}, {u.source.locator}
        </a>
        <a href={utteranceHref(u.id)}>Permalink and citation</a>
        {u.empty ? null : <CopyButton utterance={u} scope="t" />}
      </div>
    </li>
  );
};

/**
 * Sessions in date order: the finished ones, and rough ones that have no finished version (they
 * are all there is), each finished one with a link to its rough live version.
 */
export const SessionTable: FC<{ sessions: readonly SessionSummary[]; caption: string }> = ({
  sessions,
  caption,
}) => {
  const finishedIds = new Set(sessions.filter((s) => s.version === "finished").map((s) => s.id));
  const finished = sessions.filter(
    (s) => s.version === "finished" || !s.variants.some((v) => finishedIds.has(v)),
  );
  const rough = new Map(
    sessions
      .filter((s) => s.version === "rough")
      .flatMap((s) => s.variants.map((v) => [v, s] as const)),
  );
  return (
    <div class="table-scroll">
      <table class="data">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">Date</th>
            <th scope="col">Time</th>
            <th scope="col">Title as captioned</th>
            <th scope="col" class="num">
              Turns
            </th>
            <th scope="col">Versions</th>
          </tr>
        </thead>
        <tbody>
          {finished.map((s) => {
            const roughVersion = rough.get(s.id);
            return (
              <tr>
                <th scope="row">
                  <a href={sessionHref(s.id)}>{sessionName(s)}</a>
                </th>
                <td class="nowrap">
                  <time datetime={datetimeAttr(s.date, null)}>{formatDate(s.date)}</time>
                </td>
                <td class="nowrap">{formatTime(s.time, s.endTime) || "—"}</td>
                <td>{s.title ?? "(none)"}</td>
                <td class="num">{String(s.utterances)}</td>
                <td>
                  {statusName(s)}
                  {roughVersion ? (
                    <>
                      {"; "}
                      <a href={sessionHref(roughVersion.id)}>rough live version</a>
                    </>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
};

/** GET /sessions: one table, or one per conference when the corpus holds several. */
export async function sessionsPage(c: Context<ApiEnv>): Promise<Response> {
  const sessions = listSessions(c.get("corpus")).sessions;
  const groups = groupByConference(sessions, (s) => s);
  return c.render(
    <>
      <h1>Sessions</h1>
      <p class="lede">
        Every captioned session in date order. Times are as the header gives them: local to the
        conference's city unless a zone is stated. Open one to read the whole transcript.
      </p>
      {groups.length > 1 ? (
        groups.map((group) => (
          <section class="conference-sessions" data-conference={group.conference ?? ""}>
            <h2>
              {group.conference ? (
                <a href={conferenceHref(group.conference)}>{group.name}</a>
              ) : (
                group.name
              )}
            </h2>
            <SessionTable sessions={group.items} caption={`Sessions of ${group.shortName}`} />
          </section>
        ))
      ) : (
        <SessionTable sessions={sessions} caption="Sessions in date order" />
      )}
    </>,
    { title: "Sessions", section: "sessions" },
  );
}

/** Only http(s) addresses are made into links: a stored URL is data, never a script. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}
