/**
 * The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json. Hand-written; a test
 * checks that it names exactly the routes the app has. Runtime-free.
 */
import { CAPTION_CAVEAT } from "../domain";
import { MAX_CONTEXT } from "../search/catalog";
import { BODIES, SPEAKER_KINDS } from "../search/filters";
import {
  MAX_QUERY_LENGTH,
  MAX_QUERY_TERMS,
  MIN_FUZZY_LENGTH,
  MIN_PREFIX_LENGTH,
} from "../search/query";
import { EXPORT_MAX_ROWS } from "../search/export";
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET } from "../search/search";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const nullable = (type: string) => ({ type: [type, "null"] });

const QUERY_HELP = [
  `Query language: words (all must match); "exact phrase" (checked against the exact text,`,
  `case-insensitive, white space normalised); a OR b; -word and -"phrase" exclude;`,
  `word* prefix (at least ${MIN_PREFIX_LENGTH} characters); word~ fuzzy (words of at least ${MIN_FUZZY_LENGTH}`,
  `characters; ~1 or ~2 sets the edit distance); filters speaker: session: body: kind: date:`,
  `(YYYY-MM-DD or A..B) from: to:. At most ${MAX_QUERY_LENGTH} characters and ${MAX_QUERY_TERMS} terms`,
  `(each word of a phrase counts). Rough live versions of sessions are searched only when a`,
  `session filter names them.`,
].join(" ");

const json = (schema: object, description = "OK") => ({
  description,
  content: { "application/json": { schema } },
});

const errors = {
  "400": json(
    ref("Error"),
    "A parameter is malformed, unknown or beyond its bounds; `parameter` names it.",
  ),
  "503": json(ref("Error"), "The search assets are missing or were built by another version."),
};
const notFound = { "404": json(ref("Error"), "No such id.") };

const pageParams = [param("limit"), param("offset")];

const filterParams = [
  {
    name: "speaker",
    in: "query",
    schema: { type: "string" },
    description:
      "Speaker id, name, alias or ISO code, any case. Unknown: 400 whose `suggestions` are the nearest speaker ids.",
  },
  { name: "session", in: "query", schema: { type: "string" }, description: "Session id." },
  { name: "body", in: "query", schema: { type: "string", enum: BODIES } },
  { name: "kind", in: "query", schema: { type: "string", enum: SPEAKER_KINDS } },
  { name: "from", in: "query", schema: { type: "string", format: "date" } },
  { name: "to", in: "query", schema: { type: "string", format: "date" } },
];

const sortParam = {
  name: "sort",
  in: "query",
  schema: { type: "string", enum: ["relevance", "chronological"] },
  description: "Default: relevance when there are search terms, else chronological.",
};

/** The OpenAPI document. */
export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "WCIT-12 caption search API",
    version: "1.0.0",
    description: `Search what was said at WCIT-12 (ITU, Dubai, 3-14 December 2012). Every response says whether the corpus is synthetic (\`synthetic\`, \`notice\`). Caveat carried by every citation: ${CAPTION_CAVEAT}`,
  },
  paths: {
    "/api/search": {
      get: {
        summary: "Search utterances",
        description: QUERY_HELP,
        parameters: [
          {
            name: "q",
            in: "query",
            schema: { type: "string", maxLength: MAX_QUERY_LENGTH },
            description: QUERY_HELP,
          },
          ...filterParams,
          sortParam,
          ...pageParams,
          param("format"),
        ],
        responses: {
          "200": {
            description:
              "A page of results, with the speakers the words name and a better spelling. format=csv: every result as a file (as /api/export).",
            content: {
              "application/json": { schema: ref("SearchPage") },
              "text/csv": { schema: { type: "string" } },
            },
          },
          ...errors,
        },
      },
    },
    "/api/export": {
      get: {
        summary: "Every result of a search as a file (CSV or JSON)",
        description: `Streams every result in the search's order, up to ${EXPORT_MAX_ROWS} rows; a file that reaches the cap says so (CSV: its last line; JSON: capReached and note). CSV is UTF-8 with a byte-order mark. The file name says what was searched and when ("wcit12-search-egypt-spam-2026-12-03.csv").`,
        parameters: [
          {
            name: "q",
            in: "query",
            schema: { type: "string", maxLength: MAX_QUERY_LENGTH },
            description: QUERY_HELP,
          },
          ...filterParams,
          sortParam,
          {
            name: "format",
            in: "query",
            schema: { type: "string", enum: ["csv", "json"], default: "csv" },
          },
        ],
        responses: {
          "200": {
            description: "The file (Content-Disposition: attachment).",
            content: {
              "text/csv": { schema: { type: "string" } },
              "application/json": { schema: { type: "object" } },
            },
          },
          ...errors,
        },
      },
    },
    "/api/phrase": {
      get: {
        summary: "Trace a phrase through the sessions",
        parameters: [
          {
            name: "q",
            in: "query",
            required: true,
            schema: { type: "string", maxLength: MAX_QUERY_LENGTH },
            description: "The phrase (surrounding quotes optional).",
          },
          ...pageParams,
          param("format"),
        ],
        responses: {
          "200": {
            description:
              "Counts per session in date order, first use, speakers, occurrences (CSV: occurrences).",
            content: {
              "application/json": { schema: ref("PhraseTimeline") },
              "text/csv": { schema: { type: "string" } },
            },
          },
          ...errors,
        },
      },
    },
    "/api/corpus": {
      get: {
        summary: "What the corpus holds",
        responses: { "200": json({ type: "object" }), ...errors },
      },
    },
    "/api/sessions": {
      get: {
        summary: "All sessions in chronological order",
        responses: {
          "200": json({
            type: "object",
            properties: { sessions: { type: "array", items: ref("SessionSummary") }, ...flags() },
          }),
          ...errors,
        },
      },
    },
    "/api/sessions/{id}": {
      get: {
        summary: "One session with its whole transcript in order",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": json({
            allOf: [
              ref("SessionSummary"),
              {
                type: "object",
                properties: { utterances: { type: "array", items: ref("Utterance") } },
              },
            ],
          }),
          ...notFound,
          ...errors,
        },
      },
    },
    "/api/speakers": {
      get: {
        summary: "Delegations and roles with counts",
        responses: {
          "200": json({
            type: "object",
            properties: { speakers: { type: "array", items: ref("SpeakerSummary") }, ...flags() },
          }),
          ...errors,
        },
      },
    },
    "/api/speakers/{id}": {
      get: {
        summary: "One speaker with counts per session",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": json(ref("SpeakerSummary")), ...notFound, ...errors },
      },
    },
    "/api/utterances/{id}": {
      get: {
        summary: "One utterance with its neighbours",
        parameters: [
          {
            name: "id",
            in: "path",
            required: true,
            schema: { type: "string" },
            example: "plenary-1.12",
          },
          {
            name: "context",
            in: "query",
            schema: { type: "integer", minimum: 0, maximum: MAX_CONTEXT, default: 0 },
          },
        ],
        responses: {
          "200": json({
            type: "object",
            properties: {
              utterance: ref("Utterance"),
              before: { type: "array", items: ref("Utterance") },
              after: { type: "array", items: ref("Utterance") },
              ...flags(),
            },
          }),
          ...notFound,
          ...errors,
        },
      },
    },
    "/api/documents": {
      get: {
        summary: "Document references spoken, with counts",
        responses: { "200": json({ type: "object" }), ...errors },
      },
    },
    "/api/documents/{ref}": {
      get: {
        summary: "Where a document reference was spoken",
        parameters: [
          {
            name: "ref",
            in: "path",
            required: true,
            schema: { type: "string" },
            description:
              "Normalised id such as DT/30-REV3, its slug (dt-30-rev3) or its spoken or written form (DT/30 rev 3, DT/30(Rev.3)); case and spaces ignored, the slash may stay unencoded. A conference document without its version (DT/30) answers for its whole family (`members`, `family`); `label` is the id as the ITU writes it. Unknown: 404 whose `suggestions` are the nearest references spoken.",
          },
          ...pageParams,
        ],
        responses: { "200": json({ type: "object" }), ...notFound, ...errors },
      },
    },
    "/api/openapi.json": {
      get: { summary: "This document", responses: { "200": json({ type: "object" }) } },
    },
  },
  components: {
    parameters: {
      limit: {
        name: "limit",
        in: "query",
        schema: { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
      },
      offset: {
        name: "offset",
        in: "query",
        schema: { type: "integer", minimum: 0, maximum: MAX_OFFSET, default: 0 },
      },
      format: {
        name: "format",
        in: "query",
        schema: { type: "string", enum: ["json", "csv"], default: "json" },
      },
    },
    schemas: {
      Error: {
        type: "object",
        required: ["status", "error", "message"],
        properties: {
          status: { type: "integer" },
          error: { type: "string" },
          message: { type: "string" },
          parameter: { type: "string" },
          suggestions: { type: "array", items: { type: "string" } },
          ...flags(),
        },
      },
      SessionRef: {
        type: "object",
        properties: {
          id: { type: "string" },
          name: {
            type: "string",
            description:
              'Human name: "Committee 5, 1st meeting", "Plenary 13 - Closing ceremony (announced as the 17th plenary meeting)"',
          },
          title: nullable("string"),
          body: { type: ["string", "null"], enum: [...BODIES, null] },
          number: nullable("integer"),
          date: nullable("string"),
          time: nullable("string"),
          status: { type: ["string", "null"], enum: ["finished", "final", "rough", null] },
          version: { type: "string", enum: ["finished", "rough"] },
          synthetic: { type: "boolean" },
        },
      },
      SessionSummary: {
        allOf: [
          ref("SessionRef"),
          {
            type: "object",
            properties: {
              spokenNumber: nullable("integer"),
              endTime: nullable("string"),
              timeZone: nullable("string"),
              statusLine: nullable("string"),
              variants: { type: "array", items: { type: "string" } },
              source: { type: "object" },
              utterances: { type: "integer" },
            },
          },
        ],
      },
      Speaker: {
        type: "object",
        properties: {
          raw: { ...nullable("string"), description: "The label exactly as captioned." },
          id: { type: "string" },
          name: { type: "string" },
          kind: { type: "string", enum: SPEAKER_KINDS },
          country: nullable("string"),
        },
      },
      SpeakerSummary: {
        type: "object",
        properties: {
          id: { type: "string" },
          name: { type: "string" },
          kind: { type: "string", enum: SPEAKER_KINDS },
          country: nullable("string"),
          aliases: { type: "array", items: { type: "string" } },
          utterances: { type: "integer" },
          sessions: { type: "integer" },
        },
      },
      Citation: {
        type: "object",
        properties: {
          speaker: { type: "string" },
          speakerLabel: nullable("string"),
          speakerKind: { type: "string" },
          conference: { type: "string" },
          place: { type: "string" },
          session: { type: "string" },
          sessionId: { type: "string" },
          date: nullable("string"),
          time: nullable("string"),
          status: nullable("string"),
          caveat: { type: "string" },
          synthetic: { type: "boolean" },
          notice: nullable("string"),
          source: { type: "string" },
          permalink: { type: "string" },
          text: { type: "string", description: "The whole citation as one line, ready to paste." },
        },
      },
      Utterance: {
        type: "object",
        properties: {
          id: { type: "string" },
          seq: { type: "integer" },
          session: ref("SessionRef"),
          speaker: ref("Speaker"),
          text: { type: "string", description: "Full verbatim caption text (not escaped)." },
          annotations: { type: "array", items: { type: "object" } },
          documents: { type: "array", items: { type: "object" } },
          attribution: { type: ["object", "null"] },
          empty: { type: "boolean" },
          source: {
            type: "object",
            properties: {
              file: { type: "string" },
              url: nullable("string"),
              sha256: { type: "string" },
              textFile: { type: "string" },
              line: { type: "integer" },
              endLine: { type: "integer" },
              start: { type: "integer" },
              end: { type: "integer" },
            },
          },
          permalink: { type: "string" },
          citation: ref("Citation"),
        },
      },
      SearchHit: {
        allOf: [
          ref("Utterance"),
          {
            type: "object",
            properties: {
              score: { type: "number" },
              snippet: {
                type: "string",
                description: "HTML-escaped window of the text, matches in <mark>.",
              },
              highlights: { type: "array", items: { type: "array", items: { type: "integer" } } },
            },
          },
        ],
      },
      SearchPage: {
        type: "object",
        properties: {
          total: { type: "integer" },
          offset: { type: "integer" },
          limit: { type: "integer" },
          sort: { type: "string" },
          results: { type: "array", items: ref("SearchHit") },
          speakers: {
            type: "array",
            description:
              "Delegations and roles the plain words name (names, aliases, codes, misspellings one or two letters off), in the order typed.",
            items: ref("SpeakerHint"),
          },
          suggestion: {
            oneOf: [ref("Suggestion"), { type: "null" }],
            description:
              "A better query from the corpus's vocabulary when a word is found nowhere, with how many results it has.",
          },
          ...flags(),
        },
      },
      SpeakerHint: {
        type: "object",
        required: ["id", "name", "kind", "utterances"],
        properties: {
          id: { type: "string" },
          name: { type: "string" },
          kind: { type: "string", enum: SPEAKER_KINDS },
          utterances: { type: "integer", description: "Interventions in the finished sessions." },
          words: { type: "string", description: "The words that named it, as typed." },
          rule: { type: "string", enum: ["exact", "formal", "spelling"] },
          q: { type: "string", description: 'Its interventions on the rest: "speaker:EGY spam".' },
        },
      },
      Suggestion: {
        type: "object",
        required: ["q", "total"],
        properties: { q: { type: "string" }, total: { type: "integer" } },
      },
      PhraseTimeline: {
        type: "object",
        properties: {
          phrase: { type: "string" },
          total: { type: "integer" },
          sessions: { type: "array", items: { type: "object" } },
          first: { oneOf: [ref("SearchHit"), { type: "null" }] },
          speakers: { type: "array", items: { type: "object" } },
          occurrences: { type: "array", items: ref("SearchHit") },
          ...flags(),
        },
      },
    },
  },
} as const;

function flags() {
  return { synthetic: { type: "boolean" }, notice: nullable("string") };
}
