import { describe, expect, test } from "vitest";
import { selectSession } from "../../ingest/fetch/select";
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
    expect(selectSession(record(body, title), false)).toEqual({ keep: true });
  });

  test.each([
    ["working-group", "SIXTH MEETING OF THE WORKING GROUP OF THE PLENARY"],
    ["other", "OPENING CEREMONY"],
  ] as const)("skips a %s session by default, with the title in the reason", (body, title) => {
    const selection = selectSession(record(body, title), false);
    expect(selection.keep).toBe(false);
    if (!selection.keep) {
      expect(selection.reason).toContain(`${body} session (title ${JSON.stringify(title)})`);
      expect(selection.reason).toContain("--all");
    }
  });

  test.each([["working-group"], ["other"]] as const)("keeps a %s session with --all", (body) => {
    expect(selectSession(record(body, "X"), true)).toEqual({ keep: true });
  });

  test("keeps a session whose header names no body, with a note", () => {
    const selection = selectSession(record(null, null), false);
    expect(selection.keep).toBe(true);
    if (selection.keep) expect(selection.note).toMatch(/names no body/);
  });

  describe("not a transcript", () => {
    test.each([
      ["no turns", []],
      ["only unlabelled text", [null, null, null]],
      ["one labelled turn", ["CHAIR", null]],
    ])("%s", (_, labels) => {
      const selection = selectSession(record("plenary", "PLENARY 1", labels), true);
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
      expect(selectSession(r, false).keep).toBe(false);
    });
  });
});
