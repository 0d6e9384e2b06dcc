/**
 * Browsing routes: the corpus, its conferences, sessions and transcripts, speakers, utterances
 * with context, document references. `conference=` (an id of src/conferences/registry.ts)
 * narrows the session and speaker lists.
 */
import { Hono } from "hono";
import { CAPTION_CAVEAT } from "../../domain";
import { conferenceDetail, listConferences } from "../../search/conferences";
import { parseConference } from "../../search/filters";
import {
  MAX_CONTEXT,
  documentMentions,
  listDocuments,
  listSessions,
  listSpeakers,
  sessionSourceText,
  sessionTranscript,
  speakerDetail,
  utteranceWithContext,
  corpusNotice,
} from "../../search/catalog";
import { saidElsewhere } from "../../search/variants/where-else";
import { canonicalSpeakerId } from "../../search/names";
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET } from "../../search/search";
import { allowParams, intParam } from "../middleware/params";
import type { ApiEnv } from "./env";
import type { Context } from "hono";

/** The `conference` parameter checked against the registry (a 400 names the known ids), or null. */
function conferenceParam(c: Context<ApiEnv>): string | null {
  const value = c.req.query("conference");
  return value === undefined ? null : parseConference(value.trim(), "conference");
}

export const catalogRoutes = new Hono<ApiEnv>()
  .get("/corpus", allowParams(), (c) => {
    const corpus = c.get("corpus");
    const { manifest } = corpus;
    return c.json({
      corpus: manifest.corpus,
      conferences: listConferences(corpus).conferences,
      caveat: CAPTION_CAVEAT,
      counts: manifest.counts,
      backend: manifest.backend,
      formatVersion: manifest.formatVersion,
      ...corpusNotice(corpus),
    });
  })
  .get("/conferences", allowParams(), (c) => c.json(listConferences(c.get("corpus"))))
  .get("/conferences/:id", allowParams(), (c) =>
    c.json(conferenceDetail(c.get("corpus"), c.req.param("id"))),
  )
  .get("/sessions", allowParams("conference"), (c) =>
    c.json(listSessions(c.get("corpus"), conferenceParam(c))),
  )
  .get("/sessions/:id", allowParams(), (c) =>
    c.json(sessionTranscript(c.get("corpus"), c.req.param("id"), { baseUrl: c.get("baseUrl") })),
  )
  .get("/sessions/:id/text", allowParams(), async (c) => {
    const { session, text } = await sessionSourceText(c.get("corpus"), c.req.param("id"));
    return c.text(text, 200, {
      "X-Source-File": encodeURIComponent(session.source.file),
      "X-Corpus-Synthetic": String(session.synthetic),
    });
  })
  .get("/speakers", allowParams("conference"), (c) =>
    c.json(listSpeakers(c.get("corpus"), conferenceParam(c))),
  )
  .get("/speakers/:id", allowParams(), (c) => {
    // A name, alias or code in any case redirects to the canonical id ("egypt" -> EGY).
    const id = c.req.param("id");
    const canonical = canonicalSpeakerId(c.get("corpus"), id);
    if (canonical !== null && canonical !== id)
      return c.redirect(`/api/speakers/${encodeURIComponent(canonical)}`, 301);
    return c.json(speakerDetail(c.get("corpus"), id));
  })
  .get("/utterances/:id", allowParams("context"), (c) => {
    const options = { baseUrl: c.get("baseUrl") };
    const id = c.req.param("id");
    const found = utteranceWithContext(
      c.get("corpus"),
      id,
      intParam(c, "context", 0, 0, MAX_CONTEXT),
      options,
    );
    return c.json({ ...found, elsewhere: saidElsewhere(c.get("corpus"), id, options) });
  })
  .get("/documents", allowParams(), (c) => c.json(listDocuments(c.get("corpus"))))
  .get("/documents/:ref{.+}", allowParams("limit", "offset"), (c) =>
    c.json(
      documentMentions(
        c.get("corpus"),
        c.req.param("ref"),
        {
          limit: intParam(c, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
          offset: intParam(c, "offset", 0, 0, MAX_OFFSET),
        },
        { baseUrl: c.get("baseUrl") },
      ),
    ),
  );
