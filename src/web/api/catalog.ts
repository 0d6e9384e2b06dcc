/**
 * Browsing routes: the corpus, sessions and transcripts, speakers, utterances with context,
 * document references.
 */
import { Hono } from "hono";
import { CAPTION_CAVEAT, CONFERENCE } from "../../domain";
import {
  MAX_CONTEXT,
  documentMentions,
  listDocuments,
  listSessions,
  listSpeakers,
  sessionTranscript,
  speakerDetail,
  utteranceWithContext,
} from "../../search/catalog";
import { canonicalSpeakerId } from "../../search/names";
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET } from "../../search/search";
import { allowParams, intParam } from "../middleware/params";
import type { ApiEnv } from "./env";

export const catalogRoutes = new Hono<ApiEnv>()
  .get("/corpus", allowParams(), (c) => {
    const { manifest, store } = c.get("corpus");
    return c.json({
      conference: CONFERENCE,
      caveat: CAPTION_CAVEAT,
      counts: manifest.counts,
      backend: manifest.backend,
      formatVersion: manifest.formatVersion,
      synthetic: store.synthetic,
      notice: store.notice,
    });
  })
  .get("/sessions", allowParams(), (c) => c.json(listSessions(c.get("corpus"))))
  .get("/sessions/:id", allowParams(), (c) =>
    c.json(sessionTranscript(c.get("corpus"), c.req.param("id"), { baseUrl: c.get("baseUrl") })),
  )
  .get("/speakers", allowParams(), (c) => c.json(listSpeakers(c.get("corpus"))))
  .get("/speakers/:id", allowParams(), (c) => {
    // A name, alias or code in any case redirects to the canonical id ("egypt" -> EGY).
    const id = c.req.param("id");
    const canonical = canonicalSpeakerId(c.get("corpus"), id);
    if (canonical !== null && canonical !== id)
      return c.redirect(`/api/speakers/${encodeURIComponent(canonical)}`, 301);
    return c.json(speakerDetail(c.get("corpus"), id));
  })
  .get("/utterances/:id", allowParams("context"), (c) =>
    c.json(
      utteranceWithContext(
        c.get("corpus"),
        c.req.param("id"),
        intParam(c, "context", 0, 0, MAX_CONTEXT),
        {
          baseUrl: c.get("baseUrl"),
        },
      ),
    ),
  )
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
