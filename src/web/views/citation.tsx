/**
 * Quoting: the exact words of an utterance with its citation, as shown (a selectable
 * blockquote and citation line, for readers without JavaScript) and as copied by the copy
 * button (the same text, in one string).
 */
import type { FC } from "hono/jsx";
import type { Citation, UtteranceView } from "../../search/types";

/** What the copy text and the citation line start with for the synthetic sample. */
export const SYNTHETIC_CITATION_MARK = "[SYNTHETIC SAMPLE, not real WCIT-12 words]";

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

/** The quote in typographic quotes, followed by the citation on its own line. */
export function quoteForCopy(utterance: Pick<UtteranceView, "text" | "citation">): string {
  return `“${utterance.text}”\n— ${citationLine(utterance.citation)}`;
}

/** Element id of an utterance's citation block (the copy button's fallback selection target). */
export function citationId(utteranceId: string, scope = "cite"): string {
  return `${scope}-${utteranceId.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

export interface CitationBlockProps {
  utterance: Pick<UtteranceView, "id" | "text" | "citation" | "permalink">;
  /** Prefix of the block's element id, unique per place on the page. */
  scope?: string;
}

/** The exact words and the citation, selectable as they are. */
export const CitationBlock: FC<CitationBlockProps> = ({ utterance, scope }) => (
  <div class="citation" id={citationId(utterance.id, scope)}>
    <blockquote cite={utterance.permalink}>
      <p>“{utterance.text}”</p>
    </blockquote>
    <p>— {citationLine(utterance.citation)}</p>
  </div>
);

/** A copy button: hidden until the progressive script shows it (it needs JavaScript). */
export const CopyButton: FC<CitationBlockProps & { label?: string }> = ({
  utterance,
  scope,
  label,
}) => (
  <button
    type="button"
    class="secondary copy"
    data-copy={quoteForCopy(utterance)}
    data-copy-target={citationId(utterance.id, scope)}
    hidden
  >
    {label ?? "Copy quote"}
  </button>
);
