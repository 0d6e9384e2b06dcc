/**
 * The pages through app.request(), on the synthetic test corpus: every page answers, unknown
 * ids are HTML 404s, the synthetic banner is everywhere, text is escaped, forms work without
 * JavaScript, and the numbers on the pages agree with the JSON API (same core).
 */
import { type CheerioAPI, load } from "cheerio";
import { beforeAll, describe, expect, test } from "vitest";
import { AssetError } from "../../../src/search/errors";
import { createApp } from "../../../src/web/app";
import { STATIC_FILES } from "../../../src/web/static";
import { SYNTHETIC_HEADLINE } from "../../../src/web/views/banner";
import { PAGE_CSP } from "../../../src/web/pages/render";
import { documentHref } from "../../../src/web/views/links";
import {
  AGENDA_ITEMS,
  DOCUMENT,
  FINISHED_SESSIONS,
  PHRASE,
  PHRASE_COUNTS,
  PHRASE_OCCURRENCES,
  SCRIPT_TEXT,
  VS_PHRASE,
  loadTestCorpus,
} from "./fixture";

type App = ReturnType<typeof createApp>;
let app: App;
const errors: string[] = [];

beforeAll(() => {
  app = createApp({
    loadCorpus: loadTestCorpus,
    logger: { info() {}, warn() {}, error: (m) => errors.push(m) },
  });
});

async function page(
  path: string,
  status = 200,
): Promise<{ $: CheerioAPI; html: string; response: Response }> {
  const response = await app.request(path);
  const html = await response.text();
  expect(response.status, `${path}: ${html.slice(0, 300)}`).toBe(status);
  expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
  return { $: load(html), html, response };
}

async function json<T>(path: string): Promise<T> {
  const response = await app.request(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

const PAGES = [
  "/",
  `/?q=${encodeURIComponent(PHRASE)}`,
  "/?q=agenda&page=2",
  "/sessions",
  "/sessions/plenary-1",
  "/sessions/plenary-1-rough",
  "/sessions/plenary-1?u=2",
  "/speakers",
  "/speakers/EGY",
  "/speakers/chair",
  "/phrase",
  `/phrase?q=${encodeURIComponent(PHRASE)}`,
  `/phrase?q=${encodeURIComponent(PHRASE)}&vs=${encodeURIComponent(VS_PHRASE)}`,
  `/phrase?q=${encodeURIComponent(PHRASE)}&speaker=EGY&vs=speaker:CAN`,
  "/documents",
  `/documents/${encodeURIComponent(DOCUMENT)}`,
  "/utterances/plenary-1.1",
];

const NOT_FOUND = [
  "/sessions/no-such-session",
  "/speakers/XXX",
  "/documents/ADM%2F999",
  "/utterances/plenary-1.99",
  "/utterances/nonsense",
  // No route at all: the app's notFound handler answers with the same page.
  "/nope",
  "/sessions/plenary-1/extra",
];

const BAD = [
  "/?body=parliament",
  "/?q=x&from=2012-13-40",
  "/?q=x&page=0",
  "/?q=x&sort=random",
  "/?speaker=nobody",
];

describe("every page", () => {
  test.each(PAGES)("%s answers 200 with a complete, labelled page", async (path) => {
    const { $, html, response } = await page(path);
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect($("html").attr("lang")).toBe("en");
    expect($("title").text()).toMatch(/SYNTHETIC/);
    expect($("header nav[aria-label=Main] a").length).toBeGreaterThanOrEqual(4);
    expect($("main#main h1").length).toBe(1);
    expect($(".synthetic-banner").text()).toContain(SYNTHETIC_HEADLINE);
    expect(response.headers.get("Content-Security-Policy")).toBe(PAGE_CSP);
    // Only our own stylesheet and script; nothing from elsewhere, nothing inline.
    expect(
      $("link[rel=stylesheet]")
        .map((_, el) => $(el).attr("href"))
        .get(),
    ).toEqual([STATIC_FILES.css.path]);
    expect(
      $("script")
        .map((_, el) => $(el).attr("src"))
        .get(),
    ).toEqual([STATIC_FILES.js.path]);
    expect($("script:not([src])").length).toBe(0);
    expect($("[style]").length).toBe(0);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    // Every form control has a label.
    $("input:not([type=hidden]), select, textarea").each((_, el) => {
      const id = $(el).attr("id");
      const labelled =
        (id !== undefined && $(`label[for="${id}"]`).length === 1) || $(el).attr("aria-label");
      expect(labelled, `${path}: control ${$.html(el)} has no label`).toBeTruthy();
    });
    // Each copy button's no-clipboard fallback selects an element that exists.
    $("button[data-copy]").each((_, el) => {
      expect($(`[id="${$(el).attr("data-copy-target")}"]`).length, $.html(el).slice(0, 120)).toBe(
        1,
      );
    });
    // Ids are unique (anchors and labels depend on it).
    const ids = $("[id]")
      .map((_, el) => $(el).attr("id"))
      .get();
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(NOT_FOUND)("%s is an HTML 404 with the banner", async (path) => {
    const { $ } = await page(path, 404);
    expect($("h1").text()).toBe("Not found");
    expect($(".synthetic-banner").length).toBe(1);
    expect($('[role="alert"]').text().length).toBeGreaterThan(5);
  });

  test.each(BAD)("%s is an HTML 400 naming the problem, with the banner", async (path) => {
    const { $ } = await page(path, 400);
    expect($(".synthetic-banner").length).toBe(1);
    expect($('[role="alert"]').text()).toMatch(/body|from|page|sort|speaker/);
    // The search box is still there to try again.
    expect($("form[action='/'] input[name=q]").length).toBe(1);
  });

  test("the stylesheet and script are served with long caching; unknown static files 404", async () => {
    for (const file of Object.values(STATIC_FILES)) {
      const response = await app.request(file.path);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe(file.type);
      expect(response.headers.get("Cache-Control")).toContain("immutable");
      expect(await response.text()).toBe(file.body);
    }
    expect((await app.request("/static/site.00000000.css")).status).toBe(404);
  });

  test("no error was logged", () => {
    expect(errors).toEqual([]);
  });
});

describe("escaping", () => {
  test("a query with a script tag never comes back unescaped", async () => {
    const evil = `${SCRIPT_TEXT} "<img src=x onerror=alert(1)>"`;
    const response = await app.request(`/?q=${encodeURIComponent(evil)}`);
    const html = await response.text();
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    const phrase = await (await app.request(`/phrase?q=${encodeURIComponent(SCRIPT_TEXT)}`)).text();
    expect(phrase).not.toContain("<script>alert");
  });

  test("corpus text with markup is shown as text in snippets, transcripts and citations", async () => {
    const { $, html } = await page("/?q=stray+tag");
    expect(html).not.toContain(SCRIPT_TEXT);
    expect($(".result blockquote.quote").first().text()).toContain(SCRIPT_TEXT);
    expect($(".result button.copy").attr("data-copy")).toContain(SCRIPT_TEXT);
    const transcript = await page("/sessions/committee-5-1");
    expect(transcript.html).not.toContain(SCRIPT_TEXT);
    expect(transcript.$("#u-2 .utterance-text").text()).toContain(SCRIPT_TEXT);
  });
});

describe("search page", () => {
  test("without a query: the form, the syntax help and what the corpus holds", async () => {
    const { $ } = await page("/");
    const form = $("form[role=search]");
    expect(form.attr("method")).toBe("get");
    expect(form.attr("action")).toBe("/");
    expect(form.find("input[name=q]").attr("type")).toBe("search");
    expect($("details.syntax-help").attr("open")).toBeDefined();
    const help = $("details.syntax-help").text();
    for (const syntax of [
      '"exact phrase"',
      "OR",
      "-word",
      "prefix*",
      "word~",
      "speaker:",
      "session:",
      "body:",
      "date:",
      "kind:",
    ]) {
      expect(help).toContain(syntax);
    }
    expect($(".results").length).toBe(0);
  });

  test("results show who, where, when, the marked snippet and the three actions", async () => {
    const { $ } = await page(`/?q=${encodeURIComponent(`"${PHRASE}"`)}&sort=chronological`);
    const api = await json<{
      total: number;
      results: { id: string; seq: number; session: { id: string } }[];
    }>(`/api/search?q=${encodeURIComponent(`"${PHRASE}"`)}&sort=chronological`);
    expect($(".result-bar [role=status]").text()).toContain(`${api.total} results`);
    const results = $("ol.results > li.result");
    expect(results.length).toBe(api.total);
    results.each((i, el) => {
      const hit = api.results[i]!;
      const r = $(el);
      expect(r.find(".result-head h3 a").attr("href")).toMatch(/^\/speakers\//);
      expect(r.find(".result-head .meta a").attr("href")).toBe(`/sessions/${hit.session.id}`);
      expect(r.find("time").attr("datetime")).toMatch(/^2012-12-\d\dT\d\d:\d\d$/);
      expect(r.find("blockquote.quote mark").first().text().toLowerCase()).toBe(PHRASE);
      expect(r.find("a:contains('In context')").attr("href")).toBe(
        `/sessions/${hit.session.id}?u=${hit.seq}#u-${hit.seq}`,
      );
      expect(r.find("a.permalink").attr("href")).toBe(`/utterances/${encodeURIComponent(hit.id)}`);
      const copy = r.find("button.copy");
      expect(copy.attr("hidden")).toBeDefined();
      expect(copy.attr("type")).toBe("button");
      const text = copy.attr("data-copy") ?? "";
      expect(text).toContain("SYNTHETIC");
      expect(text).toContain("not an official verbatim record");
      // The same quote and citation are on the page for readers without JavaScript.
      const block = $(`#${copy.attr("data-copy-target")}`);
      expect(block.find("blockquote").text()).toBe(text.split("\n")[0]);
      expect(block.find("p").last().text()).toBe(text.split("\n")[1]);
    });
    // Chronological: sessions in date order.
    const dates = results.map((_, el) => $(el).find("time").attr("datetime")).get();
    expect([...dates].sort()).toEqual(dates);
  });

  test("facet counts are the counts of the full result set, as the API gives them", async () => {
    const q = encodeURIComponent("divide OR roaming");
    const { $ } = await page(`/?q=${q}`);
    const facets = $(".facet li a");
    expect(facets.length).toBeGreaterThan(5);
    for (const el of facets.toArray()) {
      const href = $(el).attr("href") ?? "";
      const count = Number($(el).find(".count").text());
      const params = new URL(href, "http://x").searchParams;
      params.delete("page");
      const api = await json<{ total: number }>(`/api/search?${params.toString()}`);
      expect(api.total, href).toBe(count);
    }
    // Selecting a speaker keeps the other speakers' counts visible (the dimension is relaxed).
    const egypt = await page(`/?q=${q}&speaker=EGY`);
    expect(egypt.$(".facet [aria-current=true]").first().text()).toContain("Egypt");
    expect(egypt.$("#facet-speaker").parent().find("li").length).toBe(
      $("#facet-speaker").parent().find("li").length,
    );
  });

  test("filters come off one by one and the result count follows", async () => {
    const { $ } = await page(`/?q=roaming&speaker=IRN&body=committee-5`);
    const chips = $(".active-filters a");
    expect(chips.map((_, el) => $(el).text()).get()).toEqual([
      "Delegation: Iran (Islamic Republic of)",
      "Body: Committee 5",
      "Clear all filters",
    ]);
    expect(chips.first().attr("href")).toBe("/?q=roaming&body=committee-5");
    expect($(".result").length).toBe(1);
    // The search form keeps the filters as hidden fields (a GET form, works without JS).
    const hidden = $("form.search-form input[type=hidden]")
      .map((_, el) => `${$(el).attr("name")}=${$(el).attr("value")}`)
      .get();
    expect(hidden).toEqual(["speaker=IRN", "body=committee-5"]);
  });

  test("pagination, sorting and export links carry the same parameters", async () => {
    const first = await page("/?q=agenda");
    expect(first.$(".result").length).toBe(20);
    expect(first.$(".pagination a[rel=next]").attr("href")).toBe("/?q=agenda&page=2");
    expect(first.$(".pagination [aria-current=page]").text()).toBe("1");
    const second = await page("/?q=agenda&page=2");
    expect(second.$(".result").length).toBe(AGENDA_ITEMS - 20);
    expect(second.$("ol.results").attr("start")).toBe("21");
    expect(second.$(".pagination a[rel=prev]").attr("href")).toBe("/?q=agenda");
    expect(first.$(".sort-links a:contains('by time')").attr("href")).toBe(
      "/?q=agenda&sort=chronological",
    );
    const csv = first.$(".export-links a:contains('CSV')").attr("href") ?? "";
    const jsonHref = first.$(".export-links a:contains('JSON')").attr("href") ?? "";
    expect(csv).toBe("/api/export?q=agenda&format=csv");
    expect(jsonHref).toBe("/api/export?q=agenda&format=json");
    const exported = await json<{ total: number; results: unknown[] }>(jsonHref);
    expect(exported.results.length).toBe(AGENDA_ITEMS);
    const csvResponse = await app.request(csv);
    expect(csvResponse.status).toBe(200);
    expect(csvResponse.headers.get("Content-Type")).toMatch(/text\/csv/);
  });

  test("an empty result suggests removing filters, a tolerant spelling and shows the syntax", async () => {
    const { $ } = await page("/?q=telecomunications&speaker=EGY");
    expect($(".empty h2").text()).toBe("Nothing found");
    expect($(".empty a:contains('without the filters')").attr("href")).toBe(
      "/?q=telecomunications",
    );
    expect($(".empty a:contains('telecomunications~')").attr("href")).toBe(
      "/?q=telecomunications%7E&speaker=EGY",
    );
    expect($(".empty details.syntax-help").length).toBe(1);
    const phrase = await page(`/?q=${encodeURIComponent('"divide digital"')}`);
    expect(phrase.$(".empty a:contains('any order')").attr("href")).toBe("/?q=divide+digital");
  });
});

describe("transcript page", () => {
  test("the whole session in order, every turn anchored, with source lines", async () => {
    const { $ } = await page("/sessions/committee-5-2");
    const rows = $("ol.transcript > li.utterance");
    expect(rows.length).toBe(AGENDA_ITEMS);
    rows.each((i, el) => {
      expect($(el).attr("id")).toBe(`u-${i}`);
      expect($(el).find(".utterance-text").text()).toBe(
        `Agenda item ${i + 1} of this invented meeting is noted.`,
      );
      expect($(el).find(".utterance-meta").text()).toMatch(/committee-5-2\.txt, lines \d+-\d+/);
      expect($(el).find(`a[href="#u-${i}"]`).text()).toBe(`Turn ${i + 1}`);
      expect($(el).find("a[href*='/text?start=']").attr("href")).toMatch(
        /^\/sessions\/committee-5-2\/text\?start=\d+&end=\d+#L\d+$/,
      );
    });
    expect($(".is-linked").length).toBe(0);
  });

  test("the extracted text marks exactly the words a turn's locator names", async () => {
    const transcript = await page("/sessions/plenary-1");
    const row = transcript.$("li#u-3");
    const href = row.find("a[href*='/text?start=']").attr("href") ?? "";
    const { $ } = await page(href.replace(/#.*$/, ""));
    expect($("h1").text()).toContain("Extracted text of Plenary 1");
    expect($("ol.source-text mark").text()).toBe(
      "We thank the Chair for this invented opening session. (Applause)",
    );
    await page("/sessions/plenary-1/text?start=9&end=3", 400);
    await page("/sessions/no-such-session/text", 404);
  });

  test("?u= highlights the linked turn on the server", async () => {
    const { $ } = await page("/sessions/plenary-1?u=2");
    expect($(".utterance.is-linked").attr("id")).toBe("u-2");
    expect($(".utterance.is-linked").attr("aria-current")).toBe("true");
    expect($(".utterance.is-linked .linked-note").text()).toContain("Linked utterance");
  });

  test("header facts, caveat, source, versions and neighbours", async () => {
    const { $ } = await page("/sessions/plenary-3");
    expect($("h1").text()).toContain("Plenary 3");
    expect($("h1").text()).toContain("(announced as the 5th plenary meeting)");
    const facts = $("dl.facts").text();
    expect(facts).toContain("7 Dec 2012, 14:30");
    expect(facts).toContain("FINISHED TRANSCRIPT");
    expect(facts).toContain("transcripts/sources/plenary-3.txt");
    expect($(".caveat").text()).toContain("not an official verbatim record");
    expect($(".session-nav a[rel=prev]").first().attr("href")).toBe("/sessions/committee-5-2");
    expect($(".session-nav a[rel=next]").length).toBe(0);
    // Document references and annotations are marked in the text.
    expect($(`#u-1 a[href="${documentHref(DOCUMENT)}"]`).text()).toBe("DT/30 rev 3");
    expect($("#u-3 .annotation").text()).toBe("(Gavel)");
    const p1 = await page("/sessions/plenary-1");
    expect(p1.$("dl.facts a[href='/sessions/plenary-1-rough']").text()).toBe("rough live version");
    const rough = await page("/sessions/plenary-1-rough");
    expect(rough.$("dl.facts").text()).toContain("rough live version, not used for search");
    expect(rough.$("dl.facts a[href='/sessions/plenary-1']").text()).toBe("finished version");
  });

  test("the session list shows the finished sessions in date order with their rough versions", async () => {
    const { $ } = await page("/sessions");
    const links = $("table.data tbody th a")
      .map((_, el) => $(el).attr("href"))
      .get();
    expect(links).toEqual(FINISHED_SESSIONS.map((id) => `/sessions/${id}`));
    expect($("table.data a[href='/sessions/plenary-1-rough']").length).toBe(1);
  });
});

describe("delegation page", () => {
  test("interventions in time order, a chart of counts per session, and a search within", async () => {
    const { $ } = await page("/speakers/EGY");
    const api = await json<{
      perSession: { session: { id: string }; count: number }[];
      utterances: number;
    }>("/api/speakers/EGY");
    const marks = $("svg.timeline rect.mark");
    expect(marks.length).toBe(FINISHED_SESSIONS.length);
    const counts = Object.fromEntries(api.perSession.map((e) => [e.session.id, e.count]));
    marks.each((_, el) => {
      expect(Number($(el).attr("data-count"))).toBe(counts[$(el).attr("data-session") ?? ""] ?? 0);
    });
    expect($("ol.results > li").length).toBe(api.utterances);
    const dates = $("ol.results time")
      .map((_, el) => $(el).attr("datetime"))
      .get();
    expect([...dates].sort()).toEqual(dates);
    const form = $("form[action='/'][method=get]").filter(
      (_, el) => $(el).find("input[name=speaker]").length > 0,
    );
    expect(form.find("input[type=hidden][name=speaker]").attr("value")).toBe("EGY");
    expect(form.find("input[name=q]").length).toBe(1);
  });

  test("the list links every speaker who spoke", async () => {
    const { $ } = await page("/speakers");
    const hrefs = $("table.data a")
      .map((_, el) => $(el).attr("href"))
      .get();
    expect(hrefs).toEqual(
      expect.arrayContaining([
        "/speakers/EGY",
        "/speakers/CAN",
        "/speakers/IRN",
        "/speakers/chair",
      ]),
    );
  });
});

describe("phrase page", () => {
  test("a chart with one mark per session, the counts of the core, the first use marked", async () => {
    const { $ } = await page(`/phrase?q=${encodeURIComponent(PHRASE)}`);
    // Two labelled series: times said (occurrences) and utterances containing it.
    const marks = $("svg.timeline rect.mark.series-1");
    expect(marks.map((_, el) => $(el).attr("data-session")).get()).toEqual([...FINISHED_SESSIONS]);
    marks.each((_, el) => {
      expect(Number($(el).attr("data-count"))).toBe(
        PHRASE_COUNTS[$(el).attr("data-session") ?? ""],
      );
    });
    const said = $("svg.timeline rect.mark.series-0")
      .map((_, el) => Number($(el).attr("data-count")))
      .get()
      .reduce((a: number, b: number) => a + b, 0);
    expect(said).toBe(PHRASE_OCCURRENCES);
    const utterances = Object.values(PHRASE_COUNTS).reduce((a, b) => a + b, 0);
    expect(said).toBeGreaterThan(utterances);
    expect($("main").text()).toContain(
      `was said ${PHRASE_OCCURRENCES} times in ${utterances} utterances`,
    );
    expect($("figure").text()).toContain("Occurrences (times said)");
    expect($("figure").text()).toContain("Utterances containing it");
    expect($("svg rect.first-use").attr("data-session")).toBe("plenary-1");
    expect($("p:contains('First use')").text()).toContain("Egypt");
    // Who used it, in order of first use.
    expect(
      $(".who-used li > a:first-child")
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(["Egypt", "Canada"]);
    // Every occurrence as a keyword-in-context line, grouped by session in date order.
    expect($(".kwic .hit").length).toBe(PHRASE_OCCURRENCES);
    $(".kwic .hit").each((_, el) => expect($(el).text().toLowerCase()).toBe(PHRASE));
    expect(
      $(".kwic-group")
        .map((_, el) => $(el).attr("id"))
        .get(),
    ).toEqual(["s-plenary-1", "s-plenary-2", "s-plenary-3"]);
    // Bars link to their group.
    expect(
      $("svg a")
        .map((_, el) => $(el).attr("href"))
        .get(),
    ).toEqual(["#s-plenary-1", "#s-plenary-2", "#s-plenary-3"].flatMap((h) => [h, h]));
    // A no-JS form to compare two delegations.
    const compare = $("form[aria-label='Compare two delegations or speakers']");
    expect(compare.attr("method")).toBe("get");
    expect(compare.find("select[name=speaker]").length).toBe(1);
    expect(compare.find("select[name=vs] option").first().attr("value")).toBe("speaker:EGY");
  });

  test("two phrases side by side", async () => {
    const { $ } = await page(
      `/phrase?q=${encodeURIComponent(PHRASE)}&vs=${encodeURIComponent(VS_PHRASE)}`,
    );
    expect($("svg rect.mark").length).toBe(2 * FINISHED_SESSIONS.length);
    expect($("svg rect.first-use.series-0").attr("data-session")).toBe("plenary-1");
    expect($("svg rect.first-use.series-1").attr("data-session")).toBe("committee-5-1");
    expect($(".compare > section").length).toBe(2);
    expect($(".compare > section").eq(1).find(".kwic .hit").length).toBe(2);
  });

  test("two delegations saying the same phrase", async () => {
    const { $ } = await page(`/phrase?q=${encodeURIComponent(PHRASE)}&speaker=EGY&vs=speaker:CAN`);
    const series = (k: number) =>
      $(`svg rect.series-${k}`)
        .map((_, el) => `${$(el).attr("data-session")}=${$(el).attr("data-count")}`)
        .get();
    expect(series(0)).toEqual([
      "plenary-1=1",
      "committee-5-1=0",
      "plenary-2=0",
      "committee-5-2=0",
      "plenary-3=1",
    ]);
    expect(series(1)).toEqual([
      "plenary-1=0",
      "committee-5-1=0",
      "plenary-2=1",
      "committee-5-2=0",
      "plenary-3=0",
    ]);
    expect(
      $(".compare h2")
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual([`“${PHRASE}” — Egypt`, `“${PHRASE}” — Canada`]);
  });

  test("a phrase never said, and a comparison with an unknown delegation", async () => {
    const never = await page("/phrase?q=purple+elephants");
    expect(never.$(".empty h2").text()).toBe("Never said");
    expect(never.$("svg").length).toBe(0);
    const bad = await page(
      `/phrase?q=${encodeURIComponent(PHRASE)}&speaker=EGY&vs=speaker:ZZZ`,
      400,
    );
    expect(bad.$("[role=alert]").text()).toContain("vs");
  });
});

describe("document and utterance pages", () => {
  test("every mention of a document in time order", async () => {
    const { $ } = await page(`/documents/${encodeURIComponent(DOCUMENT)}`);
    // Shown as the ITU writes it; the URL keeps the slug.
    expect($("h1").text()).toBe("DT/30(Rev.3)");
    const sessions = $("ol.results .result-head .meta a")
      .map((_, el) => $(el).attr("href"))
      .get();
    expect(sessions).toEqual(["/sessions/committee-5-1", "/sessions/plenary-3"]);
    $("ol.results blockquote mark").each((_, el) => expect($(el).text()).toBe("DT/30 rev 3"));
    const list = await page("/documents");
    expect(list.$(`a[href="${documentHref(DOCUMENT)}"]`).text()).toBe("DT/30(Rev.3)");
    // Links use the slug; the slug, the spoken form and the id all open the same page.
    expect(documentHref("DT/30-REV3")).toBe("/documents/dt-30-rev3");
    for (const ref of ["dt-30-rev3", "dt-30-rev-3", encodeURIComponent("DT/30 rev 3")]) {
      expect((await page(`/documents/${ref}`)).$("h1").text()).toBe("DT/30(Rev.3)");
    }
  });

  test("an utterance's permalink page quotes it with its citation and its neighbours", async () => {
    const { $ } = await page("/utterances/plenary-1.1");
    expect($("h1 a").attr("href")).toBe("/speakers/EGY");
    expect($("blockquote.quote").text()).toContain(PHRASE);
    expect($(".citation").text()).toContain("SYNTHETIC");
    expect($(".citation").text()).toContain("lines 23-24");
    expect($(".citation").text()).toContain("Plenary 1, turn 2,");
    expect($("a:contains('full transcript')").attr("href")).toBe("/sessions/plenary-1?u=1#u-1");
    expect($("h2:contains('Just before') + ol > li").length).toBe(1);
    expect($("h2:contains('Just after') + ol > li").length).toBe(2);
  });
});

describe("quotes", () => {
  test("the API serves each session's extracted text; every utterance's span in it holds its words", async () => {
    const session = (await (await app.request("/api/sessions/plenary-1")).json()) as {
      utterances: { text: string; source: { start: number; end: number } }[];
    };
    const response = await app.request("/api/sessions/plenary-1/text");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/plain/);
    const text = await response.text();
    for (const u of session.utterances)
      expect(text.slice(u.source.start, u.source.end)).toBe(u.text);
    expect((await app.request("/api/sessions/nope/text")).status).toBe(404);
  });

  test("copy quote copies only the speaker's words, the captioned note stays in the text", async () => {
    const { $ } = await page("/utterances/plenary-1.3");
    expect($("blockquote.quote").text()).toContain("(Applause)");
    const copied = $("button.copy").attr("data-copy") ?? "";
    expect(copied.startsWith("“We thank the Chair for this invented opening session.”\n— ")).toBe(
      true,
    );
    expect(copied).not.toContain("Applause");
    expect($(".citation blockquote").text()).not.toContain("Applause");
  });
});

describe("suggestions", () => {
  test("complete a filter from the corpus", async () => {
    const body = await json<{ suggestions: { value: string; label: string }[] }>(
      `/suggest?q=${encodeURIComponent("roaming speaker:eg")}`,
    );
    expect(body.suggestions[0]).toEqual({
      value: "roaming speaker:EGY",
      label: "Egypt (delegation)",
    });
    const sessions = await json<{ suggestions: { value: string }[] }>(
      "/suggest?q=session:committee",
    );
    expect(sessions.suggestions.map((s) => s.value)).toEqual([
      "session:committee-5-1",
      "session:committee-5-2",
    ]);
    const none = await json<{ suggestions: unknown[] }>("/suggest?q=a");
    expect(none.suggestions).toEqual([]);
  });
});

describe("when the index cannot be loaded", () => {
  test("pages answer an HTML 503, log it, and retry on the next request", async () => {
    const logged: string[] = [];
    let loads = 0;
    const broken = createApp({
      loadCorpus: async () => {
        loads++;
        throw new AssetError("search: data/manifest.json: cannot be read: run npm run build");
      },
      logger: { info() {}, warn() {}, error: (m) => logged.push(m) },
    });
    for (const path of ["/", "/sessions/plenary-1"]) {
      const response = await broken.request(path);
      expect(response.status).toBe(503);
      expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      const $ = load(await response.text());
      expect($("h1").text()).toBe("The search index is not available");
    }
    expect(loads).toBe(2);
    expect(
      logged.some(
        (line) => line.includes("GET /sessions/plenary-1") && line.includes("run npm run build"),
      ),
    ).toBe(true);
    // The stylesheet needs no corpus.
    expect((await broken.request(STATIC_FILES.css.path)).status).toBe(200);
  });
});
