/**
 * Properties of the transcript parser, checked on generated input:
 * - on arbitrary strings it never throws and its output is well formed;
 * - on generated transcripts (random header fields in random order and layout, random turns of
 *   random words) the header fields come out as written and every word outside the header ends
 *   up, in order, in the utterance of the speaker who said it — also with conversion junk
 *   (page numbers, page markers, uploader and advertisement lines, Page N: prefixes) inserted,
 *   and with what copy sites add between turns (runs of page furniture; a second copy of the
 *   header, as a page title and the header, followed by the opening turns again).
 * 1,400 generated transcripts in all (600 clean + 400 with junk + 400 copy-site), 600 arbitrary
 * strings.
 */
import { DATE_SLACK_DAYS } from "../../src/conferences/registry";
import { WCIT_12 } from "../../src/conferences/wcit-12";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Body, ParsedTranscript, TranscriptStatus } from "../../src/domain";
import { parseTranscript } from "../../ingest/parse/transcript";
import {
  type GeneratedTurn,
  MADE_UP_SYLLABLES,
  madeUpWord,
  transcriptTurn,
} from "../support/arbitraries";

/** Invariants that hold for any input. */
function expectWellFormed(input: string, parsed: ParsedTranscript): void {
  expect(Array.isArray(parsed.warnings)).toBe(true);
  for (const u of parsed.utterances) {
    const { start, end, line, endLine } = u.source;
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeLessThanOrEqual(input.length);
    expect(start).toBeLessThanOrEqual(end);
    expect(line).toBeGreaterThanOrEqual(1);
    expect(endLine).toBeGreaterThanOrEqual(line);
    expect(u.text).toBe(u.text.trim());
    expect(u.text).not.toMatch(/\s\s/);
    expect(u.empty === true).toBe(u.text === "");
    for (const a of u.annotations) expect(u.text.slice(a.start, a.end)).toBe(a.text);
    for (const d of u.documents) expect(u.text.slice(d.start, d.end)).toBe(d.raw);
  }
}

describe("arbitrary strings", () => {
  const tokens = fc.constantFrom(
    ">>",
    ">",
    "> >",
    ":",
    " ",
    "\n",
    "\r\n",
    "CHAIR",
    "EGYPT",
    "Chair",
    "(",
    ")",
    "[",
    "]",
    "(Applause)",
    "(That was Egypt speaking)",
    "***",
    "* * *",
    "Page 1:",
    "12",
    "2012",
    "14:30",
    "DECEMBER",
    "FINISHED TRANSCRIPT",
    "PLENARY",
    "Services provided by:",
    "SYNTHETIC SAMPLE",
    "â€™",
    "Ã",
    "\u0000",
    "\ud800",
    ".",
    "Mr.",
    "ADM/5",
  );
  const structured = fc
    .array(fc.oneof(tokens, fc.string({ maxLength: 6 })), { maxLength: 60 })
    .map((a) => a.join(""));

  test("never throw, output well formed (random unicode)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (s) => {
        expectWellFormed(s, parseTranscript(s));
      }),
      { numRuns: 300 },
    );
  });

  test("never throw, output well formed (transcript-like tokens)", () => {
    fc.assert(
      fc.property(structured, (s) => {
        expectWellFormed(s, parseTranscript(s));
      }),
      { numRuns: 300 },
    );
  });
});

// ---- generated transcripts ---------------------------------------------------------------------

const MONTHS = [
  "JANUARY",
  "FEBRUARY",
  "MARCH",
  "APRIL",
  "MAY",
  "JUNE",
  "JULY",
  "AUGUST",
  "SEPTEMBER",
  "OCTOBER",
  "NOVEMBER",
  "DECEMBER",
];
const ORDINALS = [
  "FIRST",
  "SECOND",
  "THIRD",
  "FOURTH",
  "FIFTH",
  "SIXTH",
  "SEVENTH",
  "EIGHTH",
  "NINTH",
  "TENTH",
  "ELEVENTH",
  "TWELFTH",
  "THIRTEENTH",
  "FOURTEENTH",
  "FIFTEENTH",
  "SIXTEENTH",
  "SEVENTEENTH",
];
const STATUSES: [string, TranscriptStatus][] = [
  ["FINISHED TRANSCRIPT", "finished"],
  ["FINAL TRANSCRIPT", "final"],
  ["FINISHED FILE", "finished"],
  ["FINAL COPY", "final"],
  ["FINISHED COPY", "finished"],
  ["RAW COPY", "rough"],
];
const LABELS = [
  "CHAIR",
  "CHAIRMAN",
  "CHAIRMAN COMMITTEE 4",
  "EGYPT",
  "CUBA",
  "INDIA",
  "REPUBLIC OF KOREA",
  "TRINIDAD AND TOBAGO",
  "ISLAMIC REPUBLIC OF IRAN",
  "COTE D'IVOIRE",
  "SECRETARIAT",
  "SECRETARY OF THE SESSION",
  "INTERPRETER",
  "ANNOUNCER",
  "MR. SMITH",
];
/** Nonsense syllables: words that are no English word, so no rule can mistake them. */
const SYLLABLES = [
  ...MADE_UP_SYLLABLES,
  "pe",
  "ga",
  "zu",
  "fi",
  "de",
  "ka",
  "mo",
  "tu",
  "re",
  "bi",
];

const word = madeUpWord(SYLLABLES, ["", "", "", "", "", ".", ",", "?"]);

type GenTurn = GeneratedTurn<string>;

const turn: fc.Arbitrary<GenTurn> = transcriptTurn({
  labels: LABELS,
  markers: [">>", ">>", ">", "> >"],
  said: fc.array(word, { minLength: 1, maxLength: 30 }),
  unlabelled: fc.array(word, { minLength: 1, maxLength: 20 }),
});

interface GenHeader {
  lines: string[];
  expected: {
    status: TranscriptStatus;
    statusLine: string;
    date: string;
    time: string | null;
    endTime: string | null;
    timeZone: string | null;
    title: string | null;
    body: Body | null;
    number: number | null;
    provider: boolean;
    disclaimer: string | null;
  };
}

const pad = (n: number): string => String(n).padStart(2, "0");

const dateField = fc
  .tuple(
    fc.integer({ min: 1, max: 28 }),
    fc.integer({ min: 1, max: 12 }),
    fc.constantFrom(2012, 2014),
    fc.integer({ min: 0, max: 2 }),
  )
  .map(([d, m, y, form]) => {
    const month = MONTHS[m - 1]!;
    const text =
      form === 0
        ? `${pad(d)} ${month} ${y}`
        : form === 1
          ? `${d} ${month} ${y}`
          : `${month} ${d}, ${y}`;
    return { text, iso: `${y}-${pad(m)}-${pad(d)}` };
  });

const clock = fc
  .tuple(fc.integer({ min: 7, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  // Four bare digits from 2000 to 2059 read as a year (H4): the generator writes those with a colon.
  .map(([h, m]) => ({
    h,
    m,
    colon: `${h}:${pad(m)}`,
    padded: `${pad(h)}:${pad(m)}`,
    bare: h === 20 ? `${h}:${pad(m)}` : `${h}${pad(m)}`,
  }));

const timeField = fc.tuple(clock, clock, fc.integer({ min: 0, max: 6 })).map(([a, b, form]) => {
  const t = a.padded;
  const e = b.padded;
  switch (form) {
    case 0:
      return { text: a.colon, time: t, endTime: null, timeZone: null };
    case 1:
      return { text: `${a.colon} LOCAL TIME`, time: t, endTime: null, timeZone: "LOCAL TIME" };
    case 2:
      return {
        text: `${a.bare}-${b.bare} LOCAL TIME`,
        time: t,
        endTime: e,
        timeZone: "LOCAL TIME",
      };
    case 3:
      return { text: a.bare, time: t, endTime: null, timeZone: null };
    case 4:
      return { text: `${a.bare} - ${b.bare} CET`, time: t, endTime: e, timeZone: "CET" };
    case 5:
      return { text: `${a.colon} EEST`, time: t, endTime: null, timeZone: "EEST" };
    default:
      return { text: a.padded, time: t, endTime: null, timeZone: null };
  }
});

const titleField = fc
  .tuple(fc.integer({ min: 1, max: 17 }), fc.integer({ min: 0, max: 7 }))
  .map(([n, form]): { text: string; body: Body; number: number } => {
    const ord = ORDINALS[n - 1]!;
    switch (form) {
      case 0:
        return { text: `PLENARY ${n}`, body: "plenary", number: n };
      case 1:
        return { text: `PLENARY ${n} - CLOSING CEREMONY`, body: "plenary", number: n };
      case 2:
        // WCIT-12's own rule (its profile): its first Committee 5 meeting has no number.
        return { text: WCIT_FIRST_COM5, body: "committee-5", number: 1 };
      case 3:
        return { text: `COMMITTEE 5 MEETING ${n}`, body: "committee-5", number: n };
      case 4:
        return { text: `${ord} MEETING OF COMMITTEE 5`, body: "committee-5", number: n };
      case 5:
        return { text: `${ord} MEETING OF COM 5`, body: "committee-5", number: n };
      case 6:
        return { text: `${ord} MEETING OF THE PLENARY`, body: "plenary", number: n };
      default:
        return {
          text: `${ord} MEETING OF THE WORKING GROUP OF THE PLENARY`,
          body: "working-group",
          number: n,
        };
    }
  });

const WCIT_FIRST_COM5 = "COMMITTEE 5 MEETING";

/** The title's number; WCIT-12's rule holds only when the session is WCIT-12's (by its date). */
function titleNumber(title: { text: string; number: number } | null, iso: string): number | null {
  if (title === null) return null;
  if (title.text !== WCIT_FIRST_COM5) return title.number;
  const day = Date.parse(`${iso}T00:00:00Z`);
  const from = Date.parse(`${WCIT_12.dates.from}T00:00:00Z`) - DATE_SLACK_DAYS * 86_400_000;
  const to = Date.parse(`${WCIT_12.dates.to}T00:00:00Z`) + DATE_SLACK_DAYS * 86_400_000;
  return day >= from && day <= to ? 1 : null;
}

const headerArb: fc.Arbitrary<GenHeader> = fc
  .record({
    status: fc.constantFrom(...STATUSES),
    place: fc.boolean(),
    date: dateField,
    time: fc.option(timeField, { freq: 5 }),
    title: fc.option(titleField, { freq: 6 }),
    order: fc.constantFrom<number[]>(
      [0, 1, 2],
      [0, 2, 1],
      [2, 0, 1],
      [1, 0, 2],
      [2, 1, 0],
      [1, 2, 0],
    ),
    syntheticAt: fc.integer({ min: 0, max: 3 }),
    provider: fc.boolean(),
    delimiter: fc.option(fc.constantFrom("********", "* * * * *", "* * *", "***"), { freq: 2 }),
  })
  .map((g) => {
    const fields = [g.date.text, g.time?.text ?? null, g.title?.text ?? null];
    const lines: string[] = [g.status[0]];
    if (g.place)
      lines.push(
        "WORLD CONFERENCE ON INTERNATIONAL TELECOMMUNICATIONS",
        "DUBAI, UNITED ARAB EMIRATES",
      );
    for (const i of g.order) {
      const f = fields[i];
      if (f !== null && f !== undefined) lines.push(f);
    }
    lines.splice(Math.min(lines.length, 1 + g.syntheticAt), 0, "SYNTHETIC SAMPLE");
    if (g.provider) {
      lines.push(
        "Services provided by:",
        "Sample Captioning, Inc.",
        "P.O. Box 1111",
        "Exampleville, CO 80000",
        "800-555-0100",
        "www.sample-captioning.example.com",
      );
    }
    const disclaimer = "This text is provided in a rough draft format. Synthetic.";
    if (g.delimiter) lines.push(g.delimiter, disclaimer, g.delimiter);
    return {
      lines,
      expected: {
        status: g.status[1],
        statusLine: g.status[0],
        date: g.date.iso,
        time: g.time?.time ?? null,
        endTime: g.time?.endTime ?? null,
        timeZone: g.time?.timeZone ?? null,
        title: g.title?.text ?? null,
        body: g.title?.body ?? null,
        number: titleNumber(g.title, g.date.iso),
        provider: g.provider,
        disclaimer: g.delimiter ? disclaimer : null,
      },
    };
  });

type Layout = "lines" | "wrapped" | "flat";

function turnParagraph(t: GenTurn): string {
  const head = t.label === null ? t.marker : `${t.marker} ${t.label}:`;
  return [head, ...t.said].join(" ");
}

/** Hard-wraps a paragraph at `width` characters (words are never split). */
function wrap(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const w of paragraph.split(" ")) {
    if (line !== "" && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else {
      line = line === "" ? w : `${line} ${w}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

function render(
  header: GenHeader | null,
  turns: GenTurn[],
  layout: Layout,
): { headerLines: string[]; bodyLines: string[] } {
  const headerLines = header?.lines ?? [];
  const paragraphs = turns.map(turnParagraph);
  const bodyLines = layout === "wrapped" ? paragraphs.flatMap((p) => wrap(p, 64)) : paragraphs;
  return { headerLines, bodyLines };
}

function join(lines: string[], layout: Layout): string {
  return lines.join(layout === "flat" ? " " : "\n");
}

/** What the parser must return for the generated turns. */
function expectedUtterances(turns: GenTurn[]): { raw: string | null; text: string }[] {
  return turns.map((t) => ({ raw: t.label, text: t.said.join(" ") }));
}

function checkTranscript(input: string, header: GenHeader | null, turns: GenTurn[]): void {
  const parsed = parseTranscript(input);
  expectWellFormed(input, parsed);
  expect(
    parsed.utterances.map((u) => ({ raw: u.speaker.raw, text: u.text })),
    `input: ${JSON.stringify(input)}`,
  ).toEqual(expectedUtterances(turns));
  for (const [u, t] of parsed.utterances.map((u, i) => [u, turns[i]!] as const)) {
    if (t.label !== null) expect(u.speaker.kind).not.toBe("unknown");
    expect(u.empty === true).toBe(t.said.length === 0);
  }
  const s = parsed.session;
  if (header === null) {
    expect(s.status).toBeNull();
    expect(s.synthetic).toBe(false);
    return;
  }
  const e = header.expected;
  expect({
    status: s.status,
    statusLine: s.statusLine,
    date: s.date,
    time: s.time,
    endTime: s.endTime,
    timeZone: s.timeZone,
    title: s.title,
    body: s.body,
    number: s.number,
    provider: s.provider !== null,
    disclaimer: s.disclaimer,
  }).toEqual(e);
  expect(s.synthetic).toBe(true);
}

const transcriptArb = fc.record({
  header: fc.option(headerArb, { freq: 9 }),
  turns: fc.array(turn, { minLength: 1, maxLength: 12 }),
  layout: fc.constantFrom<Layout>("lines", "wrapped", "flat"),
});

describe("generated transcripts", () => {
  test("header fields as written; every word in its speaker's utterance, in order", () => {
    fc.assert(
      fc.property(transcriptArb, ({ header, turns, layout }) => {
        const { headerLines, bodyLines } = render(header, turns, layout);
        checkTranscript(join([...headerLines, ...bodyLines], layout), header, turns);
      }),
      { numRuns: 600 },
    );
  });

  const junkLine = (n: number): fc.Arbitrary<string> =>
    fc.constantFrom(
      String(n),
      `-- ${n} of 99 --`,
      `Page ${n} of 99`,
      `- ${n} -`,
      "advertisement",
      "Uploaded by sample_user",
    );

  test("the same with conversion junk inserted between and before body lines", () => {
    const withJunk = fc
      .record({
        header: fc.option(headerArb, { freq: 9 }),
        turns: fc.array(turn, { minLength: 1, maxLength: 12 }),
        layout: fc.constantFrom<Layout>("lines", "wrapped"),
        seed: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 5 })), {
          minLength: 1,
          maxLength: 6,
        }),
        prefixAt: fc.option(fc.nat(), { freq: 2 }),
      })
      .chain((g) => fc.tuple(fc.constant(g), fc.tuple(...g.seed.map((_, i) => junkLine(i + 2)))));
    fc.assert(
      fc.property(withJunk, ([{ header, turns, layout, seed, prefixAt }, junk]) => {
        const { headerLines, bodyLines } = render(header, turns, layout);
        const body = [...bodyLines];
        // Insert junk lines at increasing positions (page numbers in page order).
        const positions = seed
          .map(([p]) => 1 + (p % Math.max(1, body.length)))
          .sort((a, b) => a - b);
        positions.forEach((p, i) => body.splice(p + i, 0, junk[i]!));
        if (prefixAt !== null) {
          const i = prefixAt % body.length;
          body[i] = `Page ${i + 1}: ${body[i]!}`;
        }
        checkTranscript(join([...headerLines, ...body], layout), header, turns);
      }),
      { numRuns: 400 },
    );
  });
});

// ---- what copy sites add between turns ---------------------------------------------------------

const userName = fc
  .tuple(fc.constantFrom("jdoe", "Mira_K", "delegate.watch", "sample-user"), fc.nat({ max: 9999 }))
  .map(([name, n]) => `${name}${n}`);
/** Furniture lines that are sure by themselves (F1, uploader lines). */
const sureFurniture = fc.oneof(
  fc.constantFrom("Welcome message from author", "Category: Documents", "CATEGORIES: Law & Policy"),
  fc.constantFrom(
    "Post on Facebook",
    "Post on X",
    "Web view FINISHED TRANSCRIPT WORLD CONFERENCE...",
  ),
  fc.nat({ max: 99_999 }).map((n) => `${n.toLocaleString("en-US")} views`),
  fc.nat({ max: 500 }).map((n) => `${n} DOWNLOAD`),
  userName.map((u) => `Upload: ${u}`),
  userName.map((u) => `Uploaded by ${u}`),
);
/** Furniture lines that need furniture beside them (F2). */
const contextFurniture = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("Dec", "DEC", "Jan", "December"),
      fc.integer({ min: 1, max: 28 }),
      fc.constantFrom(2012, 2013, 2016),
    )
    .map(([m, d, y]) => `${m} ${pad(d)}, ${y}`),
  fc.constantFrom("Download", "DOWNLOAD", "Transcript", "transcript"),
);
/** A run of furniture: starts with a sure line; a bare user name only inside, beside an F1 line. */
const furnitureRun = fc
  .record({
    first: sureFurniture,
    rest: fc.array(fc.oneof(sureFurniture, contextFurniture), { maxLength: 5 }),
    user: fc.option(userName, { freq: 2 }),
  })
  .map(({ first, rest, user }) =>
    user === null ? [first, ...rest] : [first, user, "Welcome message from author", ...rest],
  );

/** The lines of each turn, as render lays them out. */
function turnLines(turns: GenTurn[], layout: "lines" | "wrapped"): string[][] {
  return turns.map((t) => (layout === "wrapped" ? wrap(turnParagraph(t), 64) : [turnParagraph(t)]));
}

describe("generated transcripts with what copy sites add", () => {
  const copyArb = fc.record({
    header: headerArb,
    turns: fc.array(turn, { minLength: 2, maxLength: 10 }),
    layout: fc.constantFrom<"lines" | "wrapped">("lines", "wrapped"),
    runs: fc.array(fc.tuple(fc.nat(), furnitureRun), { minLength: 1, maxLength: 4 }),
    copyAt: fc.nat(),
    repeated: fc.nat(),
    pageTitle: fc.boolean(),
  });

  test("furniture runs between turns never change the utterances", () => {
    fc.assert(
      fc.property(copyArb, ({ header, turns, layout, runs }) => {
        const blocks = turnLines(turns, layout);
        for (const [at, run] of runs) blocks.splice(1 + (at % blocks.length), 0, run);
        checkTranscript([...header.lines, ...blocks.flat()].join("\n"), header, turns);
      }),
      { numRuns: 200 },
    );
  });

  test("a second copy of the header and the opening turns again never change the utterances", () => {
    fc.assert(
      fc.property(copyArb, ({ header, turns, layout, copyAt, repeated, pageTitle }) => {
        const blocks = turnLines(turns, layout);
        const at = 1 + (copyAt % (blocks.length - 1));
        const k = repeated % (at + 1);
        // Turns after the copy that begin with the same words as the opening turns the copy left
        // out would read as a true repeat (or as a preview's cut turn continued): not generated.
        const words = (ts: GenTurn[]): string => ts.map(turnParagraph).join(" ");
        const left = words(turns.slice(k, at));
        const next = words(turns.slice(at));
        fc.pre(k === at || (next !== left && !next.startsWith(`${left} `)));
        fc.pre(k === at || turnParagraph(turns[k]!) !== turnParagraph(turns[at]!));
        const title = pageTitle
          ? [
              header.lines
                .filter((l) => l !== "SYNTHETIC SAMPLE")
                .slice(0, 3)
                .join(" "),
            ]
          : [];
        const copy = [...title, ...header.lines, ...blocks.slice(0, k).flat()];
        const lines = [...blocks.slice(0, at).flat(), ...copy, ...blocks.slice(at).flat()];
        checkTranscript([...header.lines, ...lines].join("\n"), header, turns);
      }),
      { numRuns: 200 },
    );
  });
});
