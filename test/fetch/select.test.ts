import { describe, expect, test } from "vitest";
import { keptBodiesText, selectSession } from "../../ingest/fetch/select";
import { PP_14 } from "../../src/conferences/pp-14";
import { WCIT_12 } from "../../src/conferences/wcit-12";
import type { Body, Speaker } from "../../src/domain";

const speaker = (raw: string | null): Speaker => ({
  raw,
  kind: raw === null ? "unknown" : "delegation",
  country: null,
  id: "unknown",
  name: raw ?? "Unknown",
});
const turns = (labels: (string | null)[], empty = false) =>
  labels.map((raw) => ({ speaker: speaker(raw), ...(empty ? { empty: true } : {}) }));
const record = (
  body: Body | null,
  title: string | null,
  labels: (string | null)[] = ["CHAIR", "CUBA", "CHAIR"],
) => ({
  body,
  title,
  utterances: turns(labels) as never,
});

describe("selectSession", () => {
  test.each([
    ["plenary", "PLENARY 2"],
    ["committee-5", "THIRD MEETING OF COMMITTEE 5"],
  ] as const)("keeps a %s session", (body, title) => {
    expect(selectSession(record(body, title), false, WCIT_12)).toEqual({ keep: true });
  });

  test.each([
    ["working-group", "SIXTH MEETING OF THE WORKING GROUP OF THE PLENARY"],
    ["other", "OPENING CEREMONY"],
  ] as const)("skips a %s session by default, with the title in the reason", (body, title) => {
    const selection = selectSession(record(body, title), false, WCIT_12);
    expect(selection.keep).toBe(false);
    if (!selection.keep) {
      expect(selection.reason).toContain(`${body} session (title ${JSON.stringify(title)})`);
      expect(selection.reason).toContain("--all");
      expect(selection.reason).toContain("only Plenary and Committee 5 sessions are kept");
      expect(selection.reason).not.toMatch(/PP-14|Committee 6/);
    }
  });

  describe("with another profile, its kept bodies", () => {
    test.each([["committee-6"], ["working-group"]] as const)("keeps a %s session", (body) => {
      expect(selectSession(record(body, "X"), false, PP_14)).toEqual({ keep: true });
      expect(selectSession(record(body, "X"), false, WCIT_12).keep).toBe(false);
    });

    test("names them in the reason of a skip and the note of a body-less session", () => {
      const skipped = selectSession(record("working-group-3", "WORKING GROUP 3"), false, PP_14);
      const kept = "Plenary, Committee 5, Committee 6 and Working Group of the Plenary";
      expect(keptBodiesText(PP_14, "and")).toBe(kept);
      expect(skipped).toEqual({
        keep: false,
        reason: `working-group-3 session (title "WORKING GROUP 3"): only ${kept} sessions are kept (use --all for the rest)`,
      });
      const bodiless = selectSession(record(null, null), false, PP_14);
      expect(bodiless).toEqual({
        keep: true,
        note: "the header names no body (no title line): kept, as it may be a Plenary, Committee 5, Committee 6 or Working Group of the Plenary session",
      });
    });
  });

  test.each([["working-group"], ["other"]] as const)("keeps a %s session with --all", (body) => {
    expect(selectSession(record(body, "X"), true, WCIT_12)).toEqual({ keep: true });
  });

  test("keeps a session whose header names no body, with a note", () => {
    const selection = selectSession(record(null, null), false, WCIT_12);
    expect(selection.keep).toBe(true);
    if (selection.keep) expect(selection.note).toMatch(/names no body/);
  });

  describe("not a transcript", () => {
    test.each([
      ["no turns", []],
      ["only unlabelled text", [null, null, null]],
      ["one labelled turn", ["CHAIR", null]],
    ])("%s", (_, labels) => {
      const selection = selectSession(record("plenary", "PLENARY 1", labels), true, WCIT_12);
      expect(selection).toEqual({
        keep: false,
        reason: expect.stringMatching(/^not a transcript/),
      });
    });

    test("labels with no words do not count", () => {
      const r = {
        body: "plenary" as const,
        title: "PLENARY 1",
        utterances: turns(["CUBA", "EGYPT"], true) as never,
      };
      expect(selectSession(r, false, WCIT_12).keep).toBe(false);
    });
  });
});
