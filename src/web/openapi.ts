/**
 * The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json. Hand-written; a test
 * checks that it names exactly the routes the app has. Runtime-free.
 */
import { CONFERENCES, conferenceIds } from "../conferences/registry";
import { CAPTION_CAVEAT } from "../domain";
import { MAX_CONTEXT } from "../search/catalog";
import { BODIES, FILTER_PARAMS, type FilterParam, SPEAKER_KINDS } from "../search/filters";
import { MAX_QUERY_LENGTH } from "../search/query";
import { syntaxDescription } from "../search/syntax";
import { VARIANT_FILTER_PARAMS } from "./api/variants";
import { EXPORT_MAX_ROWS } from "../search/export";
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET } from "../search/search";
import {
  MAX_ALIGNED_CANDIDATES,
  MAX_ALIGNMENT_CELLS,
  MAX_VARIANT_LENGTH,
  MAX_VARIANT_WORDS,
  MIN_EQUAL_WORDS,
  MIN_SIMILARITY,
} from "../search/variants/find";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const nullable = (type: string) => ({ type: [type, "null"] });

const QUERY_HELP = syntaxDescription();

const VARIANTS_HELP = [
  `Passages whose wording is close to q (a phrase or a passage of up to ${MAX_VARIANT_WORDS} words),`,
  `exact occurrences included, in time order. Words are compared case- and accent-insensitively;`,
  `a word-level local alignment gives each passage's span, its similarity 2E / (Q + P) (E equal`,
  `words, Q query words, P passage words; 1 for an exact occurrence) and a word diff. A variant has`,
  `similarity >= ${MIN_SIMILARITY} and at least ${MIN_EQUAL_WORDS} equal words (fewer for shorter`,
  `queries), or was found as a variant of another version (\`via\`). Bounds: ${MAX_ALIGNED_CANDIDATES}`,
  `candidates aligned and ${MAX_ALIGNMENT_CELLS.toLocaleString("en")} alignment cells per request`,
  `(\`work.truncated\` says when they cut the search short).`,
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

/** The filter parameters' schemas, one per FILTER_PARAMS entry (a new filter must get one). */
const FILTER_SCHEMAS: Record<FilterParam, { schema: object; description?: string }> = {
  conference: {
    schema: { type: "string", enum: conferenceIds() },
    description:
      "Conference id (as /api/conferences lists them). Unknown: 400 whose `suggestions` are the known ids.",
  },
  speaker: {
    schema: { type: "string" },
    description:
      "Speaker id, name, alias or ISO code, any case. Unknown: 400 whose `suggestions` are the nearest speaker ids.",
  },
  session: { schema: { type: "string" }, description: "Session id." },
  body: { schema: { type: "string", enum: BODIES } },
  kind: { schema: { type: "string", enum: SPEAKER_KINDS } },
  from: { schema: { type: "string", format: "date" } },
  to: { schema: { type: "string", format: "date" } },
};

/** One filter as a query parameter. */
const filterParam = (name: FilterParam) => ({ name, in: "query", ...FILTER_SCHEMAS[name] });

const filterParams = FILTER_PARAMS.map(filterParam);

/** The `conference` filter alone, for the routes that take no other filter. */
const conferenceParam = filterParam("conference");

/** A 200 answered as JSON by default and as CSV with format=csv. */
const jsonOrCsv = (schema: object, description: string) => ({
  description,
  content: { "application/json": { schema }, "text/csv": { schema: { type: "string" } } },
});

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
    title: "Conference caption search API",
    version: "1.0.0",
    description: `Search what was said at the ITU conferences whose captions the corpus holds (/api/conferences lists them; the engine knows ${CONFERENCES.map((c) => `${c.shortName}: ${c.place}, ${c.dates.from} to ${c.dates.to}`).join("; ")}). Every response says whether the corpus is synthetic (\`synthetic\`, \`notice\`). Caveat carried by every citation: ${CAPTION_CAVEAT}`,
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
          "200": jsonOrCsv(
            ref("SearchPage"),
            "A page of results, with the speakers the words name and a better spelling. format=csv: every result as a file (as /api/export).",
          ),
          ...errors,
        },
      },
    },
    "/api/export": {
      get: {
        summary: "Every result of a search as a file (CSV or JSON)",
        description: `Streams every result in the search's order, up to ${EXPORT_MAX_ROWS} rows; a file that reaches the cap says so (CSV: its last line; JSON: capReached and note). CSV is UTF-8 with a byte-order mark. The file name says what was searched and when ("wcit12-search-egypt-spam-2026-12-03.csv": the conference's file stem when one conference is searched or held, else "itu-captions").`,
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
          conferenceParam,
          ...pageParams,
          param("format"),
        ],
        responses: {
          "200": jsonOrCsv(
            ref("PhraseTimeline"),
            "Counts per session in date order, the sessions grouped by conference (`conferences`), first use, speakers, occurrences (CSV: occurrences).",
          ),
          ...errors,
        },
      },
    },
    "/api/phrase/variants": {
      get: {
        summary: "How the wording of a text changed: its variants across the sessions",
        description: VARIANTS_HELP,
        parameters: [
          {
            name: "q",
            in: "query",
            required: true,
            schema: { type: "string", maxLength: MAX_VARIANT_LENGTH },
            description: `The phrase or passage (surrounding quotes optional; at most ${MAX_VARIANT_WORDS} words).`,
          },
          ...VARIANT_FILTER_PARAMS.map(filterParam),
          param("limit"),
          param("format"),
        ],
        responses: {
          "200": jsonOrCsv(
            ref("VariantPage"),
            "The variants in time order, and all of them grouped by conference (`conferences`) (CSV: one row each, the diff written [-dropped-] {+inserted+}).",
          ),
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
    "/api/conferences": {
      get: {
        summary:
          "The conferences of the corpus: name, place, dates, bodies, session and utterance counts",
        responses: {
          "200": json({
            type: "object",
            properties: {
              conferences: { type: "array", items: ref("Conference") },
              unidentifiedSessions: { type: "integer" },
              ...flags(),
            },
          }),
          ...errors,
        },
      },
    },
    "/api/conferences/{id}": {
      get: {
        summary: "One conference with its sessions in chronological order",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": json({
            allOf: [
              ref("Conference"),
              {
                type: "object",
                properties: { sessionList: { type: "array", items: ref("SessionSummary") } },
              },
            ],
          }),
          ...notFound,
          ...errors,
        },
      },
    },
    "/api/sessions": {
      get: {
        summary: "All sessions in chronological order (conference=: of one conference)",
        parameters: [conferenceParam],
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
    "/api/sessions/{id}/text": {
      get: {
        summary:
          "A session's extracted source text: what every offset, line, column and locator of its utterances refers to",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": {
            description: "The text",
            content: { "text/plain": { schema: { type: "string" } } },
          },
          ...notFound,
          ...errors,
        },
      },
    },
    "/api/speakers": {
      get: {
        summary: "Delegations and roles with counts (conference=: counted in one conference)",
        parameters: [conferenceParam],
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
              elsewhere: {
                type: "array",
                description:
                  "Where else this was said: passages of other utterances sharing an aligned run with it (built with the assets), in time order.",
                items: {
                  type: "object",
                  properties: {
                    id: { type: "string" },
                    session: ref("SessionRef"),
                    date: nullable("string"),
                    speaker: ref("Speaker"),
                    passage: { type: "string" },
                    start: { type: "integer" },
                    end: { type: "integer" },
                    here: { type: "object" },
                    similarity: { type: "number" },
                    permalink: { type: "string" },
                  },
                },
              },
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
      Conference: {
        type: "object",
        properties: {
          id: { type: "string" },
          name: { type: "string" },
          shortName: { type: "string" },
          place: { type: "string" },
          city: { type: "string" },
          dates: {
            type: "object",
            properties: { from: { type: "string" }, to: { type: "string" } },
          },
          timeZone: { type: "string" },
          bodies: {
            type: "array",
            items: {
              type: "object",
              properties: {
                id: { type: "string" },
                name: { type: "string" },
                description: nullable("string"),
                sessions: { type: "integer" },
              },
            },
          },
          sessions: { type: "integer", description: "Finished (searchable) sessions." },
          utterances: { type: "integer" },
          synthetic: { type: "boolean" },
        },
      },
      SessionRef: {
        type: "object",
        properties: {
          id: { type: "string" },
          conference: { ...nullable("string"), description: 'Conference id: "wcit-12".' },
          conferenceShortName: nullable("string"),
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
          speaker: { type: "string", description: "Who the words are attributed to." },
          speakerLabel: nullable("string"),
          speakerKind: { type: "string" },
          conference: { type: "string" },
          place: { type: "string" },
          session: {
            type: "string",
            description: 'The session\'s human name: "Committee 5, 1st meeting".',
          },
          sessionTitle: nullable("string"),
          sessionId: { type: "string" },
          date: nullable("string"),
          time: { ...nullable("string"), description: "When the session began (HH:MM)." },
          began: {
            ...nullable("string"),
            description:
              '"session began 18:30 (Dubai)" (the city of the session\'s conference): never the time of the words.',
          },
          turn: { type: "integer", description: "1-based turn number in the session." },
          status: {
            type: "string",
            enum: ["finished", "final", "rough live", "status not stated"],
          },
          statusLine: nullable("string"),
          attribution: {
            ...nullable("string"),
            description:
              "Set when a captioner's note moved the words or might have: \"Captioned under the label LEBANON; attributed to Egypt by the captioner's note ...\"",
          },
          uncertain: { type: "boolean", description: "Who said the words is uncertain." },
          caveat: { type: "string" },
          synthetic: { type: "boolean" },
          notice: nullable("string"),
          source: { type: "string", description: "The source file and a locator of the words." },
          permalink: { type: "string" },
          text: { type: "string", description: "The whole citation as one line, ready to paste." },
        },
      },
      Attribution: {
        type: "object",
        description:
          "What a captioner's note such as (That was Egypt speaking) did to the attribution.",
        properties: {
          labelled: {
            ...nullable("string"),
            description: "The label the captions gave the words.",
          },
          labelledId: { type: "string" },
          note: { type: "string" },
          named: { type: "string", description: "Who the note names." },
          namedId: { type: "string" },
          reach: { type: "string", enum: ["turn", "after-break", "none"] },
          uncertain: {
            type: "boolean",
            description:
              "True when the words were kept under the label because the evidence does not settle who said them.",
          },
          evidence: { type: "string" },
        },
      },
      Utterance: {
        type: "object",
        properties: {
          id: { type: "string" },
          seq: { type: "integer" },
          turn: { type: "integer", description: "1-based turn number in the session." },
          session: ref("SessionRef"),
          speaker: ref("Speaker"),
          text: {
            type: "string",
            description:
              "Full verbatim caption text, the captioner's notes included (not escaped).",
          },
          quote: {
            type: "string",
            description:
              "The words to put between quotation marks: only the speaker's words; notes left out at the ends and shown as editorial brackets ([laughter], [?], […]) between words.",
          },
          annotations: { type: "array", items: { type: "object" } },
          documents: { type: "array", items: { type: "object" } },
          attribution: { oneOf: [ref("Attribution"), { type: "null" }] },
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
              column: { type: "integer" },
              endColumn: { type: "integer" },
              start: { type: "integer" },
              end: { type: "integer" },
              locator: {
                type: "string",
                description: '"line 12", or "line 4, characters 220-487" where turns share a line.',
              },
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
          total: { type: "integer", description: "Utterances containing the phrase." },
          totalOccurrences: {
            type: "integer",
            description: "Times the phrase was said (an utterance may say it more than once).",
          },
          sessions: {
            type: "array",
            items: {
              type: "object",
              properties: {
                session: ref("SessionRef"),
                count: { type: "integer", description: "Utterances containing it." },
                occurrences: { type: "integer", description: "Times it was said." },
              },
            },
          },
          conferences: {
            type: "array",
            description: "The sessions grouped by conference, in the order the conferences met.",
            items: {
              type: "object",
              properties: {
                conference: nullable("string"),
                shortName: { type: "string" },
                name: { type: "string" },
                count: { type: "integer", description: "Sessions of the conference." },
                sessionsWithPhrase: { type: "integer" },
                utterances: { type: "integer" },
                occurrences: { type: "integer" },
                first: { ...nullable("string"), description: "First utterance saying it there." },
              },
            },
          },
          first: { oneOf: [ref("SearchHit"), { type: "null" }] },
          speakers: { type: "array", items: { type: "object" } },
          occurrences: { type: "array", items: ref("SearchHit") },
          ...flags(),
        },
      },
      DiffRun: {
        type: "object",
        required: ["op", "text"],
        properties: {
          op: { type: "string", enum: ["equal", "insert", "delete"] },
          text: {
            type: "string",
            description:
              "equal and insert: the passage's own text (concatenated in order they give the passage exactly); equal and delete, joined with spaces, give the query's words.",
          },
        },
      },
      Variant: {
        type: "object",
        required: [
          "id",
          "session",
          "date",
          "speaker",
          "passage",
          "start",
          "end",
          "similarity",
          "diff",
        ],
        properties: {
          id: { type: "string", description: "The utterance." },
          session: ref("SessionRef"),
          date: nullable("string"),
          time: nullable("string"),
          speaker: ref("Speaker"),
          passage: {
            type: "string",
            description: "The matched words verbatim: text.slice(start, end).",
          },
          start: { type: "integer" },
          end: { type: "integer" },
          similarity: { type: "number", minimum: 0, maximum: 1 },
          diff: { type: "array", items: ref("DiffRun") },
          via: {
            ...nullable("string"),
            description:
              "The utterance of the version this passage is close to, when it was found through it.",
          },
          text: { type: "string", description: "The utterance's whole text." },
          permalink: { type: "string" },
          source: { type: "object" },
          citation: ref("Citation"),
        },
      },
      VariantPage: {
        type: "object",
        properties: {
          query: { type: "string" },
          words: { type: "integer" },
          total: { type: "integer" },
          variants: { type: "array", items: ref("Variant") },
          conferences: {
            type: "array",
            description: "Every variant found grouped by conference, in the order they met.",
            items: {
              type: "object",
              properties: {
                conference: nullable("string"),
                shortName: { type: "string" },
                name: { type: "string" },
                count: { type: "integer", description: "Variants found there." },
                first: { type: "string", description: "The earliest of them." },
                wordings: { type: "integer", description: "Distinct wordings among them." },
              },
            },
          },
          limit: { type: "integer" },
          work: {
            type: "object",
            properties: {
              candidates: { type: "integer" },
              aligned: { type: "integer" },
              cells: { type: "integer" },
              truncated: { type: "boolean" },
            },
          },
          bounds: { type: "object" },
          ...flags(),
        },
      },
    },
  },
} as const;

function flags() {
  return { synthetic: { type: "boolean" }, notice: nullable("string") };
}
