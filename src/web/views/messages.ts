/**
 * Errors in words: what a person reads when a request cannot be answered names the thing they
 * typed or chose ("The search text", "The delegation or role"), never a parameter name.
 */
import type { QueryError } from "../../search/errors";

/** What each request parameter is, for people. */
export const PARAMETER_LABELS: Readonly<Record<string, string>> = {
  q: "The search text",
  speaker: "The delegation or role",
  session: "The session",
  body: "The body",
  kind: "The speaker kind",
  from: "The start date",
  to: "The end date",
  sort: "The order",
  page: "The page number",
  limit: "The number of results",
  offset: "The first result",
  context: "The number of turns around it",
  vs: "The comparison",
};

/** The label of a parameter ("The search text"); an unknown one is named as a setting. */
export function parameterLabel(parameter: string): string {
  return PARAMETER_LABELS[parameter] ?? `The setting “${parameter}”`;
}

/** A QueryError's message without its "parameter: " prefix. */
export function bareMessage(error: QueryError): string {
  const prefix = `${error.parameter}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

/** "The search text: query has 12 terms; at most 10 are allowed ...". */
export function humanMessage(error: QueryError): string {
  return `${parameterLabel(error.parameter)}: ${bareMessage(error)}.`.replace(/([.?!])\.$/, "$1");
}
