import { describe, expect, test } from "vitest";
import { alpha3ToAlpha2, getName } from "i18n-iso-countries/index.js";
import {
  ITU_MEMBER_STATES_2012,
  listSpeakerAliases,
  matchSpeakerLabel,
  normaliseSpeaker,
  speakerKey,
} from "../../ingest/parse/speakers";

type Expect = { kind: string; id: string; country: string | null; name?: string };
const del = (id: string, name?: string): Expect => ({
  kind: "delegation",
  id,
  country: id,
  ...(name ? { name } : {}),
});
const role = (kind: string, id: string, name?: string): Expect => ({
  kind,
  id,
  country: null,
  ...(name ? { name } : {}),
});

describe("delegation labels", () => {
  test.each<[string, Expect]>([
    ["EGYPT", del("EGY", "Egypt")],
    ["Egypt", del("EGY")],
    ["egypt", del("EGY")],
    ["IRAN", del("IRN", "Iran (Islamic Republic of)")],
    ["ISLAMIC REPUBLIC OF IRAN", del("IRN")],
    ["IRAN (ISLAMIC REPUBLIC OF)", del("IRN")],
    ["IRAQ", del("IRQ", "Iraq")],
    ["UNITED STATES", del("USA", "United States")],
    ["UNITED STATES OF AMERICA", del("USA")],
    ["USA", del("USA")],
    ["U.S.", del("USA")],
    ["U.S.A.", del("USA")],
    ["UK", del("GBR", "United Kingdom")],
    ["UNITED KINGDOM", del("GBR")],
    ["RUSSIA", del("RUS", "Russian Federation")],
    ["RUSSIAN FEDERATION", del("RUS")],
    ["KOREA", del("KOR", "Korea (Republic of)")],
    ["REPUBLIC OF KOREA", del("KOR")],
    ["DPR KOREA", del("PRK")],
    ["DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", del("PRK")],
    ["DPRK", del("PRK")],
    ["SYRIA", del("SYR")],
    ["SYRIAN ARAB REPUBLIC", del("SYR")],
    ["VENEZUELA", del("VEN")],
    ["BOLIVIA", del("BOL")],
    ["TANZANIA", del("TZA")],
    ["UNITED REPUBLIC OF TANZANIA", del("TZA")],
    ["VIET NAM", del("VNM", "Viet Nam")],
    ["VIETNAM", del("VNM")],
    ["LAO", del("LAO")],
    ["LAO P.D.R.", del("LAO")],
    ["MOLDOVA", del("MDA")],
    ["CZECH REPUBLIC", del("CZE")],
    ["CZECHIA", del("CZE")],
    ["COTE D'IVOIRE", del("CIV", "Côte d'Ivoire")],
    ["CÔTE D’IVOIRE", del("CIV")],
    ["COTE DIVOIRE", del("CIV")],
    ["UAE", del("ARE")],
    ["UNITED ARAB EMIRATES", del("ARE")],
    ["SAUDI ARABIA", del("SAU")],
    ["THE NETHERLANDS", del("NLD")],
    ["NETHERLANDS", del("NLD")],
    ["TRINIDAD AND TOBAGO", del("TTO")],
    ["TRINIDAD & TOBAGO", del("TTO")],
    ["CONGO", del("COG")],
    ["DEMOCRATIC REPUBLIC OF THE CONGO", del("COD")],
    ["DRC", del("COD")],
    ["ST. LUCIA", del("LCA")],
    ["SAINT KITTS AND NEVIS", del("KNA")],
    ["HOLY SEE", del("VAT")],
    ["VATICAN", del("VAT")],
    ["SWAZILAND", del("SWZ")],
    ["THE FORMER YUGOSLAV REPUBLIC OF MACEDONIA", del("MKD")],
    ["TURKEY", del("TUR")],
    ["GAMBIA", del("GMB")],
    ["THE GAMBIA", del("GMB")],
    ["SOUTH SUDAN", del("SSD")],
    ["NIGER", del("NER")],
    ["NIGERIA", del("NGA")],
    ["DOMINICA", del("DMA")],
    ["DOMINICAN REPUBLIC", del("DOM")],
    ["LEBANON", del("LBN")],
    ["BULGARIA", del("BGR")],
    ["ALGERIA", del("DZA")],
    ["CANADA", del("CAN")],
    ["POLAND", del("POL")],
    ["PALAU", del("PLW")],
    ["PALESTINE", del("PSE")],
    // prefixes, suffixes, notes
    ["DELEGATE OF EGYPT", del("EGY")],
    ["EGYPT DELEGATION", del("EGY")],
    ["REPRESENTATIVE OF CUBA", del("CUB")],
    ["THE DELEGATE FROM INDIA", del("IND")],
    ["DISTINGUISHED DELEGATE OF SAUDI ARABIA", del("SAU")],
    ["HEAD OF DELEGATION OF CANADA", del("CAN")],
    ["EGYPT (Interpreted)", del("EGY")],
    ["CUBA (speaking Spanish)", del("CUB")],
    ["IRAN (?)", del("IRN")],
    ["EGYPT ON BEHALF OF THE ARAB GROUP", del("EGY")],
    ["EGYPT - ARAB GROUP", del("EGY")],
    ["GUINEA-BISSAU", del("GNB")],
    ["  EGYPT  ", del("EGY")],
    ["EGYPT:", del("EGY")],
    ["UNITED   STATES", del("USA")],
  ])("%j -> %j", (label, expected) => {
    const s = matchSpeakerLabel(label);
    expect(s).toMatchObject({ raw: label, ...expected });
    expect(normaliseSpeaker(label)).toEqual(s);
  });
});

describe("role labels", () => {
  test.each<[string, Expect]>([
    ["CHAIR", role("chair", "chair", "Chair")],
    ["Chair", role("chair", "chair", "Chair")],
    ["CHAIRMAN", role("chair", "chair", "Chair")],
    ["CHAIRPERSON", role("chair", "chair", "Chair")],
    ["THE CHAIRMAN", role("chair", "chair", "Chair")],
    ["MADAM CHAIR", role("chair", "chair", "Chair")],
    ["MR. CHAIRMAN", role("chair", "chair", "Chair")],
    ["PRESIDENT", role("chair", "chair", "Chair")],
    ["PRESIDENT OF THE CONFERENCE", role("chair", "chair", "Chair")],
    ["CHAIRMAN COMMITTEE 4", role("chair", "chair", "Chair of Committee 4")],
    ["COMMITTEE 4 CHAIRMAN", role("chair", "chair", "Chair of Committee 4")],
    ["CHAIR OF COMMITTEE FIVE", role("chair", "chair", "Chair of Committee 5")],
    ["COM5 CHAIR", role("chair", "chair", "Chair of Committee 5")],
    ["VICE-CHAIR", role("chair", "chair", "Vice-Chair")],
    ["VICE CHAIRMAN OF COMMITTEE 5", role("chair", "chair", "Vice-Chair of Committee 5")],
    [
      "CHAIRMAN OF THE WORKING GROUP OF THE PLENARY",
      role("chair", "chair", "Chair of the Working Group of the Plenary"),
    ],
    ["SECRETARIAT", role("secretariat", "secretariat", "Secretariat")],
    ["SECRETARY OF THE SESSION", role("secretariat", "secretariat", "Secretary of the Session")],
    ["SECRETARY", role("secretariat", "secretariat", "Secretary")],
    ["LEGAL ADVISOR", role("secretariat", "secretariat", "Legal Adviser")],
    ["LEGAL ADVISER", role("secretariat", "secretariat", "Legal Adviser")],
    ["INTERPRETER", role("interpreter", "interpreter", "Interpreter")],
    ["INTERPRETERS", role("interpreter", "interpreter")],
    ["Interpreter (French)", role("interpreter", "interpreter")],
    ["SECRETARY-GENERAL", role("official", "official:secretary-general", "Secretary-General")],
    ["SECRETARY GENERAL", role("official", "official:secretary-general")],
    ["ITU SECRETARY-GENERAL", role("official", "official:secretary-general")],
    [
      "DEPUTY SECRETARY-GENERAL",
      role("official", "official:deputy-secretary-general", "Deputy Secretary-General"),
    ],
    ["DIRECTOR TSB", role("official", "official:director-tsb")],
    ["ANNOUNCER", role("official", "official:announcer", "Announcer")],
    ["MASTER OF CEREMONIES", role("official", "official:master-of-ceremonies")],
    ["SPEAKER", role("unknown", "unknown", "Unidentified speaker")],
    ["UNIDENTIFIED SPEAKER", role("unknown", "unknown")],
    ["FLOOR", role("unknown", "unknown")],
    ["H.E. THE SECRETARY-GENERAL", role("official", "official:secretary-general")],
    ["REPRESENTATIVE OF THE SECRETARIAT", role("secretariat", "secretariat")],
    ["MR. CHAIRMAN OF COMMITTEE 5", role("chair", "chair", "Chair of Committee 5")],
    ["CHAIR, COMMITTEE 5", role("chair", "chair", "Chair of Committee 5")],
    // a role followed by a name is the role
    ["CHAIRMAN AL EXAMPLE", role("chair", "chair", "Chair")],
    ["SECRETARY-GENERAL EXAMPLE", role("official", "official:secretary-general")],
  ])("%j -> %j", (label, expected) => {
    expect(matchSpeakerLabel(label)).toMatchObject({ raw: label, ...expected });
  });
});

describe("persons by shape", () => {
  test.each<[string, string, string]>([
    ["MR. SMITH", "person:smith", "Mr. Smith"],
    ["Mr Smith", "person:smith", "Mr. Smith"],
    ["Mr.Smith", "person:smith", "Mr. Smith"],
    ["DR. JANE DOE", "person:jane-doe", "Dr. Jane Doe"],
    ["Dr. Jane Doe", "person:jane-doe", "Dr. Jane Doe"],
    ["H.E. MR. JOHN DOE", "person:john-doe", "H.E. Mr. John Doe"],
    ["PROFESSOR ANA EXAMPLE", "person:ana-example", "Prof. Ana Example"],
    ["JANE DOE", "person:jane-doe", "Jane Doe"],
    ["Jane Doe", "person:jane-doe", "Jane Doe"],
    ["AHMAD BIN EXAMPLE", "person:ahmad-bin-example", "Ahmad bin Example"],
    ["SAMIR AL EXAMPLE", "person:samir-al-example", "Samir Al Example"],
    ["JOSÉ EXAMPLE", "person:jose-example", "José Example"],
  ])("%j -> %s (%s)", (label, id, name) => {
    expect(matchSpeakerLabel(label)).toEqual({
      raw: label,
      kind: "person",
      id,
      name,
      country: null,
    });
  });
});

describe("not speaker labels", () => {
  test.each([
    "Note",
    "Article 5",
    "Thank you",
    "Two points",
    "First",
    "Good Afternoon",
    "Distinguished Delegates",
    "Proposed Modification",
    "Ladies and Gentlemen",
    "Closing Remarks",
    "Kind Regards",
    "Main Points",
    "Option 1",
    "In summary",
    "For example",
    "Chair Thank You",
    "Resolution PLEN/3",
    "Page 45",
    "Us",
    "Uk",
    "So",
    "",
    "   ",
    ":",
    "12:30",
    "TAIWAN",
    "Mr. and Mrs.",
    "SERVICES PROVIDED BY",
    "This is a much longer sentence that happens to end with a colon and is not a label at all",
  ])("%j -> null", (label) => {
    expect(matchSpeakerLabel(label)).toBeNull();
  });
});

describe("normaliseSpeaker", () => {
  test("null is the unidentified speaker", () => {
    expect(normaliseSpeaker(null)).toEqual({
      raw: null,
      kind: "unknown",
      id: "unknown",
      name: "Unidentified speaker",
      country: null,
    });
  });
  test("an unrecognised label is unknown, named by its own words, raw kept", () => {
    expect(normaliseSpeaker("ZZYZX:")).toEqual({
      raw: "ZZYZX:",
      kind: "unknown",
      id: "unknown",
      name: "Zzyzx",
      country: null,
    });
    expect(normaliseSpeaker("")).toEqual({
      raw: "",
      kind: "unknown",
      id: "unknown",
      name: "Unidentified speaker",
      country: null,
    });
  });
  test("results are fresh objects (a caller may change one safely)", () => {
    const a = normaliseSpeaker("EGYPT");
    a.name = "changed";
    expect(normaliseSpeaker("EGYPT").name).toBe("Egypt");
  });
});

describe("the ITU Member States list", () => {
  const entries = listSpeakerAliases();
  const delegations = entries.filter((e) => e.kind === "delegation");

  test("193 unique ISO 3166-1 alpha-3 codes the package knows", () => {
    expect(ITU_MEMBER_STATES_2012).toHaveLength(193);
    expect(new Set(ITU_MEMBER_STATES_2012).size).toBe(193);
    for (const code of ITU_MEMBER_STATES_2012) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect(alpha3ToAlpha2(code), code).toBeDefined();
    }
  });

  test("UN members minus Palau plus the Vatican: South Sudan in, Palau and non-members out", () => {
    expect(ITU_MEMBER_STATES_2012).toContain("VAT");
    expect(ITU_MEMBER_STATES_2012).toContain("SSD");
    for (const code of ["PLW", "PSE", "TWN", "XKX", "HKG", "PRI", "COK", "NIU"]) {
      expect(ITU_MEMBER_STATES_2012).not.toContain(code);
    }
  });

  test("every member is listed once as a delegation with its code as id and country", () => {
    const ids = delegations.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const code of ITU_MEMBER_STATES_2012) {
      const d = delegations.find((e) => e.id === code);
      expect(d, code).toBeDefined();
      expect(d!.country).toBe(code);
      expect(d!.aliases).toContain(code.toLowerCase());
    }
    expect(delegations.map((d) => d.id).sort()).toEqual(
      [...ITU_MEMBER_STATES_2012, "PLW", "PSE"].sort(),
    );
  });

  test("names come from the package unless overridden (a few, documented)", () => {
    const fromPackage = delegations.filter((d) => {
      const names = getName(alpha3ToAlpha2(d.id)!, "en", { select: "all" }) ?? [];
      return names[0] === d.name;
    });
    expect(fromPackage.length).toBeGreaterThan(170);
  });

  test("no alias names two entries", () => {
    const owner = new Map<string, string>();
    for (const e of entries) {
      for (const a of e.aliases) {
        expect(owner.get(a) ?? e.id, `${a}: ${owner.get(a)} and ${e.id}`).toBe(e.id);
        owner.set(a, e.id);
      }
    }
  });

  test("aliases are keys, and each delegation alias read as a label (in capitals) names its delegation", () => {
    for (const d of delegations) {
      for (const alias of d.aliases) {
        expect(speakerKey(alias)).toBe(alias);
        if (alias === d.id.toLowerCase() && !["usa", "lao"].includes(alias)) continue; // codes are filter words, not labels
        expect(matchSpeakerLabel(alias.toUpperCase())?.id, alias).toBe(d.id);
      }
    }
  });

  test("roles are listed for the filter", () => {
    const byId = new Map(entries.map((e) => [e.id, e]));
    expect(byId.get("chair")?.aliases).toEqual(
      expect.arrayContaining(["chair", "chairman", "president"]),
    );
    expect(byId.get("secretariat")?.kind).toBe("secretariat");
    expect(byId.get("interpreter")?.kind).toBe("interpreter");
    expect(byId.get("official:announcer")?.kind).toBe("official");
    expect(byId.get("official:secretary-general")?.aliases).toContain("secretary general");
    expect(byId.get("unknown")?.kind).toBe("unknown");
  });

  test("filter words a user types resolve through speakerKey", () => {
    const find = (q: string) => entries.find((e) => e.aliases.includes(speakerKey(q)))?.id;
    expect(find("USA")).toBe("USA");
    expect(find("united states")).toBe("USA");
    expect(find("IRN")).toBe("IRN");
    expect(find("Iran")).toBe("IRN");
    expect(find("Côte d'Ivoire")).toBe("CIV");
    expect(find("chairman")).toBe("chair");
  });
});
