/**
 * The synthetic-sample banner, shown on every page while the corpus is the synthetic sample.
 */
import type { FC } from "hono/jsx";

/** The banner's headline: short enough to read at a glance. */
export const SYNTHETIC_HEADLINE = "SYNTHETIC SAMPLE — not words of any real conference";

/** The notice without its own "SYNTHETIC SAMPLE:" lead, which the headline already says. */
export function noticeBody(notice: string | null): string {
  const text =
    notice ??
    "This corpus was written by the project for testing and demonstration; no real delegation said these words.";
  const body = text.replace(/^SYNTHETIC SAMPLE[:.]?\s*/i, "");
  return body.charAt(0).toUpperCase() + body.slice(1);
}

export const SyntheticBanner: FC<{ notice: string | null }> = ({ notice }) => (
  <div class="synthetic-banner" role="note" aria-label="Synthetic sample">
    <p>
      <strong>{SYNTHETIC_HEADLINE}.</strong> <span class="more">{noticeBody(notice)}</span>
    </p>
  </div>
);
