/**
 * The extracted text of a session (/sessions/:id/text): the text that every offset, line and
 * column of a citation refers to, line by line (each line anchored id="L<n>"), with the span
 * ?start=&end= (offsets, end exclusive) marked, so a reader can check where a quote stands in
 * the source.
 */
import type { Context } from "hono";
import type { FC } from "hono/jsx";
import { sessionSourceText } from "../../search/catalog";
import { QueryError } from "../../search/errors";
import type { ApiEnv } from "../api/env";
import { intParam } from "../middleware/params";
import { sessionName } from "../views/format";
import { sessionHref } from "../views/links";

/** Largest offset accepted in ?start= and ?end=. */
const MAX_OFFSET = 1_000_000_000;

/** One line of the text with the part inside [start, end) marked. */
const SourceLine: FC<{ line: string; from: number; start: number; end: number; n: number }> = ({
  line,
  from,
  start,
  end,
  n,
}) => {
  const s = Math.max(0, Math.min(line.length, start - from));
  const e = Math.max(s, Math.min(line.length, end - from));
  return (
    <li id={`L${n}`} value={n}>
      {e > s ? (
        <>
          {line.slice(0, s)}
          <mark>{line.slice(s, e)}</mark>
          {line.slice(e)}
        </>
      ) : (
        line
      )}
    </li>
  );
};

/** GET /sessions/:id/text */
export async function sourceTextPage(c: Context<ApiEnv>): Promise<Response> {
  const { session, text } = await sessionSourceText(c.get("corpus"), c.req.param("id") ?? "");
  const start = intParam(c, "start", 0, 0, MAX_OFFSET);
  const end = intParam(c, "end", start, 0, MAX_OFFSET);
  if (end < start) throw new QueryError("end", "must not be before start");
  const name = sessionName(session);
  let from = 0;
  const lines = text.split("\n").map((line, i) => {
    const item = <SourceLine line={line} from={from} start={start} end={end} n={i + 1} />;
    from += line.length + 1;
    return item;
  });
  return c.render(
    <>
      <p class="lede">
        <a href={sessionHref(session.id)}>{name}</a> › extracted text
      </p>
      <h1>Extracted text of {name}</h1>
      <p>
        The text taken from <code>{session.source.file}</code> ({session.source.format}). The lines,
        characters and offsets that citations give refer to this text
        {end > start ? "; the cited words are marked" : ""}.
      </p>
      <ol class="source-text">{lines}</ol>
    </>,
    { title: `Extracted text, ${name}`, section: "sessions" },
  );
}
