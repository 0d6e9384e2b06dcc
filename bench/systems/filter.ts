/** The filter semantics shared by the reference systems. */
import type { BenchFilter } from "../types";

/** True when an utterance with these fields passes every given filter. */
export function matchesFilter(
  filter: BenchFilter,
  speaker: string,
  body: string,
  date: string,
): boolean {
  if (filter.speaker !== undefined && speaker !== filter.speaker) return false;
  if (filter.body !== undefined && body !== filter.body) return false;
  if (filter.from !== undefined && date < filter.from) return false;
  if (filter.to !== undefined && date > filter.to) return false;
  return true;
}
