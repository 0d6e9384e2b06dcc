/** Officials of a conference's profile named in labels (ingest/parse/speakers/officials.ts O1-O2). */
import { describe, expect, test } from "vitest";
import { matchOfficialName } from "../../ingest/parse/speakers/officials";

const OFFICIALS = [
  { name: "Aurelia Brandtmoor", role: "Chair of the conference" },
  { name: "Aurelio Brandtmoor", role: "Vice-Chair of Committee 5" },
  { name: "Tomas Ellingwood", role: "Secretary of the Session" },
  { name: "Ines Oduya", role: "Secretary-General" },
  { name: "Kai Lee", role: "Legal adviser" },
];

describe("matchOfficialName", () => {
  test.each([
    ["TOMAS ELLINGWOOD", "secretariat", "secretariat"],
    ["MR. TOMAS ELLINGWOOD", "secretariat", "secretariat"],
    ["TOMAS ELINGWOOD", "secretariat", "secretariat"],
    ["INES ODUYA", "official", "official:ines-oduya"],
    ["H.E. INES ODUYA", "official", "official:ines-oduya"],
    ["KAI LEE", "secretariat", "secretariat"],
  ])("%s -> %s %s", (label, kind, id) => {
    expect(matchOfficialName(label, OFFICIALS)).toMatchObject({
      raw: label,
      kind,
      id,
      country: null,
    });
  });

  test("the shown name keeps the person and the role", () => {
    expect(matchOfficialName("AURELIA BRANDTMOOR", OFFICIALS)?.name).toBe(
      "Aurelia Brandtmoor (Chair of the conference)",
    );
    expect(matchOfficialName("AURELIA BRANDTMOOR", OFFICIALS)?.kind).toBe("chair");
  });

  test.each([
    ["two officials equally close", "AURELIE BRANDTMOOR"],
    ["too many edits", "TOMAS WELLINGTON"],
    ["a short name is never guessed", "KAI LEA"],
    ["another first letter", "DOMAS ELLINGWOOD"],
    ["a delegation", "EGYPT"],
    ["empty", ""],
  ])("%s: %s -> none", (_why, label) => {
    expect(matchOfficialName(label, OFFICIALS)).toBeNull();
  });

  test("a profile without officials names none", () => {
    expect(matchOfficialName("TOMAS ELLINGWOOD", [])).toBeNull();
  });
});
