/**
 * Headers of other ITU events in the same format (conference-lines.ts C1-C3, header.ts H7): room
 * lines, other conference and city lines, flattened runs, the conference a session belongs to
 * when the header names none or names another one than the run's, and malformed lines.
 */
import { describe, expect, test } from "vitest";
import { parseHeader } from "../../ingest/parse/header";
import { parseTranscript } from "../../ingest/parse/transcript";
import { classifyTitle } from "../../ingest/parse/title";
import { PP_14 } from "../../src/conferences/pp-14";
import { WCIT_12 } from "../../src/conferences/wcit-12";

const BODY = ">> CHAIR: Good morning, synthetic delegates.";

function read(lines: string[], conference: string | null = null) {
  return parseHeader(`${lines.join("\n")}\n${BODY}`, { conference });
}

describe("conference and city lines of other events", () => {
  test.each([
    ["ITU PLENIPOTENTIARY CONFERENCE 2014", "BUSAN, KOREA", "2014-10-21", "pp-14"],
    ["PLENIPOTENTIARY CONFERENCE 2022", "BUCHAREST, ROMANIA", "2022-10-03", "pp-22"],
    ["PLENIPOTENTIARY CONFERENCE 2018", "DUBAI, UNITED ARAB EMIRATES", "2018-11-01", "pp-18"],
    ["WORLD TELECOMMUNICATION/ICT POLICY FORUM", "GENEVA, SWITZERLAND", "2013-05-15", "wtpf-13"],
    ["ITU COUNCIL", "GENEVA, SWITZERLAND", "2019-06-10", null],
    [
      "WORLD TELECOMMUNICATION DEVELOPMENT CONFERENCE",
      "BUENOS AIRES, ARGENTINA",
      "2017-10-10",
      null,
    ],
  ])("%s / %s -> %s", (line, city, iso, conference) => {
    const [y, m, d] = iso.split("-");
    const months = ["MAY", "JUNE", "OCTOBER", "NOVEMBER"];
    const month = months.find((_, i) => [5, 6, 10, 11][i] === Number(m));
    const { header: h, warnings } = read([
      "FINISHED TRANSCRIPT",
      line,
      city,
      `${d} ${month} ${y}`,
      "FIFTEENTH PLENARY MEETING",
    ]);
    expect(h).toMatchObject({ conferenceLine: line, city, date: iso, conference });
    expect(h.title).toBe("FIFTEENTH PLENARY MEETING");
    const unknown = warnings.filter((w) => w.includes("none of the known conferences"));
    expect(unknown.length).toBe(conference === null ? 1 : 0);
    if (conference === null) expect(unknown[0]).toContain(line);
  });

  test("a flattened header runs conference, city, room and title together", () => {
    const { header: h } = read([
      "RAW COPY PLENIPOTENTIARY CONFERENCE 2022 BUCHAREST, ROMANIA ROOM A FIFTEENTH PLENARY MEETING 1230 - 1600 EEST",
    ]);
    expect(h).toMatchObject({
      conference: "pp-22",
      conferenceLine: "PLENIPOTENTIARY CONFERENCE 2022",
      city: "BUCHAREST, ROMANIA",
      room: "ROOM A",
      title: "FIFTEENTH PLENARY MEETING",
      body: "plenary",
      number: 15,
      time: "12:30",
      endTime: "16:00",
      timeZone: "EEST",
    });
  });

  test("an unknown event flattened: the generic shapes end where the next field starts", () => {
    const { header: h } = read([
      "FINISHED TRANSCRIPT WORLD SUMMIT ON THE INFORMATION SOCIETY GENEVA, SWITZERLAND ROOM 2 OPENING CEREMONY",
    ]);
    expect(h).toMatchObject({
      conference: null,
      conferenceLine: "WORLD SUMMIT ON THE INFORMATION SOCIETY",
      city: "GENEVA, SWITZERLAND",
      room: "ROOM 2",
      title: "OPENING CEREMONY",
    });
  });

  test.each(["ROOM A", "ROOM B", "ROOM CUZA"])("room line %s on its own line", (room) => {
    const { header: h } = read([
      "FINAL COPY",
      "PLENIPOTENTIARY CONFERENCE 2022",
      room,
      "COMMITTEE 5",
    ]);
    expect([h.room, h.title, h.number]).toEqual([room, "COMMITTEE 5", null]);
  });

  test("a title naming the conference stays one title ('CLOSING OF THE CONFERENCE')", () => {
    const { header: h } = read([
      "FINISHED TRANSCRIPT",
      "ITU COUNCIL",
      "CLOSING OF THE CONFERENCE",
      "0930",
    ]);
    expect([h.conferenceLine, h.title, h.time]).toEqual([
      "ITU COUNCIL",
      "CLOSING OF THE CONFERENCE",
      "09:30",
    ]);
  });
});

describe("where a header starts at a conference line (H1)", () => {
  test("a page title naming the conference by its acronym is a teaser, not the header", () => {
    const text = [
      "PP-14 Committee 6 meeting (synthetic sample)",
      "7 pages",
      "FINISHED TRANSCRIPT ITU PLENIPOTENTIARY CONFERENCE 2014 BUSAN, KOREA SEVENTH MEETING OF COMMITTEE 6 1100 KST",
      BODY,
    ].join("\n");
    const { header: h } = parseHeader(text);
    expect(h).toMatchObject({
      status: "finished",
      conference: "pp-14",
      title: "SEVENTH MEETING OF COMMITTEE 6",
    });
  });

  test("a header without a status line starts at its conference line", () => {
    const text = [
      "Uploaded by sample-user",
      "PLENIPOTENTIARY CONFERENCE 2022",
      "BUCHAREST, ROMANIA",
      "COMMITTEE 5",
      BODY,
    ].join("\n");
    const { header: h, start } = parseHeader(text);
    expect(text.slice(start).trimStart().startsWith("PLENIPOTENTIARY")).toBe(true);
    expect(h).toMatchObject({
      conference: "pp-22",
      city: "BUCHAREST, ROMANIA",
      title: "COMMITTEE 5",
    });
  });
});

describe("times without colons and with zones", () => {
  test.each([
    ["0930", "09:30", null, null],
    ["1100", "11:00", null, null],
    ["1230 - 1600 CET", "12:30", "16:00", "CET"],
    ["14:30 EEST", "14:30", null, "EEST"],
    ["14:30 CET", "14:30", null, "CET"],
    ["10:00 KST", "10:00", null, "KST"],
  ])("%s", (line, time, endTime, zone) => {
    const { header: h } = read([
      "FINISHED TRANSCRIPT",
      "PLENIPOTENTIARY CONFERENCE 2022",
      line,
      "COMMITTEE 6",
    ]);
    expect([h.time, h.endTime, h.timeZone, h.title]).toEqual([time, endTime, zone, "COMMITTEE 6"]);
  });
});

describe("titles of other events", () => {
  test.each([
    ["FIFTEENTH PLENARY MEETING", "plenary", 15],
    ["PLENARY SESSION AND CLOSING CEREMONIES", "plenary", null],
    ["SEVENTH MEETING OF COMMITTEE 6", "committee-6", 7],
    ["COMMITTEE 5", "committee-5", null],
    ["WORKING GROUP 3 MEETING", "working-group-3", null],
    ["NINTH WORKING GROUP OF THE PLENARY", "working-group", 9],
    ["TENTH MEETING OF THE WORKING GROUP OF THE PLENARY", "working-group", 10],
    ["TWO PANEL DISCUSSIONS / SESSION 2", "panel", 2],
  ])("%s -> %s %s", (title, body, number) => {
    const { header: h } = read([
      "FINISHED TRANSCRIPT",
      "ITU PLENIPOTENTIARY CONFERENCE 2014",
      title,
      "0930",
    ]);
    expect([h.title, h.body, h.number]).toEqual([title, body, number]);
  });

  test("WCIT-12's rule is its own: 'COMMITTEE 5 MEETING' is its 1st meeting, elsewhere unnumbered", () => {
    expect(classifyTitle("COMMITTEE 5 MEETING", WCIT_12)).toEqual({
      body: "committee-5",
      number: 1,
    });
    expect(classifyTitle("COMMITTEE 5 MEETING", PP_14)).toEqual({
      body: "committee-5",
      number: null,
    });
    expect(classifyTitle("COMMITTEE 5 MEETING", null)).toEqual({
      body: "committee-5",
      number: null,
    });
    expect(classifyTitle("COMMITTEE 5 MEETING 2", WCIT_12)).toEqual({
      body: "committee-5",
      number: 2,
    });
    const wcit = read([
      "FINISHED TRANSCRIPT",
      "WORLD CONFERENCE ON INTERNATIONAL TELECOMMUNICATIONS",
      "COMMITTEE 5 MEETING",
      "0930",
    ]);
    expect(wcit.header.number).toBe(1);
  });
});

describe("provider block variants", () => {
  test.each(["Services Provided By:", "Services provided by:", "SERVICES provided by:"])(
    "%s",
    (prefix) => {
      const { header: h, end } = parseHeader(
        [
          "FINISHED TRANSCRIPT",
          "ITU PLENIPOTENTIARY CONFERENCE 2014",
          "SECOND PLENARY MEETING",
          prefix,
          "Example Text Services",
          "PO Box 22",
          "Testburg, CO 80001",
          "\u7e32719-555-0124",
          "www.example-text.example",
          "***",
          "Synthetic rough draft format.",
          "***",
          BODY,
        ].join("\n"),
      );
      expect(h.provider).toContain("\u7e32719-555-0124");
      expect(h.provider).toContain("www.example-text.example");
      expect(h.disclaimer).toBe("Synthetic rough draft format.");
      expect(h.conference).toBe("pp-14");
      expect(end).toBeGreaterThan(0);
    },
  );

  test("the mojibake phone line in a flattened header keeps the block together", () => {
    const text =
      "FINISHED TRANSCRIPT ITU PLENIPOTENTIARY CONFERENCE 2014 BUSAN, KOREA SECOND PLENARY MEETING Services Provided By: Example Text Services PO Box 22 Testburg, CO 80001 \u7e32719-555-0124 www.example-text.example *** Synthetic edited format. *** " +
      BODY;
    const { header: h } = parseHeader(text);
    expect(h.provider).toBe(
      "Example Text Services PO Box 22 Testburg, CO 80001 \u7e32719-555-0124 www.example-text.example",
    );
    expect(h.disclaimer).toBe("Synthetic edited format.");
  });
});

describe("the session's conference (H7)", () => {
  test("a header naming none takes the run's conference, silently", () => {
    const { header: h, warnings } = read(
      ["FINISHED TRANSCRIPT", "FIFTEENTH PLENARY MEETING", "0930"],
      "pp-22",
    );
    expect(h.conference).toBe("pp-22");
    expect(warnings.join(" ")).not.toMatch(/conference/);
  });

  test("a headerless copy takes the run's conference", () => {
    const parsed = parseTranscript(`${BODY}\n>> EGYPT: Thank you.`, { conference: "pp-14" });
    expect(parsed.session.conference).toBe("pp-14");
  });

  test("a header naming another conference wins over the run's, with a warning naming both", () => {
    const { header: h, warnings } = read(
      ["FINISHED TRANSCRIPT", "ITU PLENIPOTENTIARY CONFERENCE 2014", "COMMITTEE 5"],
      "wcit-12",
    );
    expect(h.conference).toBe("pp-14");
    expect(warnings.some((w) => w.includes("pp-14") && w.includes("wcit-12"))).toBe(true);
  });

  test("a header naming an unknown conference belongs to none, even under a run's conference", () => {
    const { header: h, warnings } = read(
      ["FINISHED TRANSCRIPT", "ITU COUNCIL", "COMMITTEE 5"],
      "wcit-12",
    );
    expect(h.conference).toBeNull();
    expect(warnings.some((w) => w.includes('"ITU COUNCIL"'))).toBe(true);
  });

  test("a cut top is placed by its date alone", () => {
    const { header: h } = parseHeader(
      ["22 OCTOBER 2014", "Services provided by:", "Example Text Services", BODY].join("\n"),
    );
    expect([h.date, h.conference]).toEqual(["2014-10-22", "pp-14"]);
  });
});

describe("officials of the profile named in labels", () => {
  test("the name, with an honorific or misspelt, is the official's role; other names are persons", () => {
    const text = [
      "FINISHED TRANSCRIPT",
      "WORLD CONFERENCE ON INTERNATIONAL TELECOMMUNICATIONS",
      "PLENARY 2",
      "4 DECEMBER 2012",
      ">> H.E. MR. MOHAMED NASSER AL GHANIM: Good morning, synthetic delegates.",
      ">> MOHAMMED NASER AL GHANIM: The floor is open.",
      ">> MINA JUN: Thank you.",
    ].join("\n");
    const speakers = parseTranscript(text).utterances.map((u) => u.speaker);
    expect(speakers[0]).toMatchObject({
      kind: "chair",
      id: "chair",
      name: "Mohamed Nasser Al Ghanim (Chair of the conference)",
    });
    expect(speakers[1]).toMatchObject({ kind: "chair", id: "chair" });
    expect(speakers[2]).toMatchObject({ kind: "person", id: "person:mina-jun" });
  });

  test("under another conference the same name is a person", () => {
    const text = [
      "FINISHED TRANSCRIPT",
      "PLENIPOTENTIARY CONFERENCE 2022",
      "PLENARY 2",
      ">> MOHAMED NASSER AL GHANIM: Hello.",
    ].join("\n");
    expect(parseTranscript(text).utterances[0]?.speaker.kind).toBe("person");
  });
});

describe("malformed lines", () => {
  test.each([
    [
      "ROOM alone is no room",
      ["FINISHED TRANSCRIPT", "PLENIPOTENTIARY CONFERENCE 2022", "ROOM", "COMMITTEE 5"],
      { room: null },
    ],
    [
      "a year no profile has",
      ["FINISHED TRANSCRIPT", "PLENIPOTENTIARY CONFERENCE 2010", "COMMITTEE 5"],
      { conference: null, conferenceLine: "PLENIPOTENTIARY CONFERENCE 2010" },
    ],
    [
      "a date outside the named conference's dates",
      [
        "FINISHED TRANSCRIPT",
        "ITU PLENIPOTENTIARY CONFERENCE 2014",
        "3 JANUARY 2014",
        "COMMITTEE 5",
      ],
      { conference: null },
    ],
    [
      "a second room is ignored",
      ["FINISHED TRANSCRIPT", "PLENIPOTENTIARY CONFERENCE 2022", "ROOM A", "ROOM B", "COMMITTEE 5"],
      { room: "ROOM A" },
    ],
    [
      "a city without a conference or status is not read",
      ["GOOD MORNING, EVERYONE", "COMMITTEE 5"],
      { city: null },
    ],
    [
      "a comma line that is no place",
      ["FINISHED TRANSCRIPT", "FIFTEENTH PLENARY MEETING, CONTINUED"],
      { city: null },
    ],
  ] as const)("%s", (_name, lines, expected) => {
    const { header: h } = read([...lines]);
    expect(h).toMatchObject(expected);
  });

  test("never throws on odd bytes around the fields", () => {
    for (const junk of [
      "ROOM \u0000",
      "ITU",
      "ITU ,",
      "PLENIPOTENTIARY",
      "CONFERENCE",
      ", ,",
      "ROOM ROOM ROOM",
    ]) {
      expect(() => read(["FINISHED TRANSCRIPT", junk, "COMMITTEE 5"])).not.toThrow();
    }
  });
});
