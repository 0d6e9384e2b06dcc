/**
 * The search page (/): the box, the syntax help, filters with counts, sort, results with
 * snippet, copy, permalink and in-context links, pagination, export links and helpful empty
 * states. Calls the same core functions as /api/search.
 */
import type { Context } from "hono";
import type { FC } from "hono/jsx";
import { type Corpus, speakerById } from "../../search/corpus";
import { QueryError } from "../../search/errors";
import type { TaskRunner } from "../../search/scheduler";
import { type SearchRequest, searchSteps } from "../../search/search";
import { listSessions, listSpeakers } from "../../search/catalog";
import type { SearchPage as CoreSearchPage, SessionSummary } from "../../search/types";
import type { ApiEnv } from "../api/env";
import { FacetsPanel } from "../views/facets";
import { corpusConferences } from "../../search/conferences";
import {
  bodyName,
  formatCount,
  formatDate,
  formatMonthYear,
  listOf,
  plural,
  sessionName,
} from "../views/format";
import { speakerHref } from "../views/links";
import { Pagination } from "../views/pagination";
import { SearchForm } from "../views/search-form";
import { SyntaxHelp } from "../views/syntax-help";
import { kindLabel, UtteranceCard } from "../views/utterance-card";
import { type Facets, facetSteps } from "./facets";
import {
  EMPTY_STATE,
  PAGE_SIZE,
  type SearchState,
  exportUrl,
  MAX_PAGE,
  hasStateFilters,
  parseSearchState,
  searchUrl,
  stateFilters,
} from "./search-state";
import { EXPORT_MAX_ROWS } from "../../search/export";
import { MAX_OFFSET } from "../../search/search";
import { type QueryHelp, queryHelpSteps } from "../../search/understand";
import { canonicalSpeakerId } from "../../search/names";
import { PastTheEnd, SpeakerBox, SpellingNote, speakerLabel } from "./search-help";
import { humanMessage } from "../views/messages";

interface Outcome {
  state: SearchState;
  page: CoreSearchPage | null;
  facets: Facets | null;
  error: QueryError | null;
  help: QueryHelp | null;
  /** The query as typed, when the page shows the results of its spelling correction. */
  correctedFrom: string | null;
  /** True when the page asked for is past MAX_PAGE (the core cannot serve it). */
  pastReach: boolean;
}

const NOTHING = { page: null, facets: null, error: null, help: null, correctedFrom: null };

function requestOf(state: SearchState): SearchRequest {
  const reachable = state.page <= MAX_PAGE;
  return {
    q: state.q,
    filters: stateFilters(state),
    origins: { speaker: "speaker", session: "session" },
    sort: state.sort ?? undefined,
    limit: PAGE_SIZE,
    offset: reachable ? (state.page - 1) * PAGE_SIZE : 0,
  };
}

async function run(
  corpus: Corpus,
  params: URLSearchParams,
  baseUrl: string,
  runner: TaskRunner,
): Promise<Outcome> {
  let state = EMPTY_STATE;
  try {
    state = parseSearchState(params);
    if (state.q.trim() === "" && !hasStateFilters(state)) {
      return { state, ...NOTHING, pastReach: false };
    }
    const typed = state;
    return await runner.run(function* (pace) {
      let searched = typed;
      let page = yield* searchSteps(corpus, requestOf(typed), { baseUrl }, pace);
      const help = yield* queryHelpSteps(corpus, requestOf(typed), pace, page.total);
      let correctedFrom: string | null = null;
      if (page.total === 0 && help.suggestion && !typed.asTyped) {
        searched = { ...typed, q: help.suggestion.q, page: 1 };
        page = yield* searchSteps(corpus, requestOf(searched), { baseUrl }, pace);
        correctedFrom = typed.q;
      }
      const facets = yield* facetSteps(corpus, searched, pace);
      const pastReach = searched.page > MAX_PAGE;
      return { state: searched, page, facets, error: null, help, correctedFrom, pastReach };
    });
  } catch (error) {
    if (error instanceof QueryError) return { state, ...NOTHING, error, pastReach: false };
    throw error;
  }
}

/** GET / */
export async function searchPage(c: Context<ApiEnv>): Promise<Response> {
  const corpus = c.get("corpus");
  const params = new URL(c.req.url).searchParams;
  const outcome = await run(corpus, params, c.get("baseUrl"), c.get("runner"));
  const sessions = listSessions(corpus).sessions;
  const names = new Map(sessions.map((s) => [s.id, sessionName(s)]));
  const sessionLabel = (id: string) => names.get(id) ?? id;
  const title = outcome.state.q.trim() !== "" ? `“${outcome.state.q.trim()}”` : "Search";
  c.status(outcome.error ? 400 : 200);
  return c.render(
    <>
      <h1>
        Search what was said at{" "}
        {listOf(
          corpusConferences(corpus).map((profile) => profile.shortName),
          "the conferences",
        )}
      </h1>
      <SearchForm state={outcome.state} />
      {outcome.error ? (
        <QueryProblem error={outcome.error} state={outcome.state} corpus={corpus} />
      ) : outcome.page && outcome.facets ? (
        <>
          {outcome.help ? <SpeakerBox speakers={outcome.help.speakers} /> : null}
          <SpellingNote outcome={outcome} />
          <Results
            state={outcome.state}
            page={outcome.page}
            facets={outcome.facets}
            sessionLabel={sessionLabel}
            speakerLabel={(value) => speakerLabel(corpus, value)}
            pastReach={outcome.pastReach}
          />
        </>
      ) : (
        <Welcome corpus={corpus} sessions={sessions} />
      )}
    </>,
    {
      title: title,
      section: "search",
      skipTo: outcome.page ? { href: "#results", label: "Skip to results" } : undefined,
    },
  );
}

const ResultBar: FC<{ state: SearchState; page: CoreSearchPage }> = ({ state, page }) => {
  const from = page.offset + 1;
  const to = page.offset + page.results.length;
  return (
    <div class="result-bar">
      <p role="status">
        <strong>{plural(page.total, "result")}</strong>
        {page.total > page.results.length && page.results.length > 0
          ? ` (showing ${formatCount(from)}–${formatCount(to)})`
          : ""}
        {page.sort === "chronological" ? ", earliest first" : ", best match first"}
      </p>
      <nav aria-label="Sort">
        <ul class="sort-links">
          <li>Sort:</li>
          {(["relevance", "chronological"] as const).map((sort) => (
            <li>
              <a
                href={searchUrl(state, { sort })}
                aria-current={page.sort === sort ? "true" : undefined}
              >
                {sort === "relevance" ? "best match" : "by time"}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
};

const ActiveFilters: FC<{
  state: SearchState;
  sessionLabel: (id: string) => string;
  speakerLabel: (value: string) => string;
}> = ({ state, sessionLabel, speakerLabel }) => {
  const chips: { label: string; href: string }[] = [];
  if (state.speaker)
    chips.push({ label: speakerLabel(state.speaker), href: searchUrl(state, { speaker: null }) });
  if (state.body)
    chips.push({ label: `Body: ${bodyName(state.body)}`, href: searchUrl(state, { body: null }) });
  if (state.session)
    chips.push({
      label: `Session: ${sessionLabel(state.session)}`,
      href: searchUrl(state, { session: null }),
    });
  if (state.kind)
    chips.push({
      label: `Speaker kind: ${kindLabel(state.kind)}`,
      href: searchUrl(state, { kind: null }),
    });
  if (state.from || state.to) {
    const label =
      state.from === state.to
        ? formatDate(state.from)
        : `${state.from ? formatDate(state.from) : "…"} – ${state.to ? formatDate(state.to) : "…"}`;
    chips.push({ label: `Date: ${label}`, href: searchUrl(state, { from: null, to: null }) });
  }
  if (chips.length === 0) return null;
  return (
    <ul class="active-filters" aria-label="Active filters (select one to remove it)">
      {chips.map((chip) => (
        <li>
          <a href={chip.href} aria-label={`Remove filter ${chip.label}`}>
            {chip.label}
          </a>
        </li>
      ))}
      {chips.length > 1 ? (
        <li>
          <a href={searchUrl({ ...EMPTY_STATE, q: state.q, sort: state.sort })}>
            Clear all filters
          </a>
        </li>
      ) : null}
    </ul>
  );
};

const Results: FC<{
  state: SearchState;
  page: CoreSearchPage;
  facets: Facets;
  sessionLabel: (id: string) => string;
  speakerLabel: (value: string) => string;
  pastReach: boolean;
}> = ({ state, page, facets, sessionLabel, speakerLabel, pastReach }) => {
  const pages = Math.max(1, Math.ceil(Math.min(page.total, MAX_OFFSET + PAGE_SIZE) / PAGE_SIZE));
  return (
    <div class="search-layout">
      <FacetsPanel facets={facets} state={state} sessionLabel={sessionLabel} />
      <section aria-labelledby="results-heading" class="results-section" id="results" tabindex={-1}>
        <h2 id="results-heading" class="visually-hidden">
          Results
        </h2>
        <ActiveFilters state={state} sessionLabel={sessionLabel} speakerLabel={speakerLabel} />
        {pastReach || (page.total > 0 && page.results.length === 0) ? (
          <PastTheEnd
            state={state}
            total={page.total}
            pages={pages}
            allPages={Math.ceil(page.total / PAGE_SIZE)}
          />
        ) : (
          <ResultBar state={state} page={page} />
        )}
        {page.total === 0 ? (
          <NoResults state={state} />
        ) : pastReach || page.results.length === 0 ? null : (
          <>
            <ol class="results" start={page.offset + 1}>
              {page.results.map((hit) => (
                <UtteranceCard utterance={hit} snippetHtml={hit.snippet} />
              ))}
            </ol>
            <Pagination
              page={state.page}
              pages={pages}
              href={(p) => searchUrl(state, { page: p })}
            />
            <ExportLinks state={state} total={page.total} />
          </>
        )}
      </section>
    </div>
  );
};

const ExportLinks: FC<{ state: SearchState; total: number }> = ({ state, total }) => (
  <section class="export" aria-labelledby="export-heading">
    <h2 id="export-heading">Take these results with you</h2>
    <ul class="export-links">
      <li>
        <a href={exportUrl(state, "csv")} download>
          CSV (spreadsheet)
        </a>
      </li>
      <li>
        <a href={exportUrl(state, "json")} download>
          JSON
        </a>
      </li>
    </ul>
    <p class="hint">
      {total > EXPORT_MAX_ROWS
        ? `The file holds the first ${formatCount(EXPORT_MAX_ROWS)} results in the order shown (the most an export holds) and says so; narrow the search to get the rest. `
        : `Every result (${plural(total, "row")}), with its full text and citation. `}
      Each row keeps its citation and the captioner’s caveat.
    </p>
  </section>
);

const NoResults: FC<{ state: SearchState }> = ({ state }) => {
  const filtered = hasStateFilters(state);
  const words = state.q.trim();
  const quoted = /^".*"$/.test(words);
  return (
    <div class="empty">
      <h2>Nothing found</h2>
      <p>No utterance matches {words !== "" ? <>“{words}”</> : "these filters"}.</p>
      <ul>
        {filtered ? (
          <li>
            <a href={searchUrl({ ...EMPTY_STATE, q: state.q })}>Search again without the filters</a>
            : they may be narrower than you think.
          </li>
        ) : null}
        {quoted ? (
          <li>
            An exact phrase must match word for word.{" "}
            <a href={searchUrl(state, { q: words.slice(1, -1) })}>Search the words in any order</a>.
          </li>
        ) : null}
        {words !== "" && !words.includes("~") && !quoted ? (
          <li>
            Captions misspell names and words. Try a spelling-tolerant search:{" "}
            <a
              href={searchUrl(state, {
                q: words
                  .split(/\s+/)
                  .map((w) => (/^[\p{L}]{5,}$/u.test(w) ? `${w}~` : w))
                  .join(" "),
              })}
            >
              {words
                .split(/\s+/)
                .map((w) => (/^[\p{L}]{5,}$/u.test(w) ? `${w}~` : w))
                .join(" ")}
            </a>
            .
          </li>
        ) : null}
        <li>Fewer words find more: every word must appear in the same utterance.</li>
      </ul>
      <SyntaxHelp open />
    </div>
  );
};

/** Links that retry a search with the speakers an unknown speaker value was nearest to. */
function nearestSpeakerSearches(
  corpus: Corpus,
  error: QueryError,
  state: SearchState,
): { label: string; href: string }[] {
  if (error.parameter !== "q" && error.parameter !== "speaker") return [];
  return error.suggestions.flatMap((id) => {
    const speaker = speakerById(corpus, id);
    if (!speaker) return [];
    const q =
      error.parameter === "q"
        ? state.q.replace(/speaker:("[^"]*"|\S+)/gi, (token, value: string) =>
            canonicalSpeakerId(corpus, value.replace(/"/g, "")) === null ? `speaker:${id}` : token,
          )
        : state.q;
    const changes = error.parameter === "speaker" ? { q, speaker: id } : { q };
    return [{ label: speaker.name, href: searchUrl(state, changes) }];
  });
}

const QueryProblem: FC<{ error: QueryError; state: SearchState; corpus: Corpus }> = ({
  error,
  state,
  corpus,
}) => {
  const retries = nearestSpeakerSearches(corpus, error, state);
  return (
    <div class="error-box" role="alert">
      <h2>That search cannot be run</h2>
      <p>{humanMessage(error)}</p>
      {retries.length > 0 ? (
        <p>
          Search with{" "}
          {retries.map((retry, i) => (
            <>
              {i > 0 ? " or " : ""}
              <a href={retry.href}>{retry.label}</a>
            </>
          ))}{" "}
          instead.
        </p>
      ) : null}
      {error.parameter !== "q" && error.parameter !== "page" ? (
        <p>
          <a href={searchUrl({ ...EMPTY_STATE, q: state.q })}>Search without the filters</a>
        </p>
      ) : null}
      <SyntaxHelp open />
    </div>
  );
};

const Welcome: FC<{ corpus: Corpus; sessions: SessionSummary[] }> = ({ corpus, sessions }) => {
  const finished = sessions.filter((s) => s.version === "finished");
  const rough = sessions.length - finished.length;
  const speakers = listSpeakers(corpus)
    .speakers.filter((s) => s.kind === "delegation")
    .slice(0, 12);
  const first = finished[0]?.date ?? null;
  const last = finished[finished.length - 1]?.date ?? null;
  return (
    <>
      <p class="lede">
        Find who said what in the live captions of{" "}
        {listOf(
          corpusConferences(corpus).map(
            (c) => `${c.name} (${c.city}, ${formatMonthYear(c.dates.from)})`,
          ),
          "the conferences of this corpus",
        )}
        : type words or an exact phrase, narrow by conference, delegation, session or date, and
        follow a phrase from one session, or one conference, into the next; copy any quote with a
        citation. The captions are not an official verbatim record; every citation says so.
      </p>
      <SyntaxHelp open />
      <section aria-labelledby="corpus-heading">
        <h2 id="corpus-heading">What is here</h2>
        <p>
          {plural(
            finished.reduce((sum, s) => sum + s.utterances, 0),
            "utterance",
          )}{" "}
          in {plural(finished.length, "session")}
          {first && last ? `, ${formatDate(first)} to ${formatDate(last)}` : ""}
          {rough > 0
            ? ` (and ${plural(rough, "rough live version")} of sessions, kept apart: searched only when a session: filter names one)`
            : ""}
          . <a href="/sessions">Browse the sessions</a> or <a href="/phrase">trace a phrase</a>{" "}
          across them.
        </p>
        {speakers.length > 0 ? (
          <>
            <h3>Delegations that spoke most</h3>
            <ul class="speaker-list">
              {speakers.map((s) => (
                <li>
                  <a href={speakerHref(s.id)}>{s.name}</a> ({plural(s.utterances, "utterance")})
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
};
