/**
 * Quoting in a real browser, on the bundled synthetic sample as `npm run build` builds it: "copy
 * quote" on a re-attributed turn copies only the speaker's words and the sentence that states
 * the re-attribution; a note inside the words becomes an editorial bracket; an uncertain
 * attribution is said in words where the turn is shown.
 *
 * Skips, saying why, when /usr/bin/chromium is absent (CI installs it: scripts/setup-chromium.sh).
 */
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildAssets, readSessionRecords, readSourceTexts } from "../../ingest/build-index";
import { listSpeakerAliases } from "../../ingest/parse/speakers";
import { DEFAULT_BACKEND } from "../../src/search/backend/registry";
import { openCorpus } from "../../src/search/load";
import { createApp } from "../../src/web/app";
import { memoryReader } from "../fixtures/corpus";
import { type RunningServer, chromiumAvailable, launchChromium, startServer } from "./harness";

const TRANSCRIPTS = join(import.meta.dirname, "../../transcripts");

describe.skipIf(!chromiumAvailable())("quotes in Chromium (bundled sample)", () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const { records } = await readSessionRecords(TRANSCRIPTS);
    const texts = await readSourceTexts(TRANSCRIPTS, records);
    const files = buildAssets(records, listSpeakerAliases(), DEFAULT_BACKEND, texts).files;
    const app = createApp({ loadCorpus: () => openCorpus(memoryReader(files)) });
    server = await startServer(app.fetch);
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  async function copyFrom(path: string): Promise<{ page: Page; copied: string }> {
    const context = await browser.newContext({
      permissions: ["clipboard-read", "clipboard-write"],
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    await page.locator("button.copy").first().click();
    await page.getByRole("status").filter({ hasText: "Copied" }).first().waitFor();
    return { page, copied: await page.evaluate(() => navigator.clipboard.readText()) };
  }

  test("a re-attributed turn: the words without the note, the citation names the label", async () => {
    const { page, copied } = await copyFrom("/utterances/plenary-3.1");
    const [quote = "", citation = ""] = copied.split("\n— ");
    expect(quote.startsWith("“Thank you, Chairman.")).toBe(true);
    expect(quote.endsWith("not as a rule for the Internet.”")).toBe(true);
    expect(quote).not.toContain("That was");
    expect(citation).toContain(
      'Captioned under the label LEBANON; attributed to Egypt by the captioner\'s note "(That was Egypt speaking)".',
    );
    expect(citation).toContain("Plenary 3, turn 2,");
    expect(citation).toContain("session began 14:30 (Dubai)");
    expect(citation).toContain("SYNTHETIC");
    expect(citation).toContain(`${server.url}/utterances/plenary-3.1`);
    // The captioned text, note included, is still shown, and the statement is in the page.
    expect(await page.locator("blockquote.quote").first().innerText()).toContain(
      "(That was Egypt speaking)",
    );
    expect(await page.locator("p.attribution").first().innerText()).toContain(
      "Captioned under the label LEBANON",
    );
  });

  test("laughter inside the words is copied as an editorial bracket", async () => {
    const api = (await (
      await fetch(`${server.url}/api/search?q=${encodeURIComponent('"meet your target"')}`)
    ).json()) as { results: { id: string; quote: string }[] };
    const hit = api.results[0]!;
    const { copied } = await copyFrom(`/utterances/${hit.id}`);
    expect(copied).toContain("meet your target. [laughter] We support");
    expect(copied).not.toContain("(Laughter)");
    expect(copied.startsWith(`“${hit.quote}”`)).toBe(true);
  });

  test("an uncertain attribution is said in words in the transcript", async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/sessions/committee-5-4`);
    const row = page.locator("li.utterance", { hasText: "(That was Peru speaking)" });
    expect(await row.locator(".attribution").innerText()).toMatch(
      /^Attribution uncertain\. Captioned under the label MEXICO/,
    );
    expect(await row.locator(".speaker a").innerText()).toBe("Mexico");
  });
});
