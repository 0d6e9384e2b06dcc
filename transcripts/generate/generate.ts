import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { silentLogger, type Logger } from "../../src/domain";
import { writeFileAtomic } from "../../ingest/io/atomic";
import { addCopySiteFurniture } from "./copy-site";
import { SYNTHETIC_MARKER } from "./fixed";
import { layoutLines } from "./layout";
import { renderDocx } from "./render-docx";
import { renderHtml } from "./render-html";
import { renderPdf } from "./render-pdf";
import { renderTxt } from "./render-txt";
import { SAMPLES, type SampleSpec } from "./samples";
import { renderSourcesReadme } from "./sources-readme";

/** Where the authored texts live, relative to the project root. */
export const DEFAULT_AUTHORED_DIR = "transcripts/generate/authored";
/** Where the rendered sources go, relative to the project root. */
export const DEFAULT_OUT_DIR = "transcripts/sources";

/** Options of {@link generateSamples}. */
export interface GenerateOptions {
  /** Directory of the authored texts; default {@link DEFAULT_AUTHORED_DIR}. */
  authoredDir?: string;
  /** Output directory; default {@link DEFAULT_OUT_DIR}. */
  outDir?: string;
  /** The samples to render; default all of {@link SAMPLES}. */
  samples?: readonly SampleSpec[];
  logger?: Logger;
}

/** One rendered file: its name in the output directory and its bytes. */
export interface RenderedFile {
  file: string;
  bytes: Uint8Array;
}

/** Reads one authored text, checking it carries the synthetic marker. */
export async function readAuthored(
  spec: SampleSpec,
  authoredDir: string = DEFAULT_AUTHORED_DIR,
): Promise<string> {
  const path = join(authoredDir, `${spec.source}.txt`);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new Error(`samples: ${path}: cannot read authored text: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!text.includes(SYNTHETIC_MARKER)) {
    throw new Error(`samples: ${path}: authored text lacks the marker line "${SYNTHETIC_MARKER}"`);
  }
  return text;
}

/** Renders one authored text into the bytes of its source file. Pure apart from the libraries. */
export async function renderSample(spec: SampleSpec, authoredText: string): Promise<Uint8Array> {
  const laidOut = layoutLines(authoredText, spec.layout);
  const lines = spec.copySite ? addCopySiteFurniture(laidOut, spec.copySite) : laidOut;
  switch (spec.format) {
    case "txt":
      return renderTxt(lines, spec.txt ?? {});
    case "docx":
      return renderDocx(lines, { title: spec.title });
    case "pdf":
      return renderPdf(lines, { title: spec.title });
    case "html": {
      if (!spec.html) throw new Error(`samples: ${spec.file}: html sample needs html options`);
      return renderHtml(lines, { title: spec.title, ...spec.html });
    }
  }
}

/** Renders every sample (and the sources README) in memory, without writing anything. */
export async function renderSamples(options: GenerateOptions = {}): Promise<RenderedFile[]> {
  const authoredDir = options.authoredDir ?? DEFAULT_AUTHORED_DIR;
  const samples = options.samples ?? SAMPLES;
  const out: RenderedFile[] = [];
  for (const spec of samples) {
    const text = await readAuthored(spec, authoredDir);
    try {
      out.push({ file: spec.file, bytes: await renderSample(spec, text) });
    } catch (error) {
      throw new Error(`samples: ${spec.file}: ${(error as Error).message}`, { cause: error });
    }
  }
  out.push({ file: "README.md", bytes: new TextEncoder().encode(renderSourcesReadme(samples)) });
  return out;
}

/**
 * Renders every sample and writes it atomically into the output directory. Everything is
 * rendered before the first write, so a failure leaves the earlier files untouched.
 */
export async function generateSamples(options: GenerateOptions = {}): Promise<RenderedFile[]> {
  const logger = options.logger ?? silentLogger;
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const files = await renderSamples(options);
  for (const { file, bytes } of files) {
    await writeFileAtomic(join(outDir, file), bytes);
    logger.info(`samples: wrote ${join(outDir, file)} (${bytes.length} bytes)`);
  }
  return files;
}
