/**
 * Inventory of the format quirks (see the team's transcript-format.md) and the sample file that
 * carries each one, probed on the EXTRACTED text of the committed source. The parser and the test
 * writers rely on this table: if a sample is edited and loses a quirk, a row fails.
 */
import { describe, expect, it } from "vitest";
import { sampleByFile } from "./load";

type Probe = string | RegExp | ((text: string) => boolean);

/** [quirk, file, probe]. Strings must occur verbatim; regexes run on the extracted text. */
const QUIRKS: readonly (readonly [string, string, Probe])[] = [
  // Status lines
  ["status FINISHED TRANSCRIPT", "plenary1.docx", /^FINISHED TRANSCRIPT$/m],
  ["status FINAL TRANSCRIPT", "plenary17.docx", /^FINAL TRANSCRIPT$/m],
  ["status FINISHED FILE", "wg-plenary-6.txt", /^FINISHED FILE$/m],
  ["status FINAL COPY", "wg-plenary-4.txt", /^FINAL COPY$/m],
  ["status FINISHED COPY", "wg-plenary-5.txt", /^FINISHED COPY$/m],
  ["status RAW COPY", "wg-plenary-6-raw.txt", /^RAW COPY$/m],
  [
    "rough live version with no header",
    "plenary1-live.txt",
    (t) => !/TRANSCRIPT|DUBAI|Caption First/.test(t),
  ],
  // Header field orders and forms
  ["order date/time/title", "plenary1.docx", /^03 DECEMBER 2012\n14:30\nPLENARY 1$/m],
  ["order date/title/time", "com5-1.docx", /^04 DECEMBER 2012\nCOMMITTEE 5 MEETING\n18:30$/m],
  ["order title/date/time", "com5-2-copy.html", /^COMMITTEE 5 MEETING 2\n5 DECEMBER 2012\n14:30$/m],
  [
    "no title line (date and time only)",
    "plenary-dec10-1930.docx",
    /^10 DECEMBER 2012\n19:30\n\s*Services provided by:/m,
  ],
  [
    "no time line",
    "wg-plenary-5.txt",
    /^7 DECEMBER 2012\nFIFTH MEETING OF THE WORKING GROUP OF THE PLENARY\n\s*\*\*\*$/m,
  ],
  [
    "date DECEMBER 14, 2012 and time 1530-1850 LOCAL TIME",
    "plenary17.docx",
    /^DECEMBER 14, 2012\n1530-1850 LOCAL TIME$/m,
  ],
  ["title PLENARY 13 - CLOSING CEREMONY", "plenary17.docx", /^PLENARY 13 - CLOSING CEREMONY$/m],
  ["spoken number differs from title", "plenary17.docx", "the 17th plenary meeting"],
  ["time 9:30", "plenary2-copy.pdf", /^9:30$/m],
  [
    "time 09:00 and THIRD MEETING OF COMMITTEE 5",
    "com5-3-copy.pdf",
    /^09:00\nTHIRD MEETING OF COMMITTEE 5$/m,
  ],
  ["time 14:30 LOCAL TIME", "plenary9-copy.pdf", /^14:30 LOCAL TIME$/m],
  ["time 1030", "wg-plenary-6.txt", /^1030$/m],
  ["title FOURTH MEETING OF COM 5", "com5-4.txt", /^FOURTH MEETING OF COM 5$/m],
  [
    "title SIXTH MEETING OF THE WORKING GROUP OF THE PLENARY",
    "wg-plenary-6.txt",
    /^SIXTH MEETING OF THE WORKING GROUP OF THE PLENARY$/m,
  ],
  // Provider block
  ["Services provided by:", "plenary1.docx", /^Services provided by:$/m],
  ["Services Provided by:", "plenary2-copy.pdf", /^Services Provided by:$/m],
  ["SERVICES provided by:", "com5-1.docx", /^SERVICES provided by:$/m],
  [
    "US & Canada / International phones",
    "plenary17.docx",
    /^US & Canada: \(877\) 555-0134\nInternational: \+001-719-555-0176$/m,
  ],
  ["web line Www.", "plenary1.docx", /^Www\.captionfirst\.com$/m],
  ["web line www.", "com5-1.docx", /^www\.captionfirst\.com$/m],
  [
    "provider block without web line",
    "plenary-dec10-1930.docx",
    (t) => t.includes("Caption First") && !/captionfirst\.com/i.test(t),
  ],
  ["no provider block", "wg-plenary-5.txt", (t) => !t.includes("Caption First")],
  // Disclaimer delimiters and wording
  ["delimiter ********", "plenary1.docx", /^\*{8}$/m],
  ["delimiter * * * * *", "plenary2-copy.pdf", /^\* \* \* \* \*$/m],
  ["delimiter * * *", "com5-1.docx", /^\* \* \*$/m],
  ["delimiter ***", "com5-3-copy.pdf", /^\*\*\*$/m],
  ["wording rough draft format", "plenary1.docx", "in rough draft format"],
  ["wording rough-draft format", "plenary2-copy.pdf", "in rough-draft format"],
  ["wording unedited or roughly edited format", "com5-4.txt", "unedited or roughly edited format"],
  ["wording edited format", "com5-1.docx", "in edited format"],
  // Turn markers and labels
  ["marker >>", "plenary1.docx", /^>> CHAIRMAN: /m],
  ["single marker >", "plenary7-copy.html", /^> CHAIRMAN: /m],
  ["split marker > >", "plenary7-copy.html", /^> > SWEDEN: /m],
  [
    "mixed-case labels, no marker",
    "com5-2-copy.html",
    /^Chair: Good afternoon\.[\s\S]*^Egypt: Thank you/m,
  ],
  ["label CHAIR", "com5-1.docx", /^>> CHAIR: /m],
  ["label CHAIRMAN COMMITTEE 4", "plenary7-copy.html", /^> CHAIRMAN COMMITTEE 4: /m],
  ["label COMMITTEE 4 CHAIRMAN", "plenary17.docx", /^>> COMMITTEE 4 CHAIRMAN: /m],
  ["label INTERPRETER", "com5-3-copy.pdf", /^>> INTERPRETER: /m],
  ["label SECRETARIAT", "plenary1.docx", /^>> SECRETARIAT: /m],
  ["label SECRETARY OF THE SESSION", "com5-1.docx", /^>> SECRETARY OF THE SESSION: /m],
  ["label ANNOUNCER", "plenary17.docx", /^>> ANNOUNCER: /m],
  ["person by name (finished)", "plenary1.docx", /^>> MR\. KARIM AL-MITHAL: /m],
  ["person by name, spelt differently (rough)", "plenary1-live.txt", /^>> MR\. KAREEM AL MITAL: /m],
  ["unlabelled presiding-officer turn", "plenary1.docx", /^>> Good afternoon, Excellencies/m],
  [
    "text before the first marker",
    "wg-plenary-6.txt",
    /^\*\s*\*\s*\*\n+and so, if the microphones are ready/m,
  ],
  ["empty turn", "plenary1.docx", /^>> GHANA:\s*\n+>> CHAIRMAN: Ghana, I believe/m],
  [
    "IRAN and ISLAMIC REPUBLIC OF IRAN",
    "plenary1.docx",
    (t) => /^>> IRAN: /m.test(t) && /^>> ISLAMIC REPUBLIC OF IRAN: /m.test(t),
  ],
  ["label misspelt one letter off", "com5-4.txt", /^>> SAUDI ARABA: /m],
  ["accented label (Windows-1252 bytes)", "com5-4.txt", /^>> CÔTE D’IVOIRE: /m],
  [
    "attribution corrected after the fact",
    "plenary3-copy.html",
    /Egypt, you have the floor\. >> LEBANON: .*\(That was Egypt speaking\) >> CHAIRMAN: Thank you, Egypt\./,
  ],
  [
    "two speakers called, the second one's words under the first one's label",
    "com5-4.txt",
    /I have Norway, then Chile[^>]*>> NORWAY: [^>]*as it stands\.\r?\nWe cannot\.[^>]*\(That was Chile\s+speaking\)/,
  ],
  [
    "an attribution note the evidence does not settle",
    "com5-4.txt",
    /Mexico, then Peru[^>]*>> MEXICO: [^>]*\(That was Peru\s+speaking\)/,
  ],
  ["chair names who speaks next", "plenary2-copy.pdf", /Kenya\?\n+>> KENYA: /],
  // Annotations
  ["(Applause)", "plenary1.docx", "(Applause)"],
  ["(Applause.)", "plenary17.docx", "(Applause.)"],
  ["[APPLAUSE]", "plenary7-copy.html", "[APPLAUSE]"],
  ["(Gavel)", "com5-1.docx", "(Gavel)"],
  ["(Laughter)", "plenary3-copy.html", "(Laughter)"],
  ["(repeating in French)", "com5-2-copy.html", "(repeating in French)"],
  ["(No English.)", "com5-3-copy.pdf", ">> TUNISIA: (No English.)"],
  ["(Interpretation checks)", "plenary1.docx", "(Interpretation checks)"],
  [
    "(Please stand by...) before the first marker",
    "plenary2-copy.pdf",
    /^\(Please stand by\. The meeting will begin momentarily\)\n+>> CHAIRMAN:/m,
  ],
  ["inline (?)", "plenary9-copy.pdf", /paragraph 2 \(\?\) to/],
  // Rough live version
  ["rough: stand-by lines left over", "plenary1-live.txt", /^\(Please stand by\)$/m],
  ["rough: a word split into nonsense words", "plenary1-live.txt", "tell he come you nick Asians"],
  ["rough: stray ' .' at sentence ends", "plenary1-live.txt", /floor \.$/m],
  // What conversions add
  [
    "site teaser and page count before the header",
    "plenary7-copy.html",
    /Sponsored links below\.\n6 pages\nPage 1: FINISHED TRANSCRIPT/,
  ],
  ["'Page 1:' prefix", "plenary7-copy.html", /^Page 1: FINISHED TRANSCRIPT$/m],
  [
    "uploader line",
    "plenary2-copy.pdf",
    /^Uploaded by sample_uploader on 9 January 2013\nFINISHED TRANSCRIPT$/m,
  ],
  ["stray advertisement line", "plenary7-copy.html", /^advertisement$/m],
  ["bare page number on its own line", "plenary7-copy.html", /^2$/m],
  ["bare page number from the PDF layout", "plenary2-copy.pdf", /^1$/m],
  ["page number glued into text", "plenary7-copy.html", "four times and5 reviewed"],
  ["glued words CONFERENCEON", "plenary2-copy.pdf", "WORLD CONFERENCEON INTERNATIONAL"],
  ["glued Mr.Name", "plenary7-copy.html", "Mr.Al-Mithal"],
  ["lost hyphen in a number", "plenary2-copy.pdf", "(877) 5550134"],
  ["mojibake", "plenary7-copy.html", "Secretariatâ€™s"],
  // What copy sites add
  [
    "page furniture run (upload date, Download, uploader, views, category, share, Web view)",
    "plenary9-copy.pdf",
    /^Dec 13, 2012\nDownload\nUpload: \S+\nWelcome message from author\nTranscript\n1,204 views\nCategory: Documents\n(?:\d+\n)?2 download\nPost on Facebook\nWeb view FINISHED TRANSCRIPT/m,
  ],
  [
    "second copy of the beginning, glued, with the opening turns again",
    "plenary9-copy.pdf",
    (t) =>
      t.includes("Caption First, Inc.P.O. Box") &&
      t.includes("* * * * *This file is in rough-draft format") &&
      t.split(">> CHAIR: Good afternoon. We continue with the second reading").length === 3,
  ],
  // Document references spoken in the room
  ["ADM/5", "plenary1.docx", "Document ADM/5"],
  ["ADM 31", "com5-1.docx", "ADM 31"],
  ["ADM/27 rev 1", "com5-2-copy.html", "ADM/27 rev 1"],
  ["ADM/12-E", "plenary3-copy.html", "ADM/12-E"],
  ["admin/7E (a mis-hearing)", "com5-1.docx", "admin/7E"],
  ["DT/3", "com5-2-copy.html", "We continue with DT/3"],
  ["DT/4Rev 1, Page 45", "com5-3-copy.pdf", "DT/4Rev 1, Page 45"],
  ["DT/30 rev 3", "plenary-dec10-1930.docx", "DT/30 rev 3"],
  ["Document 65", "plenary17.docx", "Document 65"],
  ["56 rev 1", "plenary-dec10-1930.docx", "as it stands in 56 rev 1"],
  ["3, addendum 3", "com5-1.docx", "Document 3, addendum 3"],
  ["rule 51", "plenary17.docx", "under rule 51"],
  ["Article 6", "com5-3-copy.pdf", "Article 6"],
  ["Article 5B", "plenary9-copy.pdf", "Article 5B"],
  ["Resolution PLEN/3", "plenary7-copy.html", "Resolution PLEN/3"],
];

describe("format quirks present in the sample", () => {
  it.each(QUIRKS)("%s (%s)", async (_quirk, file, probe) => {
    const { extracted } = await sampleByFile(file);
    // PDF copies put page numbers and breaks between lines; turn-level probes ignore blank lines.
    const text = extracted.text;
    if (typeof probe === "string") expect(text.replace(/\s+/g, " ")).toContain(probe);
    else if (probe instanceof RegExp) expect(text).toMatch(probe);
    else expect(probe(text)).toBe(true);
  });
});
