/** Conversion junk: what is removed, what is kept (numbers that are speech), and the offsets. */
import { describe, expect, test } from "vitest";
import { cleanCharacters, isJunkLine, isTeaserLine, removeBodyJunk } from "../../ingest/parse/junk";
import { identityText, sourceSpanOf } from "../../ingest/parse/mapped-text";
import { repairMojibake } from "../../ingest/parse/mojibake";

const body = (text: string): string => removeBodyJunk(cleanCharacters(identityText(text))).text;
const squash = (s: string): string => s.replace(/\s+/g, " ").trim();

describe("mojibake table", () => {
  test.each([
    ["â€™", "’"],
    ["â€˜", "‘"],
    ["â€œ", "“"],
    ["â€\u009d", "”"],
    ["â€", "”"],
    ["â€“", "–"],
    ["â€”", "—"],
    ["â€¦", "…"],
    ["Ã©", "é"],
    ["Ã¨", "è"],
    ["Ã§", "ç"],
    ["Ã‰", "É"],
    ["Â ", " "],
  ])("%j -> %j", (bad, good) => {
    expect(cleanCharacters(identityText(`x${bad}y`)).text).toBe(`x${good}y`);
  });

  test("real accented text is left alone", () => {
    for (const s of ["CÔTE D’IVOIRE", "SÃO TOMÉ", "Ça va", "naïve — “quoted”"]) {
      expect(cleanCharacters(identityText(s)).text).toBe(s);
    }
    expect(repairMojibake("Ã")).toBeNull();
  });

  test("a repaired character maps back to its whole input run", () => {
    const m = cleanCharacters(identityText("itâ€™s"));
    expect(m.text).toBe("it’s");
    expect(sourceSpanOf(m, 2, 3)).toEqual({ start: 2, end: 5 });
    expect(sourceSpanOf(m, 0, 4)).toEqual({ start: 0, end: 6 });
  });
});

describe("characters", () => {
  test("line breaks, entities, odd spaces and controls", () => {
    expect(cleanCharacters(identityText("a\r\nb\rc\fd\ve")).text).toBe("a\nb\nc\nd\ne");
    expect(
      cleanCharacters(identityText("&gt;&gt; CHAIR: A &amp; B&#39;s &quot;x&quot;")).text,
    ).toBe(`>> CHAIR: A & B's "x"`);
    expect(cleanCharacters(identityText("a\u00a0b\u200bc\u00add\u0007e\ufeff")).text).toBe(
      "a bcd e",
    );
  });
});

describe("junk lines", () => {
  test.each([
    "12",
    "Page 3",
    "Page 3 of 12",
    "- 3 -",
    "-- 3 of 12 --",
    "3 of 12",
    "12 pages",
    "Pages: 12",
    "Uploaded by someone_else",
    "Uploader: someone",
    "advertisement",
    "Advertisement",
  ])("%j is junk", (line) => {
    expect(body(`>> CHAIR: One.\n${line}\nTwo.`)).toBe(">> CHAIR: One.\nTwo.");
  });

  test.each([
    "Uploaded by the delegation of Egypt, this text was agreed.",
    "12 delegations agreed",
  ])("%j is speech", (line) => {
    expect(isJunkLine(line)).toBe(false);
    expect(squash(body(`>> CHAIR: One.\n${line}\nTwo.`))).toBe(`>> CHAIR: One. ${line} Two.`);
  });

  test("teaser lines", () => {
    for (const t of ["Download", "Read online now", "4 pages", "1,234 views", "Uploaded by x"]) {
      expect(isTeaserLine(t)).toBe(true);
    }
    expect(isTeaserLine("Good afternoon, delegates.")).toBe(false);
  });
});

describe("page numbers and numbers that are speech", () => {
  test.each([
    ["the proposal of the\n7\ndelegations", "the proposal of the delegations"],
    ["in Article\n5\nof the text", "in Article 5 of the text"],
    ["see Document\n65", "see Document 65"],
    ["under rule\n51\nwe", "under rule 51 we"],
    ["document 56 rev\n1\nis", "document 56 rev 1 is"],
    ["ADM/27 rev 1 and 56 rev 1 and 3, addendum 3", "ADM/27 rev 1 and 56 rev 1 and 3, addendum 3"],
    ["Article 5.\n8\nNext\n9\nthen", "Article 5. Next then"],
    ["it.4 We agree", "it. We agree"],
    ["agree.12Thank you", "agree. Thank you"],
    ["Rev.1 is here. No.5 too.", "Rev.1 is here. No.5 too."],
    ["floor. 14 >> CUBA: Yes.", "floor. >> CUBA: Yes."],
    ["in Document 65 >> CUBA: Yes.", "in Document 65 >> CUBA: Yes."],
    ["on Page 2: the rest", "on the rest"],
    ["DT/4Rev 1, Page 45: the text", "DT/4Rev 1, Page 45: the text"],
    ["the year 2012\nwas", "the year 2012 was"],
  ])("%j -> %j", (input, expected) => {
    expect(squash(body(input))).toBe(expected);
  });

  test("numbers in page order are page numbers even after a number-taking word", () => {
    expect(squash(body("in Article\n4\ntext\n5\nmore"))).toBe("in Article text more");
  });
});

describe("glued words", () => {
  test.each([
    ["Mr.Name spoke", "Mr. Name spoke"],
    ["H.E.Mr.Name", "H.E. Mr. Name"],
    ["the floor.Thank you", "the floor. Thank you"],
    ["Egypt,Cuba and Iran;India", "Egypt, Cuba and Iran; India"],
    ["e.g.The", "e.g.The"],
    ["1,000 and 2.5", "1,000 and 2.5"],
    ["www.example.com", "www.example.com"],
  ])("%j -> %j", (input, expected) => {
    expect(body(input)).toBe(expected);
  });
});

describe("boilerplate repeated in the body (J7)", () => {
  test.each([
    [
      ">> CHAIR: Bye.\n***\nThis text is being provided in a rough draft format.\n***",
      ">> CHAIR: Bye.",
    ],
    [
      ">> CHAIR: Bye. *** This is being provided in an edited format. *** >> EGYPT: Yes.",
      ">> CHAIR: Bye. >> EGYPT: Yes.",
    ],
    [
      ">> CHAIR: Bye.\nThis is being provided in a rough-draft format. Not a verbatim record of the proceedings.\n>> EGYPT: Yes.",
      ">> CHAIR: Bye. >> EGYPT: Yes.",
    ],
    [
      ">> CHAIR: Bye.\nServices provided by:\nExample Captions, Inc.\nP.O. Box 1\n800-555-0100\nwww.example.com\nThank you, everyone.",
      ">> CHAIR: Bye. Thank you, everyone.",
    ],
    [">> CHAIR: a.\n* * * * *\n>> EGYPT: b.", ">> CHAIR: a. >> EGYPT: b."],
    [
      ">> CHAIR: a.\nThis text is being provided in an edited format\n>> EGYPT: b.",
      ">> CHAIR: a. >> EGYPT: b.",
    ],
    [
      ">> CHAIR: we said this is provided in a rough draft only.",
      ">> CHAIR: we said this is provided in a rough draft only.",
    ],
  ])("%j", (input, expected) => {
    expect(squash(body(input))).toBe(expected);
  });
});

describe("copy-site furniture (J8)", () => {
  const around = (lines: string[]): string =>
    squash(body([">> CHAIR: One.", ...lines, ">> EGYPT: Two."].join("\n")));

  test.each([
    ["Welcome message from author"],
    ["1,204 views"],
    ["12 VIEWS"],
    ["Views: 87"],
    ["3 download"],
    ["Category: Documents"],
    ["categories: Politics & Law"],
    ["Post on Facebook"],
    ["Web view FINISHED TRANSCRIPT WORLD CONFERENCE..."],
    ["Upload: jdoe1984"],
    ["Dec 07, 2012", "Download"],
    ["Download", "Transcript"],
    ["JAN 3, 2013", "Uploaded by someone"],
    ["Download", "jdoe1984", "88 views"],
    ["Upload: someone", "Mira Kovacs", "Welcome message from author"],
  ])("%j is furniture", (...lines) => {
    expect(around(lines)).toBe(">> CHAIR: One. >> EGYPT: Two.");
  });

  test.each([
    ["Download the document from the website, please."],
    ["The Transcript of the last meeting is posted."],
    ["Category 2 countries asked for time."],
    ["post on the website the revised text"],
    ["Download"],
    ["Transcript"],
    ["December 11, 2012"],
    ["Uploaded by someone", "tefilo", "Uploaded by someone"],
    ["advertisement", "Mo Ripe", "advertisement"],
  ])("%j is speech (alone, or beside junk that is not the site's)", (...lines) => {
    const speech = lines.filter((l) => !isJunkLine(l));
    expect(around(lines)).toBe(`>> CHAIR: One. ${speech.join(" ")} >> EGYPT: Two.`);
  });

  test("a bare user name at the edge of a run stays (it may end a line of speech)", () => {
    expect(around(["that", "Welcome message from author"])).toBe(
      ">> CHAIR: One. that >> EGYPT: Two.",
    );
  });

  test("teaser lines before a header include Transcript of <page title> and upload dates", () => {
    for (const t of ["Transcript of Plenary 4 (copy)", "Dec 07, 2012", "Transcript"]) {
      expect(isTeaserLine(t)).toBe(true);
    }
    expect(isTeaserLine("Transcript of the meeting will be posted.")).toBe(false);
  });
});
