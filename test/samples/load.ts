/** Shared loading for the sample tests: committed source bytes and their extracted text, memoised. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { extractText, type ExtractedText } from "../../ingest/extract/index";
import { SAMPLES, type SampleSpec } from "../../transcripts/generate/samples";

export const SOURCES_DIR = "transcripts/sources";
export const AUTHORED_DIR = "transcripts/generate/authored";

export interface LoadedSample {
  spec: SampleSpec;
  bytes: Uint8Array;
  extracted: ExtractedText;
}

let cache: Promise<LoadedSample[]> | null = null;

/** Reads and extracts every committed sample source once per test file. */
export function loadSamples(): Promise<LoadedSample[]> {
  cache ??= Promise.all(
    SAMPLES.map(async (spec) => {
      const bytes = new Uint8Array(await readFile(join(SOURCES_DIR, spec.file)));
      const extracted = await extractText(bytes, { fileName: spec.file });
      return { spec, bytes, extracted };
    }),
  );
  return cache;
}

/** The loaded sample rendered to `file`; throws when the table has no such file. */
export async function sampleByFile(file: string): Promise<LoadedSample> {
  const found = (await loadSamples()).find((s) => s.spec.file === file);
  if (!found) throw new Error(`test: no sample file ${file} in SAMPLES`);
  return found;
}

/** Text with every run of whitespace collapsed to one space: wraps and flattening compare equal. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, " ");
}
