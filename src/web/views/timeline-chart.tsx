/**
 * A timeline bar chart drawn on the server as SVG: one band per session in date order, one mark
 * per session and series (a bar, or a baseline tick for zero), the first use of each series
 * marked. When the sessions are of more than one conference, each conference's run of sessions
 * is a group: its short name above its bands, a rule between groups, a conference column in the
 * table. Pure: data in, escaped markup out. A data table follows the chart for screen readers
 * and for anyone who wants the numbers.
 *
 * The steps: chartScales (geometry and the count scale), conferenceRuns (the groups),
 * chartDescription (the accessible summary), then the parts: ChartAxis, GroupLabels,
 * SessionBand (with SeriesMark and FirstUseMarker), ChartTable.
 */
import type { FC } from "hono/jsx";
import { conferenceById } from "../../conferences/registry";
import {
  formatDate,
  formatDayMonth,
  plural,
  type SessionFacts,
  sessionName,
  sessionShortLabel,
} from "./format";

/** One series of counts, aligned with {@link TimelineChartProps.sessions}. */
export interface ChartSeries {
  /** Shown in the legend and table header: the phrase or the delegation. */
  name: string;
  /** What this series counts, when not the chart's unit ("occurrence", "utterance"). */
  unit?: string;
  /** counts[i] belongs to sessions[i]. */
  counts: readonly number[];
  /**
   * Index of the session of first use. Defaults to the first session with a count above zero;
   * pass null to mark none.
   */
  firstUse?: number | null;
}

export interface TimelineChartProps {
  /** Unique within the page: prefixes the ids that label the SVG. */
  id: string;
  /** Short heading of the chart, used as the SVG's accessible name. */
  title: string;
  /** Sessions in date order. */
  sessions: readonly SessionFacts[];
  /** One or two series (two for a side-by-side comparison). */
  series: readonly ChartSeries[];
  /** Where a mark links to (e.g. the session's group of occurrences below the chart). */
  hrefFor?: (sessionIndex: number, seriesIndex: number) => string | null;
  /** Mark the first use of each series (default true). */
  markFirstUse?: boolean;
  /** What one unit counts, for labels: "occurrence" (default), "intervention". */
  unit?: string;
  /** Smaller bands for a compact chart (delegation pages). */
  compact?: boolean;
}

/** Geometry, in SVG user units (the SVG scales to its container's width). */
export const CHART = {
  /** Band width: wide for few sessions, never narrower than minBand (labels must fit). */
  minBand: 46,
  maxBand: 96,
  /** The plot width a chart of few sessions grows towards. */
  targetPlot: 720,
  compactMaxBand: 64,
  compactTargetPlot: 480,
  plotHeight: 170,
  compactPlotHeight: 90,
  left: 40,
  right: 12,
  top: 34,
  bottom: 50,
  /** Charts up to this width shrink to fit a narrow screen; wider ones scroll. */
  fitWidth: 560,
  /** Extra room above the plot for conference group labels (grouped charts only). */
  groupHeader: 18,
  /** Bar width in a band, for one series; two series share the band. */
  bar: 26,
  pairBar: 16,
  pairGap: 3,
} as const;

/** Series fills: both reach 4.5:1 against white (AA for text, beyond 3:1 for graphics). */
export const SERIES_COLOURS = ["#1d5ea8", "#a2471a"] as const;

/** A "nice" axis maximum: 1, 2, 5, 10, 20, 50... at or above `max`. */
export function niceMax(max: number): number {
  if (max <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) {
    if (step * magnitude >= max) return step * magnitude;
  }
  return 10 * magnitude;
}

/** Axis ticks: 0, the middle (when an integer) and the maximum. */
export function axisTicks(max: number): number[] {
  const top = niceMax(max);
  const ticks = [0];
  if (top >= 2 && top % 2 === 0) ticks.push(top / 2);
  ticks.push(top);
  return ticks;
}

/** The width of one session's band. */
export function bandWidth(sessions: number, compact: boolean): number {
  const target = compact ? CHART.compactTargetPlot : CHART.targetPlot;
  const max = compact ? CHART.compactMaxBand : CHART.maxBand;
  const fit = Math.floor(target / Math.max(1, sessions));
  return Math.max(CHART.minBand, Math.min(max, fit));
}

/** The index of the first session with a count above zero, or null. */
export function firstNonZero(counts: readonly number[]): number | null {
  const i = counts.findIndex((n) => n > 0);
  return i < 0 ? null : i;
}

function resolveFirstUse(series: ChartSeries): number | null {
  return series.firstUse === undefined ? firstNonZero(series.counts) : series.firstUse;
}

/** The chart's geometry and count scale, computed once from its props. */
export interface ChartScales {
  band: number;
  plotHeight: number;
  width: number;
  height: number;
  /** Top of the plot area (below the group labels when grouped). */
  plotTop: number;
  baseline: number;
  /** Wider than a phone can show legibly: scrolls sideways there instead of shrinking. */
  wide: boolean;
  ticks: number[];
  /** The y of a count. */
  y: (n: number) => number;
  pair: boolean;
  barWidth: number;
}

/** The scales of a chart (see ChartScales). */
export function chartScales(props: TimelineChartProps, grouped: boolean): ChartScales {
  const { sessions, series } = props;
  const compact = props.compact ?? false;
  const band = bandWidth(sessions.length, compact);
  const plotHeight = compact ? CHART.compactPlotHeight : CHART.plotHeight;
  const plotTop = CHART.top + (grouped ? CHART.groupHeader : 0);
  const width = CHART.left + CHART.right + Math.max(1, sessions.length) * band;
  const max = Math.max(0, ...series.flatMap((s) => s.counts));
  const top = niceMax(max);
  const baseline = plotTop + plotHeight;
  const pair = series.length > 1;
  return {
    band,
    plotHeight,
    width,
    height: plotTop + plotHeight + CHART.bottom,
    plotTop,
    baseline,
    wide: width > CHART.fitWidth,
    ticks: axisTicks(max),
    y: (n: number): number => baseline - (n / top) * plotHeight,
    pair,
    barWidth: pair ? CHART.pairBar : compact ? Math.min(CHART.bar, band - 16) : CHART.bar,
  };
}

/** A run of consecutive sessions of one conference. */
export interface ConferenceRun {
  /** The conference id, null for sessions of none the engine knows. */
  conference: string | null;
  /** Its short name ("PP-14"), or "Conference not identified". */
  label: string;
  /** Indexes of the run's first and last session. */
  from: number;
  to: number;
}

/**
 * The sessions' runs by conference, in order. One run (or sessions that name no conference at
 * all) draws no groups: a chart of one conference looks as it always did.
 */
export function conferenceRuns(sessions: readonly SessionFacts[]): ConferenceRun[] {
  const runs: ConferenceRun[] = [];
  sessions.forEach((session, i) => {
    const conference = session.conference ?? null;
    const last = runs[runs.length - 1];
    if (last && last.conference === conference) last.to = i;
    else {
      const label = conferenceById(conference)?.shortName ?? "Conference not identified";
      runs.push({ conference, label, from: i, to: i });
    }
  });
  return runs;
}

/** The accessible summary: per series, its total, sessions and first use. */
function chartDescription(
  props: TimelineChartProps,
  firsts: readonly (number | null)[],
  unit: string,
): string {
  return props.series
    .map((s, k) => {
      const first = firsts[k];
      const firstSession = first != null ? props.sessions[first] : undefined;
      const firstText = firstSession
        ? `, first in ${sessionName(firstSession)} on ${formatDate(firstSession.date)}`
        : "";
      const total = s.counts.reduce((a, b) => a + b, 0);
      return `${s.name}: ${plural(total, s.unit ?? unit)} in ${plural(
        s.counts.filter((n) => n > 0).length,
        "session",
      )}${firstText}`;
    })
    .join("; ");
}

/** The count axis: a baseline and grid lines with their ticks. */
const ChartAxis: FC<{ scales: ChartScales }> = ({ scales }) => (
  <g class="axis" aria-hidden="true">
    {scales.ticks.map((t) => (
      <g>
        <line
          class={t === 0 ? "baseline" : "grid"}
          x1={CHART.left}
          x2={scales.width - CHART.right}
          y1={scales.y(t)}
          y2={scales.y(t)}
        />
        <text class="tick" x={CHART.left - 6} y={scales.y(t) + 4} text-anchor="end">
          {String(t)}
        </text>
      </g>
    ))}
  </g>
);

/** Each conference's short name above its run of bands, and a rule between runs. */
const GroupLabels: FC<{ runs: readonly ConferenceRun[]; scales: ChartScales }> = ({
  runs,
  scales,
}) => (
  <g class="conference-groups">
    {runs.map((run, r) => {
      const x0 = CHART.left + run.from * scales.band;
      const x1 = CHART.left + (run.to + 1) * scales.band;
      return (
        <g class="conference-group" data-conference={run.conference ?? ""}>
          {r > 0 ? (
            <line
              class="group-rule"
              x1={x0}
              x2={x0}
              y1={CHART.top - 14}
              y2={scales.baseline + 40}
              aria-hidden="true"
            />
          ) : null}
          <text class="group-label" x={(x0 + x1) / 2} y={CHART.top - 2} text-anchor="middle">
            {run.label}
          </text>
        </g>
      );
    })}
  </g>
);

/** The first-use arrow (and, for one series, its "first" label) above a bar. */
const FirstUseMarker: FC<{ k: number; x: number; top: number; width: number; pair: boolean }> = (
  p,
) => (
  <g class={`first-marker series-${p.k}`} aria-hidden="true">
    <path d={`M${p.x + p.width / 2 - 5},${p.top - 12} h10 l-5,7 z`} class="first-arrow" />
    {p.pair ? null : (
      <text class="first-label" x={p.x + p.width / 2} y={p.top - 16} text-anchor="middle">
        first
      </text>
    )}
  </g>
);

interface MarkProps {
  chart: TimelineChartProps;
  scales: ChartScales;
  firsts: readonly (number | null)[];
  unit: string;
  /** Session and series index. */
  i: number;
  k: number;
}

/** One series' mark in a session's band: a bar (or a zero tick), linked, the first use marked. */
const SeriesMark: FC<MarkProps> = ({ chart, scales, firsts, unit, i, k }) => {
  const s = chart.series[k];
  const session = chart.sessions[i];
  if (!s || !session) return null;
  const count = s.counts[i] ?? 0;
  const centre = CHART.left + i * scales.band + scales.band / 2;
  const { barWidth, baseline, y } = scales;
  const x = scales.pair
    ? centre - CHART.pairGap / 2 - barWidth + k * (barWidth + CHART.pairGap)
    : centre - barWidth / 2;
  const isFirst = firsts[k] === i;
  const label = `${s.name} — ${sessionName(session)}, ${formatDate(session.date)}: ${plural(count, s.unit ?? unit)}${isFirst ? " (first use)" : ""}`;
  const zero = count === 0;
  const mark = (
    <rect
      class={zero ? `mark mark-zero series-${k}` : `mark series-${k}${isFirst ? " first-use" : ""}`}
      x={x}
      y={zero ? baseline - 2 : y(count)}
      width={barWidth}
      height={zero ? 2 : baseline - y(count)}
      data-count={count}
      data-series={k}
      data-session={session.id}
    >
      <title>{label}</title>
    </rect>
  );
  const href = zero ? null : (chart.hrefFor?.(i, k) ?? null);
  return (
    <g>
      {href ? (
        <a href={href} aria-label={label}>
          {mark}
        </a>
      ) : (
        mark
      )}
      {isFirst ? (
        <FirstUseMarker k={k} x={x} top={y(count)} width={barWidth} pair={scales.pair} />
      ) : null}
    </g>
  );
};

/** One session's band: its marks, its short label and its date. */
const SessionBand: FC<Omit<MarkProps, "k">> = (props) => {
  const session = props.chart.sessions[props.i];
  if (!session) return null;
  const centre = CHART.left + props.i * props.scales.band + props.scales.band / 2;
  const { baseline } = props.scales;
  return (
    <g class="band" data-session={session.id}>
      {props.chart.series.map((_, k) => (
        <SeriesMark {...props} k={k} />
      ))}
      <text class="label" x={centre} y={baseline + 18} text-anchor="middle">
        {sessionShortLabel(session)}
      </text>
      <text class="date" x={centre} y={baseline + 35} text-anchor="middle">
        {formatDayMonth(session.date)}
      </text>
    </g>
  );
};

/** The numbers behind the chart, one row per session (with its conference when grouped). */
const ChartTable: FC<{
  chart: TimelineChartProps;
  firsts: readonly (number | null)[];
  runs: readonly ConferenceRun[] | null;
}> = ({ chart, firsts, runs }) => {
  const conferenceOf = (i: number) => runs?.find((run) => run.from <= i && i <= run.to)?.label;
  return (
    <details class="chart-data">
      <summary>The numbers behind the chart</summary>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">{chart.title}</caption>
          <thead>
            <tr>
              {runs ? <th scope="col">Conference</th> : null}
              <th scope="col">Session</th>
              <th scope="col">Date</th>
              {chart.series.map((s) => (
                <th scope="col">{s.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chart.sessions.map((session, i) => (
              <tr>
                {runs ? <td>{conferenceOf(i)}</td> : null}
                <th scope="row">{sessionName(session)}</th>
                <td>{formatDate(session.date)}</td>
                {chart.series.map((s, k) => (
                  <td class="num">
                    {String(s.counts[i] ?? 0)}
                    {firsts[k] === i ? " (first)" : ""}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
};

/** The chart as a <figure>: legend, SVG, and a data table in a <details>. */
export const TimelineChart: FC<TimelineChartProps> = (props) => {
  const { id, title, sessions, series } = props;
  const unit = props.unit ?? "occurrence";
  const markFirst = props.markFirstUse ?? true;
  const allRuns = conferenceRuns(sessions);
  const runs = allRuns.length > 1 ? allRuns : null;
  const scales = chartScales(props, runs !== null);
  const firsts = series.map((s) => (markFirst ? resolveFirstUse(s) : null));
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const description = chartDescription(props, firsts, unit);
  const { wide } = scales;
  return (
    <figure class={props.compact ? "chart chart-compact" : "chart"} id={id}>
      {scales.pair ? (
        <ul class="chart-legend" aria-hidden="true">
          {series.map((s, k) => (
            <li>
              <span class={`swatch swatch-${k}`}></span>
              {s.name}
            </li>
          ))}
        </ul>
      ) : null}
      <div
        class="chart-scroll"
        tabindex={wide ? 0 : undefined}
        role={wide ? "group" : undefined}
        aria-label={wide ? `${title} (scrolls sideways on a narrow screen)` : undefined}
      >
        <svg
          class={wide ? "timeline timeline-wide" : "timeline"}
          viewBox={`0 0 ${scales.width} ${scales.height}`}
          width={scales.width}
          height={scales.height}
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          data-sessions={sessions.length}
          data-series={series.length}
          data-conferences={runs ? runs.length : undefined}
        >
          <title id={titleId}>{title}</title>
          <desc id={descId}>{description}</desc>
          <ChartAxis scales={scales} />
          {runs ? <GroupLabels runs={runs} scales={scales} /> : null}
          {sessions.map((_, i) => (
            <SessionBand chart={props} scales={scales} firsts={firsts} unit={unit} i={i} />
          ))}
        </svg>
      </div>
      {wide ? (
        <p class="chart-hint">Swipe or scroll the chart sideways to see every session.</p>
      ) : null}
      <figcaption>
        {runs ? `${runs.map((run) => run.label).join(", then ")}. ` : ""}
        {description}.
      </figcaption>
      <ChartTable chart={props} firsts={firsts} runs={runs} />
    </figure>
  );
};
