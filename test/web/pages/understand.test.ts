/**
 * The search page reads what people type (issue 11), through app.request() on the synthetic
 * page fixture: the "Delegations matching" box first, the corrected-results note with its way
 * back, pages past the end with the real page count, the skip link, chips and messages in words.
 */
import { type CheerioAPI, load } from "cheerio";
import { describe, expect, test } from "vitest";
import { createApp } from "../../../src/web/app";
import { AGENDA_ITEMS, loadTestCorpus } from "./fixture";

const app = createApp({ loadCorpus: loadTestCorpus });

async function page(path: string, status = 200): Promise<CheerioAPI> {
  const response = await app.request(path);
  const html = await response.text();
  expect(response.status, `${path}: ${html.slice(0, 200)}`).toBe(status);
  return load(html);
}

const text = ($: CheerioAPI, selector: string) => $(selector).text().replace(/\s+/g, " ").trim();

describe("Delegations matching", () => {
  test("a delegation's name and a topic: the box comes first, with its links", async () => {
    const $ = await page("/?q=egypt+roaming");
    const box = $(".speaker-box");
    expect(box.find("h2").text()).toBe("Delegations matching");
    // Before the results.
    expect($("main").html()!.indexOf("speaker-box")).toBeLessThan(
      $("main").html()!.indexOf('id="results"'),
    );
    expect(box.find('a[href="/speakers/EGY"]').text()).toBe("Egypt");
    const theirs = box.find("a:contains('Interventions by Egypt')");
    expect(theirs.text()).toBe("Interventions by Egypt on “roaming”");
    expect(theirs.attr("href")).toBe("/?q=speaker%3AEGY+roaming");
    // The plain-text results stay below.
    expect(text($, ".result-bar [role=status]")).toMatch(/^1 result/);
  });

  test("its link finds the delegation's interventions on the rest of the words", async () => {
    const $ = await page("/?q=speaker%3AEGY+roaming");
    expect($(".result").length).toBe(1);
    expect(text($, ".result")).toContain("Egypt supports the roaming proposal");
  });

  test("a role by its name; no box for words that name nobody", async () => {
    expect(text(await page("/?q=chair+meeting"), ".speaker-box")).toContain("Chair");
    expect((await page("/?q=roaming"))(".speaker-box").length).toBe(0);
  });
});

describe("Did you mean", () => {
  test("no results and a confident correction: its results, and one click back", async () => {
    const $ = await page("/?q=roamng");
    expect(text($, ".spelling-note")).toBe(
      "Showing results for roaming. Search instead for roamng.",
    );
    expect($(".result").length).toBe(3);
    expect($("#q").val()).toBe("roaming");
    const back = $(".spelling-note a:contains('roamng')").attr("href")!;
    expect(back).toBe("/?q=roamng&as_typed=1");
    const typed = await page(back);
    expect(typed(".result").length).toBe(0);
    expect(text(typed, ".empty h2")).toBe("Nothing found");
    // As typed, the correction is still offered, one click away.
    expect(text(typed, ".spelling-note")).toBe("Did you mean roaming (3 results)?");
  });
});

describe("polish", () => {
  test.each([
    [`/?q=agenda&page=5`, 5],
    [`/?q=agenda&page=99`, 99],
  ])("%s is past the end: the real page count, links to the last and first", async (path, n) => {
    const $ = await page(path);
    const pages = Math.ceil(AGENDA_ITEMS / 20);
    expect(text($, ".empty")).toBe(
      `There is no page ${n} of these results: ${AGENDA_ITEMS} results fill ${pages} pages. Go to the last page (${pages}) or the first.`,
    );
    expect($(".empty a:contains('last page')").attr("href")).toBe(`/?q=agenda&page=${pages}`);
    expect(text($, ".result-bar")).not.toMatch(/showing/);
  });

  test("a speaker's page past its last page of interventions gives the real page count", async () => {
    const $ = await page("/speakers/IRN?page=9");
    expect(text($, ".empty")).toMatch(
      /^There is no page 9 of these interventions: \d+ interventions fill 1 page\. Go to the last page \(1\) or the first\.$/,
    );
  });

  test("a skip link leads past the form and filters to the results", async () => {
    const $ = await page("/?q=roaming");
    const skip = $("a.skip-link:contains('Skip to results')");
    expect(skip.attr("href")).toBe("#results");
    expect($("#results").length).toBe(1);
    expect((await page("/"))("a.skip-link:contains('Skip to results')").length).toBe(0);
  });

  test("chips say delegation names, messages say what was wrong in words", async () => {
    const $ = await page("/?q=roaming&speaker=egypt");
    expect(text($, ".active-filters")).toContain("Delegation: Egypt");
    const bad = await page("/?q=roaming&sort=best", 400);
    expect(text(bad, ".error-box p")).toMatch(/^The order: "best" is not one of/);
    expect(text(bad, ".error-box")).not.toMatch(/\bsort:/);
  });

  test("an unknown speaker: the page offers the nearest delegations", async () => {
    const $ = await page("/?q=speaker%3Aegipt+roaming", 400);
    expect(text($, ".error-box")).toContain('unknown speaker "egipt"; did you mean Egypt');
    expect($(".error-box a:contains('Egypt')").attr("href")).toBe("/?q=speaker%3AEGY+roaming");
  });

  test("breadcrumbs and labels in words: the speaker's name, labels as captioned, statuses", async () => {
    const iran = await page("/speakers/IRN");
    expect(text(iran, ".lede")).toBe("Delegations and roles › Iran (Islamic Republic of)");
    expect(text(iran, "h1 + p")).toContain("captioned as “ISLAMIC REPUBLIC OF IRAN”");
    expect(text(iran, "h1 + p")).not.toMatch(/\birn\b/);
    const sessions = await page("/sessions");
    expect(text(sessions, "table")).toContain("finished; rough live version");
    expect(text(sessions, "table")).not.toContain("FINISHED TRANSCRIPT");
    const session = await page("/sessions/plenary-1");
    expect(text(session, ".facts")).toContain("finished (captioned “FINISHED TRANSCRIPT”)");
  });

  test("the welcome page's session count says how many rough versions are kept apart", async () => {
    const $ = await page("/");
    expect(text($, "#corpus-heading + p")).toMatch(
      /in 5 sessions, .* \(and 1 rough live version of sessions, kept apart/,
    );
  });
});
