/**
 * Document references (/documents/:ref): every mention of a document spoken in the room, in
 * time order, with a chart of mentions per session; and the list of references (/documents).
 */
import type { Context } from "hono";
import type { FC } from "hono/jsx";
import { documentLabel } from "../../document-refs";
import {
  type DocumentSummary,
  documentMentions,
  listDocuments,
  listSessions,
} from "../../search/catalog";
import { NotFoundError } from "../../search/errors";
import type { ApiEnv } from "../api/env";
import { formatCount, plural } from "../views/format";
import { documentHref } from "../views/links";
import { Pagination, PastLastPage } from "../views/pagination";
import { TimelineChart } from "../views/timeline-chart";
import { UtteranceCard } from "../views/utterance-card";
import { parsePage } from "./page-number";
import { MAX_PAGE, PAGE_SIZE } from "./search-state";

/** The 404 of a reference never spoken: the nearest references, and the list. */
function unknownDocumentPage(c: Context<ApiEnv>, ref: string, nearest: readonly string[]) {
  c.status(404);
  return c.render(
    <>
      <h1>Not found</h1>
      <div class="error-box" role="alert">
        <p>No document reference “{ref}” was recognised in these captions.</p>
        {nearest.length > 0 ? (
          <p>
            The nearest spoken:{" "}
            {nearest.map((id, i) => (
              <>
                {i > 0 ? ", " : ""}
                <a href={documentHref(id)}>{documentLabel(id)}</a>
              </>
            ))}
            .
          </p>
        ) : null}
      </div>
      <p>
        See <a href="/documents">every document spoken of in the room</a>.
      </p>
    </>,
    { title: "Not found", section: "documents" },
  );
}

/** The members of a reference's family, each with its mentions (the current one marked). */
const FamilyList: FC<{ id: string; family: DocumentSummary[]; members: string[] }> = ({
  id,
  family,
  members,
}) =>
  family.length <= 1 && members.includes(id) ? null : (
    <nav aria-label="The document and its versions">
      <h2>The document and its versions</h2>
      <ul>
        {family.map((d) => (
          <li>
            <a href={documentHref(d.id)} aria-current={members.includes(d.id) ? "true" : undefined}>
              {d.label}
            </a>{" "}
            ({plural(d.utterances, "mention")})
          </li>
        ))}
      </ul>
    </nav>
  );

/** GET /documents/:ref */
export async function documentPage(c: Context<ApiEnv>): Promise<Response> {
  const corpus = c.get("corpus");
  const ref = c.req.param("ref") ?? "";
  const page = parsePage(c.req.query("page"), MAX_PAGE);
  let doc: ReturnType<typeof documentMentions>;
  try {
    doc = documentMentions(
      corpus,
      ref,
      { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
      { baseUrl: c.get("baseUrl") },
    );
  } catch (error) {
    if (error instanceof NotFoundError) return unknownDocumentPage(c, ref, error.suggestions);
    throw error;
  }
  const sessions = listSessions(corpus).sessions.filter((s) => s.version === "finished");
  const counts = new Map(doc.sessions.map((s) => [s.session.id, s.count]));
  const pages = Math.max(1, Math.ceil(doc.total / PAGE_SIZE));
  const whole = doc.members.length > 1 || doc.members[0] !== doc.id;
  const heading = whole ? `${doc.label} and its versions` : doc.label;
  return c.render(
    <>
      <p class="lede">
        <a href="/documents">Documents</a> › {doc.label}
      </p>
      <h1>{heading}</h1>
      <p>
        Mentioned in {plural(doc.total, "utterance")}
        {doc.spoken.length > 0 ? (
          <>
            , captioned as{" "}
            {doc.spoken.map((s, i) => (
              <>
                {i > 0 ? ", " : ""}
                <q>{s}</q>
              </>
            ))}
          </>
        ) : null}
        . References are recognised in the captions automatically; a mis-heard number may hide a
        mention.
      </p>
      <FamilyList id={doc.id} family={doc.family} members={doc.members} />
      <TimelineChart
        id="document-chart"
        title={`Mentions of ${doc.label} per session`}
        sessions={sessions}
        series={[{ name: doc.label, counts: sessions.map((s) => counts.get(s.id) ?? 0) }]}
        unit="mention"
        compact
      />
      <h2 id="mentions">Every mention, in time order</h2>
      {page > pages ? (
        <PastLastPage
          page={page}
          pages={pages}
          total={doc.total}
          unit="mention"
          href={(p) => `${documentHref(doc.id)}${p > 1 ? `?page=${p}` : ""}#mentions`}
        />
      ) : null}
      <ol class="results" start={doc.offset + 1}>
        {doc.mentions.map((m) => (
          <UtteranceCard utterance={m} snippetHtml={m.snippet} />
        ))}
      </ol>
      <Pagination
        page={page}
        pages={pages}
        href={(p) => `${documentHref(doc.id)}${p > 1 ? `?page=${p}` : ""}#mentions`}
        label="Pages of mentions"
      />
    </>,
    { title: heading, section: "documents" },
  );
}

/** GET /documents */
export async function documentsPage(c: Context<ApiEnv>): Promise<Response> {
  const corpus = c.get("corpus");
  const { documents } = listDocuments(corpus);
  return c.render(
    <>
      <h1>Documents spoken of in the room</h1>
      <p class="lede">
        Conference documents (ADM, DT, numbered documents), rules, articles and resolutions as the
        captions name them, most mentioned first. Open one to follow it through the sessions.
      </p>
      {documents.length === 0 ? (
        <p class="empty">No document reference was recognised in these captions.</p>
      ) : (
        <div class="table-scroll">
          <table class="data">
            <caption class="visually-hidden">Document references, most mentioned first</caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col" class="num">
                  Mentions
                </th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr>
                  <th scope="row">
                    <a href={documentHref(d.id)}>{d.label}</a>
                  </th>
                  <td class="num">{formatCount(d.utterances)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>,
    { title: "Documents", section: "documents" },
  );
}
