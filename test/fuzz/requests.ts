/**
 * fast-check arbitraries for HTTP requests to the app: every /api route and every page, with
 * parameter names and values from the API's own lists, the query language, payloads, numbers
 * out of range and arbitrary text; ids and document references with odd characters; path
 * traversal attempts against the static file server.
 */
import fc from "fast-check";
import { BODIES, SPEAKER_KINDS } from "../../src/search/filters";
import { PAYLOADS } from "./payloads";
import { messyQuery, validQuery } from "./query-language";

/** Corpus ids the generator draws valid ids from. */
export interface KnownIds {
  utterances: string[];
  sessions: string[];
  speakers: string[];
  documents: string[];
}

/** A request: method and path (with its query string), ready for app.request. */
export interface FuzzRequest {
  method: string;
  path: string;
  /** Names of the query parameters given (for checking that a 400 names one of them). */
  params: string[];
}

/** Raw path pieces that try to leave a folder or confuse decoding (valid in a URL as they are). */
export const TRAVERSALS: readonly string[] = [
  "..",
  "../..",
  "..%2f..%2fsecret.txt",
  "..%2Fsecret.txt",
  "%2e%2e%2fsecret.txt",
  "%2e%2e/%2e%2e/secret.txt",
  "....//secret.txt",
  "..%5csecret.txt",
  "..\\secret.txt",
  "%2e%2e%5c%2e%2e%5csecret.txt",
  "..%2froot-secret.txt",
  "%252e%252e%252fsecret.txt",
  "%00",
  "secret.txt%00.html",
  "%ZZ",
  "%",
  "%E0%A4%A",
  "%C0%AE%C0%AE%2fsecret.txt",
  "/etc/passwd",
  "..;/secret.txt",
];

/** Text for a value: the query language, payloads, numbers, arbitrary text. */
const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: validQuery.map((v) => v.q) },
  { weight: 3, arbitrary: messyQuery },
  { weight: 2, arbitrary: fc.constantFrom(...PAYLOADS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("digital divide", "zanzibarish", "human rights", "DT/30 rev 3"),
  },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
);

const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: -5, max: 1200 }).map(String),
  fc.constantFrom(
    "",
    "0",
    "1",
    "100",
    "101",
    "1000",
    "1001",
    "1e3",
    "0x10",
    "1.5",
    " 7",
    "99999999999",
    "-0",
    "NaN",
    "Infinity",
  ),
  fc.string({ maxLength: 6 }),
);

/** A value for a named parameter: mostly plausible for that name, sometimes anything. */
function valueFor(name: string, ids: KnownIds): fc.Arbitrary<string> {
  const plausible: Record<string, fc.Arbitrary<string>> = {
    q: text,
    vs: text,
    speaker: fc.oneof(fc.constantFrom(...ids.speakers, "Egypt", "egy", "chair", "nobody"), text),
    session: fc.oneof(fc.constantFrom(...ids.sessions, "PLENARY-1", "none"), text),
    body: fc.constantFrom(...BODIES, "PLENARY", "parliament", ""),
    kind: fc.constantFrom(...SPEAKER_KINDS, "Chair", "robot", ""),
    from: fc.constantFrom("2012-12-03", "2012-12-14", "2012-13-01", "2012-02-30", "yesterday", ""),
    to: fc.constantFrom("2012-12-03", "2012-12-14", "2012-12-01", "20121210", ""),
    sort: fc.constantFrom("relevance", "chronological", "Relevance", "random", ""),
    format: fc.constantFrom("json", "csv", "CSV", "xml", ""),
    limit: numberText,
    offset: numberText,
    page: numberText,
    context: numberText,
    u: numberText,
  };
  return fc.oneof(
    {
      weight: 4,
      arbitrary: (Object.hasOwn(plausible, name) ? plausible[name] : undefined) ?? text,
    },
    { weight: 1, arbitrary: text },
  );
}

/** Parameter names: the route's own, and now and then unknown or odd ones. */
function paramsFor(known: readonly string[], ids: KnownIds): fc.Arbitrary<[string, string][]> {
  const name = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...(known.length > 0 ? known : ["q"])) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "Q",
        "q ",
        "limit[]",
        "__proto__",
        "constructor",
        "<fzx-tag>",
        "%",
        "a=b",
      ),
    },
    // Never empty: a parameter with an empty name is refused without naming it (reported).
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }) },
  );
  return fc
    .array(name, { maxLength: 5 })
    .chain((names) =>
      names.length === 0
        ? fc.constant([] as [string, string][])
        : fc.tuple(...names.map((n) => valueFor(n, ids).map((v): [string, string] => [n, v]))),
    );
}

/** An id for a route: a real one, a real one altered, payloads, traversals, arbitrary text. */
function idFrom(real: readonly string[]): fc.Arbitrary<string> {
  const encoded = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...real) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...real),
          fc.constantFrom(".0", ".999999", "x", "/", "%", " ", ".-1", ".1e3"),
        )
        .map(([id, tail]) => id + tail),
    },
    { weight: 1, arbitrary: fc.constantFrom(...PAYLOADS) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ minLength: 200, maxLength: 3000 }) },
  );
  return fc.oneof(
    { weight: 5, arbitrary: encoded.map(encode) },
    { weight: 1, arbitrary: fc.constantFrom(...TRAVERSALS) },
  );
}

/** encodeURIComponent, with lone surrogates (which it refuses) sent as their UTF-8-like bytes. */
export function encode(value: string): string {
  return value
    .split(/([\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])/)
    .map((part) => {
      if (part.length === 1 && /[\ud800-\udfff]/.test(part)) {
        const code = part.charCodeAt(0);
        return `%ED%${(0xa0 | ((code >> 6) & 0x1f)).toString(16).toUpperCase()}%${(0x80 | (code & 0x3f)).toString(16).toUpperCase()}`;
      }
      return encodeURIComponent(part);
    })
    .join("");
}

function query(params: readonly [string, string][]): string {
  if (params.length === 0) return "";
  return `?${params.map(([k, v]) => `${encode(k)}=${encode(v)}`).join("&")}`;
}

function request(
  path: fc.Arbitrary<string>,
  known: readonly string[],
  ids: KnownIds,
): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(
      path,
      paramsFor(known, ids),
      fc.constantFrom("GET", "GET", "GET", "GET", "GET", "GET", "HEAD", "OPTIONS", "POST"),
    )
    .map(([p, params, method]) => ({
      method,
      path: p + query(params),
      params: params.map(([name]) => name),
    }));
}

/** Words of the corpus, so that searches find something (and show snippets). */
const FOUND = [
  "zanzibarish",
  "digital",
  "divide",
  "human",
  "rights",
  "delegate",
  "chair",
  "document",
];

/** Well-formed searches: a query that finds utterances, and valid options. */
function cleanSearch(route: string, ids: KnownIds, page: boolean): fc.Arbitrary<FuzzRequest> {
  const q = fc.oneof(
    fc.array(fc.constantFrom(...FOUND), { minLength: 1, maxLength: 3 }).map((w) => w.join(" ")),
    fc.constantFrom(
      '"digital divide"',
      "zanzibar*",
      "zanzibarish~",
      "digital OR zanzibarish",
      "-human zanzibarish",
    ),
    validQuery.map((v) => v.q),
  );
  const options = fc.record(
    {
      sort: fc.constantFrom("relevance", "chronological"),
      limit: fc.integer({ min: 1, max: 100 }).map(String),
      offset: fc.integer({ min: 0, max: 30 }).map(String),
      format: fc.constantFrom("json", "csv"),
      speaker: fc.constantFrom(...ids.speakers),
      body: fc.constantFrom(...BODIES),
      from: fc.constantFrom("2012-12-03", "2012-12-05"),
      to: fc.constantFrom("2012-12-07", "2012-12-14"),
      page: fc.integer({ min: 1, max: 3 }).map(String),
    },
    { requiredKeys: [] },
  );
  return fc.tuple(q, options).map(([text, chosen]) => {
    const params: [string, string][] = [["q", text]];
    for (const [name, value] of Object.entries(chosen)) {
      if (
        name === "page"
          ? page
          : !(page && (name === "limit" || name === "offset" || name === "format"))
      )
        params.push([name, value]);
    }
    return { method: "GET", path: route + query(params), params: params.map(([n]) => n) };
  });
}

/** Well-formed phrase requests (API: limit, offset, format; page: vs). */
function cleanPhrase(route: string, page: boolean): fc.Arbitrary<FuzzRequest> {
  const phrase = fc.constantFrom(
    "digital divide",
    '"human rights"',
    "zanzibarish",
    "said zanzibarish and",
    "the floor",
    "HUMAN   RIGHTS",
  );
  return fc
    .tuple(
      phrase,
      phrase,
      fc.record(
        {
          limit: fc.integer({ min: 1, max: 100 }).map(String),
          offset: fc.integer({ min: 0, max: 20 }).map(String),
          format: fc.constantFrom("json", "csv"),
        },
        { requiredKeys: [] },
      ),
      fc.boolean(),
    )
    .map(([q, vs, options, compare]) => {
      const params: [string, string][] = [["q", q]];
      if (page && compare) params.push(["vs", vs]);
      if (!page) params.push(...Object.entries(options));
      return { method: "GET", path: route + query(params), params: params.map(([n]) => n) };
    });
}

/** Requests to every /api route. */
export function apiRequests(ids: KnownIds): fc.Arbitrary<FuzzRequest> {
  const fixed = (route: string) => fc.constant(route);
  return fc.oneof(
    { weight: 6, arbitrary: cleanSearch("/api/search", ids, false) },
    { weight: 2, arbitrary: cleanPhrase("/api/phrase", false) },
    {
      weight: 8,
      arbitrary: request(
        fixed("/api/search"),
        [
          "q",
          "speaker",
          "session",
          "body",
          "kind",
          "from",
          "to",
          "sort",
          "limit",
          "offset",
          "format",
        ],
        ids,
      ),
    },
    {
      weight: 3,
      arbitrary: request(fixed("/api/phrase"), ["q", "limit", "offset", "format"], ids),
    },
    {
      weight: 3,
      arbitrary: request(
        fixed("/api/phrase/variants"),
        ["q", "speaker", "session", "body", "from", "to", "limit", "format"],
        ids,
      ),
    },
    {
      weight: 2,
      arbitrary: request(
        idFrom(ids.utterances).map((id) => `/api/utterances/${id}`),
        ["context"],
        ids,
      ),
    },
    {
      weight: 2,
      arbitrary: request(
        idFrom(ids.sessions).map((id) => `/api/sessions/${id}`),
        [],
        ids,
      ),
    },
    {
      weight: 2,
      arbitrary: request(
        idFrom(ids.speakers).map((id) => `/api/speakers/${id}`),
        [],
        ids,
      ),
    },
    {
      weight: 2,
      arbitrary: request(
        idFrom(ids.documents).map((id) => `/api/documents/${id}`),
        ["limit", "offset"],
        ids,
      ),
    },
    {
      weight: 1,
      arbitrary: request(
        fc.constantFrom(
          "/api/corpus",
          "/api/sessions",
          "/api/speakers",
          "/api/documents",
          "/api/openapi.json",
        ),
        [],
        ids,
      ),
    },
    {
      weight: 1,
      arbitrary: request(
        fc.oneof(
          fc.constantFrom(...TRAVERSALS).map((t) => `/api/${t}`),
          idFrom(ids.sessions).map((id) => `/api/${id}`),
          fc.constantFrom("/api", "/api/", "/api//search", "/api/search/", "/API/search"),
        ),
        ["q"],
        ids,
      ),
    },
  );
}

/** Requests to every page, the suggestion endpoint and the static files. */
export function pageRequests(ids: KnownIds): fc.Arbitrary<FuzzRequest> {
  const fixed = (route: string) => fc.constant(route);
  const searchParams = ["q", "speaker", "session", "body", "kind", "from", "to", "sort", "page"];
  return fc.oneof(
    { weight: 4, arbitrary: cleanSearch("/", ids, true) },
    { weight: 2, arbitrary: cleanPhrase("/phrase", true) },
    { weight: 6, arbitrary: request(fixed("/"), searchParams, ids) },
    { weight: 3, arbitrary: request(fixed("/phrase"), ["q", "vs", "page"], ids) },
    {
      weight: 2,
      arbitrary: request(
        idFrom(ids.sessions).map((id) => `/sessions/${id}`),
        ["u", "page"],
        ids,
      ),
    },
    {
      weight: 2,
      arbitrary: request(
        idFrom(ids.speakers).map((id) => `/speakers/${id}`),
        ["page"],
        ids,
      ),
    },
    {
      weight: 2,
      arbitrary: request(
        idFrom(ids.documents).map((id) => `/documents/${id}`),
        ["page"],
        ids,
      ),
    },
    {
      weight: 2,
      arbitrary: request(
        idFrom(ids.utterances).map((id) => `/utterances/${id}`),
        ["context"],
        ids,
      ),
    },
    { weight: 1, arbitrary: request(fixed("/suggest"), ["q"], ids) },
    {
      weight: 1,
      arbitrary: request(
        fc.constantFrom("/sessions", "/speakers", "/documents"),
        ["page", "sort"],
        ids,
      ),
    },
    {
      weight: 2,
      arbitrary: request(
        fc.oneof(
          fc.constantFrom(...TRAVERSALS).map((t) => `/${t}`),
          fc.constantFrom(...TRAVERSALS).map((t) => `/static/${t}`),
          fc.constantFrom(
            "/hello.txt",
            "/static/",
            "/static/nope.css",
            "/favicon.ico",
            "//hello.txt",
          ),
        ),
        [],
        ids,
      ),
    },
  );
}
