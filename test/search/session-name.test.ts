import { describe, expect, test } from "vitest";
import {
  type SessionNameFacts,
  partOfDay,
  sessionName,
  sessionShortLabel,
  sessionTimes,
  statusName,
} from "../../src/search/session-name";

const base: SessionNameFacts = {
  id: "s",
  title: null,
  body: "plenary",
  number: null,
  date: "2012-12-10",
  time: "19:30",
};

describe("sessionName (rules N1-N6)", () => {
  test.each<[string, Partial<SessionNameFacts>, string]>([
    ["N1 plenary", { number: 3, title: "PLENARY 3" }, "Plenary 3"],
    [
      "N1 committee 5",
      { body: "committee-5", number: 1, title: "COMMITTEE 5 MEETING" },
      "Committee 5, 1st meeting",
    ],
    [
      "N1 committee 5, ordinal title",
      { body: "committee-5", number: 3, title: "THIRD MEETING OF COMMITTEE 5" },
      "Committee 5, 3rd meeting",
    ],
    [
      "N1 working group",
      { body: "working-group", number: 6 },
      "Working Group of the Plenary, 6th meeting",
    ],
    [
      "N2 title suffix",
      { number: 13, title: "PLENARY 13 - CLOSING CEREMONY" },
      "Plenary 13 - Closing ceremony",
    ],
    [
      "N3 announced number",
      { number: 13, spokenNumber: 17, title: "PLENARY 13 - CLOSING CEREMONY" },
      "Plenary 13 - Closing ceremony (announced as the 17th plenary meeting)",
    ],
    ["N3 same number says nothing", { number: 13, spokenNumber: 13 }, "Plenary 13"],
    ["N4 no number", {}, "Plenary, 10 December 2012, evening (number not stated)"],
    ["N4 no number, no time", { time: null }, "Plenary, 10 December 2012 (number not stated)"],
    ["N4 no number, no date", { time: null, date: null }, "Plenary (number not stated)"],
    ["N5 other body", { body: "other", title: "PRESS BRIEFING" }, "Press Briefing"],
    ["N6 rough", { number: 1, version: "rough" }, "Plenary 1 (rough live version)"],
  ])("%s", (_rule, facts, expected) => {
    expect(sessionName({ ...base, ...facts })).toBe(expected);
  });

  test("never the raw header or an internal id", () => {
    const name = sessionName({ ...base, id: "plenary-2012-12-10-1930" });
    expect(name).not.toContain("plenary-2012");
    expect(name).not.toContain("?");
  });
});

describe("short labels, statuses and times", () => {
  test("axis labels never say P?", () => {
    expect(sessionShortLabel({ ...base, number: 3 })).toBe("P3");
    expect(sessionShortLabel({ ...base, body: "committee-5", number: 2 })).toBe("C5·2");
    expect(sessionShortLabel(base)).toBe("P 10 Dec");
    expect(sessionShortLabel({ ...base, date: null })).toBe("P no number");
  });

  test.each([
    [{ status: "finished" as const }, "finished"],
    [{ status: "final" as const }, "final"],
    [{ status: "rough" as const }, "rough live"],
    [{ status: "finished" as const, version: "rough" as const }, "rough live"],
    [{ status: null }, "status not stated"],
  ])("statusName(%j) = %s", (facts, expected) => {
    expect(statusName(facts)).toBe(expected);
  });

  test("the time a session began, in the conference's city unless a zone is stated", () => {
    const wcit = { conference: "wcit-12" };
    expect(sessionTimes({ ...wcit, time: "18:30" })).toBe("session began 18:30 (Dubai)");
    expect(sessionTimes({ ...wcit, time: "18:30", timeZone: "LOCAL TIME" })).toBe(
      "session began 18:30 (Dubai)",
    );
    expect(sessionTimes({ ...wcit, time: "15:30", endTime: "18:50", timeZone: "LOCAL TIME" })).toBe(
      "session began 15:30, ended 18:50 (Dubai)",
    );
    // The city is the session's conference's: PP-14 met in Busan.
    expect(sessionTimes({ conference: "pp-14", time: "09:30" })).toBe(
      "session began 09:30 (Busan)",
    );
    expect(sessionTimes({ conference: "pp-14", time: "09:30", timeZone: "KST" })).toBe(
      "session began 09:30 (KST)",
    );
    // No known conference: no city is guessed.
    expect(sessionTimes({ conference: null, time: "18:30" })).toBe(
      "session began 18:30 (local time)",
    );
    expect(sessionTimes({ time: "14:30", timeZone: "CET" })).toBe("session began 14:30 (CET)");
    expect(sessionTimes({ time: null })).toBeNull();
  });

  test.each([
    ["09:30", "morning"],
    ["14:30", "afternoon"],
    ["18:30", "evening"],
    ["23:30", "night"],
    [null, null],
  ])("partOfDay(%s) = %s", (time, expected) => {
    expect(partOfDay(time)).toBe(expected);
  });
});
