/**
 * A delegation or role (/speakers/:id): counts per session as a small chart, a search within its
 * words, and its interventions in time order (paginated). Also the list (/speakers).
 */
import type { Context } from "hono";
import type { FC } from "hono/jsx";
import type { Corpus } from "../../search/corpus";
import { listSessions, listSpeakers, speakerDetail } from "../../search/catalog";
import { emptyFilters } from "../../search/filters";
import { isCaptionedLabel, ordinalOf } from "../../search/corpus";
import { utteranceView } from "../../search/present";
import { canonicalSpeakerId, nearestSpeakers } from "../../search/names";
import { search } from "../../search/search";
import type { SearchPage } from "../../search/types";
import type { ApiEnv } from "../api/env";
import { formatCount, plural } from "../views/format";
import { speakerHref } from "../views/links";
import { Pagination, PastLastPage } from "../views/pagination";
import { TimelineChart } from "../views/timeline-chart";
import { kindLabel, UtteranceCard } from "../views/utterance-card";
import { parsePage } from "./page-number";
import { EMPTY_STATE, MAX_PAGE, PAGE_SIZE, searchUrl } from "./search-state";

/** The 404 of a speaker URL that names nobody: the nearest names, and the list. */
async function unknownSpeakerPage(c: Context<ApiEnv>, value: string): Promise<Response> {
  const corpus = c.get("corpus");
  const near = nearestSpeakers(corpus, value);
  c.status(404);
  return c.render(
    <>
      <h1>Not found</h1>
      <div class="error-box" role="alert">
        <p>No delegation or role is called “{value}”.</p>
        {near.length > 0 ? (
          <p>
            Did you mean{" "}
            {near.map((entry, i) => (
              <>
                {i > 0 ? (i === near.length - 1 ? " or " : ", ") : ""}
                <a href={speakerHref(entry.id)}>{entry.name}</a>
              </>
            ))}
            ?
          </p>
        ) : (
          <p>No name in these transcripts is close to it.</p>
        )}
      </div>
      <p>
        See <a href="/speakers">every delegation and role</a>.
      </p>
    </>,
    { title: "No such delegation", section: "speakers" },
  );
}

/** Most labels "captioned as" lists. */
export const MAX_LABELS_SHOWN = 6;

/**
 * The labels a speaker was captioned under that say more than its name: the labels seen in the
 * transcripts (not the alias table's lower-case keys), one per spelling, not the name itself.
 */
function captionedLabels(corpus: Corpus, aliases: readonly string[], name: string): string[] {
  const shown = new Set([name.toLowerCase()]);
  return aliases.filter((alias) => {
    if (!isCaptionedLabel(corpus, alias) || shown.has(alias.toLowerCase())) return false;
    shown.add(alias.toLowerCase());
    return true;
  });
}

type SpeakerDetail = ReturnType<typeof speakerDetail>;

/** The box searching within one speaker's words. */
const SearchWithin: FC<{ detail: SpeakerDetail }> = ({ detail }) => (
  <form
    class="inline-form"
    method="get"
    action="/"
    role="search"
    aria-label={`Search the words of ${detail.name}`}
  >
    <input type="hidden" name="speaker" value={detail.id} />
    <div class="field">
      <label for="speaker-q">Search within the words of {detail.name}</label>
      <input type="search" id="speaker-q" name="q" />
    </div>
    <button type="submit">Search</button>
  </form>
);

/** Words a captioner's note ties to the speaker (not counted among its interventions). */
const AttributionNotes: FC<{ detail: SpeakerDetail; corpus: Corpus; baseUrl: string }> = ({
  detail,
  corpus,
  baseUrl,
}) =>
  detail.attributionNotes.length > 0 ? (
    <section aria-labelledby="attribution-notes">
      <h2 id="attribution-notes">Words a captioner’s note ties to {detail.name}</h2>
      <p class="hint">
        Not counted above. Each was captioned under one label and named otherwise by a note; the
        note and its reach are given with the words.
      </p>
      <ol class="results">
        {detail.attributionNotes.map((link) => (
          <UtteranceCard
            utterance={utteranceView(corpus, ordinalOf(corpus, link.id) ?? 0, { baseUrl })}
          />
        ))}
      </ol>
    </section>
  ) : null;

/** The speaker's interventions in time order, a page of them, with the pages. */
const Interventions: FC<{ detail: SpeakerDetail; interventions: SearchPage; page: number }> = ({
  detail,
  interventions,
  page,
}) => {
  const pages = Math.max(1, Math.ceil(interventions.total / PAGE_SIZE));
  return interventions.total === 0 ? (
    <p class="empty">No intervention in the finished transcripts.</p>
  ) : page > pages ? (
    <PastLastPage
      page={page}
      pages={pages}
      total={interventions.total}
      unit="intervention"
      href={(p) => `${speakerHref(detail.id)}${p > 1 ? `?page=${p}` : ""}#interventions`}
    />
  ) : (
    <>
      <p>
        {interventions.total > PAGE_SIZE
          ? `Showing ${formatCount(interventions.offset + 1)}–${formatCount(interventions.offset + interventions.results.length)} of ${formatCount(interventions.total)}.`
          : null}{" "}
        <a href={searchUrl(EMPTY_STATE, { speaker: detail.id, sort: "chronological" })}>
          Open as a search
        </a>{" "}
        to filter by session or date.
      </p>
      <ol class="results" start={interventions.offset + 1}>
        {interventions.results.map((hit) => (
          <UtteranceCard utterance={hit} hideSpeaker headingLevel={3} />
        ))}
      </ol>
      <Pagination
        page={page}
        pages={pages}
        href={(p) => `${speakerHref(detail.id)}${p > 1 ? `?page=${p}` : ""}#interventions`}
        label="Pages of interventions"
      />
    </>
  );
};

/**
 * GET /speakers/:id. A name, alias or code in any case ("egypt", "egy", "united states")
 * redirects (301) to the canonical URL (/speakers/EGY); a value naming nobody gets a 404 that
 * lists the nearest names.
 */
export async function speakerPage(c: Context<ApiEnv>): Promise<Response> {
  const corpus = c.get("corpus");
  const id = c.req.param("id") ?? "";
  const canonical = canonicalSpeakerId(corpus, id);
  if (canonical === null) return unknownSpeakerPage(c, id);
  if (canonical !== id)
    return c.redirect(`${speakerHref(canonical)}${new URL(c.req.url).search}`, 301);
  const detail = speakerDetail(corpus, id);
  const page = parsePage(c.req.query("page"), MAX_PAGE);
  const filters = emptyFilters();
  filters.speaker.push(detail.id);
  const interventions = search(
    corpus,
    { q: "", filters, sort: "chronological", limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    { baseUrl: c.get("baseUrl") },
  );
  const sessions = listSessions(corpus).sessions.filter((s) => s.version === "finished");
  const counts = new Map(detail.perSession.map((entry) => [entry.session.id, entry.count]));
  const otherNames = captionedLabels(corpus, detail.aliases, detail.name);
  return c.render(
    <>
      <p class="lede">
        <a href="/speakers">Delegations and roles</a> › {detail.name}
      </p>
      <h1>{detail.name}</h1>
      <p>
        {plural(detail.utterances, "intervention")} in {plural(detail.sessions, "session")}
        {detail.country ? ` · ISO code ${detail.country}` : ""}
        {otherNames.length > 0
          ? ` · captioned as ${otherNames
              .slice(0, MAX_LABELS_SHOWN)
              .map((label) => `“${label}”`)
              .join(", ")}`
          : ""}
        .
      </p>
      <SearchWithin detail={detail} />
      <AttributionNotes detail={detail} corpus={corpus} baseUrl={c.get("baseUrl")} />
      <h2>Interventions per session</h2>
      <TimelineChart
        id="speaker-chart"
        title={`Interventions of ${detail.name} per session`}
        sessions={sessions}
        series={[{ name: detail.name, counts: sessions.map((s) => counts.get(s.id) ?? 0) }]}
        unit="intervention"
        markFirstUse={false}
        compact
      />
      <h2 id="interventions">Interventions in time order</h2>
      <Interventions detail={detail} interventions={interventions} page={page} />
    </>,
    { title: detail.name, section: "speakers" },
  );
}

const SpeakerTable: FC<{
  caption: string;
  speakers: ReturnType<typeof listSpeakers>["speakers"];
}> = ({ caption, speakers }) => (
  <div class="table-scroll">
    <table class="data">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Kind</th>
          <th scope="col" class="num">
            Interventions
          </th>
          <th scope="col" class="num">
            Sessions
          </th>
        </tr>
      </thead>
      <tbody>
        {speakers.map((s) => (
          <tr>
            <th scope="row">
              <a href={speakerHref(s.id)}>{s.name}</a>
            </th>
            <td>{kindLabel(s.kind)}</td>
            <td class="num">{formatCount(s.utterances)}</td>
            <td class="num">{formatCount(s.sessions)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

/** GET /speakers */
export async function speakersPage(c: Context<ApiEnv>): Promise<Response> {
  const corpus = c.get("corpus");
  const speakers = listSpeakers(corpus).speakers.filter((s) => s.utterances > 0);
  const delegations = speakers
    .filter((s) => s.kind === "delegation")
    .sort((a, b) => a.name.localeCompare(b.name));
  const others = speakers.filter((s) => s.kind !== "delegation");
  return c.render(
    <>
      <h1>Delegations and roles</h1>
      <p class="lede">
        Who spoke, as recognised from the captioner’s labels, with how often. Open one for its
        interventions in time order.
      </p>
      <SpeakerTable caption={`Delegations (${delegations.length}), A–Z`} speakers={delegations} />
      <SpeakerTable caption="Chairs, secretariat, interpreters and others" speakers={others} />
    </>,
    { title: "Delegations and roles", section: "speakers" },
  );
}
