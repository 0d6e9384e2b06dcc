/**
 * A timeline bar chart drawn on the server as SVG: one band per session in date order, one mark
 * per session and series (a bar, or a baseline tick for zero), the first use of each series
 * marked. Pure: data in, escaped markup out. A data table follows the chart for screen readers
 * and for anyone who wants the numbers.
 */
import type { FC } from "hono/jsx";
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

/** The chart as a <figure>: legend, SVG, and a data table in a <details>. */
export const TimelineChart: FC<TimelineChartProps> = (props) => {
  const { id, title, sessions, series } = props;
  const unit = props.unit ?? "occurrence";
  const markFirst = props.markFirstUse ?? true;
  const band = bandWidth(sessions.length, props.compact ?? false);
  const plotHeight = props.compact ? CHART.compactPlotHeight : CHART.plotHeight;
  const width = CHART.left + CHART.right + Math.max(1, sessions.length) * band;
  const height = CHART.top + plotHeight + CHART.bottom;
  /** Wider than a phone can show legibly: scrolls sideways there instead of shrinking. */
  const wide = width > CHART.fitWidth;
  const max = Math.max(0, ...series.flatMap((s) => s.counts));
  const top = niceMax(max);
  const ticks = axisTicks(max);
  const baseline = CHART.top + plotHeight;
  const y = (n: number): number => baseline - (n / top) * plotHeight;
  const pair = series.length > 1;
  const barWidth = pair
    ? CHART.pairBar
    : props.compact
      ? Math.min(CHART.bar, band - 16)
      : CHART.bar;
  const firsts = series.map((s) => (markFirst ? resolveFirstUse(s) : null));
  const totals = series.map((s) => s.counts.reduce((a, b) => a + b, 0));
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const description = series
    .map((s, k) => {
      const first = firsts[k];
      const firstSession = first != null ? sessions[first] : undefined;
      const firstText = firstSession
        ? `, first in ${sessionName(firstSession)} on ${formatDate(firstSession.date)}`
        : "";
      return `${s.name}: ${plural(totals[k] ?? 0, s.unit ?? unit)} in ${plural(
        s.counts.filter((n) => n > 0).length,
        "session",
      )}${firstText}`;
    })
    .join("; ");

  return (
    <figure class={props.compact ? "chart chart-compact" : "chart"} id={id}>
      {pair ? (
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
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          data-sessions={sessions.length}
          data-series={series.length}
        >
          <title id={titleId}>{title}</title>
          <desc id={descId}>{description}</desc>
          <g class="axis" aria-hidden="true">
            {ticks.map((t) => (
              <g>
                <line
                  class={t === 0 ? "baseline" : "grid"}
                  x1={CHART.left}
                  x2={width - CHART.right}
                  y1={y(t)}
                  y2={y(t)}
                />
                <text class="tick" x={CHART.left - 6} y={y(t) + 4} text-anchor="end">
                  {String(t)}
                </text>
              </g>
            ))}
          </g>
          {sessions.map((session, i) => {
            const x0 = CHART.left + i * band;
            const centre = x0 + band / 2;
            return (
              <g class="band" data-session={session.id}>
                {series.map((s, k) => {
                  const count = s.counts[i] ?? 0;
                  const x = pair
                    ? centre - CHART.pairGap / 2 - barWidth + k * (barWidth + CHART.pairGap)
                    : centre - barWidth / 2;
                  const isFirst = firsts[k] === i;
                  const label = `${s.name} — ${sessionName(session)}, ${formatDate(session.date)}: ${plural(count, s.unit ?? unit)}${isFirst ? " (first use)" : ""}`;
                  const mark =
                    count > 0 ? (
                      <rect
                        class={`mark series-${k}${isFirst ? " first-use" : ""}`}
                        x={x}
                        y={y(count)}
                        width={barWidth}
                        height={baseline - y(count)}
                        data-count={count}
                        data-series={k}
                        data-session={session.id}
                      >
                        <title>{label}</title>
                      </rect>
                    ) : (
                      <rect
                        class={`mark mark-zero series-${k}`}
                        x={x}
                        y={baseline - 2}
                        width={barWidth}
                        height={2}
                        data-count={0}
                        data-series={k}
                        data-session={session.id}
                      >
                        <title>{label}</title>
                      </rect>
                    );
                  const href = count > 0 ? (props.hrefFor?.(i, k) ?? null) : null;
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
                        <g class={`first-marker series-${k}`} aria-hidden="true">
                          <path
                            d={`M${x + barWidth / 2 - 5},${y(count) - 12} h10 l-5,7 z`}
                            class="first-arrow"
                          />
                          {pair ? null : (
                            <text
                              class="first-label"
                              x={x + barWidth / 2}
                              y={y(count) - 16}
                              text-anchor="middle"
                            >
                              first
                            </text>
                          )}
                        </g>
                      ) : null}
                    </g>
                  );
                })}
                <text class="label" x={centre} y={baseline + 18} text-anchor="middle">
                  {sessionShortLabel(session)}
                </text>
                <text class="date" x={centre} y={baseline + 35} text-anchor="middle">
                  {formatDayMonth(session.date)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      {wide ? (
        <p class="chart-hint">Swipe or scroll the chart sideways to see every session.</p>
      ) : null}
      <figcaption>{description}.</figcaption>
      <details class="chart-data">
        <summary>The numbers behind the chart</summary>
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Session</th>
                <th scope="col">Date</th>
                {series.map((s) => (
                  <th scope="col">{s.name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sessions.map((session, i) => (
                <tr>
                  <th scope="row">{sessionName(session)}</th>
                  <td>{formatDate(session.date)}</td>
                  {series.map((s, k) => (
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
    </figure>
  );
};
