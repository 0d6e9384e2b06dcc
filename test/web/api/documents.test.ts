/**
 * Document references resolve loosely (issue 11): a conference document named without its
 * version lists its whole family, a reference never spoken is a 404 naming the nearest ones, and
 * references are shown as the ITU writes them (API `label`) while URLs keep the slug.
 */
import { describe, expect, test } from "vitest";
import { documentFamily, documentLabel, normaliseDocumentRef } from "../../../src/document-refs";
import { getJson, testApp } from "./app";

const { app } = testApp();

describe("documentLabel and documentFamily: a fixture table", () => {
  test.each([
    ["DT/30-REV3", "DT/30(Rev.3)", "DT/30"],
    ["ADM/27-REV1", "ADM/27(Rev.1)", "ADM/27"],
    ["DT/4-ADD1-REV2", "DT/4(Add.1)(Rev.2)", "DT/4"],
    ["DOC/3-ADD3", "Document 3(Add.3)", "DOC/3"],
    ["DOC/3-CORR1", "Document 3(Corr.1)", "DOC/3"],
    ["ADM/5", "ADM/5", "ADM/5"],
    ["RESOLUTION/PLEN-3", "Resolution PLEN/3", "RESOLUTION/PLEN-3"],
    ["RESOLUTION/COM5-1", "Resolution COM5/1", "RESOLUTION/COM5-1"],
    ["RESOLUTION/130", "Resolution 130", "RESOLUTION/130"],
    ["RULE/51", "Rule 51", "RULE/51"],
    ["ARTICLE/5B", "Article 5B", "ARTICLE/5B"],
    ["ARTICLE/3BIS", "Article 3bis", "ARTICLE/3BIS"],
    ["ARTICLE/58-CS", "Article 58 of the Constitution", "ARTICLE/58-CS"],
    ["RECOMMENDATION/ITU-T-D.50", "Recommendation ITU-T D.50", "RECOMMENDATION/ITU-T-D.50"],
    ["SOMETHING-ELSE", "SOMETHING-ELSE", "SOMETHING-ELSE"],
  ])("%s is written %s, family %s", (id, label, family) => {
    expect(documentLabel(id)).toBe(label);
    expect(documentFamily(id)).toBe(family);
    // A label reads back as its id (people paste what they see).
    if (label !== id) expect(normaliseDocumentRef(label)).toBe(id);
  });
});

describe("GET /api/documents/:ref", () => {
  test("the list carries labels", async () => {
    const { body } = await getJson(app, "/api/documents");
    expect(body.documents).toContainEqual(
      expect.objectContaining({ id: "DT/30-REV3", label: "DT/30(Rev.3)" }),
    );
  });

  test.each(["DT/30", "DT%2F30", "dt-30", "DT%2030"])(
    "%s: the whole family, each member with its mentions",
    async (ref) => {
      const { response, body } = await getJson(app, `/api/documents/${ref}`);
      expect(response.status).toBe(200);
      expect(body).toMatchObject({ id: "DT/30", label: "DT/30", members: ["DT/30-REV3"] });
      const { body: rev } = await getJson(app, "/api/documents/DT/30-REV3");
      expect(body.total).toBe(rev.total);
      expect(body.family).toEqual([
        {
          id: "DT/30-REV3",
          label: "DT/30(Rev.3)",
          utterances: rev.total,
          first: expect.any(String),
        },
      ]);
      expect(body.mentions.map((m: { id: string }) => m.id)).toEqual(
        rev.mentions.map((m: { id: string }) => m.id),
      );
    },
  );

  test("a reference never spoken: 404 naming the nearest ones", async () => {
    const { response, body } = await getJson(app, "/api/documents/DT/31");
    expect(response.status).toBe(404);
    expect(body.suggestions).toContain("DT/30-REV3");
  });
});

describe("document pages", () => {
  test("/documents/DT/30 lists the family with links by slug", async () => {
    const response = await app.request("/documents/DT/30");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<h1>DT/30 and its versions</h1>");
    expect(html).toContain('href="/documents/dt-30-rev3"');
    expect(html).toContain("DT/30(Rev.3)");
  });

  test("a 404 lists the nearest references and links to the list", async () => {
    const response = await app.request("/documents/DT%2F31");
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('<a href="/documents/dt-30-rev3">DT/30(Rev.3)</a>');
    expect(html).toContain('href="/documents"');
  });
});
