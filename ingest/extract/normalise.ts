/**
 * The one normalisation every extracted text gets, and nothing more (the transcript parser
 * relies on the line structure, so lines are never joined or split here):
 * CRLF and CR -> LF; NUL removed; no-break spaces (U+00A0, U+202F) -> space; spaces and tabs at
 * line ends removed; a final newline added when missing (it changes no line number or offset).
 */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replaceAll("\u0000", "")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/[ \t]+$/gm, "")
    .replace(/(?<!\n)$/, "\n");
}
