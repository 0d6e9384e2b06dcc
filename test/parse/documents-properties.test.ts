import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { documentRefSlug, findDocumentRefs, normaliseDocumentRef } from "../../src/document-refs";

/** Text built from reference-like fragments, words and noise. */
const fragment = fc.oneof(
  fc.constantFrom(
    "ADM/5",
    "ADM 31",
    "admin/7E",
    "DT/4Rev 1",
    "DT/30 rev 3",
    "Document 3, addendum 3",
    "documents 56 rev 1 and 57",
  ),
  fc.constantFrom(
    "rule 51",
    "Article 5B",
    "Articles 5, 6 and 7",
    "Resolution PLEN/3",
    "Recommendation ITU-T D.50",
    "(Rev.1)",
    ", Page 45",
  ),
  fc.constantFrom(
    "the rule of law",
    "article of faith",
    "and",
    ",",
    " ",
    "(",
    ")",
    "-E",
    "rev",
    "add",
    "12",
    "/",
  ),
  fc.string({ maxLength: 12 }),
);
const text = fc.array(fragment, { maxLength: 20 }).map((parts) => parts.join(" "));

describe("findDocumentRefs on any text", () => {
  test("never throws; refs are ordered, disjoint, and their offsets slice to raw", () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string(), fc.string({ unit: "binary" })), (t) => {
        let last = 0;
        for (const r of findDocumentRefs(t)) {
          expect(t.slice(r.start, r.end)).toBe(r.raw);
          expect(r.start).toBeGreaterThanOrEqual(last);
          expect(r.end).toBeGreaterThan(r.start);
          expect(r.id).toMatch(
            /^(ADM|DT|DL|DOC|RULE|ARTICLE|RESOLUTION|RECOMMENDATION)\/[A-Z0-9.-]+$/,
          );
          last = r.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  test("every id found reads back to itself, and from its slug", () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const r of findDocumentRefs(t)) {
          expect(normaliseDocumentRef(r.id)).toBe(r.id);
          expect(normaliseDocumentRef(documentRefSlug(r.id))).toBe(r.id);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test("a reference keeps its id whatever surrounds it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          ["DT/30 rev 3", "DT/30-REV3"],
          ["ADM/12-E", "ADM/12"],
          ["Document 3, addendum 3", "DOC/3-ADD3"],
          ["Article 5B", "ARTICLE/5B"],
          ["Resolution PLEN/3", "RESOLUTION/PLEN-3"],
        ),
        fc.constantFrom("", "see ", "In (", "Thank you. "),
        fc.constantFrom("", ".", " is adopted", ")", ", please"),
        ([raw, id], before, after) => {
          const found = findDocumentRefs(`${before}${raw}${after}`);
          expect(found.map((r) => [r.id, r.raw, r.start])).toEqual([[id, raw, before.length]]);
        },
      ),
    );
  });
});
