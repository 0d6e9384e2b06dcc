/**
 * Permalink stability: the WCIT-12 sample's session ids and utterance permalinks predate
 * conferences (WCIT-12's sessionIdPrefix is "") and must keep resolving, to the same words, with
 * a second conference in the corpus. A change to this list breaks links people have cited.
 */
import { describe, expect, test } from "vitest";
import { bundledCorpus } from "../../bench/relevance";
import { createApp } from "../../src/web/app";
import { getJson } from "./api/app";

const app = createApp({ loadCorpus: () => bundledCorpus() });

/** Every WCIT-12 session id of the bundled sample, in chronological order. */
const WCIT_12_SESSION_IDS = [
  "plenary-1",
  "plenary-1-rough",
  "plenary-2",
  "plenary-3",
  "committee-5-1",
  "committee-5-2",
  "working-group-4",
  "committee-5-3",
  "working-group-5",
  "working-group-6",
  "working-group-6-rough",
  "committee-5-4",
  "plenary-2012-12-10-1930",
  "plenary-7",
  "plenary-9",
  "plenary-13",
];

/** Utterance permalinks and words they must keep pointing at. */
const PERMALINKS: [id: string, words: string][] = [
  ["plenary-3.1", "We thank the proposers of Document 3, addendum 3"],
  ["committee-5-1.5", "The market has changed"],
  ["committee-5-4.7", "Spain can accept the article"],
  ["working-group-6.2", "The draft is Resolution PLEN/3"],
  ["plenary-13.3", "thank you to the committee"],
  ["plenary-1-rough.4", "Please remain seated"],
];

describe("WCIT-12 permalinks", () => {
  test("the WCIT-12 sessions keep their ids, and only those are WCIT-12's", async () => {
    const { body } = await getJson(app, "/api/sessions?conference=wcit-12");
    expect(body.sessions.map((s: { id: string }) => s.id)).toEqual(WCIT_12_SESSION_IDS);
  });

  test.each(WCIT_12_SESSION_IDS)("/sessions/%s resolves (page and API)", async (id) => {
    const api = await getJson(app, `/api/sessions/${id}`);
    expect(api.response.status).toBe(200);
    expect(api.body.conference).toBe("wcit-12");
    const page = await app.request(`/sessions/${id}`);
    expect(page.status).toBe(200);
  });

  test.each(PERMALINKS)("/utterances/%s still holds its words", async (id, words) => {
    const { response, body } = await getJson(app, `/api/utterances/${id}`);
    expect(response.status).toBe(200);
    expect(body.utterance.text).toContain(words);
    expect(body.utterance.permalink).toBe(`/utterances/${id}`);
    const page = await app.request(`/utterances/${id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(words);
  });

  test("the second conference's ids carry its prefix, so they never take a WCIT-12 id", async () => {
    const { body } = await getJson(app, "/api/sessions?conference=pp-14");
    const ids = body.sessions.map((s: { id: string }) => s.id) as string[];
    expect(ids.length).toBeGreaterThanOrEqual(4);
    for (const id of ids) {
      expect(id.startsWith("pp-14-")).toBe(true);
      expect(WCIT_12_SESSION_IDS).not.toContain(id);
    }
  });
});
