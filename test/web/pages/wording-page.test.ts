/**
 * "How the wording changed" on the phrase page, over the SYNTHETIC variant fixture: versions in
 * time order with their changes marked against the one before, who and when, links into the
 * transcript, first appearances of each wording, and the word trees.
 */
import { type CheerioAPI, load } from "cheerio";
import { describe, expect, test } from "vitest";
import { openCorpus } from "../../../src/search/load";
import { createApp } from "../../../src/web/app";
import { memoryReader } from "../../fixtures/corpus";
import { DRAFT, variantAssets } from "../../fixtures/variants";

const files = variantAssets();
const app = createApp({ loadCorpus: () => openCorpus(memoryReader(files)) });

async function page(path: string): Promise<CheerioAPI> {
  const response = await app.request(path);
  const html = await response.text();
  expect(response.status, html.slice(0, 300)).toBe(200);
  return load(html);
}

describe("How the wording changed", () => {
  test("a passage too long to trace exactly still gets every version, in time order", async () => {
    const $ = await page(`/phrase?q=${encodeURIComponent(DRAFT)}`);
    const section = $("section.wording-changes");
    expect(section.find("h2").text()).toBe("How the wording changed");
    expect($("p.hint").first().text()).toContain("Exact tracing takes a shorter phrase");
    const versions = section.find("li.version");
    expect(versions.map((_, el) => $(el).attr("data-id")).get()).toEqual([
      "committee-5-1.1",
      "committee-5-2.0",
      "committee-5-2.2",
      "plenary-9.0",
    ]);
    // Who, when, and a link into the transcript for each.
    expect(versions.eq(1).find(".version-meta").text()).toContain(
      "Chair, Committee 5, 2nd meeting, 6 Dec 2012, 14:30",
    );
    expect(versions.eq(3).find(".version-meta a").first().text()).toBe("Canada");
    expect(versions.eq(3).find("a:contains('in the transcript')").attr("href")).toBe(
      "/sessions/plenary-9?u=0#u-0",
    );
    // The second version against the first: words dropped and added, announced as such.
    const second = versions.eq(1).find("blockquote");
    expect(
      second
        .find("del")
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual([
      "dropped: shall require",
      "dropped: publish",
      "dropped: notify",
      "dropped: any change",
      "dropped: without delay",
    ]);
    expect(
      second
        .find("ins")
        .map((_, el) => $(el).text().trim())
        .get(),
    ).toEqual([
      "added: should encourage",
      "added: make available",
      "added: inform",
      "added: significant changes",
    ]);
    // The re-reading repeats wording 2: no marks, and it says which version it repeats.
    expect(versions.eq(2).find("del, ins").length).toBe(0);
    expect(versions.eq(2).find(".badge").text()).toBe("Wording 2, as in version 2");
    expect(
      versions
        .filter((_, el) => $(el).find(".badge.first-wording").length > 0)
        .map((_, el) => $(el).attr("data-id"))
        .get(),
    ).toEqual(["committee-5-1.1", "committee-5-2.0", "plenary-9.0"]);
    expect(versions.eq(3).find(".version-meta").text()).toContain("found through another version");
    expect(section.find("a:contains('CSV')").attr("href")).toMatch(
      /^\/api\/phrase\/variants\?q=.*&format=csv$/,
    );
  });

  test("word trees of what follows and precedes, weighted by count and dated", async () => {
    const $ = await page(`/phrase?q=${encodeURIComponent("should encourage")}`);
    const after = $("#tree-after svg");
    expect(after.attr("role")).toBe("img");
    const words = after.find("text.word");
    expect(words.first().text()).toMatch(/operating$/);
    expect(Number(words.first().attr("data-count"))).toBe(3);
    expect(Number(words.first().attr("font-size"))).toBeGreaterThan(
      Number(after.find("text.word[data-count='1']").first().attr("font-size")),
    );
    expect(words.first().find("title").text()).toBe("operating: 3 passages, first 6 Dec 2012");
    expect($("#tree-before svg text.word").first().text()).toMatch(/States$/);
    expect($("#tree-after details li").first().text()).toContain(
      "operating — 3 passages, first 6 Dec 2012",
    );
    // The exact tracing is there too, with both counts.
    expect($("main").text()).toContain("was said 4 times in 4 utterances");
  });

  test("nothing close: says so", async () => {
    const $ = await page(`/phrase?q=${encodeURIComponent("regulations at all")}`);
    expect($("section.wording-changes li.version").length).toBe(1);
    const none = await page(`/phrase?q=${encodeURIComponent("zebra crossing")}`);
    expect(none("section.wording-changes").text()).toContain(
      "No passage has wording close to this text",
    );
  });
});

describe("Where else was this said?", () => {
  test("every utterance page has the section: the passages elsewhere, who, when, in context", async () => {
    const $ = await page("/utterances/plenary-9.0");
    const section = $("section.said-elsewhere");
    expect(section.find("h2").text()).toBe("Where else was this said?");
    const items = section.find("li");
    expect(items.map((_, el) => $(el).attr("data-id")).get()).toEqual([
      "committee-5-2.0",
      "committee-5-2.2",
    ]);
    expect(items.first().find(".version-meta").text()).toContain(
      "Chair, Committee 5, 2nd meeting, 6 Dec 2012",
    );
    expect(items.first().find("a:contains('in the transcript')").attr("href")).toBe(
      "/sessions/committee-5-2?u=0#u-0",
    );
    expect(items.first().find("blockquote").text()).toContain("Member States should encourage");
    const alone = await page("/utterances/plenary-9.1");
    expect(alone("section.said-elsewhere").text()).toContain("Nowhere else");
  });
});
