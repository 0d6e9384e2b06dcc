/**
 * The sample's own consistency, read from the authored texts: chairs name who speaks next and the
 * next label matches (so attribution can be checked), and the corpus has the size it promises.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SAMPLES } from "../../transcripts/generate/samples";
import { AUTHORED_DIR } from "./load";
import { authoredTurns, type AuthoredTurn } from "./turns";

/** Labels of a presiding chair: "CHAIR", "CHAIRMAN", "COMMITTEE 6 CHAIRMAN", "CHAIRMAN COMMITTEE 4". */
const CHAIR_LABEL = /^(?:CHAIR|CHAIRMAN|CHAIRMAN COMMITTEE \d+|COMMITTEE \d+ CHAIRMAN)$/;
/** Names a chair uses for a delegation whose label is written another way. */
const LABEL_FORMS: Record<string, string[]> = {
  IRAN: ["IRAN", "ISLAMIC REPUBLIC OF IRAN"],
  "SAUDI ARABIA": ["SAUDI ARABIA", "SAUDI ARABA"],
};
/** "Egypt, you have the floor." / "Cuba?" / "Lebanon, you have the floor now." at the end of a chair's turn. */
const NAMES_NEXT =
  /(?:^|[.?] )((?:[A-Z][a-z’']+|[A-Z][a-z]+ d’[A-Z][a-z]+)(?: (?:of|and|[A-Z][a-z’']+))*)(?:, you have the floor(?: now)? ?\.| ?\?)$/;

const sessions = SAMPLES.map((spec) => {
  const text = readFileSync(join(AUTHORED_DIR, `${spec.source}.txt`), "utf8");
  return { spec, turns: authoredTurns(text, spec.source === "committee-5-2") };
});

function namedNext(turn: AuthoredTurn): string | null {
  if (!turn.label || !CHAIR_LABEL.test(turn.label.toUpperCase())) return null;
  return NAMES_NEXT.exec(turn.text)?.[1] ?? null;
}

describe("authored sample consistency", () => {
  it.each(sessions.map((s) => [s.spec.source, s] as const))(
    "%s: when the chair names the next speaker, the next label is that speaker",
    (_source, { turns }) => {
      const mismatches: string[] = [];
      let checked = 0;
      turns.forEach((turn, i) => {
        const named = namedNext(turn);
        const next = turns[i + 1];
        if (!named || !next) return;
        checked++;
        const forms = LABEL_FORMS[named.toUpperCase()] ?? [named.toUpperCase()];
        const label = (next.label ?? "").toUpperCase();
        const corrected = next.text.includes(`(That was ${named} speaking)`);
        if (!forms.includes(label) && !corrected) mismatches.push(`${named} -> ${next.label}`);
      });
      expect(mismatches).toEqual([]);
      if (turns.length >= 10) expect(checked).toBeGreaterThanOrEqual(3);
    },
  );

  it("has at least 150 turns, 7 finished sessions (4 plenary, 3 committee 5) and 35 delegation labels", () => {
    const total = sessions.reduce((n, s) => n + s.turns.length, 0);
    expect(total).toBeGreaterThanOrEqual(150);
    const finished = sessions.filter((s) => s.spec.version === "finished");
    expect(finished.filter((s) => s.spec.body === "plenary").length).toBeGreaterThanOrEqual(4);
    expect(finished.filter((s) => s.spec.body === "committee-5").length).toBeGreaterThanOrEqual(3);
    const roles =
      /^(CHAIR|CHAIRMAN|CHAIRMAN COMMITTEE 4|COMMITTEE 4 CHAIRMAN|SECRETARIAT|SECRETARY OF THE SESSION|INTERPRETER|ANNOUNCER|MR\. .*)$/;
    const delegations = new Set(
      sessions
        .flatMap((s) => s.turns.map((t) => (t.label ?? "").toUpperCase()))
        .filter((l) => l && !roles.test(l)),
    );
    expect(delegations.size).toBeGreaterThanOrEqual(35);
  });

  it("the only empty turn is GHANA's in plenary 1 (a button pressed by mistake)", () => {
    const empties = sessions.flatMap((s) =>
      s.turns.filter((t) => t.label && t.text === "").map((t) => `${s.spec.source}:${t.label}`),
    );
    expect(empties).toEqual(["plenary-1:GHANA"]);
  });
});
