/**
 * The search box: a GET form to / with the input named q, a visible label, the current filters
 * kept as hidden fields (shown as removable chips on the page), and a datalist the progressive
 * script fills with live suggestions from /suggest.
 */
import type { FC } from "hono/jsx";
import { MAX_QUERY_LENGTH } from "../../search/query";
import { FILTER_PARAMS } from "../../search/filters";
import type { SearchState } from "../pages/search-state";

/** Where the progressive script asks for suggestions. */
export const SUGGEST_PATH = "/suggest";

export interface SearchFormProps {
  state: SearchState;
  /** Keep the filter parameters when a new search is typed (default true). */
  keepFilters?: boolean;
}

export const SearchForm: FC<SearchFormProps> = ({ state, keepFilters }) => (
  <form class="search-form" method="get" action="/" role="search">
    <label for="q">Words, a "phrase", or filters such as speaker:egypt</label>
    <div class="row">
      <input
        type="search"
        id="q"
        name="q"
        value={state.q}
        maxlength={MAX_QUERY_LENGTH}
        autocomplete="off"
        spellcheck={false}
        list="q-suggestions"
        data-suggest={SUGGEST_PATH}
        aria-describedby="q-hint"
      />
      {(keepFilters ?? true)
        ? FILTER_PARAMS.map((name) => {
            const value = state[name];
            return value === null ? null : <input type="hidden" name={name} value={value} />;
          })
        : null}
      {state.sort !== null ? <input type="hidden" name="sort" value={state.sort} /> : null}
      <button type="submit">Search</button>
    </div>
    <datalist id="q-suggestions"></datalist>
    <p class="hint" id="q-hint">
      All words must appear. Use quotes for an exact phrase, OR for either word, a minus to leave a
      word out.
    </p>
  </form>
);
