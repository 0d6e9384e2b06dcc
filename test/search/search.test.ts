import { beforeAll, describe, expect, test } from "vitest";
import { CAPTION_CAVEAT, SYNTHETIC_NOTICE } from "../../src/domain";
import {
  documentMentions,
  listSessions,
  listSpeakers,
  sessionTranscript,
  speakerDetail,
  utteranceWithContext,
} from "../../src/search/catalog";
import type { Corpus } from "../../src/search/corpus";
import { NotFoundError, QueryError } from "../../src/search/errors";
import { emptyFilters } from "../../src/search/filters";
import { phraseTimeline } from "../../src/search/phrase";
import { search } from "../../src/search/search";
import { containsPhrase, terms } from "../../src/search/text";
import { fixtureCorpus, fixtureSessions } from "../fixtures/corpus";

let corpus: Corpus;
beforeAll(async () => {
  corpus = await fixtureCorpus();
});

const finished = () => fixtureSessions().filter((s) => s.version === "finished");
const all = (q: string, extra: Partial<Parameters<typeof search>[1]> = {}) =>
  search(corpus, { q, limit: 100, ...extra });

describe("invariants on the fixture corpus", () => {
  const phrases = [
    "human rights",
    "digital divide",
    "internet governance",
    "you have the floor",
    "DT/30 rev 3",
  ];

  test.each(phrases)(
    "every result of the quoted phrase %j contains it, and every utterance saying it is found",
    (phrase) => {
      const page = all(`"${phrase}"`);
      expect(page.total).toBeGreaterThan(0);
      for (const hit of page.results) expect(containsPhrase(hit.text, phrase)).toBe(true);
      const expected = finished()
        .flatMap((s) => s.utterances)
        .filter((u) => containsPhrase(u.text, phrase))
        .map((u) => u.id)
        .sort();
      expect(page.results.map((hit) => hit.id).sort()).toEqual(expected);
    },
  );

  test("a quoted sentence taken from an utterance finds that utterance", () => {
    for (const session of finished()) {
      for (const utterance of session.utterances.filter((u) => terms(u.text).length >= 3)) {
        const words = utterance.text.split(/\s+/).slice(0, 4).join(" ").replace(/"/g, "");
        const ids = all(`"${words}"`).results.map((hit) => hit.id);
        expect(ids, words).toContain(utterance.id);
      }
    }
  });

  test.each([
    ["IRN", "IRN"],
    ["iran", "IRN"],
    ["Islamic Republic of Iran", "IRN"],
    ["egypt", "EGY"],
    ["EG", "EGY"],
    ["chairman", "chair"],
    ["South Korea", "KOR"],
  ])("speaker:%s returns only %s", (value, id) => {
    const inQuery = all(`speaker:"${value}"`);
    const asParam = all("", {
      filters: { ...emptyFilters(), speaker: [value] },
      origins: { speaker: "speaker" },
    });
    expect(inQuery.total).toBeGreaterThan(0);
    expect(asParam.total).toBe(inQuery.total);
    for (const hit of [...inQuery.results, ...asParam.results]) expect(hit.speaker.id).toBe(id);
  });

  test("a speaker known to the alias table but silent in the corpus matches nothing", () => {
    expect(all("speaker:france").total).toBe(0);
  });

  test("an unknown speaker or session is an error naming its parameter", () => {
    expect(() => all("speaker:atlantis")).toThrow(QueryError);
    expect(() => all("speaker:atlantis")).toThrow(/^q: unknown speaker/);
    expect(() =>
      all("rights", {
        filters: { ...emptyFilters(), speaker: ["atlantis"] },
        origins: { speaker: "speaker" },
      }),
    ).toThrow(/^speaker: unknown speaker/);
    expect(() => all("session:plenary-99")).toThrow(/^q: unknown session/);
  });
});

describe("filters", () => {
  test("body, kind and dates restrict results", () => {
    for (const hit of all("regulations body:committee-5").results)
      expect(hit.session.body).toBe("committee-5");
    for (const hit of all("kind:chair").results) expect(hit.speaker.kind).toBe("chair");
    const dated = all("rights date:2012-12-04..2012-12-05");
    expect(dated.total).toBeGreaterThan(0);
    for (const hit of dated.results)
      expect(["2012-12-04", "2012-12-05"]).toContain(hit.session.date);
    expect(all("rights from:2012-12-06").total).toBe(0);
  });

  test("rough versions are left out unless a session filter names them", () => {
    expect(all('"human writes"').total).toBe(0);
    const rough = all('"human writes" session:plenary-1-rough');
    expect(rough.results.map((hit) => hit.id)).toEqual(["plenary-1-rough.2"]);
    expect(rough.results[0]?.session.version).toBe("rough");
  });

  test("exclusions drop words and phrases", () => {
    const withRights = all("human");
    const without = all('human -"human rights"');
    expect(withRights.total).toBeGreaterThan(without.total);
    expect(all("rights -human").results.every((hit) => !/\bhuman\b/i.test(hit.text))).toBe(true);
  });

  test("OR widens, AND narrows", () => {
    const a = all("roaming").total;
    const b = all("spam").total;
    expect(all("roaming OR spam").total).toBe(a + b);
    expect(all("roaming spam").total).toBe(0);
  });

  test("prefix and fuzzy find variants, and only the matching words are marked", () => {
    const prefix = all("regulat*");
    expect(prefix.results.map((hit) => hit.text).join(" ")).toMatch(/Regulatory/);
    for (const hit of prefix.results) {
      for (const marked of hit.snippet.match(/<mark>(.*?)<\/mark>/g) ?? [])
        expect(marked.toLowerCase()).toContain("regulat");
    }
    expect(all("goverance~").total).toBe(all("governance").total);
  });
});

describe("results", () => {
  test("carry session, speaker, full text, escaped snippet, source and citation", () => {
    const hit = all('"unsolicited bulk"').results[0];
    expect(hit).toBeDefined();
    if (!hit) return;
    expect(hit.id).toBe("plenary-2.4");
    expect(hit.session).toMatchObject({
      id: "plenary-2",
      title: "PLENARY 2",
      body: "plenary",
      number: 2,
      date: "2012-12-05",
      time: "09:30",
    });
    expect(hit.speaker).toEqual({
      raw: "REPUBLIC OF KOREA",
      id: "KOR",
      name: "Korea (Republic of)",
      kind: "delegation",
      country: "KOR",
    });
    expect(hit.text).toContain('"spam" & <unsolicited bulk> messages');
    expect(hit.snippet).toContain("&quot;spam&quot; &amp; &lt;<mark>unsolicited bulk</mark>&gt;");
    expect(hit.snippet).not.toContain("<unsolicited");
    expect(hit.source).toMatchObject({
      file: "test/fixtures/corpus/sources/plenary-2.txt",
      line: expect.any(Number),
    });
    expect(hit.permalink).toBe("/utterances/plenary-2.4");
    expect(hit.citation).toMatchObject({
      speaker: "Korea (Republic of)",
      session: "Plenary 2",
      sessionTitle: "PLENARY 2",
      date: "2012-12-05",
      time: "09:30",
      began: "session began 09:30 (Dubai)",
      turn: 5,
      status: "finished",
      statusLine: "FINISHED TRANSCRIPT",
      attribution: null,
      uncertain: false,
      caveat: CAPTION_CAVEAT,
      synthetic: true,
      notice: SYNTHETIC_NOTICE,
    });
    expect(hit.citation.text).toContain(
      "World Conference on International Telecommunications (WCIT-12)",
    );
    expect(hit.citation.text).toContain(
      "Plenary 2, turn 5, 5 December 2012, session began 09:30 (Dubai).",
    );
    expect(hit.citation.text).toContain("Finished transcript.");
    expect(hit.citation.text).toContain(CAPTION_CAVEAT);
    expect(hit.citation.text).toContain(hit.source.locator);
    expect(hit.source.locator).toMatch(/^lines? \d+/);
    expect(hit.citation.text).toContain("SYNTHETIC SAMPLE");
    expect(hit.citation.text).not.toMatch(/\n/);
  });

  test("absolute permalinks with a base URL", () => {
    const page = search(corpus, { q: "roaming" }, { baseUrl: "https://example.org" });
    expect(page.results[0]?.permalink).toBe("https://example.org/utterances/committee-5-1.2");
    expect(page.results[0]?.citation.text).toContain(
      "https://example.org/utterances/committee-5-1.2",
    );
  });

  test("chronological sort and pagination", () => {
    const page = all("rights", { sort: "chronological" });
    const dates = page.results.map(
      (hit) => `${hit.session.date} ${hit.session.time} ${String(hit.seq).padStart(4, "0")}`,
    );
    expect(dates).toEqual([...dates].sort());
    const first = search(corpus, { q: "rights", sort: "chronological", limit: 2, offset: 0 });
    const second = search(corpus, { q: "rights", sort: "chronological", limit: 2, offset: 2 });
    expect(first.total).toBe(page.total);
    expect([...first.results, ...second.results].map((h) => h.id)).toEqual(
      page.results.slice(0, 4).map((h) => h.id),
    );
  });

  test("relevance sort puts higher scores first", () => {
    const scores = all("rights").results.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  test("bounds of limit and offset, and an empty request, are errors naming the parameter", () => {
    expect(() => search(corpus, { q: "rights", limit: 101 })).toThrow(/^limit: /);
    expect(() => search(corpus, { q: "rights", limit: 0 })).toThrow(/^limit: /);
    expect(() => search(corpus, { q: "rights", offset: 1001 })).toThrow(/^offset: /);
    expect(() => search(corpus, { q: "  " })).toThrow(/^q: nothing to search for/);
  });

  test("every result is traceable to a source file and line", () => {
    for (const hit of all("the").results) {
      expect(hit.source.file).toMatch(/\S/);
      expect(hit.source.line).toBeGreaterThan(0);
      expect(hit.source.endLine).toBeGreaterThanOrEqual(hit.source.line);
    }
  });
});

describe("phrase timeline", () => {
  test("counts occurrences and utterances apart: Iran says rights twice in one turn", () => {
    const timeline = phraseTimeline(corpus, { q: "rights" });
    const plenary2 = timeline.sessions.find((s) => s.session.id === "plenary-2");
    expect(plenary2).toMatchObject({ count: 2, occurrences: 3 });
    expect(timeline.totalOccurrences).toBe(
      timeline.sessions.reduce((sum, s) => sum + s.occurrences, 0),
    );
    expect(timeline.totalOccurrences).toBeGreaterThan(timeline.total);
  });

  test("counts per session in date order, first use, speakers, occurrences", () => {
    const timeline = phraseTimeline(corpus, { q: '"human rights"' });
    expect(timeline.phrase).toBe("human rights");
    expect(timeline.sessions.map((s) => [s.session.id, s.count])).toEqual([
      ["plenary-1", 3],
      ["committee-5-1", 1],
      ["plenary-2", 2],
    ]);
    expect(timeline.total).toBe(6);
    expect(timeline.sessions.map((s) => s.occurrences)).toEqual([3, 1, 2]);
    expect(timeline.totalOccurrences).toBe(6);
    expect(timeline.first?.id).toBe("plenary-1.2");
    expect(timeline.first?.speaker.id).toBe("EGY");
    expect(timeline.speakers.map((s) => [s.speaker.id, s.count, s.first])).toEqual([
      ["EGY", 1, "plenary-1.2"],
      ["IRN", 3, "plenary-1.3"],
      ["CAN", 2, "plenary-1.4"],
    ]);
    expect(timeline.occurrences.map((o) => o.id)).toEqual([
      "plenary-1.2",
      "plenary-1.3",
      "plenary-1.4",
      "committee-5-1.4",
      "plenary-2.1",
      "plenary-2.2",
    ]);
    for (const occurrence of timeline.occurrences)
      expect(occurrence.snippet).toMatch(/<mark>human\s+rights<\/mark>/i);
  });

  test("quotes are optional; operators are not allowed", () => {
    expect(phraseTimeline(corpus, { q: "digital divide" }).total).toBe(3);
    expect(() => phraseTimeline(corpus, { q: '"a" "b"' })).toThrow(/^q: /);
    expect(() => phraseTimeline(corpus, { q: "" })).toThrow(/^q: give a phrase/);
  });

  test("a phrase never said has zero counts everywhere", () => {
    const timeline = phraseTimeline(corpus, { q: "net neutrality" });
    expect(timeline.total).toBe(0);
    expect(timeline.first).toBeNull();
    expect(timeline.sessions.every((s) => s.count === 0)).toBe(true);
  });
});

describe("catalog", () => {
  test("sessions in chronological order, rough versions marked", () => {
    const ids = listSessions(corpus).sessions.map((s) => `${s.id}:${s.version}`);
    expect(ids).toEqual([
      "plenary-1:finished",
      "plenary-1-rough:rough",
      "committee-5-1:finished",
      "plenary-2:finished",
    ]);
  });

  test("a transcript is whole and in order", () => {
    const transcript = sessionTranscript(corpus, "plenary-1");
    expect(transcript.utterances.map((u) => u.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(transcript.utterances[5]?.empty).toBe(true);
    expect(() => sessionTranscript(corpus, "plenary-9")).toThrow(NotFoundError);
  });

  test("speakers with counts over finished sessions", () => {
    const speakers = listSpeakers(corpus).speakers;
    const egypt = speakers.find((s) => s.id === "EGY");
    expect(egypt).toMatchObject({ utterances: 4, sessions: 3, kind: "delegation", country: "EGY" });
    const detail = speakerDetail(corpus, "IRN");
    expect(detail.perSession.map((p) => [p.session.id, p.count])).toEqual([
      ["plenary-1", 2],
      ["committee-5-1", 1],
      ["plenary-2", 1],
    ]);
    expect(detail.first).toBe("plenary-1.3");
    expect(() => speakerDetail(corpus, "XXX")).toThrow(NotFoundError);
  });

  test("an utterance with its neighbours, within its session", () => {
    const view = utteranceWithContext(corpus, "plenary-1.1", 2);
    expect(view.utterance.id).toBe("plenary-1.1");
    expect(view.before.map((u) => u.id)).toEqual(["plenary-1.0"]);
    expect(view.after.map((u) => u.id)).toEqual(["plenary-1.2", "plenary-1.3"]);
    expect(() => utteranceWithContext(corpus, "plenary-1.99")).toThrow(NotFoundError);
    expect(() => utteranceWithContext(corpus, "plenary-1.1", 21)).toThrow(/^context: /);
  });

  test("document references, case and spaces ignored", () => {
    const mentions = documentMentions(corpus, "dt/30-rev3");
    expect(mentions.id).toBe("DT/30-REV3");
    expect(mentions.mentions.map((m) => m.id)).toEqual(["plenary-1.6", "plenary-2.0"]);
    expect(mentions.spoken).toEqual(["DT/30 rev 3"]);
    expect(mentions.mentions[0]?.snippet).toContain("<mark>DT/30 rev 3</mark>");
    expect(() => documentMentions(corpus, "DT/99")).toThrow(NotFoundError);
  });
});
