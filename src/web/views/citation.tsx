/**
 * Quoting: the speaker's words of an utterance (its `quote`: the captioner's notes taken out,
 * src/search/quote.ts) with its citation, as shown (a selectable blockquote and citation line,
 * for readers without JavaScript) and as copied by the copy button (the same text, in one
 * string). A re-attribution by a captioner's note is stated with both, and an uncertain one is
 * marked wherever the utterance is shown.
 */
import type { FC } from "hono/jsx";
import type { Citation, UtteranceView } from "../../search/types";

/** What the copy text and the citation line start with for the synthetic sample. */
export const SYNTHETIC_CITATION_MARK = "[SYNTHETIC SAMPLE, not words of any real conference]";

/**
 * The citation line as shown and copied: the core's one-line citation, with the synthetic mark
 * in front when the corpus is the sample and the core's text does not already say SYNTHETIC.
 */
export function citationLine(citation: Citation): string {
  if (citation.synthetic && !citation.text.includes("SYNTHETIC")) {
    return `${SYNTHETIC_CITATION_MARK} ${citation.text}`;
  }
  return citation.text;
}

/**
 * The quote in typographic quotes, followed by the citation on its own line (which states any
 * re-attribution). Only the speaker's words stand between the quotation marks.
 */
export function quoteForCopy(utterance: Pick<UtteranceView, "quote" | "citation">): string {
  return `“${utterance.quote}”\n— ${citationLine(utterance.citation)}`;
}

/** Element id of an utterance's citation block (the copy button's fallback selection target). */
export function citationId(utteranceId: string, scope = "cite"): string {
  return `${scope}-${utteranceId.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

export interface CitationBlockProps {
  utterance: Pick<UtteranceView, "id" | "quote" | "citation" | "permalink">;
  /** Prefix of the block's element id, unique per place on the page. */
  scope?: string;
}

/** The exact words and the citation, selectable as they are. */
export const CitationBlock: FC<CitationBlockProps> = ({ utterance, scope }) => (
  <div class="citation" id={citationId(utterance.id, scope)}>
    <blockquote cite={utterance.permalink}>
      <p>“{utterance.quote}”</p>
    </blockquote>
    <p>— {citationLine(utterance.citation)}</p>
  </div>
);

/**
 * A copy button: hidden until the progressive script shows it (it needs JavaScript). None for
 * a turn with no spoken words (nothing to quote).
 */
export const CopyButton: FC<CitationBlockProps & { label?: string }> = ({
  utterance,
  scope,
  label,
}) =>
  utterance.quote === "" ? null : (
    <button
      type="button"
      class="secondary copy"
      data-copy={quoteForCopy(utterance)}
      data-permalink={utterance.permalink}
      data-copy-target={citationId(utterance.id, scope)}
      hidden
    >
      {label ?? "Copy quote"}
    </button>
  );

/**
 * What a captioner's note did to the attribution of the words, where the utterance is shown:
 * the citation's statement and the evidence it was decided from; an uncertain attribution is
 * marked as such in words (not only by colour).
 */
export const AttributionNote: FC<{
  utterance: Pick<UtteranceView, "attribution" | "citation">;
}> = ({ utterance }) => {
  const a = utterance.attribution;
  const statement = utterance.citation.attribution;
  if (!a || !statement) return null;
  return (
    <p class={a.uncertain ? "attribution is-uncertain" : "attribution"}>
      {a.uncertain ? <strong class="uncertain-badge">Attribution uncertain. </strong> : null}
      {statement.replace(/^Attribution uncertain: (.)/, (_m, c: string) => c.toUpperCase())}{" "}
      <span class="evidence">{a.evidence}</span>
    </p>
  );
};
