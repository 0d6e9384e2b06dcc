import type { Body } from "../../src/domain";
import type { CopySiteOptions } from "./copy-site";
import type { HtmlLayout } from "./render-html";
import type { Layout } from "./layout";
import type { TxtEncoding } from "./render-txt";

/** Output formats of the bundled sample. */
export type SampleFormat = "docx" | "pdf" | "html" | "txt";

/** One bundled sample: which authored text becomes which source file, and how. */
export interface SampleSpec {
  /** Authored text: transcripts/generate/authored/<source>.txt */
  source: string;
  /** Output file name in transcripts/sources/. */
  file: string;
  format: SampleFormat;
  /** Line layout applied before rendering (see layout.ts). */
  layout: Layout;
  /** What the session is, for the README and the tests (the parser must find it from the text). */
  body: Body;
  /** Session date, YYYY-MM-DD. */
  date: string;
  /** Finished/final text, or a rough live version of another sample. */
  version: "finished" | "rough";
  /** True for sessions outside the known calendar, added so every header form of the format occurs. */
  formatExtra?: boolean;
  /** One line saying what the file is like (README). */
  note: string;
  txt?: { encoding: TxtEncoding; eol: "\n" | "\r\n" };
  html?: { layout: HtmlLayout; teaser: string; pageCount: number };
  /** A document-sharing site's furniture and second copy of the beginning (copy-site.ts). */
  copySite?: CopySiteOptions;
  /** Document title for .docx/.pdf metadata and the HTML <title>. */
  title: string;
}

const TEASER_NOTE = "SYNTHETIC SAMPLE written for testing, not a real transcript.";

/**
 * Every bundled sample, in calendar order: the WCIT-12 sessions (Dubai, 2012), then a second
 * synthetic conference, PP-14 (Busan, 2014), whose sources go to transcripts/sources/pp-14/.
 */
export const SAMPLES: readonly SampleSpec[] = [
  {
    source: "plenary-1",
    file: "plenary1.docx",
    format: "docx",
    layout: "wrap",
    body: "plenary",
    date: "2012-12-03",
    version: "finished",
    title: "WCIT-12 Plenary 1 (synthetic sample)",
    note: "Opening plenary as an ITU-style Word file, one paragraph per caption line.",
  },
  {
    source: "plenary-1-rough",
    file: "plenary1-live.txt",
    format: "txt",
    layout: "wrap",
    body: "plenary",
    date: "2012-12-03",
    version: "rough",
    txt: { encoding: "utf-8", eol: "\r\n" },
    title: "WCIT-12 Plenary 1, rough live captions (synthetic sample)",
    note: "Rough live twin of plenary 1: no header, stand-by lines, sound-alike errors, stray ' .', CRLF line ends.",
  },
  {
    source: "plenary-2",
    file: "plenary2-copy.pdf",
    format: "pdf",
    layout: "wrap",
    body: "plenary",
    date: "2012-12-04",
    version: "finished",
    title: "WCIT-12 Plenary 2 transcript (synthetic sample)",
    note: "Third-party PDF copy: uploader line, glued CONFERENCEON, lost hyphen in a phone number, page numbers.",
  },
  {
    source: "plenary-3",
    file: "plenary3-copy.html",
    format: "html",
    layout: "flat",
    body: "plenary",
    date: "2012-12-04",
    version: "finished",
    html: {
      layout: "p-per-line",
      teaser: `Full text of the third plenary of WCIT-12, Dubai, 4 December 2012. ${TEASER_NOTE}`,
      pageCount: 5,
    },
    title: "WCIT-12 Plenary 3 transcript (synthetic sample)",
    note: "Third-party web page whose whole transcript is flattened onto ONE line (a single <p>).",
  },
  {
    source: "committee-5-1",
    file: "com5-1.docx",
    format: "docx",
    layout: "wrap",
    body: "committee-5",
    date: "2012-12-04",
    version: "finished",
    title: "WCIT-12 Committee 5, meeting 1 (synthetic sample)",
    note: "First Committee 5 meeting as a Word file.",
  },
  {
    source: "committee-5-2",
    file: "com5-2-copy.html",
    format: "html",
    layout: "wrap",
    body: "committee-5",
    date: "2012-12-05",
    version: "finished",
    html: {
      layout: "br",
      teaser: `Committee 5, second meeting - converted text. ${TEASER_NOTE}`,
      pageCount: 7,
    },
    title: "WCIT-12 Committee 5 meeting 2 (synthetic sample)",
    note: "Converted web copy: mixed-case labels with no >> marker ('Chair:', 'Egypt:'), lines separated by <br>.",
  },
  {
    source: "working-group-4",
    file: "wg-plenary-4.txt",
    format: "txt",
    layout: "wrap",
    body: "working-group",
    date: "2012-12-06",
    version: "finished",
    formatExtra: true,
    txt: { encoding: "utf-8", eol: "\n" },
    title: "WCIT-12 Working Group of the Plenary, meeting 4 (synthetic sample)",
    note: "Working-group session (scrapers skip these): FINAL COPY status line.",
  },
  {
    source: "committee-5-3",
    file: "com5-3-copy.pdf",
    format: "pdf",
    layout: "wrap",
    body: "committee-5",
    date: "2012-12-07",
    version: "finished",
    title: "WCIT-12 Committee 5, third meeting (synthetic sample)",
    note: "Third-party PDF copy of the third Committee 5 meeting; (No English.) and an interpreter turn.",
  },
  {
    source: "working-group-5",
    file: "wg-plenary-5.txt",
    format: "txt",
    layout: "wrap",
    body: "working-group",
    date: "2012-12-07",
    version: "finished",
    formatExtra: true,
    txt: { encoding: "utf-8", eol: "\n" },
    title: "WCIT-12 Working Group of the Plenary, meeting 5 (synthetic sample)",
    note: "Working-group session: FINISHED COPY, no time line, no provider block.",
  },
  {
    source: "working-group-6",
    file: "wg-plenary-6.txt",
    format: "txt",
    layout: "wrap",
    body: "working-group",
    date: "2012-12-08",
    version: "finished",
    formatExtra: true,
    txt: { encoding: "utf-8", eol: "\n" },
    title: "WCIT-12 Working Group of the Plenary, meeting 6 (synthetic sample)",
    note: "Working-group session: FINISHED FILE, time 1030, text before the first marker.",
  },
  {
    source: "working-group-6-rough",
    file: "wg-plenary-6-raw.txt",
    format: "txt",
    layout: "wrap",
    body: "working-group",
    date: "2012-12-08",
    version: "rough",
    formatExtra: true,
    txt: { encoding: "utf-8", eol: "\n" },
    title: "WCIT-12 Working Group of the Plenary, meeting 6, raw copy (synthetic sample)",
    note: "Rough twin of working-group 6 with a short RAW COPY header.",
  },
  {
    source: "committee-5-4",
    file: "com5-4.txt",
    format: "txt",
    layout: "wrap",
    body: "committee-5",
    date: "2012-12-10",
    version: "finished",
    txt: { encoding: "windows-1252", eol: "\r\n" },
    title: "WCIT-12 Committee 5, fourth meeting (synthetic sample)",
    note: "Plain text in Windows-1252 bytes (curly quotes, Côte d’Ivoire), a label misspelt one letter off.",
  },
  {
    source: "plenary-2012-12-10-1930",
    file: "plenary-dec10-1930.docx",
    format: "docx",
    layout: "wrap",
    body: "plenary",
    date: "2012-12-10",
    version: "finished",
    title: "WCIT-12 plenary, 10 December 2012, 19:30 (synthetic sample)",
    note: "Plenary with no title line in its header (date and time only).",
  },
  {
    source: "plenary-7",
    file: "plenary7-copy.html",
    format: "html",
    layout: "wrap",
    body: "plenary",
    date: "2012-12-11",
    version: "finished",
    html: {
      layout: "paragraphs",
      teaser: `Read the seventh plenary of the Dubai telecom treaty conference online. ${TEASER_NOTE} Sponsored links below.`,
      pageCount: 6,
    },
    title: "WCIT-12 Plenary 7 (synthetic sample)",
    note: "Third-party web copy: 'Page 1:' prefix, single '>' and split '> >' markers, mojibake, bare and glued page numbers, Mr.Name.",
  },
  {
    source: "plenary-9",
    file: "plenary9-copy.pdf",
    format: "pdf",
    layout: "wrap",
    body: "plenary",
    date: "2012-12-12",
    version: "finished",
    copySite: {
      user: "sample_uploader42",
      uploaded: "Dec 13, 2012",
      views: 1204,
      category: "Documents",
      repeatedTurns: 2,
      afterLine: 40,
    },
    title: "WCIT-12 Plenary 9 (synthetic sample)",
    note: "Third-party PDF copy; time given as 14:30 LOCAL TIME; an inline (?); after page 1 the site's furniture (upload date, Download, uploader, views, category...) and a second copy of the header (glued Inc.P.O. Box, * * * * *This) with the first two turns again.",
  },
  {
    source: "plenary-17",
    file: "plenary17.docx",
    format: "docx",
    layout: "wrap",
    body: "plenary",
    date: "2012-12-14",
    version: "finished",
    title: "WCIT-12 closing plenary (synthetic sample)",
    note: "Closing session: header says PLENARY 13 - CLOSING CEREMONY, the chair opens the 17th plenary meeting.",
  },
  {
    source: "pp-14/committee-5",
    file: "pp-14/committee-5-oct27.txt",
    format: "txt",
    layout: "wrap",
    body: "committee-5",
    date: "2014-10-27",
    version: "finished",
    txt: { encoding: "utf-8", eol: "\r\n" },
    title: "PP-14 Committee 5, 27 October 2014 (synthetic sample)",
    note: "Second conference (PP-14, Busan): ROOM B line, title COMMITTEE 5 with no number, 09:30 KST, Services Provided By:; Dubai's Internet and spam wording carried over, changed.",
  },
  {
    source: "pp-14/working-group-9",
    file: "pp-14/wg-plenary-9.txt",
    format: "txt",
    layout: "wrap",
    body: "working-group",
    date: "2014-10-29",
    version: "finished",
    txt: { encoding: "utf-8", eol: "\n" },
    title: "PP-14 ninth Working Group of the Plenary (synthetic sample)",
    note: "PP-14: NINTH WORKING GROUP OF THE PLENARY (ordinal before WORKING GROUP), colon-less 1430 KST, the phone line's +001- turned into one mojibake syllable.",
  },
  {
    source: "pp-14/committee-6-7",
    file: "pp-14/com6-7-copy.pdf",
    format: "pdf",
    layout: "wrap",
    body: "committee-6",
    date: "2014-10-30",
    version: "finished",
    title: "PP-14 Committee 6, seventh meeting (synthetic sample)",
    note: "PP-14: SEVENTH MEETING OF COMMITTEE 6, 0930 KST, COMMITTEE 6 CHAIRMAN and SECRETARY OF THE SESSION labels, no web line.",
  },
  {
    source: "pp-14/plenary-15",
    file: "pp-14/plenary15.docx",
    format: "docx",
    layout: "wrap",
    body: "plenary",
    date: "2014-11-03",
    version: "finished",
    title: "PP-14 fifteenth plenary meeting (synthetic sample)",
    note: "PP-14: FIFTEENTH PLENARY MEETING in ROOM A, 14:30 KST; the Internet, spam and security texts adopted in their Busan wording.",
  },
  {
    source: "pp-14/plenary-closing",
    file: "pp-14/plenary-closing-copy.html",
    format: "html",
    layout: "flat",
    body: "plenary",
    date: "2014-11-07",
    version: "finished",
    html: {
      layout: "p-per-line",
      teaser: `Busan telecom conference, closing plenary, 7 November 2014. ${TEASER_NOTE}`,
      pageCount: 3,
    },
    title: "PP-14 closing plenary transcript (synthetic sample)",
    note: "PP-14: third-party web page flattened onto ONE line, so conference, city, room and the title PLENARY SESSION AND CLOSING CEREMONIES (no number) run together.",
  },
];
