import { Document, Packer, Paragraph, TextRun } from "docx";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { SAMPLE_AUTHOR, SAMPLE_DATE } from "./fixed";

/** Options of {@link renderDocx}. */
export interface DocxOptions {
  /** Document title stored in the core properties. */
  title: string;
}

/**
 * Zip entry time. fflate writes DOS times from the LOCAL fields of the Date, so the same local
 * fields are used on every machine (a UTC instant would give different bytes per time zone).
 */
const ZIP_ENTRY_TIME = new Date(
  SAMPLE_DATE.getUTCFullYear(),
  SAMPLE_DATE.getUTCMonth(),
  SAMPLE_DATE.getUTCDate(),
  SAMPLE_DATE.getUTCHours(),
  SAMPLE_DATE.getUTCMinutes(),
  SAMPLE_DATE.getUTCSeconds(),
);

/**
 * Renders laid-out lines as a Word file with one paragraph per line, like the ITU's caption files
 * (an empty line becomes an empty paragraph). The docx package stamps the current time into the
 * core properties and the zip entries; both are replaced by {@link SAMPLE_DATE} so the bytes are
 * reproducible.
 */
export async function renderDocx(
  lines: readonly string[],
  options: DocxOptions,
): Promise<Uint8Array> {
  const doc = new Document({
    creator: SAMPLE_AUTHOR,
    lastModifiedBy: SAMPLE_AUTHOR,
    title: options.title,
    description: "SYNTHETIC SAMPLE - written for testing; not a real transcript",
    revision: 1,
    styles: { default: { document: { run: { font: "Courier New", size: 24 } } } },
    sections: [
      {
        children: lines.map(
          (line) => new Paragraph({ children: line === "" ? [] : [new TextRun(line)] }),
        ),
      },
    ],
  });
  const packed = new Uint8Array(await Packer.toBuffer(doc));
  return normaliseZip(packed);
}

/** Rewrites the package with fixed timestamps (core properties and zip entries), same entry order. */
function normaliseZip(bytes: Uint8Array): Uint8Array {
  const entries = unzipSync(bytes);
  const stamp = SAMPLE_DATE.toISOString().replace(/\.\d{3}Z$/, "Z");
  const out: Zippable = {};
  for (const [name, data] of Object.entries(entries)) {
    let content = data;
    if (name === "docProps/core.xml") {
      const xml = strFromU8(data).replace(
        /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
        (_m, open: string, _tag: string, close: string) => `${open}${stamp}${close}`,
      );
      content = strToU8(xml);
    }
    out[name] = [content, { mtime: ZIP_ENTRY_TIME, level: 6 }];
  }
  return zipSync(out);
}
