/**
 * The matching key of a speaker label, name, alias, code or id: one rule shared by the parser's
 * speaker table (ingest/parse/speakers) and the search core's lookups (speaker: filters), so
 * keys from the table and names typed by a person fold alike. Runtime-free.
 *
 * Accents removed, lower case, "&" read as "and", apostrophes and full stops dropped ("U.S." ->
 * "us", "d'Ivoire" -> "divoire"), every other run of non-alphanumerics a single space, letters
 * and digits split ("COM5" -> "com 5"), and a leading "the" dropped ("THE NETHERLANDS" ->
 * "netherlands").
 */
export function speakerKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’‘`´.]/g, "")
    .replace(/(\p{L})(\p{N})/gu, "$1 $2")
    .replace(/(\p{N})(\p{L})/gu, "$1 $2")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}
