/**
 * The web UI in a real browser: Debian's headless Chromium driven by playwright-core, against
 * the Node server (@hono/node-server) serving createApp on the synthetic test corpus. Search with
 * and without JavaScript, filter, open in context, copy a quote (clipboard read back), the
 * phrase chart, keyboard focus, contrast, phone layout and print. Screenshots are written to
 * test-results/screenshots/ (gitignored) for a person to look at.
 *
 * Skips, saying why, when /usr/bin/chromium is absent (CI installs it: scripts/setup-chromium.sh).
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../src/web/app";
import { FINISHED_SESSIONS, PHRASE, loadTestCorpus } from "../web/pages/fixture";
import {
  type RunningServer,
  chromiumAvailable,
  launchChromium,
  screenshot,
  startServer,
} from "./harness";

const available = chromiumAvailable();
/** CSS width of a common phone. */
const PHONE_WIDTH = 390;

describe.skipIf(!available)("web UI in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  async function newPage(options: Parameters<Browser["newContext"]>[0] = {}): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      ...options,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(`${page.url()}: console: ${message.text()}`);
    });
    return page;
  }

  beforeAll(async () => {
    const app = createApp({ loadCorpus: loadTestCorpus });
    server = await startServer(app.fetch);
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  test("search with JavaScript: type, submit, results; live suggestions fill the datalist", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/`);
    await page.getByLabel(/Words, a "phrase"/).fill(PHRASE);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\?q=digital\+divide/);
    expect(await page.locator("ol.results > li.result").count()).toBe(3);
    expect(await page.locator(".result-bar [role=status]").innerText()).toContain("3 results");
    // With JavaScript the copy buttons show.
    expect(await page.locator("button.copy").first().isVisible()).toBe(true);
    await screenshot(page, "search-results-wide");

    const box = page.locator("#q");
    await box.fill("");
    await box.pressSequentially("roaming speaker:eg", { delay: 20 });
    await page.waitForFunction(() =>
      [...document.querySelectorAll("#q-suggestions option")].some(
        (o) => (o as HTMLOptionElement).value === "roaming speaker:EGY",
      ),
    );
  });

  test("search without JavaScript: a plain GET form, results, selectable quote with citation", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/`);
    await page.getByLabel(/Words, a "phrase"/).fill(PHRASE);
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\?q=digital\+divide/);
    const results = page.locator("ol.results > li.result");
    expect(await results.count()).toBe(3);
    // No copy buttons without JavaScript; the quote and citation are in the page instead.
    expect(await page.locator("button.copy").first().isVisible()).toBe(false);
    const first = results.first();
    await first.locator("summary", { hasText: "Exact words and citation" }).click();
    const citation = first.locator(".citation");
    expect(await citation.isVisible()).toBe(true);
    const text = await citation.innerText();
    expect(text).toContain("SYNTHETIC");
    expect(text).toContain("not an official verbatim record");
    // Filters stay open (no script closes them) and are usable.
    expect(await page.locator("details.filters").getAttribute("open")).not.toBeNull();
    await screenshot(page, "search-no-js");
  });

  test("filter by a facet, see the chip, remove it", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/?q=${encodeURIComponent(PHRASE)}`);
    await page
      .locator("#facet-speaker")
      .locator("..")
      .getByRole("link", { name: /Canada/ })
      .click();
    await page.waitForURL(/speaker=CAN/);
    const speakers = await page.locator("ol.results .result-head h3").allInnerTexts();
    expect(speakers).toEqual(["Canada"]);
    await screenshot(page, "search-filtered");
    await page.getByRole("link", { name: "Remove filter Delegation: Canada" }).click();
    await page.waitForURL((url) => !url.search.includes("speaker="));
    expect(await page.locator("ol.results > li.result").count()).toBe(3);
  });

  test("open a result in context: the transcript scrolls to the highlighted turn", async () => {
    const page = await newPage({ viewport: { width: 1280, height: 700 } });
    await page.goto(`${server.url}/?q=agenda+item+24`);
    await page.getByRole("link", { name: "In context" }).first().click();
    await page.waitForURL(/\/sessions\/committee-5-2\?u=\d+#u-\d+/);
    const seq = new URL(page.url()).searchParams.get("u");
    const turn = page.locator(`#u-${seq}`);
    expect(await turn.getAttribute("class")).toContain("is-linked");
    expect(await turn.innerText()).toContain("Agenda item 24");
    expect(await turn.evaluate((el) => el.matches(":target"))).toBe(true);
    expect(await turn.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      "rgb(255, 246, 207)",
    );
    // Scrolled to (smoothly, so wait for it to settle): the turn is inside the viewport, far down
    // a long transcript.
    await page.waitForFunction(
      (id) => {
        const box = document.getElementById(id)!.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight && window.scrollY > 300;
      },
      `u-${seq}`,
      { timeout: 5000 },
    );
    await page.screenshot({ path: "test-results/screenshots/transcript-in-context.png" });
  });

  test("copy a quote: the clipboard holds the exact words and a SYNTHETIC citation", async () => {
    const page = await newPage({ permissions: ["clipboard-read", "clipboard-write"] });
    await page.goto(`${server.url}/?q=${encodeURIComponent(`"${PHRASE}"`)}&sort=chronological`);
    const api = (await (
      await fetch(
        `${server.url}/api/search?q=${encodeURIComponent(`"${PHRASE}"`)}&sort=chronological`,
      )
    ).json()) as { results: { quote: string; permalink: string; citation: { text: string } }[] };
    const expected = api.results[0]!;
    await page.locator("button.copy").first().click();
    await page.getByRole("status").filter({ hasText: "Copied" }).first().waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // With no canonical origin configured the API's permalink is relative; the copy makes it absolute.
    expect(expected.permalink.startsWith("/utterances/")).toBe(true);
    const absolute = expected.citation.text.replace(
      ` ${expected.permalink}`,
      ` ${server.url}${expected.permalink}`,
    );
    expect(copied).toBe(`“${expected.quote}”\n— ${absolute}`);
    expect(copied).toContain(expected.quote);
    expect(copied).toContain("SYNTHETIC");
    expect(copied).toContain("not an official verbatim record");
  });

  test("phrase chart: an SVG with one mark per session, the first use marked", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/phrase?q=${encodeURIComponent(PHRASE)}`);
    const svg = page.locator("svg.timeline");
    expect(await svg.count()).toBe(1);
    const box = await svg.boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.height).toBeGreaterThan(150);
    // Two labelled series: times said (series-0) and utterances containing it (series-1).
    for (const series of ["series-0", "series-1"]) {
      const sessions = await page
        .locator(`svg.timeline rect.mark.${series}`)
        .evaluateAll((marks) => marks.map((m) => m.getAttribute("data-session")));
      expect(sessions).toEqual([...FINISHED_SESSIONS]);
    }
    expect(
      await page.locator("svg.timeline rect.first-use").first().getAttribute("data-session"),
    ).toBe("plenary-1");
    // Every bar is drawn with a height that follows its count.
    const heights = await page
      .locator("svg.timeline rect.mark:not(.mark-zero)")
      .evaluateAll((marks) => marks.map((m) => (m as SVGRectElement).getBBox().height));
    expect(heights.every((h) => h > 10)).toBe(true);
    // A bar is a link to its session's occurrences.
    await page.locator('svg.timeline a[href="#s-plenary-2"]').first().click();
    await page.waitForURL(/#s-plenary-2$/);
    await screenshot(page, "phrase-timeline");
    await page.goto(`${server.url}/phrase?q=${encodeURIComponent(PHRASE)}&vs=bridge+the+gap`);
    expect(await page.locator("svg.timeline rect.mark").count()).toBe(2 * FINISHED_SESSIONS.length);
    await screenshot(page, "phrase-compare");
  });

  test("keyboard: a skip link first, visible focus rings", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/?q=${encodeURIComponent(PHRASE)}`);
    await page.keyboard.press("Tab");
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return {
        text: el.textContent,
        outline: style.outlineStyle,
        width: style.outlineWidth,
        top: box.top,
      };
    });
    expect(skip.text).toBe("Skip to content");
    expect(skip.outline).toBe("solid");
    expect(skip.top).toBeGreaterThanOrEqual(0);
    await page.keyboard.press("Enter");
    // Then through the page: every focused element shows an outline.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return {
          tag: el.tagName,
          outline: getComputedStyle(el).outlineStyle,
          width: getComputedStyle(el).outlineWidth,
        };
      });
      expect(focus.outline, JSON.stringify(focus)).toBe("solid");
      expect(parseFloat(focus.width)).toBeGreaterThanOrEqual(2);
    }
  });

  test("text contrast meets WCAG AA on every page", async () => {
    const page = await newPage();
    const paths = [
      "/",
      `/?q=${encodeURIComponent(PHRASE)}`,
      "/sessions/plenary-1?u=2",
      "/speakers/EGY",
      `/phrase?q=${encodeURIComponent(PHRASE)}`,
      "/documents",
    ];
    for (const path of paths) {
      await page.goto(`${server.url}${path}`);
      const failures = await page.evaluate(() => {
        const luminance = (rgb: number[]) => {
          const [r, g, b] = rgb.map((v) => {
            const c = v / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const parse = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
        const background = (el: Element | null): number[] => {
          for (let e = el; e; e = e.parentElement) {
            const c = parse(getComputedStyle(e).backgroundColor);
            if (c.length === 3 || (c.length === 4 && c[3]! > 0.5)) return c.slice(0, 3);
          }
          return [255, 255, 255];
        };
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const el = node.parentElement;
          if (!el || node.textContent!.trim() === "" || el.closest("svg, option, [hidden]"))
            continue;
          const style = getComputedStyle(el);
          const rect = el.getBoundingClientRect();
          if (style.visibility === "hidden" || rect.width <= 1 || rect.height <= 1) continue;
          const fg = parse(style.color).slice(0, 3);
          const bg = background(el);
          const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
          const ratio = (hi! + 0.05) / (lo! + 0.05);
          const size = parseFloat(style.fontSize);
          const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
          if (ratio < (large ? 3 : 4.5))
            out.push(`${ratio.toFixed(2)} "${node.textContent!.trim().slice(0, 40)}"`);
        }
        return out;
      });
      expect(failures, path).toEqual([]);
    }
  });

  test("phone width: no sideways scrolling of the page, filters folded away", async () => {
    const page = await newPage({
      viewport: { width: PHONE_WIDTH, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const paths: [string, string][] = [
      [`/?q=${encodeURIComponent(PHRASE)}`, "search-phone"],
      ["/sessions/plenary-1?u=2#u-2", "transcript-phone"],
      [`/phrase?q=${encodeURIComponent(PHRASE)}`, "phrase-phone"],
      ["/speakers/EGY", "speaker-phone"],
    ];
    for (const [path, name] of paths) {
      await page.goto(`${server.url}${path}`);
      // A mobile browser widens the layout viewport to fit content that overflows: measure both.
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
      }));
      expect(widths, path).toEqual({ scroll: PHONE_WIDTH, inner: PHONE_WIDTH });
      await screenshot(page, name);
    }
    await page.goto(`${server.url}/?q=${encodeURIComponent(PHRASE)}`);
    expect(await page.locator("details.filters").getAttribute("open")).toBeNull();
  });

  test("print: navigation and forms are left out, the banner and citations stay", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/utterances/plenary-1.1`);
    await page.emulateMedia({ media: "print" });
    const shown = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).display !== "none");
    expect(await shown(".site-header nav")).toBe(false);
    expect(await shown("button.copy")).toBe(false);
    expect(await shown(".synthetic-banner")).toBe(true);
    expect(await shown(".citation")).toBe(true);
    await screenshot(page, "utterance-print");
    await page.emulateMedia({ media: "screen" });
  });

  test("no script error on any page", () => {
    expect(pageErrors).toEqual([]);
  });
});
