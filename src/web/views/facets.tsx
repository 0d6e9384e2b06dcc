/**
 * The search page's filters: each dimension a list of links with counts (select one, or see it
 * selected with a link to remove it), and a date-range form. Links and a GET form: all of it
 * works without JavaScript and with the keyboard.
 */
import type { FC } from "hono/jsx";
import { VALUE_FILTER_KEYS, type ValueFilterKey } from "../../search/filters";
import type { FacetValue, Facets } from "../pages/facets";
import type { SearchState } from "../pages/search-state";
import { searchUrl } from "../pages/search-state";
import { bodyName, formatCount, formatDate } from "./format";
import { kindLabel } from "./utterance-card";

/** Values shown before "more" in a long facet. */
export const FACET_SHOWN = 8;

type Dimension = ValueFilterKey;

interface FacetListProps {
  title: string;
  dimension: Dimension;
  values: readonly FacetValue[];
  state: SearchState;
  labelOf?: (value: FacetValue) => string;
}

const FacetItem: FC<{
  value: FacetValue;
  dimension: Dimension;
  state: SearchState;
  label: string;
}> = ({ value, dimension, state, label }) => {
  const selected = state[dimension] === value.value;
  return (
    <li>
      {selected ? (
        <span class="current" aria-current="true">
          <span>{label}</span>
          <span class="count">{formatCount(value.count)}</span>
        </span>
      ) : (
        <a href={searchUrl(state, { [dimension]: value.value })}>
          <span>{label}</span>
          <span class="count" aria-label={`${value.count} results`}>
            {formatCount(value.count)}
          </span>
        </a>
      )}
    </li>
  );
};

const FacetList: FC<FacetListProps> = ({ title, dimension, values, state, labelOf }) => {
  if (values.length === 0) return null;
  const id = `facet-${dimension}`;
  const label = (v: FacetValue) => (labelOf ? labelOf(v) : v.label);
  // The selected value always shows, even when it is not among the first few.
  const head = values.slice(0, FACET_SHOWN);
  const tail = values.slice(FACET_SHOWN);
  const selectedInTail = tail.some((v) => v.value === state[dimension]);
  return (
    <section class="facet" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul>
        {head.map((v) => (
          <FacetItem value={v} dimension={dimension} state={state} label={label(v)} />
        ))}
      </ul>
      {tail.length > 0 ? (
        <details class="more" open={selectedInTail}>
          <summary>{`${tail.length} more`}</summary>
          <ul>
            {tail.map((v) => (
              <FacetItem value={v} dimension={dimension} state={state} label={label(v)} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
};

export interface FacetsPanelProps {
  facets: Facets;
  state: SearchState;
  /** Session id -> display name. */
  sessionLabel: (id: string) => string;
}

/** The days with results, each a link to that day, and a from-to form over them. */
const DateFacet: FC<{ values: FacetValue[]; state: SearchState }> = ({ values, state }) => {
  const firstDay = values[0]?.value;
  const lastDay = values[values.length - 1]?.value;
  return values.length > 0 ? (
    <section class="facet" aria-labelledby="facet-date">
      <h2 id="facet-date">Date</h2>
      <ul>
        {values.map((d) => {
          const selected = state.from === d.value && state.to === d.value;
          return (
            <li>
              {selected ? (
                <span class="current" aria-current="true">
                  <span>{formatDate(d.value)}</span>
                  <span class="count">{formatCount(d.count)}</span>
                </span>
              ) : (
                <a href={searchUrl(state, { from: d.value, to: d.value })}>
                  <span>{formatDate(d.value)}</span>
                  <span class="count" aria-label={`${d.count} results`}>
                    {formatCount(d.count)}
                  </span>
                </a>
              )}
            </li>
          );
        })}
      </ul>
      <form method="get" action="/" class="date-range">
        <DateRangeHidden state={state} />
        <DateField name="from" label="From" value={state.from} min={firstDay} max={lastDay} />
        <DateField name="to" label="To" value={state.to} min={firstDay} max={lastDay} />
        <button type="submit" class="secondary">
          Apply dates
        </button>
      </form>
    </section>
  ) : null;
};

/** The whole filter panel. */
export const FacetsPanel: FC<FacetsPanelProps> = ({ facets, state, sessionLabel }) => {
  return (
    <details class="filters" open>
      <summary>Filters</summary>
      {facets.conference.length > 1 || state.conference !== null ? (
        <FacetList
          title="Conference"
          dimension="conference"
          values={facets.conference}
          state={state}
        />
      ) : null}
      <FacetList
        title="Delegation or role"
        dimension="speaker"
        values={facets.speaker}
        state={state}
      />
      <FacetList
        title="Body"
        dimension="body"
        values={facets.body}
        state={state}
        labelOf={(v) => bodyName(v.value as never)}
      />
      <FacetList
        title="Session"
        dimension="session"
        values={facets.session}
        state={state}
        labelOf={(v) => sessionLabel(v.value)}
      />
      <FacetList
        title="Speaker kind"
        dimension="kind"
        values={facets.kind}
        state={state}
        labelOf={(v) => kindLabel(v.value)}
      />
      <DateFacet values={facets.date} state={state} />
    </details>
  );
};

/** The state's other parameters as hidden fields, so the date form keeps them. */
const DateRangeHidden: FC<{ state: SearchState }> = ({ state }) => (
  <>
    {state.q !== "" ? <input type="hidden" name="q" value={state.q} /> : null}
    {([...VALUE_FILTER_KEYS, "sort"] as const).map((name) => {
      const v = state[name];
      return v === null ? null : <input type="hidden" name={name} value={v} />;
    })}
  </>
);

/** One end of the date range: a labelled date input bounded by the corpus's first and last day. */
const DateField: FC<{
  name: "from" | "to";
  label: string;
  value: string | null | undefined;
  min: string | undefined;
  max: string | undefined;
}> = ({ name, label, value, min, max }) => (
  <div class="field">
    <label for={name}>{label}</label>
    <input type="date" id={name} name={name} value={value ?? ""} min={min} max={max} />
  </div>
);
