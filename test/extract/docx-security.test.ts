/**
 * A .docx can link an image by path instead of embedding it (r:link, TargetMode="External").
 * A converter that follows such links reads any file on the server. mammoth >= 1.11 does not,
 * unless `externalFileAccess: true` is passed; docx.ts also passes false and never reads images.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import mammoth from "mammoth";
import { afterAll, describe, expect, test } from "vitest";
import { extractText } from "../../ingest/extract";
import { writeStoredZip } from "./support/stored-zip";

const dir = mkdtempSync(join(tmpdir(), "extract-docx-"));
const secretPath = join(dir, "secret.txt");
const SECRET = "SYNTHETIC-SECRET-7f3a";
writeFileSync(secretPath, SECRET);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture";
const WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";

/** A .docx with one paragraph of text and an image linked (not embedded) from `target`. */
function docxLinkingImage(target: string): Uint8Array {
  const drawing = `<w:drawing><wp:inline><wp:docPr id="1" name="linked"/><a:graphic><a:graphicData uri="${PIC}"><pic:pic><pic:blipFill><a:blip r:link="rIdImg"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>`;
  return writeStoredZip([
    {
      name: "[Content_Types].xml",
      data: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    },
    {
      name: "word/_rels/document.xml.rels",
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdImg" Type="${R}/image" Target="${target}" TargetMode="External"/></Relationships>`,
    },
    {
      name: "word/document.xml",
      data: `<?xml version="1.0"?><w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:a="${A}" xmlns:pic="${PIC}" xmlns:wp="${WP}"><w:body><w:p><w:r><w:t>SYNTHETIC SAMPLE</w:t></w:r></w:p><w:p><w:r>${drawing}</w:r></w:p></w:body></w:document>`,
    },
  ]);
}

const base64Secret = Buffer.from(SECRET).toString("base64");

describe("no external file access from a .docx", () => {
  for (const [how, target] of [
    ["an absolute path", secretPath],
    ["a file: URL", pathToFileURL(secretPath).href],
  ] as const) {
    test(`mammoth's default refuses to read an image linked by ${how}`, async () => {
      // The default image converter inlines image bytes as base64: it would leak the file.
      const docx = docxLinkingImage(target);
      const result = await mammoth.convertToHtml({ buffer: Buffer.from(docx) });
      expect(result.value).not.toContain(base64Secret);
      expect(result.messages.map((m) => m.message).join("\n")).toMatch(
        /external file access is disabled/,
      );
    });

    test(`the same mammoth call WOULD read it with externalFileAccess: true (${how})`, async () => {
      // Shows the fixture really links the file, so the test above can fail.
      const docx = docxLinkingImage(target);
      const result = await mammoth.convertToHtml(
        { buffer: Buffer.from(docx) },
        { externalFileAccess: true },
      );
      expect(result.value).toContain(base64Secret);
    });

    test(`extractText reads the text and not the linked file (${how})`, async () => {
      const result = await extractText(docxLinkingImage(target), { fileName: "linked.docx" });
      expect(result.text).toBe("SYNTHETIC SAMPLE\n");
      expect(JSON.stringify(result)).not.toContain(SECRET);
      expect(JSON.stringify(result)).not.toContain(base64Secret);
    });
  }
});
