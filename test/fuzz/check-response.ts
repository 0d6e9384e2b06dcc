/**
 * What every response of the app must satisfy, whatever was asked: no 5xx and nothing logged as
 * an error; a 400 names a parameter; JSON parses and its snippets are escaped; CSV has no
 * formula cells; HTML echoes no payload as markup; no file from outside the static root.
 */
import type { FuzzRequest } from "./requests";
import { SECRET } from "./fuzz-app";
import { csvFormulaCells, htmlInjections, snippetProblems, snippetsOf } from "./payloads";
import * as cheerio from "cheerio";
import { parameterLabel } from "../../src/web/views/messages";

/** Problems of one response (empty when it is fine). */
export async function responseProblems(
  request: FuzzRequest,
  response: Response,
  errorsLogged: readonly string[],
): Promise<string[]> {
  const problems: string[] = [];
  const status = response.status;
  const body = await response.text();
  const type = response.headers.get("content-type") ?? "";
  if (status >= 500) problems.push(`status ${status}: ${body.slice(0, 300)}`);
  if (errorsLogged.length > 0) problems.push(`logged: ${errorsLogged.join(" | ").slice(0, 500)}`);
  if (body.includes(SECRET)) problems.push("served a file from outside the static root");
  if (request.method === "HEAD" || body === "") return problems;
  const api = /^\/api(\/|$|\?)/.test(request.path);
  if (type.includes("application/json")) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      problems.push(`JSON that does not parse: ${body.slice(0, 200)}`);
      return problems;
    }
    for (const snippet of snippetsOf(json)) problems.push(...snippetProblems(snippet));
    if (status === 400 && api) {
      const { parameter, message } = json as { parameter?: unknown; message?: unknown };
      if (typeof parameter !== "string" || parameter === "")
        problems.push(`400 names no parameter: ${body.slice(0, 200)}`);
      else if (typeof message !== "string" || !message.startsWith(`${parameter}:`))
        problems.push(`400 message does not start with its parameter: ${body.slice(0, 200)}`);
    }
  } else if (type.includes("text/csv")) {
    const formulas = csvFormulaCells(body);
    if (formulas.length > 0)
      problems.push(`CSV cells a spreadsheet would run: ${formulas.slice(0, 3).join(" | ")}`);
  } else if (type.includes("text/html")) {
    problems.push(...htmlInjections(body));
    if (status === 400) {
      const alert = cheerio.load(body)('[role="alert"]').text();
      // Pages name what was wrong in words ("The order", "The page number"), not by parameter.
      const named =
        alert.includes("search text") ||
        request.params.some(
          (name) => name !== "" && (alert.includes(parameterLabel(name)) || alert.includes(name)),
        );
      if (!named)
        problems.push(
          `HTML 400 names none of ${JSON.stringify(request.params)}: ${alert.slice(0, 200)}`,
        );
    }
  } else if (api && status !== 204) {
    problems.push(`API answered ${status} with content type ${JSON.stringify(type)}`);
  }
  return problems;
}
