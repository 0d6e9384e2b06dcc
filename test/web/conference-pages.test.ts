/**
 * The pages over a corpus of two conferences (the bundled sample: WCIT-12 and the PP-14 sample):
 * /conferences and /conferences/:id, the conference facet and filter of the search page, the
 * phrase page's chart and wording changes grouped by conference, and a frame that names the
 * corpus's conferences instead of one. Through app.request().
 */
import { load } from "cheerio";
import { describe, expect, test } from "vitest";
import { bundledCorpus } from "../../bench/relevance";
import { conferenceIds } from "../../src/conferences/registry";
import { createApp } from "../../src/web/app";

const app = createApp({ loadCorpus: () => bundledCorpus() });

async function page(path: string) {
  const response = await app.request(path);
  const html = await response.text();
  return { response, html, $: load(html) };
}

describe("conference pages", () => {
  test("/conferences lists both conferences with their facts and counts", async () => {
    const { response, $ } = await page("/conferences");
    expect(response.status).toBe(200);
    const items = $("li.conference");
    expect(items.map((_, el) => $(el).attr("data-conference")).get()).toEqual(["wcit-12", "pp-14"]);
    const pp = $('li.conference[data-conference="pp-14"]');
    expect(pp.find("h2 a").attr("href")).toBe("/conferences/pp-14");
    expect(pp.text()).toContain("ITU Plenipotentiary Conference 2014 (PP-14)");
    expect(pp.text()).toContain("Busan, Republic of Korea");
    expect(pp.text()).toMatch(/5 finished sessions/);
    expect(pp.find('[data-body="committee-6"]').text()).toContain("Committee 6: 1 session");
    expect($('nav a[href="/conferences"]').attr("aria-current")).toBe("page");
  });

  test("/conferences/:id lists that conference's sessions only; an unknown id is a 404", async () => {
    const { response, $ } = await page("/conferences/pp-14");
    expect(response.status).toBe(200);
    expect($("h1").text()).toBe("ITU Plenipotentiary Conference 2014 (PP-14)");
    const links = $('table a[href^="/sessions/"]')
      .map((_, el) => $(el).attr("href"))
      .get();
    expect(links.length).toBe(5);
    for (const href of links) expect(href).toMatch(/^\/sessions\/pp-14-/);
    const missing = await page("/conferences/wcit-13");
    expect(missing.response.status).toBe(404);
  });

  test("the sessions page lists each conference under its own heading", async () => {
    const { $ } = await page("/sessions");
    expect(
      $("section.conference-sessions h2")
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual([
      "World Conference on International Telecommunications (WCIT-12)",
      "ITU Plenipotentiary Conference 2014 (PP-14)",
    ]);
  });
});

describe("the conference filter and facet on the search page", () => {
  test("conference= narrows the results, and the facet counts both conferences", async () => {
    const all = await page("/?q=spam");
    const facet = all.$('section[aria-labelledby="facet-conference"]');
    expect(facet.length).toBe(1);
    const counts = facet
      .find("li")
      .map((_, el) => all.$(el).text().replace(/\s+/g, " ").trim())
      .get();
    expect(counts).toHaveLength(2);
    expect(counts.join(" | ")).toMatch(/WCIT-12/);
    expect(counts.join(" | ")).toMatch(/PP-14/);
    const narrowed = await page("/?q=spam&conference=pp-14");
    expect(narrowed.response.status).toBe(200);
    const sessions = narrowed
      .$('.results a[href^="/sessions/"]')
      .map((_, el) => narrowed.$(el).attr("href"))
      .get();
    expect(sessions.length).toBeGreaterThan(0);
    for (const href of sessions) expect(href).toMatch(/^\/sessions\/pp-14-/);
    expect(
      narrowed.$('section[aria-labelledby="facet-conference"] [aria-current="true"]').text(),
    ).toContain("PP-14");
  });

  test("an unknown conference is a 400 page naming the known ids", async () => {
    for (const path of ["/?q=spam&conference=wcit-13", "/?q=spam+conference:wcit-13"]) {
      const { response, $ } = await page(path);
      expect(response.status, path).toBe(400);
      expect($(".error-box").text(), path).toContain(conferenceIds().join(", "));
    }
  });
});

describe("tracing across conferences on the phrase page", () => {
  test("the timeline chart groups the sessions by conference", async () => {
    const { $ } = await page("/phrase?q=enabling+environment");
    const chart = $("#phrase-chart svg");
    expect(chart.attr("data-conferences")).toBe("2");
    expect(
      chart
        .find(".group-label")
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(["WCIT-12", "PP-14"]);
    const groups = $(".phrase-conferences li");
    expect(groups.length).toBe(2);
    expect(groups.eq(1).text()).toContain("PP-14");
    expect(groups.eq(1).find('a[href^="/utterances/pp-14-"]').length).toBe(1);
  });

  test("the wording changes are listed by conference", async () => {
    const q = "an enabling environment for the greater growth of the Internet";
    const { $ } = await page(`/phrase?q=${encodeURIComponent(q)}`);
    const sections = $("section.conference-versions");
    expect(sections.map((_, el) => $(el).attr("data-conference")).get()).toEqual([
      "wcit-12",
      "pp-14",
    ]);
    expect($(".conference-line").text()).toMatch(
      /^Found at WCIT-12 \(\d+\), then PP-14 \(\d+\)\.$/,
    );
  });
});

describe("the frame names the corpus's conferences", () => {
  test("no page names WCIT-12 alone as the site; the footer names both conferences", async () => {
    const { $ } = await page("/");
    expect($(".site-name").text()).not.toContain("WCIT-12 captions");
    expect($("title").text()).not.toContain("WCIT-12 captions");
    const footer = $(".site-footer").text();
    expect(footer).toContain("World Conference on International Telecommunications (WCIT-12)");
    expect(footer).toContain("ITU Plenipotentiary Conference 2014 (PP-14)");
    expect($('meta[name="description"]').attr("content")).toContain("PP-14");
    expect($("h1").first().text()).not.toMatch(/^Search what was said at WCIT-12$/);
  });

  test("a PP-14 transcript's times are in its stated zone, its conference named", async () => {
    const { $ } = await page("/sessions/pp-14-plenary-15");
    const facts = $("dl.facts").first().text();
    expect(facts).toContain("14:30 kst");
    expect(facts).not.toContain("Dubai");
    expect(facts).toContain("ITU Plenipotentiary Conference 2014 (PP-14)");
    const closing = $("dl.facts").first();
    expect(closing.find('a[href="/conferences/pp-14"]').length).toBe(1);
  });
});
