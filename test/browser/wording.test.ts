/**
 * "How the wording changed" and the word tree in a real browser (Debian's headless Chromium via
 * playwright-core) on the SYNTHETIC variant fixture: the versions in time order with changes
 * marked so they read without colour, a link into the transcript that lands on the turn, and a
 * word tree that stays readable at 390 px (fits, words at a readable size, none overlapping).
 * Also "Where else was this said?" on an utterance page. Skips, saying why, without Chromium.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openCorpus } from "../../src/search/load";
import { createApp } from "../../src/web/app";
import { memoryReader } from "../fixtures/corpus";
import { DRAFT, variantAssets } from "../fixtures/variants";
import {
  type RunningServer,
  chromiumAvailable,
  launchChromium,
  screenshot,
  startServer,
} from "./harness";

const available = chromiumAvailable();
const PHONE_WIDTH = 390;
/** Smallest rendered height (CSS px) of a word in the tree that we call readable. */
const MIN_WORD_HEIGHT = 10;

describe.skipIf(!available)("how the wording changed, in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  const errors: string[] = [];

  async function open(path: string, width = 1280): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      ...(width === PHONE_WIDTH ? { isMobile: true, hasTouch: true } : {}),
    });
    const page = await context.newPage();
    page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
    await page.goto(`${server.url}${path}`);
    return page;
  }

  beforeAll(async () => {
    const files = variantAssets();
    const app = createApp({ loadCorpus: () => openCorpus(memoryReader(files)) });
    server = await startServer(app.fetch);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("versions in time order, changes struck through and underlined, a link into the transcript", async () => {
    const page = await open(`/phrase?q=${encodeURIComponent(DRAFT)}`);
    const section = page.locator("section.wording-changes");
    await expect(section.locator("h2").textContent()).resolves.toBe("How the wording changed");
    const ids = await section
      .locator("li.version")
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-id")));
    expect(ids).toEqual(["committee-5-1.1", "committee-5-2.0", "committee-5-2.2", "plenary-9.0"]);
    const marks = await section
      .locator("li.version")
      .nth(1)
      .evaluate((item) => {
        const style = (selector: string) => {
          const element = item.querySelector(selector);
          return element ? getComputedStyle(element).textDecorationLine : null;
        };
        return { del: style("blockquote del"), ins: style("blockquote ins") };
      });
    expect(marks).toEqual({ del: "line-through", ins: "underline" });
    await screenshot(page, "wording-desktop");
    await section
      .locator("li.version")
      .nth(3)
      .getByRole("link", { name: /open in the transcript/ })
      .click();
    await page.waitForURL(/\/sessions\/plenary-9\?u=0#u-0$/);
    expect(await page.locator("#u-0").textContent()).toContain(
      "should encourage operating agencies",
    );
  });

  test("the word tree is readable at 390 px: it fits, its words are big enough and apart", async () => {
    const page = await open(`/phrase?q=${encodeURIComponent("should encourage")}`, PHONE_WIDTH);
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
    }));
    expect(widths).toEqual({ scroll: PHONE_WIDTH, inner: PHONE_WIDTH });
    for (const id of ["#tree-after", "#tree-before"]) {
      const boxes = await page.locator(`${id} svg text`).evaluateAll((texts) =>
        texts.map((text) => {
          const box = text.getBoundingClientRect();
          return { left: box.left, right: box.right, top: box.top, bottom: box.bottom };
        }),
      );
      expect(boxes.length).toBeGreaterThan(2);
      for (const box of boxes) {
        expect(box.right, id).toBeLessThanOrEqual(PHONE_WIDTH);
        expect(box.bottom - box.top, id).toBeGreaterThanOrEqual(MIN_WORD_HEIGHT);
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          const overlap =
            a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          expect(overlap, `${id}: words ${i} and ${j} overlap`).toBe(false);
        }
      }
    }
    // Weighted by count: the branch taken three times is drawn larger than the one taken once.
    const sizes = await page
      .locator("#tree-after svg text.word")
      .evaluateAll((texts) =>
        texts.map((t) => [Number(t.getAttribute("data-count")), t.getBoundingClientRect().height]),
      );
    const byCount = (n: number) => sizes.filter(([count]) => count === n).map(([, h]) => h!);
    expect(Math.min(...byCount(3))).toBeGreaterThan(Math.max(...byCount(1)));
    await screenshot(page, "word-tree-phone");
  });

  test("where else was this said, on an utterance page", async () => {
    const page = await open("/utterances/plenary-9.0");
    const items = page.locator("section.said-elsewhere li");
    expect(await items.count()).toBe(2);
    expect(await items.first().textContent()).toContain("Committee 5, 2nd meeting");
    expect(errors).toEqual([]);
  });
});
