/**
 * The header reader: every status, date, time and title form of the format, fields in any order,
 * one per line or flattened onto one line, provider blocks and disclaimers.
 */
import { describe, expect, test } from "vitest";
import { parseHeader } from "../../ingest/parse/header";
import { classifyTitle, findSpokenNumber, inferBody } from "../../ingest/parse/title";
import { WCIT_12 } from "../../src/conferences/wcit-12";

const TOP =
  "FINISHED TRANSCRIPT\nSYNTHETIC SAMPLE\nWORLD CONFERENCE ON INTERNATIONAL TELECOMMUNICATIONS\nDUBAI, UNITED ARAB EMIRATES";

function header(lines: string[], body = ">> CHAIR: Good morning.") {
  const text = `${lines.join("\n")}\n${body}`;
  const parsed = parseHeader(text);
  return { ...parsed, bodyText: text.slice(parsed.end).trim() };
}

describe("status lines", () => {
  test.each([
    ["FINISHED TRANSCRIPT", "finished"],
    ["FINAL TRANSCRIPT", "final"],
    ["FINISHED FILE", "finished"],
    ["FINAL COPY", "final"],
    ["FINISHED COPY", "finished"],
    ["RAW COPY", "rough"],
  ])("%s -> %s", (line, status) => {
    const { header: h } = header([line, "PLENARY 1"]);
    expect(h.statusLine).toBe(line);
    expect(h.status).toBe(status);
  });
});

describe("dates", () => {
  test.each([
    ["03 DECEMBER 2012", "2012-12-03"],
    ["5 DECEMBER 2012", "2012-12-05"],
    ["DECEMBER 14, 2012", "2012-12-14"],
    ["December 4, 2012", "2012-12-04"],
    ["FRIDAY, 14 DECEMBER 2012", "2012-12-14"],
    ["DEC. 10, 2012", "2012-12-10"],
    ["2012-12-11", "2012-12-11"],
  ])("%s -> %s", (line, date) => {
    expect(header([TOP, line, "PLENARY 1"]).header.date).toBe(date);
  });

  test("an impossible date is not a date", () => {
    const { header: h } = header([TOP, "31 NOVEMBER 2012", "PLENARY 1"]);
    expect(h.date).toBeNull();
  });
});

describe("times", () => {
  test.each([
    ["14:30", "14:30", null, null],
    ["9:30", "09:30", null, null],
    ["09:00", "09:00", null, null],
    ["14:30 LOCAL TIME", "14:30", null, "LOCAL TIME"],
    ["1530-1850 LOCAL TIME", "15:30", "18:50", "LOCAL TIME"],
    ["1030", "10:30", null, null],
    ["1230 - 1600 CET", "12:30", "16:00", "CET"],
    ["14:30 EEST", "14:30", null, "EEST"],
    ["1930", "19:30", null, null],
    ["2:30 PM", "14:30", null, null],
    ["1530 1850 LOCAL TIME", "15:30", "18:50", "LOCAL TIME"],
    ["TIME: 18:30 (LOCAL TIME)", "18:30", null, "LOCAL TIME"],
  ])("%s -> %s-%s %s", (line, time, endTime, timeZone) => {
    const { header: h } = header([TOP, "03 DECEMBER 2012", line, "PLENARY 1"]);
    expect([h.time, h.endTime, h.timeZone]).toEqual([time, endTime, timeZone]);
    expect(h.title).toBe("PLENARY 1");
  });

  test("a header may have no time", () => {
    const { header: h } = header([TOP, "PLENARY 2", "4 DECEMBER 2012"]);
    expect([h.time, h.endTime, h.timeZone]).toEqual([null, null, null]);
    expect(h.date).toBe("2012-12-04");
  });
});

describe("titles", () => {
  test.each([
    ["PLENARY 1", "plenary", 1],
    ["PLENARY 13 - CLOSING CEREMONY", "plenary", 13],
    ["COMMITTEE 5 MEETING", "committee-5", 1],
    ["COMMITTEE 5 MEETING 2", "committee-5", 2],
    ["THIRD MEETING OF COMMITTEE 5", "committee-5", 3],
    ["FOURTH MEETING OF COM 5", "committee-5", 4],
    ["SEVENTEENTH MEETING OF THE PLENARY", "plenary", 17],
    ["17TH PLENARY MEETING", "plenary", 17],
    ["SIXTH MEETING OF THE WORKING GROUP OF THE PLENARY", "working-group", 6],
    ["TWENTY-FIRST MEETING OF THE PLENARY", "plenary", 21],
    ["OPENING CEREMONY", "other", null],
    ["COMMITTEE 4 MEETING 3", "committee-4", 3],
    ["PLENARY 10 (CONTINUED)", "plenary", 10],
    ["PLENARY MEETING NO. 5", "plenary", 5],
    ["COMMITTEE 5 - MEETING 3", "committee-5", 3],
    ["1ST PLENARY MEETING", "plenary", 1],
  ])("%s -> %s %s", (title, body, number) => {
    expect(classifyTitle(title, WCIT_12)).toEqual({ body, number });
    const { header: h } = header([TOP, title, "03 DECEMBER 2012", "14:30"]);
    expect(h.title).toBe(title);
    expect([h.body, h.number]).toEqual([body, number]);
  });

  test("a session without a title line has no title, body or number from the header", () => {
    const { header: h, bodyText } = header([TOP, "10 DECEMBER 2012", "19:30"]);
    expect([h.title, h.body, h.number]).toEqual([null, null, null]);
    expect(h.time).toBe("19:30");
    expect(bodyText).toBe(">> CHAIR: Good morning.");
  });

  test("a Title Case title line is read too", () => {
    expect(header([TOP, "Plenary 4", "5 December 2012"]).header.title).toBe("Plenary 4");
  });
});

describe("field order", () => {
  const fields = ["03 DECEMBER 2012", "1530-1850 LOCAL TIME", "PLENARY 13 - CLOSING CEREMONY"];
  const orders = [
    [0, 1, 2],
    [0, 2, 1],
    [1, 0, 2],
    [1, 2, 0],
    [2, 0, 1],
    [2, 1, 0],
  ];
  test.each(
    orders.flatMap(
      (o) =>
        [
          [o, "\n"],
          [o, " "],
        ] as const,
    ),
  )("order %j joined by %j", (order, joiner) => {
    const text = [TOP, ...order.map((i) => fields[i])].join(joiner) + `${joiner}>> CHAIR: Hi.`;
    const { header: h, end } = parseHeader(text);
    expect(h).toMatchObject({
      status: "finished",
      conference: "wcit-12",
      conferenceLine: "WORLD CONFERENCE ON INTERNATIONAL TELECOMMUNICATIONS",
      city: "DUBAI, UNITED ARAB EMIRATES",
      date: "2012-12-03",
      time: "15:30",
      endTime: "18:50",
      timeZone: "LOCAL TIME",
      title: "PLENARY 13 - CLOSING CEREMONY",
      body: "plenary",
      number: 13,
      synthetic: true,
    });
    expect(text.slice(end).trim()).toBe(">> CHAIR: Hi.");
  });
});

describe("provider block and disclaimer", () => {
  test.each(["Services provided by:", "Services Provided by:", "SERVICES provided by:"])(
    "%s block with phones and web line is metadata",
    (prefix) => {
      const { header: h, bodyText } = header([
        TOP,
        "PLENARY 1",
        prefix,
        "Sample Captioning, Inc.",
        "P.O. Box 1111",
        "Exampleville, CO 80000",
        "US & Canada: (877) 555-0123",
        "International: +1 719 555 0124",
        "www.sample-captioning.example.com",
      ]);
      expect(h.provider).toBe(
        "Sample Captioning, Inc. P.O. Box 1111 Exampleville, CO 80000 US & Canada: (877) 555-0123 International: +1 719 555 0124 www.sample-captioning.example.com",
      );
      expect(bodyText).toBe(">> CHAIR: Good morning.");
    },
  );

  test.each(["********", "* * * * *", "* * *", "***"])("disclaimer between %s lines", (d) => {
    const { header: h, bodyText } = header([
      TOP,
      "PLENARY 1",
      d,
      "This text is being provided in a rough-draft format. Synthetic",
      "words only.",
      d,
    ]);
    expect(h.disclaimer).toBe(
      "This text is being provided in a rough-draft format. Synthetic words only.",
    );
    expect(bodyText).toBe(">> CHAIR: Good morning.");
  });

  test("an unclosed disclaimer stops at the first turn and says so", () => {
    const parsed = header([TOP, "PLENARY 1", "***", "This is being provided in an edited format."]);
    expect(parsed.header.disclaimer).toBe("This is being provided in an edited format.");
    expect(parsed.bodyText).toBe(">> CHAIR: Good morning.");
    expect(parsed.warnings.join(" ")).toMatch(/disclaimer has no closing delimiter/);
  });
});

describe("where the header starts and ends", () => {
  test("teasers and page counts before the header are dropped with a warning", () => {
    const parsed = header([
      "Example Docs - read online",
      "12 pages",
      "Uploaded by someone",
      TOP,
      "PLENARY 2",
    ]);
    expect(parsed.header.status).toBe("finished");
    expect(parsed.header.title).toBe("PLENARY 2");
    expect(parsed.warnings.join(" ")).toMatch(/dropped \d+ characters before the header/);
  });

  test("a page title (fields run together) and advertisement before the header are skipped", () => {
    const parsed = header([
      "FINAL COPY WORLD CONFERENCE ON INTERNATIONAL TELECOMMUNICATIONS DUBAI, UNITED ARAB EMIRATES",
      "advertisement",
      "FINAL COPY",
      "WORLD CONFERENCE ON INTERNATIONAL TELECOMMUNICATIONS",
      "PLENARY 2",
    ]);
    expect(parsed.header).toMatchObject({ status: "final", title: "PLENARY 2" });
    expect(parsed.warnings).toEqual(["header: no date, no time"]);
  });

  test("a Transcript of <page title> line holding header fields is not the header", () => {
    const title =
      "Transcript of FINISHED TRANSCRIPT WORLD CONFERENCE ON INTERNATIONAL TELECOMMUNICATIONS";
    const parsed = header([title, "FINISHED TRANSCRIPT", "PLENARY 2", "4 DECEMBER 2012"]);
    expect(parsed.start).toBe(title.length + 1);
    expect(parsed.header).toMatchObject({ conferenceLine: null, title: "PLENARY 2" });
    expect(parsed.warnings).toEqual(["header: no time"]);
  });

  test("a flattened header followed by its provider block is not a page title", () => {
    const parsed = header([
      "FINISHED TRANSCRIPT WORLD CONFERENCE ON INTERNATIONAL TELECOMMUNICATIONS PLENARY 2 4 DECEMBER 2012 9:30",
      "Services provided by:",
      "Example Captions, Inc.",
    ]);
    expect(parsed.start).toBe(0);
    expect(parsed.header).toMatchObject({ date: "2012-12-04", title: "PLENARY 2" });
  });

  test("a cut top: the capitals date above Services provided by: is read, an upload date is not", () => {
    const cut = header(["5 DECEMBER 2012", "", "Services provided by:", "Example Captions, Inc."]);
    expect(cut.start).toBe(0);
    expect(cut.header.date).toBe("2012-12-05");
    const upload = header(["Dec 05, 2012", "Services provided by:", "Example Captions, Inc."]);
    expect(upload.header.date).toBeNull();
  });

  test("a headerless copy's headline and introduction are dropped, an announcer's words are not", () => {
    const blog = parseHeader("Day two in Dubai\n05 Dec 12\n>> CHAIR: Hi.");
    expect(blog.end).toBe("Day two in Dubai\n05 Dec 12".length);
    const intro =
      "This is the captioning transcript of the plenary held on 4 December 2012. Good afternoon, delegates.\n>> CHAIR: Hi.";
    expect(intro.slice(parseHeader(intro).end).trim()).toBe(
      "Good afternoon, delegates.\n>> CHAIR: Hi.",
    );
    const announcer =
      "Real-time captioning is provided for this session. Please be seated.\n>> CHAIR: Hi.";
    expect(parseHeader(announcer).end).toBe(0);
  });

  test("no header at all: the body starts at the top", () => {
    const parsed = parseHeader(">> Good afternoon. 14:30 PLENARY 1 is open.");
    expect(parsed.found).toBe(false);
    expect(parsed.end).toBe(0);
    expect(parsed.header.synthetic).toBe(false);
  });

  test("speech before the first marker after the header is not header", () => {
    const { bodyText, header: h } = header([TOP, "PLENARY 1", "Please stand by."], ">> CHAIR: Hi.");
    expect(h.title).toBe("PLENARY 1");
    expect(bodyText).toBe("Please stand by.\n>> CHAIR: Hi.");
  });

  test("SYNTHETIC SAMPLE anywhere in the header sets synthetic", () => {
    expect(header(["FINAL COPY", "PLENARY 3 (SYNTHETIC SAMPLE)"]).header).toMatchObject({
      synthetic: true,
      title: "PLENARY 3",
    });
    expect(header(["FINAL COPY", "PLENARY 3"]).header.synthetic).toBe(false);
  });

  test("glued lines of a flattened header are still read", () => {
    const { header: h } = header([
      "FINISHED TRANSCRIPTWORLD CONFERENCEON INTERNATIONAL TELECOMMUNICATIONSDUBAI, UNITED ARAB EMIRATESPLENARY 103 DECEMBER 201214:30",
    ]);
    expect(h).toMatchObject({
      conference: "wcit-12",
      conferenceLine: "WORLD CONFERENCE ON INTERNATIONAL TELECOMMUNICATIONS",
      city: "DUBAI, UNITED ARAB EMIRATES",
      date: "2012-12-03",
      time: "14:30",
      title: "PLENARY 1",
      number: 1,
    });
  });
});

describe("meeting number said in the room", () => {
  test.each([
    [["Good afternoon. I now open the 17th plenary meeting."], "plenary", 13, 17],
    [["Welcome to this seventeenth plenary."], "plenary", 13, 17],
    [["Welcome to this seventeenth plenary."], "plenary", 17, null],
    [["As agreed at the third plenary meeting, we continue."], "plenary", 17, null],
    [["We open the fourth meeting of Committee 5."], "committee-5", 3, 4],
    [["We now begin the second meeting of this working group."], "working-group", null, 2],
    [["Nothing about numbers."], "plenary", 1, null],
  ] as const)("%j (%s, title %s) -> %s", (texts, body, title, spoken) => {
    expect(findSpokenNumber(texts, body, title)).toBe(spoken);
  });

  test.each([
    [["Good evening. I open this plenary meeting."], "plenary"],
    [["Welcome to this meeting of Committee 5."], "committee-5"],
    [["We continue in this working group."], "working-group"],
    [["Good evening."], null],
  ] as const)("body of an untitled session from %j -> %s", (texts, body) => {
    expect(inferBody(texts)).toBe(body);
  });
});
