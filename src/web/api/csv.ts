/**
 * CSV export of utterances (search results, phrase occurrences). RFC 4180 quoting; cells that a
 * spreadsheet would run as a formula are prefixed with an apostrophe. Runtime-free.
 */
import type { SearchHit } from "../../search/types";

export const CSV_COLUMNS = [
  "id",
  "date",
  "time",
  "session_id",
  "session_title",
  "body",
  "speaker_id",
  "speaker_name",
  "speaker_label",
  "speaker_kind",
  "country",
  "text",
  "source_file",
  "source_line",
  "permalink",
  "citation",
  "synthetic",
] as const;

/** Quotes one CSV cell. */
export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function row(hit: SearchHit): (string | number | boolean | null)[] {
  return [
    hit.id,
    hit.session.date,
    hit.session.time,
    hit.session.id,
    hit.session.title,
    hit.session.body,
    hit.speaker.id,
    hit.speaker.name,
    hit.speaker.raw,
    hit.speaker.kind,
    hit.speaker.country,
    hit.text,
    hit.source.file,
    hit.source.line,
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
