/**
 * Writes the extraction test fixtures under test/fixtures/extract/: a SYNTHETIC transcript in
 * every format, each beside the text its extraction must give (<file name>.expected.txt), plus the
 * malformed inputs in malformed/. The outputs are committed, so the tests do not depend on this
 * script (or on the docx/pdfkit versions) producing identical bytes again.
 *
 *   npx tsx scripts/make-extract-fixtures.ts
 *
 * Every expected text is written from the same line list the fixture was made from, never from
 * what the extractors produce: the tests compare the extractors against what the file says.
 * All text is made up for the tests: fictional delegations (Ruritania, Freedonia), a fictional
 * provider, no words of any real session.
 */
import { join } from "node:path";
import { AlignmentType, Document, Header, Packer, Paragraph, Tab, TextRun } from "docx";
import PDFDocument from "pdfkit";
import { writeFileAtomic } from "../ingest/io/atomic";
import { writeStoredZip } from "../test/extract/support/stored-zip";
import { cp1252, writeCompoundFile, writeWord97 } from "../test/extract/support/word97-writer";

const OUT = join(import.meta.dirname, "..", "test", "fixtures", "extract");
const MALFORMED = join(OUT, "malformed");

/** The synthetic transcript every fixture carries (its lines, as the reader should see them). */
const HEADER = [
  "SYNTHETIC SAMPLE - made up for the wcit-search extraction tests, not a real transcript",
  "FINISHED TRANSCRIPT",
  "WORLD CONFERENCE ON INTERNATIONAL TELECOMMUNICATIONS",
  "DUBAI, UNITED ARAB EMIRATES",
  "05 DECEMBER 2012",
  "14:30 LOCAL TIME",
  "COMMITTEE 5 MEETING 2",
  "Services provided by:",
  "Example Captioning Co. (fictional)",
  "********",
  "These synthetic captions stand in for a rough draft; they are not a record of anything said.",
  "********",
];
const TURNS = [
  ">> CHAIR: Good afternoon. We resume with DT/3 and ADM/5.",
  "Ruritania, you have the floor.",
  ">> RURITANIA: Thank you, Chair. We support the text in",
  "DT/30 rev 3 as drafted. (Applause)",
  ">> CHAIR: Thank you. Freedonia?",
  ">> FREEDONIA:",
  ">> FREEDONIA: We would prefer the caf\u00e9 text \u2013 the \u201cshort\u201d one \u2013 that\u2019s all.",
  ">> Please stand by. (Gavel)",
];
const LINES = [...HEADER, ...TURNS];

const lf = (lines: string[]): string => `${lines.join("\n")}\n`;
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

async function write(dir: string, name: string, data: string | Uint8Array): Promise<void> {
  await writeFileAtomic(join(dir, name), data);
  console.log(`wrote ${join(dir, name)}`);
}

/** A golden pair: the fixture and the text its extraction must give. */
async function golden(name: string, data: string | Uint8Array, expected: string): Promise<void> {
  await write(OUT, name, data);
  await write(OUT, `${name}.expected.txt`, expected);
}

async function makeTxt(): Promise<void> {
  // UTF-8 with a BOM, CRLF line ends, trailing spaces and tabs, a no-break space inside a line.
  const lines = LINES.map((line, i) => (i % 3 === 0 ? `${line}  \t` : line));
  lines[12] = ">> CHAIR:\u00a0Good afternoon. We resume with DT/3 and ADM/5.";
  await golden("utf8-bom-crlf.txt", utf8(`\ufeff${lines.join("\r\n")}\r\n`), lf(LINES));

  // Windows-1252 (0x92 right quote, 0xE9 e-acute, 0x93/0x94 curly double quotes, 0x96 en dash).
  await golden("windows-1252.txt", cp1252(`${LINES.join("\r\n")}\r\n`), lf(LINES));

  // Old Mac line ends (CR only), UTF-16LE with a BOM (what Windows Notepad calls "Unicode").
  const cr = `${LINES.join("\r")}\r`;
  const utf16 = new Uint8Array(2 + cr.length * 2);
  utf16.set([0xff, 0xfe]);
  for (let i = 0; i < cr.length; i++)
    new DataView(utf16.buffer).setUint16(2 + i * 2, cr.charCodeAt(i), true);
  await golden("utf16le-bom-cr.txt", utf16, lf(LINES));

  // A copy flattened onto one line: nothing may split it.
  const flat = [...HEADER.slice(0, 2), LINES.slice(2).join(" ")];
  await golden("flattened.txt", utf8(lf(flat)), lf(flat));
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

async function makeHtml(): Promise<void> {
  // A site page: chrome to drop around the transcript, entities, <br> inside paragraphs.
  const page = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Synthetic transcript page</title>
  <style>body { font-family: sans-serif; }</style>
  <script>window.tracker = "SCRIPT TEXT MUST NOT APPEAR";</script>
</head>
<body>
  <header class="site"><a href="/">SITE HEADER MUST NOT APPEAR</a></header>
  <nav><ul><li><a href="/a">NAV MUST NOT APPEAR</a></li></ul></nav>
  <div class="cookie-banner">COOKIE BANNER MUST NOT APPEAR <button>OK</button></div>
  <main>
    <article>
      <h1>${escapeHtml(LINES[0] ?? "")}</h1>
      <p>${HEADER.slice(1, 7).map(escapeHtml).join("<br>\n      ")}</p>
      <div>
        <p>${HEADER.slice(7, 9).map(escapeHtml).join("<br/>")}</p>
        <p>${HEADER.slice(9).map(escapeHtml).join("<BR>")}</p>
      </div>
      <p>&gt;&gt; CHAIR: Good    afternoon.
         We resume with DT/3 and&nbsp;ADM/5.<br>Ruritania, you have the floor.</p>
      <p>&gt;&gt; RURITANIA: Thank you, Chair. We support the text in<br>
         DT/30 rev 3 as drafted. <span>(Applause)</span></p>
      <p>&gt;&gt; CHAIR: Thank you. <a href="#f">Freedonia</a>?</p>
      <p>&gt;&gt; FREEDONIA:</p>
      <p>&gt;&gt; FREEDONIA: We would prefer the caf&eacute; text &ndash; the &#8220;short&#x201D; one &#x2013; that&rsquo;s all.</p>
      <noscript>NOSCRIPT MUST NOT APPEAR</noscript>
      <p>&gt;&gt; Please stand by. (Gavel)</p>
    </article>
    <aside>ASIDE MUST NOT APPEAR</aside>
  </main>
  <form action="/search"><input name="q" value="FORM MUST NOT APPEAR"><label>FORM LABEL MUST NOT APPEAR</label></form>
  <footer>FOOTER MUST NOT APPEAR</footer>
  <script>document.write("SCRIPT TEXT MUST NOT APPEAR");</script>
</body>
</html>
`;
  const pageLines = [LINES[0] ?? "", ...LINES.slice(1)];
  // The &nbsp; in "and&nbsp;ADM/5" becomes a plain space after normalisation.
  await golden("site-page.html", utf8(page), lf(pageLines));

  // A legacy page: Windows-1252 bytes, declared iso-8859-1, the whole transcript in one <p> with
  // <br> line breaks and an empty line, single ">" markers as some conversions have them.
  const legacyLines = [...HEADER, "", ...TURNS.map((t) => t.replace(/^>> /, "> "))];
  const legacy = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>
<body><p>${legacyLines.map(escapeHtml).join("<br>\n")}</p>
<table><tr><td>${escapeHtml("DT/3")}</td><td>${escapeHtml("ADM/5")}</td></tr></table></body></html>
`;
  await golden("legacy-1252.html", cp1252(legacy), lf([...legacyLines, "DT/3\tADM/5"]));
}

async function makeDocx(): Promise<void> {
  // One paragraph per header line; turns as paragraphs, one with a soft line break (<w:br/>)
  // inside it, one with a tab; an empty paragraph; a page header that is not body text.
  const paragraphs = [
    ...HEADER.map(
      (line, i) =>
        new Paragraph({ text: line, alignment: i === 1 ? AlignmentType.CENTER : undefined }),
    ),
    new Paragraph({}),
    new Paragraph({
      children: [new TextRun(TURNS[0] ?? ""), new TextRun({ text: TURNS[1] ?? "", break: 1 })],
    }),
    new Paragraph({
      children: [new TextRun(TURNS[2] ?? ""), new TextRun({ text: TURNS[3] ?? "", break: 1 })],
    }),
    new Paragraph({
      children: [
        new TextRun(">> CHAIR:"),
        new TextRun({ children: [new Tab(), "Thank you. Freedonia?"] }),
      ],
    }),
    ...TURNS.slice(5).map(
      (line) =>
        new Paragraph({ children: [new TextRun({ text: line, bold: line.endsWith(":") })] }),
    ),
  ];
  const doc = new Document({
    creator: "wcit-search fixtures",
    title: "SYNTHETIC SAMPLE",
    sections: [
      {
        headers: {
          default: new Header({ children: [new Paragraph("PAGE HEADER MUST NOT APPEAR")] }),
        },
        children: paragraphs,
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(doc));
  const expected = [
    ...HEADER,
    "",
    ...TURNS.slice(0, 4),
    ">> CHAIR:\tThank you. Freedonia?",
    ...TURNS.slice(5),
  ];
  await golden("transcript.docx", bytes, lf(expected));
}

/** Renders a PDF with pdfkit: `draw` writes the pages, the bytes are returned. */
async function pdf(
  draw: (doc: PDFKit.PDFDocument) => void,
  options: PDFKit.PDFDocumentOptions = {},
): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 40, bottom: 10, left: 50, right: 50 },
    info: { Title: "SYNTHETIC SAMPLE", CreationDate: new Date("2012-12-05T00:00:00Z") },
    compress: false,
    ...options,
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  draw(doc);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

async function makePdf(): Promise<void> {
  // Two A4 pages, one line drawn per transcript line, a page number at each page's foot. The
  // second page sets lines closer than their font size (tight leading), where words are most
  // easily glued across lines.
  const draw = (
    doc: PDFKit.PDFDocument,
    lines: string[],
    leading: number,
    pageNumber: number,
  ): void => {
    doc.font("Helvetica").fontSize(11);
    let y = 60;
    for (const line of lines) {
      doc.text(line, 50, y, { lineBreak: false });
      y += leading;
    }
    doc.text(String(pageNumber), 290, 800, { lineBreak: false });
  };
  const bytes = await pdf((doc) => {
    draw(doc, HEADER, 16, 1);
    doc.addPage();
    draw(doc, TURNS, 11.5, 2);
  });
  await golden("transcript.pdf", bytes, lf([...HEADER, "1", ...TURNS, "2"]));

  // A page with no text layer (what a scan looks like to a text extractor).
  await write(
    MALFORMED,
    "no-text-layer.pdf",
    await pdf((doc) => doc.rect(100, 100, 200, 100).fill("#888888")),
  );
  // Password-protected (RC4, PDF 1.4).
  await write(
    MALFORMED,
    "password.pdf",
    await pdf((doc) => draw(doc, HEADER, 16, 1), { userPassword: "synthetic", pdfVersion: "1.4" }),
  );
}

async function makeDoc(): Promise<void> {
  // Paragraph marks (\r); the header in a UTF-16 piece, the turns in an 8-bit (Windows-1252)
  // piece; a manual line break (\u000b) inside the first turn.
  const header = `${HEADER.join("\r")}\r`;
  const turns = `${TURNS[0]}\u000b${TURNS.slice(1).join("\r")}\r`;
  const pieces = [
    { text: header, encoding: "utf16" as const },
    { text: turns, encoding: "cp1252" as const },
  ];
  await golden("transcript.doc", writeWord97(pieces), lf(LINES));
  // The same with its small streams in the mini stream, as Word stores them in small files.
  await golden("transcript-ministream.doc", writeWord97(pieces, { miniStream: true }), lf(LINES));
  await write(MALFORMED, "encrypted.doc", writeWord97(pieces, { encrypted: true }));
  await write(
    MALFORMED,
    "excel-workbook.doc",
    writeCompoundFile([{ name: "Workbook", data: utf8("SYNTHETIC SAMPLE: not a Word document") }]),
  );
}

async function makeMalformed(): Promise<void> {
  await write(
    MALFORMED,
    "spreadsheet.docx",
    writeStoredZip([
      { name: "[Content_Types].xml", data: '<?xml version="1.0"?><Types/>' },
      { name: "xl/workbook.xml", data: '<?xml version="1.0"?><workbook/>' },
    ]),
  );
  await write(
    MALFORMED,
    "error-page.pdf",
    utf8(`<!DOCTYPE html>
<html><head><title>404 Not Found</title></head>
<body><h1>Not Found</h1><p>The requested URL was not found on this server. (SYNTHETIC SAMPLE)</p></body></html>
`),
  );
}

await makeTxt();
await makeHtml();
await makeDocx();
await makePdf();
await makeDoc();
await makeMalformed();
