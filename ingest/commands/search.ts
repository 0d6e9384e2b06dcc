/**
 * `npm run search -- "query" [--conference ID] [--speaker X] [--session ID] [--body B] [--kind K] [--from D]
 * [--to D] [--sort relevance|chronological] [--limit N] [--offset N] [--json]`: searches the built
 * assets (building them first when needed) and prints results with their citations.
 */
import { FILTER_KEYS, FILTER_PARAMS, addFilter, emptyFilters } from "../../src/search/filters";
import { openCorpus } from "../../src/search/load";
import { NEVER_PAUSE, runToEnd } from "../../src/search/pace";
import { DEFAULT_LIMIT, type SearchRequest, search } from "../../src/search/search";
import { type QueryHelp, queryHelpSteps } from "../../src/search/understand";
import { SORT_ORDERS, type SearchPage, type SortOrder } from "../../src/search/types";
import { QueryError } from "../../src/search/errors";
import { consoleLogger } from "../../src/node/console-logger";
import { DEFAULT_ASSETS_DIR, fileAssetReader } from "../../src/node/assets";
import { parseOptions } from "./build";
import { ensureBuilt } from "./ensure-built";

export const HELP = `usage: npm run search -- "query" [options]
  Searches the built assets (building them first when needed) and prints the results with
  their citations. The query language is the search box's: words, "phrases", OR, -word, word*,
  word~ and ${FILTER_KEYS.map((key) => `${key}:`).join(" ")} filters.
  --conference ID      one conference (wcit-12, pp-14: ids as in /api/conferences)
  --speaker X          a delegation or role by name, alias or code
  --session ID         one session (ids as in /api/sessions)
  --body B             plenary, committee-5, committee-6, working-group, other...
  --kind K             delegation, chair, secretariat, interpreter, official, person, unknown
  --from, --to DATE    dates, YYYY-MM-DD
  --sort ORDER         relevance or chronological
  --limit N, --offset N   the page of results
  --json               the API's JSON instead of text
  --assets DIR         read the assets from DIR (no build)
  --help               this text
  Example: npm run search -- '"operating agencies" speaker:EGY' --limit 5`;
const USAGE = HELP.split("\n")[0]!;

/** Turns a snippet's HTML into terminal text: <mark> as bold (or [..] when not a terminal). */
export function snippetToTerminal(html: string, color: boolean): string {
  const [open, close] = color ? ["\u001b[1;4m", "\u001b[0m"] : ["[", "]"];
  return html
    .replace(/<mark>/g, open)
    .replace(/<\/mark>/g, close)
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The text printed for a page of results. */
export function formatPage(
  q: string,
  page: SearchPage,
  color: boolean,
  help: QueryHelp = { speakers: [], suggestion: null },
): string {
  const lines: string[] = [];
  if (page.notice) lines.push(page.notice, "");
  for (const hint of help.speakers) {
    lines.push(
      `Delegations matching: ${hint.name} (${hint.utterances} interventions): npm run search -- '${hint.q}'`,
    );
  }
  if (help.suggestion)
    lines.push(`Did you mean: ${help.suggestion.q} (${help.suggestion.total} results)`);
  if (help.speakers.length > 0 || help.suggestion) lines.push("");
  const shown = page.results.length;
  lines.push(
    `${page.total} result${page.total === 1 ? "" : "s"} for ${JSON.stringify(q)}` +
      (shown > 0 ? ` (${page.offset + 1}-${page.offset + shown}, ${page.sort})` : ""),
  );
  for (const [i, hit] of page.results.entries()) {
    const when = [hit.session.date, hit.session.time].filter(Boolean).join(" ");
    lines.push(
      "",
      `${page.offset + i + 1}. ${hit.speaker.name} - ${hit.session.title ?? hit.session.id}${when ? `, ${when}` : ""} [${hit.id}]`,
      `   ${snippetToTerminal(hit.snippet, color)}`,
      `   Cite: ${hit.citation.text}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

export async function run(args: string[]): Promise<number> {
  const options = parseOptions(
    "search",
    args,
    [...FILTER_PARAMS.map((name) => `--${name}`), "--sort", "--limit", "--offset", "--assets"],
    ["--json"],
    USAGE,
  );
  if (options.positional.length !== 1) {
    process.stderr.write(`search: give one query (quote it)\n${USAGE}\n`);
    return 2;
  }
  const q = options.positional[0] ?? "";
  const assetsDir = options.values.get("--assets") ?? DEFAULT_ASSETS_DIR;
  if (!options.values.has("--assets"))
    await ensureBuilt({ logger: consoleLogger({ quiet: true }) });
  const number = (name: string, fallback: number): number => {
    const text = options.values.get(name);
    if (text === undefined) return fallback;
    if (!/^\d+$/.test(text))
      throw new QueryError(name.slice(2), `${JSON.stringify(text)} is not a whole number`);
    return Number(text);
  };
  try {
    const filters = emptyFilters();
    for (const name of FILTER_PARAMS) {
      const value = options.values.get(`--${name}`);
      if (value !== undefined) addFilter(filters, name, value, name);
    }
    const sort = options.values.get("--sort");
    if (sort !== undefined && !(SORT_ORDERS as readonly string[]).includes(sort)) {
      throw new QueryError(
        "sort",
        `${JSON.stringify(sort)} is not one of ${SORT_ORDERS.join(", ")}`,
      );
    }
    const corpus = await openCorpus(fileAssetReader(assetsDir));
    const request: SearchRequest = {
      q,
      filters,
      origins: { speaker: "speaker", session: "session" },
      sort: sort as SortOrder | undefined,
      limit: number("--limit", DEFAULT_LIMIT),
      offset: number("--offset", 0),
    };
    const page = search(corpus, request);
    const help = runToEnd(queryHelpSteps(corpus, request, NEVER_PAUSE, page.total));
    process.stdout.write(
      options.flags.has("--json")
        ? `${JSON.stringify({ ...page, ...help }, null, 2)}\n`
        : formatPage(q, page, process.stdout.isTTY === true, help),
    );
    return 0;
  } catch (error) {
    if (error instanceof QueryError) {
      process.stderr.write(`search: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
