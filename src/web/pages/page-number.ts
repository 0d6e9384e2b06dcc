/**
 * The page number of every paginated page (?page=): one parser, so the search page, a speaker's
 * interventions, a document's mentions and a phrase's occurrences refuse the same values in the
 * same words. Runtime-free.
 */
import { QueryError } from "../../search/errors";

/** Digits a page number may have. */
const PAGE_DIGITS = /^\d{1,6}$/;

/**
 * The 1-based page of a ?page= value: absent or empty is page 1; anything but a whole number
 * from 1 (up to `max`, when given) is a QueryError naming "page". The value is taken as given
 * (callers that trim, trim first).
 */
export function parsePage(text: string | null | undefined, max?: number): number {
  if (text === undefined || text === null || text === "") return 1;
  const page = PAGE_DIGITS.test(text) ? Number(text) : 0;
  if (page < 1 || (max !== undefined && page > max)) {
    const range = max === undefined ? "from 1" : `from 1 to ${max}`;
    throw new QueryError("page", `must be a whole number ${range}`);
  }
  return page;
}
