/** GET /api/phrase/variants over the SYNTHETIC variant fixture: the contract's field names, order, filters, CSV, errors. */
import { describe, expect, test } from "vitest";
import { rebuildPassage } from "../../../src/search/variants/align";
import { VARIANT_CSV_COLUMNS } from "../../../src/web/api/variants";
import { DRAFT, variantAssets } from "../../fixtures/variants";
import { getJson, testApp } from "./app";

const { app } = testApp({ files: variantAssets() });
const url = (params: Record<string, string>) =>
  `/api/phrase/variants?${new URLSearchParams(params)}`;

describe("GET /api/phrase/variants", () => {
  test("answers { query, total, variants } in time order with the contract's fields", async () => {
    const { response, body } = await getJson(app, url({ q: DRAFT }));
    expect(response.status).toBe(200);
    expect(body.query).toBe(DRAFT);
    expect(body.total).toBe(4);
    expect(body.synthetic).toBe(true);
    const ids = body.variants.map((v: { id: string }) => v.id);
    expect(ids).toEqual(["committee-5-1.1", "committee-5-2.0", "committee-5-2.2", "plenary-9.0"]);
    for (const variant of body.variants) {
      for (const field of [
        "id",
        "session",
        "date",
        "speaker",
        "passage",
        "start",
        "end",
        "similarity",
        "diff",
      ])
        expect(variant, field).toHaveProperty(field);
      expect(variant.session.id).toBe(variant.id.replace(/\.\d+$/, ""));
      expect(typeof variant.session.name).toBe("string");
      expect(variant.text.slice(variant.start, variant.end)).toBe(variant.passage);
      expect(rebuildPassage(variant.diff)).toBe(variant.passage);
      for (const run of variant.diff) expect(["equal", "insert", "delete"]).toContain(run.op);
    }
    expect(body.variants[0].similarity).toBe(1);
    expect(body.variants[0].session.name).toBe("Committee 5, 1st meeting");
  });

  test("filters and limit hold", async () => {
    // Canada quoted the amended text, not the draft: found through the amended version.
    const bySpeaker = await getJson(app, url({ q: DRAFT, speaker: "Canada" }));
    expect(bySpeaker.body.variants.map((v: { id: string; via: string }) => [v.id, v.via])).toEqual([
      ["plenary-9.0", "committee-5-2.0"],
    ]);
    const bySession = await getJson(app, url({ q: DRAFT, session: "committee-5-2" }));
    expect(bySession.body.variants.map((v: { id: string }) => v.id)).toEqual([
      "committee-5-2.0",
      "committee-5-2.2",
    ]);
    const byDate = await getJson(
      app,
      url({ q: DRAFT, from: "2012-12-06", to: "2012-12-10", body: "committee-5" }),
    );
    expect(byDate.body.variants.map((v: { id: string }) => v.id)).toEqual([
      "committee-5-2.0",
      "committee-5-2.2",
    ]);
    const limited = await getJson(app, url({ q: DRAFT, limit: "1" }));
    expect(limited.body.total).toBe(4);
    expect(limited.body.variants).toHaveLength(1);
  });

  test("format=csv: one row per variant, the diff written out", async () => {
    const response = await app.request(url({ q: DRAFT, format: "csv" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("x-corpus-synthetic")).toBe("true");
    expect(response.headers.get("content-disposition")).toMatch(
      /filename="wcit12-variants-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe(VARIANT_CSV_COLUMNS.join(","));
    expect(lines).toHaveLength(5);
    expect(text).toContain("[-shall require-] {+should encourage+}");
  });

  test.each([
    [{}, "q"],
    [{ q: "" }, "q"],
    [{ q: DRAFT, limit: "0" }, "limit"],
    [{ q: DRAFT, speaker: "nobody here" }, "speaker"],
    [{ q: DRAFT, from: "2012-13-01" }, "from"],
    [{ q: DRAFT, kind: "chair" }, "kind"],
    [{ q: Array.from({ length: 61 }, () => "w").join(" ") }, "q"],
  ])("400 naming the parameter: %j", async (params, parameter) => {
    const { response, body } = await getJson(app, url(params as Record<string, string>));
    expect(response.status).toBe(400);
    expect(body.parameter).toBe(parameter);
  });
});

describe("GET /api/utterances/:id elsewhere", () => {
  test("lists where else it was said, with spans in both texts", async () => {
    const { response, body } = await getJson(app, "/api/utterances/plenary-9.0");
    expect(response.status).toBe(200);
    expect(body.elsewhere.map((e: { id: string }) => e.id)).toEqual([
      "committee-5-2.0",
      "committee-5-2.2",
    ]);
    const [first] = body.elsewhere;
    expect(body.utterance.text.slice(first.here.start, first.here.end)).toBe(first.here.passage);
    expect(first.session.name).toBe("Committee 5, 2nd meeting");
  });
});
