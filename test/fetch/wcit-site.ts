/**
 * The fixture site laid out like the ITU's WCIT-12 pages, with every fault the scraper must
 * survive. Transcripts are the synthetic texts in test/fixtures/site/transcripts, rendered at
 * setup into .docx (docx), .pdf (pdfkit), .htm and .txt.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Capture, Resource, SiteSpec } from "./fixture-site";
import { renderDoc, renderDocx, renderHtml, renderPdf } from "./render";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "site");

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const HTML = "text/html; charset=utf-8";
const TXT = "text/plain; charset=utf-8";
const PDF = "application/pdf";
const DOC = "application/msword";

export const PAGES = "/en/wcit-12/Pages";
export const DOCS = "/en/wcit-12/Documents";

/** Paths of the fixture site, named for the tests. */
export const PATH = {
  index: `${PAGES}/default.aspx`,
  transcripts: `${PAGES}/transcripts.aspx`,
  loopA: `${PAGES}/loop-a.aspx`,
  loopB: `${PAGES}/loop-b.aspx`,
  outside: "/en/other/Pages/outside.aspx",
  logo: `${PAGES}/logo.png`,
  /** 301 to plenary1Moved */
  plenary1: `${DOCS}/dec03/plenary1.docx`,
  plenary1Moved: `${DOCS}/2012/dec03/plenary1.docx`,
  /** the rough live version of plenary 1 (RAW COPY) */
  plenary1Live: `${DOCS}/dec03/plenary1-live.txt`,
  plenary2: `${DOCS}/dec04/plenary2.docx`,
  /** the same bytes as plenary2 */
  plenary2Copy: `${DOCS}/dec04/copies/plenary2.docx`,
  /** reset connection, then ok */
  plenary3: `${DOCS}/dec04/plenary3.htm`,
  /** 503 with Retry-After: 1, then ok */
  com5First: `${DOCS}/dec04/com5-1.pdf`,
  /** 429 with Retry-After: 1, then ok */
  com5Second: `${DOCS}/dec05/com5-2.docx`,
  /** truncated body, then ok */
  com5Third: `${DOCS}/dec07/com5-3.txt`,
  /** a Word 97 file */
  com5Fourth: `${DOCS}/dec10/com5-4.doc`,
  /** a working-group transcript behind a link that says "Plenary 6" */
  workingGroup: `${DOCS}/dec08/wg-plenary-6.docx`,
  /** 404; the archive has a capture */
  plenary7: `${DOCS}/dec11/plenary7.docx`,
  /** an HTML error page served as .pdf (200) */
  plenary8: `${DOCS}/dec12/plenary8.pdf`,
  /** always truncated */
  plenary9: `${DOCS}/dec12/plenary9.txt`,
  /** 404, no capture */
  plenary14: `${DOCS}/dec13/plenary14.doc`,
  /** beyond the depth: never requested */
  plenary15: `${DOCS}/deep/plenary15.txt`,
  pressNote: `${DOCS}/dec04/press-note.txt`,
} as const;

/** The sessions a first run over the site keeps (plenary and Committee 5 by default), sorted. */
export const KEPT_SESSIONS = [
  "committee-5-1",
  "committee-5-2",
  "committee-5-3",
  "committee-5-4",
  "plenary-1",
  "plenary-1-rough",
  "plenary-2",
  "plenary-3",
  "plenary-7",
] as const;

export const CAPTURE_TIMESTAMP = "20121215093000";
export const RETRY_AFTER_SECONDS = 1;

const text = (name: string): string =>
  readFileSync(join(FIXTURES, "transcripts", `${name}.txt`), "utf8");
const page = (name: string): Uint8Array => readFileSync(join(FIXTURES, "pages", `${name}.html`));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The rendered files, made once per test file (rendering takes a moment). */
export interface RenderedFiles {
  plenary1: Uint8Array;
  plenary2: Uint8Array;
  com5First: Uint8Array;
  com5Second: Uint8Array;
  workingGroup: Uint8Array;
  plenary7: Uint8Array;
}

export async function renderFiles(): Promise<RenderedFiles> {
  return {
    plenary1: await renderDocx(text("plenary-1"), "Plenary 1"),
    plenary2: await renderDocx(text("plenary-2"), "Plenary 2"),
    com5First: await renderPdf(text("committee-5-1"), "Committee 5 meeting 1"),
    com5Second: await renderDocx(text("committee-5-2"), "Committee 5 meeting 2"),
    workingGroup: await renderDocx(text("working-group-6"), "Working group 6"),
    plenary7: await renderDocx(text("plenary-7"), "Plenary 7"),
  };
}

/** The site spec for a given origin. */
export function wcitSite(files: RenderedFiles): (origin: string) => SiteSpec {
  return (origin) => {
    const r = (body: Uint8Array, contentType: string, script?: Resource["script"]): Resource =>
      script === undefined ? { body, contentType } : { body, contentType, script };
    const retryAfter = String(RETRY_AFTER_SECONDS);
    const resources = new Map<string, Resource>([
      [PATH.index, r(page("default.aspx"), HTML)],
      [PATH.transcripts, r(page("transcripts.aspx"), HTML)],
      [PATH.loopA, r(page("loop-a.aspx"), HTML)],
      [PATH.loopB, r(page("loop-b.aspx"), HTML)],
      [PATH.outside, r(page("loop-a.aspx"), HTML)],
      [PATH.plenary1, r(new Uint8Array(0), DOCX, [{ kind: "redirect", to: PATH.plenary1Moved }])],
      [PATH.plenary1Moved, r(files.plenary1, DOCX)],
      [PATH.plenary1Live, r(utf8(text("plenary-1-rough")), TXT)],
      [PATH.plenary2, r(files.plenary2, DOCX)],
      [PATH.plenary2Copy, r(files.plenary2, DOCX)],
      [
        PATH.plenary3,
        r(renderHtml(text("plenary-3"), "Plenary 3"), HTML, [{ kind: "reset" }, { kind: "ok" }]),
      ],
      [
        PATH.com5First,
        r(files.com5First, PDF, [{ kind: "status", status: 503, retryAfter }, { kind: "ok" }]),
      ],
      [
        PATH.com5Second,
        r(files.com5Second, DOCX, [{ kind: "status", status: 429, retryAfter }, { kind: "ok" }]),
      ],
      [PATH.com5Third, r(utf8(text("committee-5-3")), TXT, [{ kind: "truncate" }, { kind: "ok" }])],
      [PATH.com5Fourth, r(renderDoc(text("committee-5-4")), DOC)],
      [PATH.workingGroup, r(files.workingGroup, DOCX)],
      [PATH.plenary8, r(page("error-page"), HTML)],
      [PATH.plenary9, r(utf8(text("plenary-9")), TXT, [{ kind: "truncate" }])],
      [PATH.plenary15, r(utf8(text("plenary-15")), TXT)],
      [PATH.pressNote, r(utf8(text("press-note")), TXT)],
    ]);
    const captures = new Map<string, Capture[]>([
      [
        `${origin}${PATH.plenary7}`,
        [{ timestamp: CAPTURE_TIMESTAMP, body: files.plenary7, contentType: DOCX }],
      ],
    ]);
    return { resources, captures };
  };
}
