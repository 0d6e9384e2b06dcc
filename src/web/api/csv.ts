/**
 * CSV export of utterances (search results, phrase occurrences). RFC 4180 quoting; cells that a
 * spreadsheet would run as a formula (full-width forms included) are prefixed with an
 * apostrophe. Runtime-free.
 */
import type { SearchHit } from "../../search/types";

export const CSV_COLUMNS = [
  "id",
  "date",
  "session_time",
  "conference",
  "session_id",
  "session_name",
  "body",
  "speaker_id",
  "speaker_name",
  "speaker_label",
  "speaker_kind",
  "country",
  "turn",
  "quote",
  "text",
  "attribution",
  "attribution_uncertain",
  "source_file",
  "source_line",
  "source_locator",
  "permalink",
  "citation",
  "synthetic",
] as const;

/**
 * What a spreadsheet may run as a formula at a cell's start: = + - @, tab and CR, and their
 * full-width forms (U+FF1D, U+FF0B, U+FF0D, U+FF20), which some spreadsheets fold to ASCII.
 */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** Quotes one CSV cell. */
export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function row(hit: SearchHit): (string | number | boolean | null)[] {
  return [
    hit.id,
    hit.session.date,
    hit.session.time,
    hit.session.conference,
    hit.session.id,
    hit.session.name,
    hit.session.body,
    hit.speaker.id,
    hit.speaker.name,
    hit.speaker.raw,
    hit.speaker.kind,
    hit.speaker.country,
    hit.turn,
    hit.quote,
    hit.text,
    hit.citation.attribution,
    hit.attribution?.uncertain ?? false,
    hit.source.file,
    hit.source.line,
    hit.source.locator,
    hit.permalink,
    hit.citation.text,
    hit.session.synthetic,
  ];
}

/** A CSV document (header row first, CRLF line ends). */
export function hitsToCsv(hits: readonly SearchHit[]): string {
  return csvHead() + hits.map(csvLine).join("");
}

/**
 * The UTF-8 byte-order mark every CSV starts with: without it spreadsheets read the file in a
 * legacy code page ("CÃ´te dâ€™Ivoire" for Côte d’Ivoire).
 */
export const CSV_BOM = "\uFEFF";

/** The first line of a streamed CSV: the byte-order mark and the header row. */
export function csvHead(): string {
  return `${CSV_BOM}${CSV_COLUMNS.join(",")}\r\n`;
}

/** One CSV line (with its CRLF) of a result, for streamed exports. */
export function csvLine(hit: SearchHit): string {
  return `${row(hit).map(csvCell).join(",")}\r\n`;
}

/** A last line of text in the first column (an export's note that it reached its cap). */
export function csvNote(text: string): string {
  return `${csvCell(text)}\r\n`;
}

/** Headers of a CSV download. */
export function csvHeaders(filename: string, synthetic: boolean): Record<string, string> {
  return {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename}"`,
    "X-Corpus-Synthetic": String(synthetic),
  };
}
