/**
 * The conferences of the corpus (/conferences): each with its name, place, dates, bodies and how
 * many sessions and utterances the corpus holds of it; and one conference (/conferences/:id) with
 * its bodies and its sessions in date order (the session table of /sessions). Pure views over
 * src/search/conferences.ts.
 */
import type { Context } from "hono";
import type { FC } from "hono/jsx";
import {
  type ConferenceSummary,
  conferenceDetail,
  listConferences,
} from "../../search/conferences";
import type { ApiEnv } from "../api/env";
import { formatCount, formatDate, plural } from "../views/format";
import { conferenceHref } from "../views/links";
import { EMPTY_STATE, searchUrl } from "./search-state";
import { SessionTable } from "./session-page";

/** The search page narrowed to one conference. */
function searchHref(conference: string): string {
  return searchUrl({ ...EMPTY_STATE, conference });
}

/** "3 Dec 2012 – 14 Dec 2012": the first and last day. */
function dateRange(dates: { from: string; to: string }): string {
  return `${formatDate(dates.from)} – ${formatDate(dates.to)}`;
}

/** One conference's facts as a definition list. */
const ConferenceFacts: FC<{ conference: ConferenceSummary }> = ({ conference }) => (
  <dl class="facts">
    <dt>Place</dt>
    <dd>{conference.place}</dd>
    <dt>Dates</dt>
    <dd>{dateRange(conference.dates)}</dd>
    <dt>In this corpus</dt>
    <dd>
      {plural(conference.sessions, "finished session")},{" "}
      {plural(conference.utterances, "utterance")}
      {conference.synthetic ? " (synthetic sample)" : ""}
    </dd>
  </dl>
);

/** The bodies that met, with their sessions in the corpus. */
const BodyList: FC<{ conference: ConferenceSummary }> = ({ conference }) => (
  <ul class="bodies">
    {conference.bodies.map((body) => (
      <li data-body={body.id}>
        <strong>{body.name}</strong>: {plural(body.sessions, "session")}
        {body.description ? <> · {body.description}</> : null}
      </li>
    ))}
  </ul>
);

/** GET /conferences */
export async function conferencesPage(c: Context<ApiEnv>): Promise<Response> {
  const { conferences, unidentifiedSessions } = listConferences(c.get("corpus"));
  return c.render(
    <>
      <h1>Conferences</h1>
      <p class="lede">
        The conferences whose captions this corpus holds, in the order they met. Search one (
        <code>conference:</code> and its id in the search box), or trace a phrase from one into the
        next.
      </p>
      <ul class="conference-list">
        {conferences.map((conference) => (
          <li class="conference" data-conference={conference.id}>
            <h2>
              <a href={conferenceHref(conference.id)}>{conference.name}</a>
            </h2>
            <ConferenceFacts conference={conference} />
            <BodyList conference={conference} />
            <p>
              <a href={searchHref(conference.id)}>Search {conference.shortName}</a> · id{" "}
              <code>{conference.id}</code>
            </p>
          </li>
        ))}
      </ul>
      {unidentifiedSessions > 0 ? (
        <p class="hint">
          {plural(unidentifiedSessions, "session")} name no conference this engine knows; they are
          listed under <a href="/sessions">Sessions</a>.
        </p>
      ) : null}
    </>,
    { title: "Conferences", section: "conferences" },
  );
}

/** GET /conferences/:id */
export async function conferencePage(c: Context<ApiEnv>): Promise<Response> {
  const conference = conferenceDetail(c.get("corpus"), c.req.param("id") ?? "");
  return c.render(
    <>
      <h1>{conference.name}</h1>
      <ConferenceFacts conference={conference} />
      <h2>Bodies</h2>
      <BodyList conference={conference} />
      <h2>Sessions</h2>
      <p class="lede">
        {plural(conference.sessionList.length, "transcript")} in date order; times as the header
        gives them, local to {conference.city} unless a zone is stated.{" "}
        <a href={searchHref(conference.id)}>Search {conference.shortName}</a> ·{" "}
        {formatCount(conference.utterances)} utterances
      </p>
      <SessionTable
        sessions={conference.sessionList}
        caption={`Sessions of ${conference.shortName}`}
      />
    </>,
    { title: conference.shortName, section: "conferences" },
  );
}
