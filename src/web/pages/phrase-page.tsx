/**
 * A phrase traced through the sessions (/phrase?q=): a timeline chart drawn on the server (one
 * mark per session, date order, first use marked), who used it, and every occurrence as a
 * keyword-in-context line grouped by session. `&vs=` compares: another phrase (`vs=bridge the
 * gap`), or, with `speaker=A`, two delegations saying the same phrase (`vs=speaker:B`).
 *
 * The counts and occurrences come from the core: phraseTimeline (as /api/phrase) for a phrase,
 * and for a phrase said by one delegation the core's own phrase parsing and matching with a
 * speaker filter (as /api/search?q="phrase"&speaker=).
 */
import type { Context } from "hono";
import type { FC } from "hono/jsx";
import { listSessions, listSpeakers, speakerDetail } from "../../search/catalog";
import type { Corpus } from "../../search/corpus";
import { NotFoundError, QueryError } from "../../search/errors";
import { type Pace, type Steps } from "../../search/pace";
import { type PhraseTimeline, phraseTimelineSteps } from "../../search/phrase";
import { MAX_LIMIT } from "../../search/search";
import type { SearchHit, SessionSummary } from "../../search/types";
import {
  type VariantPage,
  MAX_VARIANT_WORDS,
  MAX_VARIANT_LENGTH,
  findVariantsSteps,
} from "../../search/variants/find";
import { type Version, versionsOf } from "../../search/variants/versions";
import type { ApiEnv } from "../api/env";
import { formatDate, plural, sessionName } from "../views/format";
import { kwicParts, KwicLine } from "../views/kwic";
import {
  conferenceHref,
  inContextHref,
  phraseHref,
  sessionHref,
  speakerHref,
  utteranceHref,
} from "../views/links";
import { Pagination } from "../views/pagination";
import { type ChartSeries, TimelineChart } from "../views/timeline-chart";
import { WordingChanges } from "../views/wording-changes";
import { parsePage } from "./page-number";
import { MAX_PAGE } from "./search-state";

/** Occurrences per page (the core's largest page, so a chart's groups are usually all here). */
export const OCCURRENCES_PER_PAGE = MAX_LIMIT;
/** Occurrences per side in a comparison. */
export const COMPARE_OCCURRENCES = 30;

/** What one side of the page traces: a phrase, optionally said by one speaker. */
export interface PhraseSide {
  phrase: string;
  speaker: { id: string; name: string } | null;
  /** Utterances containing it per finished session, aligned with the page's sessions. */
  counts: number[];
  /** Times it was said per finished session (an utterance may say it twice). */
  occurrenceCounts: number[];
  /** Utterances containing it. */
  total: number;
  /** Times it was said. */
  totalOccurrences: number;
  /** Occurrences in time order (this page of them). */
  occurrences: SearchHit[];
  /** The first occurrence overall. */
  first: SearchHit | null;
  /** Who used it, in order of first use (only for a phrase without a speaker). */
  speakers: PhraseTimeline["speakers"];
  /** The sessions grouped by conference, with the phrase's counts and first use in each. */
  conferences: PhraseTimeline["conferences"];
  label: string;
}

/** Parsed page parameters. */
export interface PhraseParams {
  q: string;
  vs: string | null;
  speaker: string | null;
  page: number;
}

/** The prefix of a `vs` value naming a speaker. */
export const VS_SPEAKER_PREFIX = "speaker:";

function quoted(phrase: string): string {
  const inner = phrase.trim().replace(/^"(.*)"$/s, "$1");
  return `“${inner}”`;
}

/** A side's counts from the core's timeline, aligned with the page's sessions. */
function sideOf(
  timeline: PhraseTimeline,
  sessions: readonly SessionSummary[],
  phrase: string,
): PhraseSide {
  const counts = new Map(timeline.sessions.map((s) => [s.session.id, s]));
  return {
    phrase,
    speaker: null,
    counts: sessions.map((s) => counts.get(s.id)?.count ?? 0),
    occurrenceCounts: sessions.map((s) => counts.get(s.id)?.occurrences ?? 0),
    total: timeline.total,
    totalOccurrences: timeline.totalOccurrences,
    occurrences: timeline.occurrences,
    first: timeline.first,
    speakers: timeline.speakers,
    conferences: timeline.conferences,
    label: quoted(phrase),
  };
}

/** A phrase with no speaker: the core's phrase timeline. */
function* phraseSide(
  corpus: Corpus,
  sessions: readonly SessionSummary[],
  phrase: string,
  limit: number,
  offset: number,
  baseUrl: string,
  parameter: string,
  pace: Pace,
): Steps<PhraseSide> {
  let timeline: PhraseTimeline;
  try {
    timeline = yield* phraseTimelineSteps(corpus, { q: phrase, limit, offset }, { baseUrl }, pace);
  } catch (error) {
    if (error instanceof QueryError && error.parameter === "q" && parameter !== "q") {
      throw new QueryError(parameter, error.message.replace(/^q: /, ""));
    }
    throw error;
  }
  return sideOf(timeline, sessions, phrase);
}

/** A phrase said by one speaker: the core's phrase timeline of that speaker's words. */
function* speakerSide(
  corpus: Corpus,
  sessions: readonly SessionSummary[],
  phrase: string,
  speakerId: string,
  limit: number,
  offset: number,
  baseUrl: string,
  parameter: string,
  pace: Pace,
): Steps<PhraseSide> {
  let speaker: ReturnType<typeof speakerDetail>;
  try {
    speaker = speakerDetail(corpus, speakerId);
  } catch (error) {
    if (error instanceof NotFoundError) {
      throw new QueryError(
        parameter,
        `no delegation or role has the id ${JSON.stringify(speakerId)}`,
      );
    }
    throw error;
  }
  const request = { q: phrase, speaker: speaker.id, limit, offset };
  const timeline = yield* phraseTimelineSteps(corpus, request, { baseUrl }, pace);
  return {
    ...sideOf(timeline, sessions, phrase),
    speaker: { id: speaker.id, name: speaker.name },
    speakers: [],
    label: `${quoted(phrase)} — ${speaker.name}`,
  };
}

/** The variants of the text searched, as "How the wording changed" shows them. */
export interface Wording {
  page: VariantPage;
  versions: Version[];
  /** Why the exact-phrase tracing above could not run (a passage longer than a phrase), or null. */
  phraseError: string | null;
}

/**
 * The phrase's own side and its variants. A passage too long for exact tracing (which takes up
 * to MAX_QUERY_TERMS words) still gets its versions; errors of the variant search are reported
 * only when the phrase itself was fine.
 */
function* wordingSteps(
  corpus: Corpus,
  q: string,
  baseUrl: string,
  side: () => Steps<PhraseSide>,
  pace: Pace,
): Steps<{ side: PhraseSide | null; wording: Wording }> {
  let traced: PhraseSide | null = null;
  let phraseError: QueryError | null = null;
  try {
    traced = yield* side();
  } catch (caught) {
    if (!(caught instanceof QueryError) || caught.parameter !== "q") throw caught;
    phraseError = caught;
  }
  let page: VariantPage;
  try {
    page = yield* findVariantsSteps(corpus, { q, limit: MAX_LIMIT }, { baseUrl }, pace);
  } catch (caught) {
    throw phraseError ?? caught;
  }
  const wording = {
    page,
    versions: versionsOf(page.variants),
    phraseError: phraseError ? phraseError.message.replace(/^q: /, "") : null,
  };
  return { side: traced, wording };
}

function shortText(text: string): string {
  const words = text.replace(/^"|"$/g, "").split(/\s+/);
  return words.length > 8 ? `${words.slice(0, 8).join(" ")}…` : words.join(" ");
}

const WordingSection: FC<{ wording: Wording }> = ({ wording }) => (
  <>
    {wording.phraseError ? (
      <p class="hint">
        Exact tracing takes a shorter phrase ({wording.phraseError}); here is every version of the
        text.
      </p>
    ) : null}
    <WordingChanges
      page={wording.page}
      versions={wording.versions}
      apiHref={`/api/phrase/variants?q=${encodeURIComponent(wording.page.query)}`}
    />
  </>
);

/** Reads the page parameters; QueryError names the bad one. */
export function parsePhraseParams(params: URLSearchParams): PhraseParams {
  const text = (name: string) => {
    const v = params.get(name);
    return v === null || v.trim() === "" ? null : v.trim();
  };
  const vs = text("vs");
  const speaker = text("speaker");
  if (vs?.startsWith(VS_SPEAKER_PREFIX) && speaker === null) {
    throw new QueryError(
      "speaker",
      "comparing delegations needs speaker= (the first delegation) as well as vs=speaker:",
    );
  }
  return {
    q: params.get("q")?.trim() ?? "",
    vs,
    speaker,
    page: parsePage(params.get("page"), MAX_PAGE),
  };
}

/** What the page traced: its sides, and the versions of the text when it traced one phrase. */
interface Traced {
  found: PhraseSide[];
  wording: Wording | null;
}

/** Traces what the parameters ask for: one phrase (with its wording), or two sides to compare. */
function* traceSteps(
  corpus: Corpus,
  sessions: readonly SessionSummary[],
  params: PhraseParams,
  baseUrl: string,
  pace: Pace,
): Steps<Traced> {
  const comparing = params.vs !== null;
  const limit = comparing ? COMPARE_OCCURRENCES : OCCURRENCES_PER_PAGE;
  const offset = comparing ? 0 : (params.page - 1) * OCCURRENCES_PER_PAGE;
  const { q, vs, speaker } = params;
  const side = (
    phrase: string,
    speaker: string | null,
    parameter: string,
    speakerParameter: string,
  ) =>
    speaker === null
      ? phraseSide(corpus, sessions, phrase, limit, offset, baseUrl, parameter, pace)
      : speakerSide(
          corpus,
          sessions,
          phrase,
          speaker,
          limit,
          offset,
          baseUrl,
          speakerParameter,
          pace,
        );
  if (vs === null && speaker === null) {
    const traced = yield* wordingSteps(corpus, q, baseUrl, () => side(q, null, "q", "q"), pace);
    return { found: traced.side ? [traced.side] : [], wording: traced.wording };
  }
  const found = [yield* side(q, speaker, "q", "speaker")];
  if (vs !== null) {
    found.push(
      vs.startsWith(VS_SPEAKER_PREFIX)
        ? yield* side(q, vs.slice(VS_SPEAKER_PREFIX.length).trim(), "q", "vs")
        : yield* side(vs, speaker, "vs", "speaker"),
    );
  }
  return { found, wording: null };
}

/** GET /phrase */
export async function phrasePage(c: Context<ApiEnv>): Promise<Response> {
  const corpus = c.get("corpus");
  const baseUrl = c.get("baseUrl");
  const sessions = listSessions(corpus).sessions.filter((s) => s.version === "finished");
  let params: PhraseParams = { q: "", vs: null, speaker: null, page: 1 };
  let sides: PhraseSide[] = [];
  let wording: Wording | null = null;
  let error: QueryError | null = null;
  try {
    params = parsePhraseParams(new URL(c.req.url).searchParams);
    const asked = params;
    if (asked.q !== "") {
      const traced = await c
        .get("runner")
        .run((pace) => traceSteps(corpus, sessions, asked, baseUrl, pace));
      sides = traced.found;
      wording = traced.wording;
    }
  } catch (caught) {
    if (!(caught instanceof QueryError)) throw caught;
    error = caught;
    sides = [];
  }
  const title =
    sides.length > 0
      ? sides.map((s) => s.label).join(" vs ")
      : wording
        ? quoted(shortText(params.q))
        : "Trace a phrase";
  c.status(error ? 400 : 200);
  return c.render(
    <>
      <h1>{sides.length > 0 || wording ? title : "Trace a phrase through the sessions"}</h1>
      <PhraseForm params={params} />
      {error ? (
        <div class="error-box" role="alert">
          <h2>That phrase cannot be traced</h2>
          <p>
            <strong>{error.parameter}</strong>: {error.message.replace(/^[a-z]+: /, "")}.
          </p>
        </div>
      ) : null}
      {sides.length === 0 && !error && !wording ? (
        <p class="lede">
          Type a phrase to see in which sessions it was said, who said it first, who took it up,
          every occurrence in context, and how its wording changed (a passage of up to{" "}
          {MAX_VARIANT_WORDS} words works too). Add a second phrase to compare the two.
        </p>
      ) : null}
      {sides.length === 1 && sides[0] ? (
        <SinglePhrase
          side={sides[0]}
          sessions={sessions}
          params={params}
          corpus={corpus}
          wording={wording}
        />
      ) : null}
      {sides.length === 0 && wording ? <WordingSection wording={wording} /> : null}
      {sides.length === 2 ? <Comparison sides={sides} sessions={sessions} params={params} /> : null}
    </>,
    { title: title, section: "phrase" },
  );
}

const PhraseForm: FC<{ params: PhraseParams }> = ({ params }) => (
  <form class="inline-form" method="get" action="/phrase" role="search" aria-label="Trace a phrase">
    <div class="field">
      <label for="phrase-q">Phrase or passage</label>
      <input
        type="search"
        id="phrase-q"
        name="q"
        value={params.q}
        required
        maxlength={MAX_VARIANT_LENGTH}
      />
    </div>
    <div class="field">
      <label for="phrase-vs">Compare with another phrase (optional)</label>
      <input
        type="search"
        id="phrase-vs"
        name="vs"
        value={params.vs?.startsWith(VS_SPEAKER_PREFIX) ? "" : (params.vs ?? "")}
        maxlength={200}
      />
    </div>
    {params.speaker !== null && !params.vs?.startsWith(VS_SPEAKER_PREFIX) ? (
      <input type="hidden" name="speaker" value={params.speaker} />
    ) : null}
    <button type="submit">Trace</button>
  </form>
);

function sessionGroups(
  occurrences: readonly SearchHit[],
): { sessionId: string; hits: SearchHit[] }[] {
  const groups: { sessionId: string; hits: SearchHit[] }[] = [];
  for (const hit of occurrences) {
    const last = groups[groups.length - 1];
    if (last && last.sessionId === hit.session.id) last.hits.push(hit);
    else groups.push({ sessionId: hit.session.id, hits: [hit] });
  }
  return groups;
}

/** Anchor of a session's group of occurrences on the page. */
function groupAnchor(scope: string, sessionId: string): string {
  return `${scope}-${sessionId.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

const Occurrences: FC<{ side: PhraseSide; scope: string; headingLevel: 2 | 3 }> = ({
  side,
  scope,
  headingLevel,
}) => {
  const Group = headingLevel === 2 ? "h3" : "h4";
  return (
    <>
      {sessionGroups(side.occurrences).map((group) => {
        const session = group.hits[0]?.session;
        return (
          <section
            class="kwic-group"
            id={groupAnchor(scope, group.sessionId)}
            aria-labelledby={`${groupAnchor(scope, group.sessionId)}-h`}
          >
            <Group id={`${groupAnchor(scope, group.sessionId)}-h`}>
              <a href={sessionHref(group.sessionId)}>
                {session ? sessionName(session) : group.sessionId}
              </a>
              {session ? `, ${formatDate(session.date)}` : ""}
            </Group>
            <ul class="kwic">
              {group.hits.flatMap((hit) =>
                (hit.highlights.length > 0 ? hit.highlights : [[0, 0] as [number, number]]).map(
                  ([start, end]) => (
                    <KwicLine
                      parts={kwicParts(hit.text, start, end)}
                      who={
                        <>
                          <a href={speakerHref(hit.speaker.id)}>{hit.speaker.name}</a>{" "}
                          <a
                            href={inContextHref(hit.session.id, hit.seq)}
                            aria-label={`${hit.speaker.name}: open in context`}
                          >
                            in context
                          </a>
                        </>
                      }
                    />
                  ),
                ),
              )}
            </ul>
          </section>
        );
      })}
    </>
  );
};

function seriesOf(side: PhraseSide, sessions: readonly SessionSummary[]): ChartSeries {
  const firstSession = side.first?.session.id;
  const firstIndex =
    firstSession === undefined ? null : sessions.findIndex((s) => s.id === firstSession);
  return {
    name: side.label,
    counts: side.counts,
    firstUse: firstIndex === null || firstIndex < 0 ? null : firstIndex,
  };
}

const FirstUse: FC<{ side: PhraseSide }> = ({ side }) =>
  side.first ? (
    <p>
      <strong>First use:</strong>{" "}
      <a href={speakerHref(side.first.speaker.id)}>{side.first.speaker.name}</a>,{" "}
      <a href={inContextHref(side.first.session.id, side.first.seq)}>
        {sessionName(side.first.session)}, {formatDate(side.first.session.date)}
        {side.first.session.time ? ` ${side.first.session.time}` : ""}
      </a>
      .
    </p>
  ) : null;

/** Across several conferences: how often the phrase was said at each, with its first use there. */
const ByConference: FC<{ side: PhraseSide }> = ({ side }) =>
  side.conferences.length > 1 ? (
    <>
      <h2>By conference</h2>
      <ul class="phrase-conferences">
        {side.conferences.map((group) => (
          <li data-conference={group.conference ?? ""}>
            <strong>
              {group.conference ? (
                <a href={conferenceHref(group.conference)}>{group.shortName}</a>
              ) : (
                group.shortName
              )}
            </strong>
            : {plural(group.occurrences, "time")} in {plural(group.utterances, "utterance")}, in{" "}
            {group.sessionsWithPhrase} of {plural(group.count, "session")}
            {group.first ? (
              <>
                {" "}
                · <a href={utteranceHref(group.first)}>first there</a>
              </>
            ) : (
              " · not said there"
            )}
          </li>
        ))}
      </ul>
    </>
  ) : null;

/** The page for a phrase never said: why, and the way to search the words loosely. */
const NeverSaid: FC<{ side: PhraseSide; wording: Wording | null }> = ({ side, wording }) => (
  <>
    <div class="empty">
      <h2>Never said</h2>
      <p>
        No utterance contains {side.label}
        {side.speaker ? ` from ${side.speaker.name}` : ""}. A phrase must match word for word; try
        fewer words, or{" "}
        <a href={`/?q=${encodeURIComponent(side.phrase.replace(/"/g, ""))}`}>
          search the words in any order
        </a>
        .
      </p>
    </div>
    {wording ? <WordingSection wording={wording} /> : null}
  </>
);

/** A phrase's timeline: times said and utterances per session, linked to the groups below. */
const PhraseChart: FC<{ side: PhraseSide; sessions: readonly SessionSummary[] }> = ({
  side,
  sessions,
}) => {
  const groupsHere = new Set(side.occurrences.map((o) => o.session.id));
  return (
    <TimelineChart
      id="phrase-chart"
      title={`${side.label}: occurrences and utterances, per session in date order`}
      sessions={sessions}
      series={[
        {
          ...seriesOf(side, sessions),
          name: "Occurrences (times said)",
          unit: "occurrence",
          counts: side.occurrenceCounts,
        },
        { ...seriesOf(side, sessions), name: "Utterances containing it", unit: "utterance" },
      ]}
      unit="utterance"
      hrefFor={(i) => {
        const id = sessions[i]?.id;
        return id && groupsHere.has(id) ? `#${groupAnchor("s", id)}` : null;
      }}
    />
  );
};

/** Who used the phrase, in order of first use, each with a link to that first use. */
const WhoUsedIt: FC<{ side: PhraseSide }> = ({ side }) =>
  side.speakers.length > 0 ? (
    <section aria-labelledby="who-heading">
      <h2 id="who-heading">Who used it</h2>
      <ol class="who-used">
        {side.speakers.map((s) => (
          <li>
            <a href={speakerHref(s.speaker.id)}>{s.speaker.name}</a> — {plural(s.count, "time")},
            first{" "}
            <a
              href={inContextHref(
                s.first.slice(0, s.first.lastIndexOf(".")),
                Number(s.first.slice(s.first.lastIndexOf(".") + 1)),
              )}
            >
              in context
            </a>
          </li>
        ))}
      </ol>
    </section>
  ) : null;

/** The form comparing two delegations saying the phrase. */
const CompareSpeakers: FC<{ side: PhraseSide; params: PhraseParams; corpus: Corpus }> = ({
  side,
  params,
  corpus,
}) => {
  const delegations = listSpeakers(corpus).speakers.filter(
    (s) => s.kind === "delegation" && s.utterances > 0,
  );
  const candidates = side.speakers.length >= 2 ? side.speakers.map((s) => s.speaker) : delegations;
  return candidates.length >= 2 ? (
    <form
      class="inline-form"
      method="get"
      action="/phrase"
      aria-label="Compare two delegations or speakers"
    >
      <input type="hidden" name="q" value={side.phrase} />
      <div class="field">
        <label for="cmp-a">Compare who said it</label>
        <select id="cmp-a" name="speaker">
          {candidates.map((s, i) => (
            <option value={s.id} selected={params.speaker ? params.speaker === s.id : i === 0}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="cmp-b">with</label>
        <select id="cmp-b" name="vs">
          {candidates.map((s, i) => (
            <option value={`${VS_SPEAKER_PREFIX}${s.id}`} selected={i === 1}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="secondary">
        Compare
      </button>
    </form>
  ) : null;
};

const SinglePhrase: FC<{
  side: PhraseSide;
  sessions: readonly SessionSummary[];
  params: PhraseParams;
  corpus: Corpus;
  wording: Wording | null;
}> = ({ side, sessions, params, corpus, wording }) => {
  const pages = Math.max(1, Math.ceil(side.total / OCCURRENCES_PER_PAGE));
  if (side.total === 0) {
    return <NeverSaid side={side} wording={wording} />;
  }
  return (
    <>
      <p>
        {side.label}
        {side.speaker ? ` (${side.speaker.name})` : ""} was said{" "}
        <strong>{plural(side.totalOccurrences, "time")}</strong> in{" "}
        <strong>{plural(side.total, "utterance")}</strong> in{" "}
        {plural(side.counts.filter((n) => n > 0).length, "session")}.{" "}
        <a href={`/api/phrase?q=${encodeURIComponent(side.phrase)}&format=csv`}>CSV</a> ·{" "}
        <a href={`/api/phrase?q=${encodeURIComponent(side.phrase)}`}>JSON</a>
      </p>
      <FirstUse side={side} />
      <h2>Timeline</h2>
      <PhraseChart side={side} sessions={sessions} />
      <ByConference side={side} />
      <WhoUsedIt side={side} />
      <CompareSpeakers side={side} params={params} corpus={corpus} />
      {wording ? <WordingSection wording={wording} /> : null}
      <h2 id="occurrences">Every occurrence, by session</h2>
      <Occurrences side={side} scope="s" headingLevel={2} />
      <Pagination
        page={params.page}
        pages={pages}
        href={(p) =>
          `${phraseHref(params.q, params.speaker ? { speaker: params.speaker } : {})}${p > 1 ? `&page=${p}` : ""}#occurrences`
        }
        label="Pages of occurrences"
      />
    </>
  );
};

const Comparison: FC<{
  sides: PhraseSide[];
  sessions: readonly SessionSummary[];
  params: PhraseParams;
}> = ({ sides, sessions }) => (
  <>
    <h2>Timeline</h2>
    <TimelineChart
      id="compare-chart"
      title={`${sides.map((s) => s.label).join(" and ")}: utterances per session in date order`}
      sessions={sessions}
      series={sides.map((side) => seriesOf(side, sessions))}
      unit="utterance"
    />
    <div class="compare">
      {sides.map((side, k) => (
        <section aria-labelledby={`side-${k}`}>
          <h2 id={`side-${k}`}>
            <span class={`swatch swatch-${k}`} aria-hidden="true"></span>
            {side.label}
          </h2>
          <p>
            {plural(side.total, "utterance")} in{" "}
            {plural(side.counts.filter((n) => n > 0).length, "session")}.{" "}
            <a href={phraseHref(side.phrase, side.speaker ? { speaker: side.speaker.id } : {})}>
              Trace this alone
            </a>
          </p>
          <FirstUse side={side} />
          {side.total > side.occurrences.length ? (
            <p class="hint">The first {side.occurrences.length} occurrences:</p>
          ) : null}
          <Occurrences side={side} scope={`c${k}`} headingLevel={3} />
        </section>
      ))}
    </div>
  </>
);
