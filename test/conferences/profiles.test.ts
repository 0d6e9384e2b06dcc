/**
 * The conference profile contract (src/conferences/profile.ts): every profile is complete, its
 * recognition patterns match its own example lines and no other conference's, and its title
 * examples classify as they say through the parser's classifyTitle with the profile's rules.
 */
import { describe, expect, test } from "vitest";
import { classifyTitle } from "../../ingest/parse/title";
import { isBody } from "../../src/conferences/body";
import { BODY_KINDS } from "../../src/conferences/profile";
import {
  CONFERENCES,
  DEFAULT_CONFERENCE,
  conferenceById,
  recognizeConference,
} from "../../src/conferences/registry";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function validDay(day: string): boolean {
  if (!ISO_DAY.test(day)) return false;
  return new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
}

function normalise(line: string): string {
  return line.toUpperCase().replace(/\s+/g, " ").trim();
}

const matches = (patterns: readonly RegExp[], line: string): boolean =>
  patterns.some((p) => p.test(normalise(line)) && p.test(normalise(line).replace(/ /g, "")));

const profiles = CONFERENCES.map((c) => [c.id, c] as const);

describe("the registry", () => {
  test("ids, session id prefixes and file stems are unique", () => {
    for (const key of ["id", "sessionIdPrefix", "fileStem", "shortName"] as const) {
      const values = CONFERENCES.map((c) => c[key]);
      expect(new Set(values).size, key).toBe(values.length);
    }
  });

  test("the default is listed first and every id finds its profile", () => {
    expect(CONFERENCES[0]).toBe(DEFAULT_CONFERENCE);
    for (const c of CONFERENCES) expect(conferenceById(c.id)).toBe(c);
    expect(conferenceById("no-such-conference")).toBeNull();
  });

  test("the first corpus keeps its permalinks: WCIT-12's prefix is empty, every other one ends in '-'", () => {
    expect(conferenceById("wcit-12")?.sessionIdPrefix).toBe("");
    for (const c of CONFERENCES.filter((c) => c !== DEFAULT_CONFERENCE)) {
      expect(c.sessionIdPrefix).toBe(`${c.id}-`);
    }
  });
});

describe.each(profiles)("profile %s", (_id, profile) => {
  test("is complete", () => {
    expect(profile.id).toMatch(/^[a-z][a-z0-9-]*[a-z0-9]$/);
    for (const field of ["name", "shortName", "fileStem", "organiser", "place", "city"] as const) {
      expect(profile[field].trim(), field).not.toBe("");
    }
    expect(profile.place.startsWith(profile.city)).toBe(true);
    expect(() => new Intl.DateTimeFormat("en", { timeZone: profile.timeZone })).not.toThrow();
    expect(profile.officials.every((o) => o.name.trim() !== "" && o.role.trim() !== "")).toBe(true);
    expect(profile.recognition.conferenceLines.length).toBeGreaterThan(0);
    expect(profile.recognition.cityLines.length).toBeGreaterThan(0);
    expect(profile.sources.startUrls.every((u) => /^https:\/\//.test(u))).toBe(true);
    expect(
      profile.sources.archivePrefixes.every((p) => !/^https?:/.test(p) && p.endsWith("/")),
    ).toBe(true);
  });

  test("dates are valid days, first before last", () => {
    expect(validDay(profile.dates.from)).toBe(true);
    expect(validDay(profile.dates.to)).toBe(true);
    expect(profile.dates.from <= profile.dates.to).toBe(true);
  });

  test("bodies are non-empty, valid body ids, unique; kept bodies are among them", () => {
    const ids = profile.bodies.map((b) => b.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    for (const b of profile.bodies) {
      expect(isBody(b.id), b.id).toBe(true);
      expect(b.name.trim()).not.toBe("");
    }
    expect(profile.sources.keptBodies.length).toBeGreaterThan(0);
    for (const kept of profile.sources.keptBodies) expect(ids).toContain(kept);
    expect(BODY_KINDS.length).toBeGreaterThan(0);
  });

  test("title examples round-trip through classifyTitle with the profile's rules", () => {
    expect(profile.titleExamples.length).toBeGreaterThan(0);
    for (const { title, body, number } of profile.titleExamples) {
      expect(classifyTitle(title, profile), title).toEqual({ body, number });
      expect(
        profile.bodies.map((b) => b.id),
        title,
      ).toContain(body);
    }
  });

  test("every title rule is needed: without the profile one of its examples reads otherwise", () => {
    for (const rule of profile.titleRules) {
      const ruled = profile.titleExamples.filter((e) => rule.pattern.test(normalise(e.title)));
      expect(ruled.length, rule.note).toBeGreaterThan(0);
      for (const e of ruled) {
        expect(classifyTitle(e.title, null), e.title).not.toEqual({
          body: e.body,
          number: e.number,
        });
      }
    }
  });

  test("recognition matches its own example lines, spaced and glued", () => {
    const { examples } = profile.recognition;
    expect(examples.conferenceLines.length).toBeGreaterThan(0);
    expect(examples.cityLines.length).toBeGreaterThan(0);
    for (const line of examples.conferenceLines) {
      expect(matches(profile.recognition.conferenceLines, line), line).toBe(true);
    }
    for (const line of examples.cityLines) {
      expect(matches(profile.recognition.cityLines, line), line).toBe(true);
    }
  });

  test("its conference lines match no other conference's; its city lines no other city's", () => {
    for (const other of CONFERENCES.filter((c) => c !== profile)) {
      for (const line of other.recognition.examples.conferenceLines) {
        expect(matches(profile.recognition.conferenceLines, line), line).toBe(false);
      }
      if (other.place === profile.place) continue;
      for (const line of other.recognition.examples.cityLines) {
        expect(matches(profile.recognition.cityLines, line), line).toBe(false);
      }
    }
  });

  test("its example lines and a date within its dates pick it, and only it", () => {
    const { examples } = profile.recognition;
    for (const conferenceLine of examples.conferenceLines) {
      for (const city of examples.cityLines) {
        const evidence = { conferenceLine, city, date: profile.dates.from };
        expect(recognizeConference(evidence)?.id, conferenceLine).toBe(profile.id);
      }
    }
    expect(
      recognizeConference({ conferenceLine: null, city: null, date: profile.dates.to })?.id,
    ).toBe(profile.id);
  });
});

describe("conferences with one conference line", () => {
  test("a year in the line, the city or the date tells the Plenipotentiaries apart", () => {
    const pick = (conferenceLine: string | null, city: string | null, date: string | null) =>
      recognizeConference({ conferenceLine, city, date })?.id ?? null;
    expect(pick("PLENIPOTENTIARY CONFERENCE 2022", null, null)).toBe("pp-22");
    expect(pick("PLENIPOTENTIARY CONFERENCE 2018", null, null)).toBe("pp-18");
    expect(pick("PLENIPOTENTIARY CONFERENCE", "BUCHAREST, ROMANIA", null)).toBe("pp-22");
    expect(pick("PLENIPOTENTIARY CONFERENCE", "BUSAN, KOREA", null)).toBe("pp-14");
    expect(pick("PLENIPOTENTIARY CONFERENCE", null, "2018-11-02")).toBe("pp-18");
    // Same city, other conference: the line or the date decides.
    expect(pick(null, "DUBAI, UNITED ARAB EMIRATES", "2018-11-02")).toBe("pp-18");
    expect(pick(null, "DUBAI, UNITED ARAB EMIRATES", "2012-12-05")).toBe("wcit-12");
    expect(pick(null, "DUBAI, UNITED ARAB EMIRATES", null)).toBeNull();
    // Nothing settles it, or a year no profile has: no answer, never a guess.
    expect(pick("PLENIPOTENTIARY CONFERENCE", null, null)).toBeNull();
    expect(pick("PLENIPOTENTIARY CONFERENCE 2010", null, null)).toBeNull();
    // A conference no profile knows, held where a known one was: none.
    expect(pick("ITU COUNCIL", "GENEVA, SWITZERLAND", null)).toBeNull();
  });
});
