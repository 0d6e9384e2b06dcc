/**
 * The query language, explained where the search box is. Every example is a link that runs it.
 * Bounds come from the core's constants so the help cannot drift from what the parser accepts.
 */
import type { FC } from "hono/jsx";
import {
  MAX_QUERY_LENGTH,
  MAX_QUERY_TERMS,
  MIN_FUZZY_LENGTH,
  MIN_PREFIX_LENGTH,
} from "../../search/query";
import { MAX_PROXIMITY } from "../../search/proximity";

interface SyntaxRow {
  syntax: string;
  example: string;
  meaning: string;
}

/**
 * The rows of the help table, in the order a newcomer needs them. Every example is drawn from
 * the bundled sample and finds something there (test/web/help-examples.test.ts checks it).
 */
export const SYNTAX_ROWS: readonly SyntaxRow[] = [
  {
    syntax: "words",
    example: "enabling environment",
    meaning: "Every word must appear (any order; case and accents ignored).",
  },
  {
    syntax: '"exact phrase"',
    example: '"human rights"',
    meaning: "These words, in this order, checked against the exact captioned text.",
  },
  {
    syntax: '"words"~N',
    example: '"member states measures"~5',
    meaning: `These words within N positions of each other, in any order (N up to ${MAX_PROXIMITY}): finds a phrase whose middle changed by its ends.`,
  },
  { syntax: "OR", example: "spam OR unsolicited", meaning: "Either word (write OR in capitals)." },
  {
    syntax: "-word",
    example: "security -robustness",
    meaning: 'Leave out utterances with this word or -"phrase".',
  },
  {
    syntax: "prefix*",
    example: "regulat*",
    meaning: `Words starting with it (at least ${MIN_PREFIX_LENGTH} letters before the *).`,
  },
  {
    syntax: "word~",
    example: "telecomunications~",
    meaning: `Spelling-tolerant match (words of ${MIN_FUZZY_LENGTH}+ letters); captions misspell.`,
  },
  {
    syntax: "speaker:",
    example: "speaker:egypt internet",
    meaning:
      'A delegation or role by name or ISO code (speaker:EGY, speaker:chair, speaker:"saudi arabia").',
  },
  {
    syntax: "session:",
    example: "session:plenary-1",
    meaning: "One session, by its id (see Sessions).",
  },
  { syntax: "body:", example: "body:committee-5", meaning: "plenary, committee-5, working-group." },
  {
    syntax: "date:",
    example: "date:2012-12-12..2012-12-14",
    meaning: "A day (YYYY-MM-DD) or a range A..B (either end may be left open).",
  },
  {
    syntax: "kind:",
    example: "kind:chair",
    meaning: "delegation, chair, secretariat, interpreter, official, person, unknown.",
  },
];

/** The example of filters combined with words, under the table. */
export const COMBINED_EXAMPLE = 'speaker:IRN "human rights" date:2012-12-10';

export const SyntaxHelp: FC<{ open?: boolean }> = ({ open }) => (
  <details class="syntax-help" open={open ?? false}>
    <summary>How to write a search</summary>
    <table>
      <caption class="visually-hidden">Query language</caption>
      <thead>
        <tr>
          <th scope="col">Write</th>
          <th scope="col">Example</th>
          <th scope="col">Finds</th>
        </tr>
      </thead>
      <tbody>
        {SYNTAX_ROWS.map((row) => (
          <tr>
            <th scope="row">
              <code>{row.syntax}</code>
            </th>
            <td>
              <a href={`/?q=${encodeURIComponent(row.example)}`}>
                <code>{row.example}</code>
              </a>
            </td>
            <td>{row.meaning}</td>
          </tr>
        ))}
      </tbody>
    </table>
    <p class="hint">
      Filters combine with words:{" "}
      <a href={`/?q=${encodeURIComponent(COMBINED_EXAMPLE)}`}>
        <code>{COMBINED_EXAMPLE}</code>
      </a>
      . A search may be {MAX_QUERY_LENGTH} characters and {MAX_QUERY_TERMS} words long.
    </p>
  </details>
);
