/**
 * A deliberately simple reading of the AUTHORED sample texts (not the product's parser): the
 * speaker turns as the sample's author wrote them, one turn per line. Used to check the sample's
 * own consistency and to know how many turns each session was meant to have.
 */

/** One authored turn: the label as written (null when unlabelled) and its text. */
export interface AuthoredTurn {
  label: string | null;
  text: string;
}

const DELIMITER = /^(\*{3,}|\* \* \*( \* \*)?)$/;
const MARKED = /^(?:>> ?|> > |> )(?:([A-Z][A-Z0-9ÔÉ’'.\- ]*?):(?: |$))?(.*)$/;
const MIXED_CASE = /^([A-Z][a-z]+(?: [A-Za-z]+){0,4}?):(?: |$)(.*)$/;

/** Turns of an authored text; `mixedCase` also reads unmarked "Chair: ..." labels (converted copy). */
export function authoredTurns(text: string, mixedCase = false): AuthoredTurn[] {
  const lines = text.split("\n");
  const delimiters = lines.flatMap((l, i) => (DELIMITER.test(l) ? [i] : []));
  const bodyStart = delimiters.length >= 2 ? delimiters[1]! + 1 : 0;
  const turns: AuthoredTurn[] = [];
  for (const line of lines.slice(bodyStart)) {
    const match = MARKED.exec(line) ?? (mixedCase ? MIXED_CASE.exec(line) : null);
    if (match) turns.push({ label: match[1] ?? null, text: (match[2] ?? "").trim() });
  }
  return turns;
}
