/**
 * Names typed as words (src/search/names.ts) against the real speaker catalogue
 * (ingest/parse/speakers.ts listSpeakerAliases): the rules R1-R3, the traps (Niger/Nigeria,
 * Guinea/Guinea-Bissau, Dominica/Dominican Republic, the two Congos) and short keys.
 */
import { describe, expect, test } from "vitest";
import { listSpeakerAliases } from "../../ingest/parse/speakers";
import {
  formalKey,
  lookupName,
  nameTable,
  nearestNames,
  recogniseNames,
} from "../../src/search/names";

const table = nameTable(listSpeakerAliases());
/** Words "of the corpus" for these tests: English words a query mixes with names. */
const CORPUS_WORDS = new Set([
  "can",
  "us",
  "are",
  "spam",
  "states",
  "member",
  "thank",
  "you",
  "internet",
]);
const isCorpusWord = (term: string) => CORPUS_WORDS.has(term);

function recognised(q: string): string[] {
  return recogniseNames(table, q.split(" "), isCorpusWord).map((m) => `${m.id}/${m.rule}`);
}

describe("recogniseNames: a fixture table", () => {
  test.each([
    // The traps: a name that is a prefix of another, or one edit short of it, is itself.
    ["niger", ["NER/exact"]],
    ["nigeria", ["NGA/exact"]],
    ["nigerai", ["NGA/spelling"]],
    ["guinea", ["GIN/exact"]],
    ["guinea-bissau", ["GNB/exact"]],
    ["guinea bissau", ["GNB/exact"]],
    ["equatorial guinea", ["GNQ/exact"]],
    ["dominica", ["DMA/exact"]],
    ["dominican republic", ["DOM/exact"]],
    ["dominican", ["DOM/exact"]],
    // "congo" is the Republic of the Congo by name and the DRC by its formal name.
    ["congo", ["COG/exact", "COD/formal"]],
    ["democratic republic of the congo", ["COD/exact"]],
    ["drc", ["COD/exact"]],
    // Names with a topic, roles, aliases.
    ["egypt spam", ["EGY/exact"]],
    ["egipt spam", ["EGY/spelling"]],
    ["united states internet", ["USA/exact"]],
    ["untied states", ["USA/spelling"]],
    ["usa", ["USA/exact"]],
    ["the chair", ["chair/exact"]],
    ["secretariat", ["secretariat/exact"]],
    ["ivory coast", ["CIV/exact"]],
    ["côte d'ivoire", ["CIV/exact"]],
    ["iran", ["IRN/exact"]],
    ["egypt canada", ["EGY/exact", "CAN/exact"]],
    // Short keys: capitals or a word the corpus does not use.
    ["US", ["USA/exact"]],
    ["us", []],
    ["CAN", ["CAN/exact"]],
    ["can", []],
    // Words that are no name.
    ["member states", []],
    ["thank you", []],
    ["spam", []],
  ])("%s -> %j", (q, expected) => {
    expect(recognised(q)).toEqual(expected);
  });

  test("a match says which words named it, where they are and how", () => {
    const [match] = recogniseNames(table, ["spam", "from", "saudi", "arabia"], isCorpusWord);
    expect(match).toMatchObject({
      id: "SAU",
      words: "saudi arabia",
      start: 2,
      end: 4,
      rule: "exact",
    });
  });

  test("a misspelled word that the corpus uses is not read as a name", () => {
    expect(recogniseNames(table, ["egipt"], () => true)).toEqual([]);
  });
});

describe("lookupName and nearestNames", () => {
  test.each([
    ["EGY", ["EGY"]],
    ["egypt", ["EGY"]],
    ["Arab Republic of Egypt", ["EGY"]],
    ["united states", ["USA"]],
    ["NIGER", ["NER"]],
    ["nobody", []],
  ])("lookupName(%j) -> %j", (value, ids) => {
    expect(lookupName(table, value)).toEqual(ids);
  });

  test("the nearest names of a misspelling, nearest first", () => {
    expect(nearestNames(table, "egipt").map((e) => e.id)[0]).toBe("EGY");
    expect(nearestNames(table, "sweeden").map((e) => e.id)[0]).toBe("SWE");
    expect(nearestNames(table, "xyzzy")).toEqual([]);
  });

  test("formalKey leaves out the qualifiers of a formal state name", () => {
    expect(formalKey("Democratic Republic of the Congo")).toBe("congo");
    expect(formalKey("Dominican Republic")).toBe("dominican");
    expect(formalKey("United States")).toBe("");
    expect(formalKey("Egypt")).toBe("");
  });
});
