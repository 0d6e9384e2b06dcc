/**
 * Browser-test harness: Debian's headless Chromium driven by playwright-core, against the Node
 * server (@hono/node-server on port 0) serving the app on the synthetic test corpus.
 * When /usr/bin/chromium is absent the suites skip and say so (CI installs it with apt-get:
 * scripts/setup-chromium.sh).
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import type { Browser, Page } from "playwright-core";
import { chromium } from "playwright-core";

/** Where Debian installs Chromium. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Flags for a quiet, offline headless run (no sandbox: CI runs as root in a container). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Screenshots are test artifacts here (gitignored). */
export const SCREENSHOT_DIR = join("test-results", "screenshots");

/** True when the browser tests can run; prints why not otherwise. */
export function chromiumAvailable(): boolean {
  const present = existsSync(CHROMIUM_PATH);
  if (!present) {
    console.warn(
      `browser tests skipped: ${CHROMIUM_PATH} is absent (install Debian's chromium: bash scripts/setup-chromium.sh)`,
    );
  }
  return present;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A running server and its base URL. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `fetch` on 127.0.0.1 on a free port. */
export function startServer(
  fetch: (request: Request) => Response | Promise<Response>,
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
          }),
      });
    });
    server.once("error", reject);
  });
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
