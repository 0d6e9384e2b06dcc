/**
 * The query language, explained where the search box is: the rows of the core's syntax table
 * (src/search/syntax.ts), every example a link that runs it.
 */
import type { FC } from "hono/jsx";
import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS } from "../../search/query";
import { COMBINED_EXAMPLE, QUERY_SYNTAX } from "../../search/syntax";

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
        {QUERY_SYNTAX.map((row) => (
          <tr>
            <th scope="row">
              <code>{row.syntax}</code>
            </th>
            <td>
              <a href={`/?q=${encodeURIComponent(row.example)}`}>
                <code>{row.example}</code>
              </a>
            </td>
            <td>{row.help}</td>
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
