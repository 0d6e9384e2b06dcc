/**
 * Pagination links: previous, numbered pages around the current one, next. Plain links, so
 * they work without JavaScript and can be bookmarked.
 */
import type { FC } from "hono/jsx";
import { formatCount, plural } from "./format";

export interface PaginationProps {
  /** 1-based current page. */
  page: number;
  /** Number of pages (at least 1). */
  pages: number;
  /** URL of a page. */
  href: (page: number) => string;
  /** What the list of pages is for, for screen readers. */
  label?: string;
}

/**
 * Pages to show: the first, the last, and two on each side of the current; null is a gap (a gap
 * of one page shows that page instead).
 */
export function pageWindow(page: number, pages: number): (number | null)[] {
  const shown = new Set([1, pages]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pages) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (typeof last === "number" && p - last === 2) out.push(last + 1);
    else if (typeof last === "number" && p - last > 2) out.push(null);
    out.push(p);
  }
  return out;
}

export const Pagination: FC<PaginationProps> = ({ page, pages, href, label }) =>
  pages <= 1 ? null : (
    <nav class="pagination" aria-label={label ?? "Pages of results"}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev">
              ← Previous
            </a>
          </li>
        ) : null}
        {pageWindow(page, pages).map((p) =>
          p === null ? (
            <li>
              <span aria-hidden="true">…</span>
            </li>
          ) : (
            <li>
              <a
                href={href(p)}
                aria-current={p === page ? "page" : undefined}
                aria-label={`Page ${p}`}
              >
                {String(p)}
              </a>
            </li>
          ),
        )}
        {page < pages ? (
          <li>
            <a href={href(page + 1)} rel="next">
              Next →
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );

export interface PastLastPageProps {
  /** The page asked for. */
  page: number;
  /** Pages that can be shown (at least 1). */
  pages: number;
  /** Pages the items fill (more than `pages` when some are past what can be shown). */
  allPages?: number;
  total: number;
  /** What is counted ("result", "intervention"). */
  unit: string;
  href: (page: number) => string;
}

/** A page past the last one: the real page count, and links to the last and the first. */
export const PastLastPage: FC<PastLastPageProps> = ({
  page,
  pages,
  allPages,
  total,
  unit,
  href,
}) => {
  const filled = allPages ?? pages;
  return (
    <div class="empty" role="status">
      <p>
        There is no page {formatCount(page)} of these {unit}s: {plural(total, unit)} fill{" "}
        {plural(filled, "page")}
        {filled > pages ? `, of which the first ${formatCount(pages)} can be shown` : ""}.{" "}
        <a href={href(pages)}>Go to the last page ({formatCount(pages)})</a> or{" "}
        <a href={href(1)}>the first</a>.
      </p>
    </div>
  );
};
