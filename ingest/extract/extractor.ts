/** The shape every per-format extractor shares. */
import type { ExtractLimits } from "./limits";

/** What an extractor returns, before extractText normalises the text. */
export interface RawExtraction {
  text: string;
  /** Each prefixed `extract: <name>: `. */
  warnings: string[];
}

/** One format's extractor: the bytes, the name for messages and the limits in, raw text out. */
export type Extractor = (
  bytes: Uint8Array,
  source: string,
  limits: ExtractLimits,
) => RawExtraction | Promise<RawExtraction>;
