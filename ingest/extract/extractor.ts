/** The shape every per-format extractor shares. */

/** What an extractor returns, before extractText normalises the text. */
export interface RawExtraction {
  text: string;
  /** Each prefixed `extract: <name>: `. */
  warnings: string[];
}

/** One format's extractor: the bytes and the name for messages in, raw text out. */
export type Extractor = (
  bytes: Uint8Array,
  source: string,
) => RawExtraction | Promise<RawExtraction>;
