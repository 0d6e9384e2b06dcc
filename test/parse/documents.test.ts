import { describe, expect, test } from "vitest";
import { documentRefSlug, findDocumentRefs, normaliseDocumentRef } from "../../src/document-refs";

const ids = (text: string) => findDocumentRefs(text).map((r) => [r.id, r.raw]);

describe("references spoken in the room", () => {
  test.each<[string, [string, string][]]>([
    ["We look at ADM/5 first.", [["ADM/5", "ADM/5"]]],
    ["as in ADM 31 of yesterday", [["ADM/31", "ADM 31"]]],
    ["ADM/27 rev 1 is before you", [["ADM/27-REV1", "ADM/27 rev 1"]]],
    ["ADM/12-E, the English version", [["ADM/12", "ADM/12-E"]]],
    ["please see admin/7E", [["ADM/7", "admin/7E"]]],
    ["in DT/3 we have", [["DT/3", "DT/3"]]],
    ["DT/4Rev 1, Page 45", [["DT/4-REV1", "DT/4Rev 1"]]],
    ["DT/30 rev 3.", [["DT/30-REV3", "DT/30 rev 3"]]],
    ["DT/30(Rev.1)", [["DT/30-REV1", "DT/30(Rev.1)"]]],
    ["(see DT/30 rev 1)", [["DT/30-REV1", "DT/30 rev 1"]]],
    ["DT/05", [["DT/5", "DT/05"]]],
    ["DL/2 on the screen", [["DL/2", "DL/2"]]],
    ["Document 65 contains", [["DOC/65", "Document 65"]]],
    ["document 56 rev 1", [["DOC/56-REV1", "document 56 rev 1"]]],
    ["Doc. 12", [["DOC/12", "Doc. 12"]]],
    ["document number 47", [["DOC/47", "document number 47"]]],
    ["Document 3, addendum 3", [["DOC/3-ADD3", "Document 3, addendum 3"]]],
    ["Document 3 Addendum 3 Revision 1", [["DOC/3-ADD3-REV1", "Document 3 Addendum 3 Revision 1"]]],
    ["document 3 rev 1 add 2", [["DOC/3-ADD2-REV1", "document 3 rev 1 add 2"]]],
    ["Document 65-E", [["DOC/65", "Document 65-E"]]],
    ["addendum 2 to Document 3", [["DOC/3-ADD2", "addendum 2 to Document 3"]]],
    ["Revision 1 of DT/30", [["DT/30-REV1", "Revision 1 of DT/30"]]],
    ["revision 2 of the document 12 rev 1", [["DOC/12-REV2", "revision 2 of the document 12"]]],
    ["DT/30/Rev.1", [["DT/30-REV1", "DT/30/Rev.1"]]],
    [
      "documents 56 rev 1 and 57",
      [
        ["DOC/56-REV1", "documents 56 rev 1"],
        ["DOC/57", "57"],
      ],
    ],
    [
      "documents 12, 13 and 14 rev 2",
      [
        ["DOC/12", "documents 12"],
        ["DOC/13", "13"],
        ["DOC/14-REV2", "14 rev 2"],
      ],
    ],
    ["according to rule 51", [["RULE/51", "rule 51"]]],
    ["Rule No. 51", [["RULE/51", "Rule No. 51"]]],
    ["rule 51.2 says", [["RULE/51", "rule 51"]]],
    // A singular keyword takes "and" but not a bare comma: the 3 here counts delegations.
    ["Article 5, 3 delegations spoke", [["ARTICLE/5", "Article 5"]]],
    ["Article 6 of the ITRs", [["ARTICLE/6", "Article 6"]]],
    ["Article 5B", [["ARTICLE/5B", "Article 5B"]]],
    ["article 3a", [["ARTICLE/3A", "article 3a"]]],
    ["Article 4 bis", [["ARTICLE/4BIS", "Article 4 bis"]]],
    ["Article 6.1", [["ARTICLE/6", "Article 6"]]],
    [
      "Articles 5, 6 and 7",
      [
        ["ARTICLE/5", "Articles 5"],
        ["ARTICLE/6", "6"],
        ["ARTICLE/7", "7"],
      ],
    ],
    [
      "Articles 3 and 4 bis, and 5A",
      [
        ["ARTICLE/3", "Articles 3"],
        ["ARTICLE/4BIS", "4 bis"],
        ["ARTICLE/5A", "5A"],
      ],
    ],
    [
      "Article 5 and 6",
      [
        ["ARTICLE/5", "Article 5"],
        ["ARTICLE/6", "6"],
      ],
    ],
    [
      "Article 19 of the Universal Declaration of Human Rights",
      [["ARTICLE/19-UDHR", "Article 19 of the Universal Declaration of Human Rights"]],
    ],
    ["Article 58 of the Constitution", [["ARTICLE/58-CS", "Article 58 of the Constitution"]]],
    ["Resolution PLEN/3", [["RESOLUTION/PLEN-3", "Resolution PLEN/3"]]],
    ["Resolution COM5/1", [["RESOLUTION/COM5-1", "Resolution COM5/1"]]],
    ["Resolution 130 (Rev. Guadalajara, 2010)", [["RESOLUTION/130", "Resolution 130"]]],
    ["Recommendation ITU-T D.50", [["RECOMMENDATION/ITU-T-D.50", "Recommendation ITU-T D.50"]]],
    ["ITU-T E.164", [["RECOMMENDATION/ITU-T-E.164", "ITU-T E.164"]]],
    [
      "In DT/30 rev 3, Article 5B and rule 51 apply, says Document 3, addendum 3.",
      [
        ["DT/30-REV3", "DT/30 rev 3"],
        ["ARTICLE/5B", "Article 5B"],
        ["RULE/51", "rule 51"],
        ["DOC/3-ADD3", "Document 3, addendum 3"],
      ],
    ],
  ])("%j", (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});

describe("ordinary speech is not a reference", () => {
  test.each([
    "the rule of law",
    "an article of faith",
    "at 5 rev",
    "56 rev 1",
    "as a rule, we agree",
    "the articles in the press",
    "Adm 5",
    "dt 5",
    "in 2012 document 2012 was long",
    "the resolution of the problem",
    "document the decision",
    "DT/",
    "ADM/",
    "Article",
    "the first article",
    "ITU-T recommendations in general",
    "rules 1000 and more",
  ])("%j", (text) => {
    expect(findDocumentRefs(text)).toEqual([]);
  });
});

describe("normaliseDocumentRef and documentRefSlug", () => {
  test.each([
    ["DT/30 rev 3", "DT/30-REV3"],
    ["dt-30-rev-3", "DT/30-REV3"],
    ["dt-30-rev3", "DT/30-REV3"],
    ["DT/30-REV3", "DT/30-REV3"],
    [" DT 30 REV 3 ", "DT/30-REV3"],
    ["adm-12-e", "ADM/12"],
    ["ADM/12-E", "ADM/12"],
    ["admin/7E", "ADM/7"],
    ["Document 3, addendum 3", "DOC/3-ADD3"],
    ["doc-3-add3", "DOC/3-ADD3"],
    ["DOC/65", "DOC/65"],
    ["rule-51", "RULE/51"],
    ["RULE/51", "RULE/51"],
    ["article-5b", "ARTICLE/5B"],
    ["Article 5B", "ARTICLE/5B"],
    ["article-19-udhr", "ARTICLE/19-UDHR"],
    ["resolution-plen-3", "RESOLUTION/PLEN-3"],
    ["Resolution PLEN/3", "RESOLUTION/PLEN-3"],
    ["resolution-130", "RESOLUTION/130"],
    ["recommendation-itu-t-d.50", "RECOMMENDATION/ITU-T-D.50"],
  ])("%j -> %s", (raw, id) => {
    expect(normaliseDocumentRef(raw)).toBe(id);
  });

  test.each([
    "",
    "65",
    "DT/30 and more",
    "the rule of law",
    "DT/30 DT/31",
    "hello",
    "x".repeat(500),
  ])("%j -> null", (raw) => {
    expect(normaliseDocumentRef(raw)).toBeNull();
  });

  test.each([
    ["DT/30-REV3", "dt-30-rev3"],
    ["DOC/3-ADD3", "doc-3-add3"],
    ["RESOLUTION/PLEN-3", "resolution-plen-3"],
    ["ARTICLE/5B", "article-5b"],
    ["RECOMMENDATION/ITU-T-D.50", "recommendation-itu-t-d.50"],
  ])("slug of %s is %s, and both read back to the id", (id, slug) => {
    expect(documentRefSlug(id)).toBe(slug);
    expect(normaliseDocumentRef(id)).toBe(id);
    expect(normaliseDocumentRef(slug)).toBe(id);
  });
});
