/**
 * Hostile files, generated at test time and small (a few hundred KB at most): each proves a bound
 * by being over a limit set low for the test, or by a shape that used to break the ingest.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "extract");

/** A real .docx (the extract fixture) with its body part replaced. */
export function docxWithBody(bodyXml: string): Uint8Array {
  const parts = unzipSync(readFileSync(join(FIXTURES, "transcript.docx")));
  const original = strFromU8(parts["word/document.xml"] ?? new Uint8Array());
  const open = original.indexOf("<w:body>") + "<w:body>".length;
  const close = original.lastIndexOf("</w:body>");
  parts["word/document.xml"] = strToU8(original.slice(0, open) + bodyXml + original.slice(close));
  return zipSync(parts, { level: 9 });
}

/** A .docx of `count` empty paragraphs: tiny compressed, huge once read. */
export function emptyParagraphsDocx(count: number): Uint8Array {
  return docxWithBody("<w:p/>".repeat(count));
}

/** Offset of the central directory entry of `name` in a ZIP. */
function centralEntry(zip: Uint8Array, name: string): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const wanted = new TextEncoder().encode(name);
  for (let at = 0; at + 46 < zip.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    const got = zip.subarray(at + 46, at + 46 + length);
    if (length === wanted.length && got.every((b, i) => b === wanted[i])) return at;
  }
  throw new Error(`no central entry ${name}`);
}

/** A .docx whose body part declares `declared` bytes but inflates to many more. */
export function lyingSizeDocx(declared: number): Uint8Array {
  const zip = emptyParagraphsDocx(50_000);
  const at = centralEntry(zip, "word/document.xml");
  new DataView(zip.buffer, zip.byteOffset).setUint32(at + 24, declared, true);
  return zip;
}

/** HTML nested `depth` levels deep, around one speaker turn. */
export function deepHtml(depth: number, tag = "div"): Uint8Array {
  return strToU8(
    `<!DOCTYPE html><html><body>${`<${tag}>`.repeat(depth)}<p>&gt;&gt; CHAIR: Good morning.</p>${`</${tag}>`.repeat(depth)}</body></html>`,
  );
}

/** A plain-text transcript whose body ends in `count` ">" characters. */
export function markersTail(count: number): Uint8Array {
  return strToU8(`>> CHAIR: Good morning. Egypt.\n>> EGYPT: Thank you.\n${">".repeat(count)}\n`);
}

/** `turns` short speaker turns: a file of a few MB that needs hundreds of MB to parse. */
export function manyTurns(turns: number): Uint8Array {
  return strToU8(">> EGYPT: Yes.\n".repeat(turns));
}
