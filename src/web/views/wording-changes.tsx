/**
 * "How the wording changed": the versions of a text in time order, each with its changes against
 * the version before it (<del> for words dropped, <ins> for words added; struck through and
 * underlined, and announced as "dropped:"/"added:", so nothing depends on colour), who said it,
 * when, a link into the transcript, and which wording appears for the first time. Versions of
 * more than one conference are listed under a heading per conference, in the order they met, so a
 * wording can be followed from one conference into the next. Then the word trees of what follows
 * and what precedes it. Pure: data in, escaped markup out.
 */
import type { FC } from "hono/jsx";
import { groupByConference } from "../../search/conferences";
import type { DiffRun } from "../../search/variants/align";
import { MIN_SIMILARITY, type VariantPage } from "../../search/variants/find";
import type { Version } from "../../search/variants/versions";
import { wordTree } from "../../search/variants/word-tree";
import { formatDateTime, plural } from "./format";
import { inContextHref, speakerHref } from "./links";
import { WordTree } from "./word-tree";

/** The words of a version, with its changes against the previous one marked. */
export const MarkedChanges: FC<{ runs: readonly DiffRun[] }> = ({ runs }) => (
  <>
    {runs.map((run) => {
      switch (run.op) {
        case "equal":
          return <>{run.text}</>;
        case "delete":
          return (
            <>
              <del>
                <span class="visually-hidden">dropped: </span>
                {run.text.trim()}
              </del>{" "}
            </>
          );
        case "insert":
          return (
            <ins>
              <span class="visually-hidden">added: </span>
              {run.text}
            </ins>
          );
        default:
          return run.op satisfies never;
      }
    })}
  </>
);

function percent(similarity: number): string {
  return `${Math.round(similarity * 100)}%`;
}

const VersionItem: FC<{ version: Version; index: number; versions: readonly Version[] }> = ({
  version,
  index,
  versions,
}) => {
  const { variant } = version;
  const seq = Number(variant.id.slice(variant.id.lastIndexOf(".") + 1));
  const sameAs = version.firstOfWording
    ? null
    : versions.findIndex((v) => v.wording === version.wording && v.firstOfWording);
  return (
    <li class="version" data-id={variant.id} data-wording={version.wording}>
      <p class="version-meta">
        <strong>
          <a href={speakerHref(variant.speaker.id)}>{variant.speaker.name}</a>
        </strong>
        , {variant.session.name}, {formatDateTime(variant.date, variant.time)} ·{" "}
        <a
          href={inContextHref(variant.session.id, seq)}
          aria-label={`version ${index + 1}: open in the transcript`}
        >
          in the transcript
        </a>{" "}
        · {percent(variant.similarity)} like the text searched
        {variant.via ? " (found through another version)" : ""}
      </p>
      <p class="version-badges">
        {version.firstOfWording ? (
          <span class="badge first-wording">First appearance of wording {version.wording}</span>
        ) : (
          <span class="badge">
            Wording {version.wording}, as in version {(sameAs ?? 0) + 1}
          </span>
        )}
      </p>
      <blockquote class="version-text" cite={variant.permalink}>
        {version.changes === null ? variant.passage : <MarkedChanges runs={version.changes} />}
      </blockquote>
    </li>
  );
};

/** The versions as one list, or, across conferences, one list under a heading per conference. */
const VersionLists: FC<{ versions: readonly Version[] }> = ({ versions }) => {
  const groups = groupByConference(versions, (version) => version.variant.session);
  if (groups.length <= 1) {
    return (
      <ol class="versions">
        {versions.map((version, index) => (
          <VersionItem version={version} index={index} versions={versions} />
        ))}
      </ol>
    );
  }
  let start = 0;
  return (
    <>
      {groups.map((group) => {
        const first = start;
        start += group.items.length;
        const wordings = new Set(group.items.map((v) => v.wording)).size;
        return (
          <section class="conference-versions" data-conference={group.conference ?? ""}>
            <h3>
              {group.shortName}: {plural(group.items.length, "version")},{" "}
              {plural(wordings, "wording")}
            </h3>
            <ol class="versions" start={first + 1}>
              {group.items.map((version, i) => (
                <VersionItem version={version} index={first + i} versions={versions} />
              ))}
            </ol>
          </section>
        );
      })}
    </>
  );
};

/** "Found at WCIT-12 (5), then PP-14 (3)": every version found, by conference; null for one. */
function conferenceLine(page: VariantPage): string | null {
  if (page.conferences.length <= 1) return null;
  return `Found at ${page.conferences.map((c) => `${c.shortName} (${c.count})`).join(", then ")}.`;
}

/** The whole section. `versions` come from versionsOf(page.variants). */
export const WordingChanges: FC<{
  page: VariantPage;
  versions: readonly Version[];
  apiHref: string;
}> = ({ page, versions, apiHref }) => {
  const wordings = new Set(versions.map((v) => v.wording)).size;
  const sessions = new Set(versions.map((v) => v.variant.session.id)).size;
  return (
    <section class="wording-changes" aria-labelledby="wording-heading">
      <h2 id="wording-heading">How the wording changed</h2>
      {versions.length === 0 ? (
        <p>
          No passage has wording close to this text (at least {percent(MIN_SIMILARITY)} of the words
          alike).
        </p>
      ) : (
        <>
          <p>
            {plural(page.total, "version")} of this text in {plural(sessions, "session")},{" "}
            {plural(wordings, "distinct wording")}, in time order; each is marked against the one
            before it: <del>dropped words</del> struck through, <ins>added words</ins> underlined.{" "}
            <a href={`${apiHref}&format=csv`}>CSV</a> · <a href={apiHref}>JSON</a>
          </p>
          {conferenceLine(page) ? <p class="conference-line">{conferenceLine(page)}</p> : null}
          {page.total > versions.length ? (
            <p class="hint">The first {versions.length} versions are shown.</p>
          ) : null}
          {page.work.truncated ? (
            <p class="hint">
              The search stopped at its bounds; rarer versions may be missing. A longer passage
              narrows it.
            </p>
          ) : null}
          <VersionLists versions={versions} />
          <h3>What follows and what precedes it</h3>
          <div class="word-trees">
            <WordTree
              id="tree-after"
              tree={wordTree(page.variants, "after", page.query)}
              direction="after"
              title="What follows it"
            />
            <WordTree
              id="tree-before"
              tree={wordTree(page.variants, "before", page.query)}
              direction="before"
              title="What precedes it"
            />
          </div>
        </>
      )}
    </section>
  );
};
