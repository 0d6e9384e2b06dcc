/**
 * Issue 11 in a real browser (Debian's headless Chromium, playwright-core): typing a delegation's
 * name and a topic shows the "Delegations matching" box first and its link narrows to that
 * delegation; a misspelling shows the corrected results with the way back.
 *
 * Skips, saying why, when /usr/bin/chromium is absent (CI installs it: scripts/setup-chromium.sh).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../src/web/app";
import { loadTestCorpus } from "../web/pages/fixture";
import {
  type RunningServer,
  chromiumAvailable,
  launchChromium,
  screenshot,
  startServer,
} from "./harness";

describe.skipIf(!chromiumAvailable())(
  "search that understands what people type, in Chromium",
  () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    const pageErrors: string[] = [];

    beforeAll(async () => {
      server = await startServer(createApp({ loadCorpus: loadTestCorpus }).fetch);
      browser = await launchChromium();
      page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      page.on("pageerror", (error) => pageErrors.push(error.message));
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    test("a name and a topic: the box first, its link to the delegation's interventions", async () => {
      await page.goto(`${server.url}/`);
      await page.locator("#q").fill("egypt roaming");
      await page.keyboard.press("Enter");
      await page.waitForURL(/\?q=egypt\+roaming/);
      const box = page.locator(".speaker-box");
      expect(await box.locator("h2").innerText()).toBe("Delegations matching");
      // The box is above the results on screen.
      const boxTop = (await box.boundingBox())!.y;
      const resultsTop = (await page.locator("#results").boundingBox())!.y;
      expect(boxTop).toBeLessThan(resultsTop);
      await screenshot(page, "delegations-matching");
      await box.getByRole("link", { name: "Interventions by Egypt on “roaming”" }).click();
      await page.waitForURL(/q=speaker%3AEGY\+roaming/);
      expect(await page.locator("ol.results > li.result").count()).toBe(1);
      expect(await page.locator("ol.results").innerText()).toContain(
        "Egypt supports the roaming proposal",
      );
    });

    test("a misspelling: the corrected results, and one click back to the words as typed", async () => {
      await page.goto(`${server.url}/?q=roamng`);
      const note = page.locator(".spelling-note");
      expect(await note.innerText()).toBe(
        "Showing results for roaming. Search instead for roamng.",
      );
      expect(await page.locator("ol.results > li.result").count()).toBe(3);
      await screenshot(page, "corrected-results");
      await note.getByRole("link", { name: "roamng" }).click();
      await page.waitForURL(/as_typed=1/);
      expect(await page.locator(".empty h2").innerText()).toBe("Nothing found");
      expect(await page.locator("#q").inputValue()).toBe("roamng");
    });

    test("Skip to results is the second Tab stop and lands on the results", async () => {
      await page.goto(`${server.url}/?q=roaming`);
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        "Skip to results",
      );
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("results");
      expect(pageErrors).toEqual([]);
    });
  },
);
