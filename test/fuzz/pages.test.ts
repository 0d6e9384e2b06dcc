/**
 * Fuzzing the HTML pages through app.request(): the search page, transcripts, speakers, phrase
 * timelines, documents, utterance permalinks, suggestions and static files, with arbitrary
 * parameters, odd ids and traversal attempts, over a corpus carrying injection payloads. Every
 * page: no 5xx and nothing logged as an error, no payload echoed as markup (no <fzx-tag>
 * element, no fzx-attr or on* attribute, no javascript: URL, no inline script), a 400 says
 * which parameter is wrong.
 *
 * Generated requests: 400 (plus the pages checked by name below).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { responseProblems } from "./check-response";
import { type FuzzApp, PAYLOAD_SESSION, PAYLOAD_WORD, fuzzApp } from "./fuzz-app";
import { PAYLOADS, htmlInjections } from "./payloads";
import { pageRequests } from "./requests";
import { checkAsync } from "./seed";

let fuzz: FuzzApp;
beforeAll(() => {
  fuzz = fuzzApp();
});
afterAll(() => fuzz.cleanup());

async function problemsOf(path: string, params: string[] = []): Promise<string[]> {
  fuzz.errors.length = 0;
  const response = await fuzz.app.request(`http://127.0.0.1${path}`);
  return responseProblems({ method: "GET", path, params }, response, fuzz.errors);
}

describe("pages showing the payloads", () => {
  test("every page that shows stored payloads escapes them", async () => {
    const person = fuzz.ids.speakers.find((id) => id.startsWith("person:"))!;
    const pages = [
      `/?q=${PAYLOAD_WORD}`,
      `/?q=${PAYLOAD_WORD}&sort=chronological`,
      `/sessions/${PAYLOAD_SESSION}`,
      `/sessions/${PAYLOAD_SESSION}?u=3`,
      "/sessions",
      "/speakers",
      `/speakers/${encodeURIComponent(person)}`,
      `/speakers/unknown`,
      `/phrase?q=${PAYLOAD_WORD}`,
      "/documents",
      `/documents/${encodeURIComponent('ADM/"><fzx-tag fzx-attr=1>')}`,
      `/documents/${encodeURIComponent("DT/../../etc/passwd")}`,
      ...Array.from({ length: 20 }, (_, i) => `/utterances/${PAYLOAD_SESSION}.${i}`),
    ];
    for (const path of pages) {
      const response = await fuzz.app.request(`http://127.0.0.1${path}`);
      expect(response.status, path).toBeLessThan(500);
      expect(await problemsOf(path), path).toEqual([]);
    }
  });

  test("payloads typed into every parameter are not echoed as markup", async () => {
    for (const payload of PAYLOADS) {
      const value = encodeURIComponent(payload);
      for (const path of [
        `/?q=${value}`,
        `/?q=${PAYLOAD_WORD}&speaker=${value}`,
        `/?q=${value}&page=${value}`,
        `/phrase?q=${value}&vs=${value}`,
        `/sessions/${value}`,
        `/speakers/${value}`,
        `/documents/${value}`,
        `/utterances/${value}`,
        `/${value}`,
      ]) {
        expect(await problemsOf(path, ["q", "speaker", "page", "vs"]), path).toEqual([]);
      }
    }
  });
});

describe("stored data is never a link target unless it is a web address", () => {
  // Found by this fuzzing: a stored "javascript:" source URL was made a clickable link.
  test("a session whose source URL is javascript: gets no javascript: link", async () => {
    const bad = fuzzApp({ sourceUrl: "javascript:fzx(15)" });
    try {
      const response = await bad.app.request(`http://127.0.0.1/sessions/${PAYLOAD_SESSION}`);
      expect(response.status).toBe(200);
      expect(htmlInjections(await response.text())).toEqual([]);
    } finally {
      bad.cleanup();
    }
  });
});

describe("pages, fuzzed", () => {
  test("no 5xx, no uncaught error, nothing echoed unescaped, 400s name the parameter", async () => {
    await checkAsync(
      "pages",
      fc.asyncProperty(pageRequests(fuzz.ids), async (request) => {
        fuzz.errors.length = 0;
        const response = await fuzz.app.request(`http://127.0.0.1${request.path}`, {
          method: request.method,
        });
        const problems = await responseProblems(request, response, fuzz.errors);
        expect(problems, `${request.method} ${request.path}`).toEqual([]);
      }),
      400,
    );
  });
});
