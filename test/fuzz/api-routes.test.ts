/**
 * Fuzzing the JSON API through app.request(): every /api route with arbitrary parameter names
 * and values, ids and document references with odd characters, path traversal attempts, odd
 * methods. Every response: no 5xx and nothing logged as an error, a 400 names the parameter,
 * snippets escaped, CSV without formula cells, no file from outside the static root. The
 * corpus carries injection payloads in its text, labels, names, ids and titles
 * (test/fuzz/fuzz-app.ts).
 *
 * Generated requests: 2,000 (plus the checks of the checkers below).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkAsync } from "./seed";
import { responseProblems } from "./check-response";
import { type FuzzApp, PAYLOAD_WORD, STATIC_FILE, fuzzApp } from "./fuzz-app";
import { csvFormulaCells, htmlInjections, snippetProblems } from "./payloads";
import { apiRequests } from "./requests";

let fuzz: FuzzApp;
beforeAll(() => {
  fuzz = fuzzApp();
});
afterAll(() => fuzz.cleanup());

async function send(method: string, path: string): Promise<Response> {
  return fuzz.app.request(`http://127.0.0.1${path}`, { method });
}

describe("the checks can fail", () => {
  test("unescaped markup, event attributes, javascript: URLs and inline scripts are caught", () => {
    expect(htmlInjections("<p>&lt;fzx-tag&gt;</p>")).toEqual([]);
    expect(htmlInjections("<p><fzx-tag></p>")).not.toEqual([]);
    expect(htmlInjections('<input value="" fzx-attr="1">')).not.toEqual([]);
    expect(htmlInjections("<img src=x onerror=fzx()>")).not.toEqual([]);
    expect(htmlInjections('<a href=" javascript:fzx()">x</a>')).not.toEqual([]);
    expect(htmlInjections("<script>fzx()</script>")).not.toEqual([]);
    expect(snippetProblems("a <mark>b</mark> &lt;c&gt;")).toEqual([]);
    expect(snippetProblems("a <b>b</b>")).not.toEqual([]);
    expect(csvFormulaCells('id,text\r\n1,"\'=SUM(A1)"\r\n')).toEqual([]);
    expect(csvFormulaCells('id,text\r\n1,"=SUM(A1)"\r\n')).toEqual(["=SUM(A1)"]);
  });

  test("the payloads are in the corpus and come back escaped", async () => {
    const response = await send("GET", `/api/search?q=${PAYLOAD_WORD}&limit=100`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      total: number;
      results: { snippet: string; text: string }[];
    };
    expect(body.total).toBeGreaterThan(10);
    expect(body.results.some((hit) => hit.text.includes("<script>fzx(1)</script>"))).toBe(true);
    expect(
      body.results.some((hit) => hit.snippet.includes("&lt;script&gt;fzx(1)&lt;/script&gt;")),
    ).toBe(true);
    const csv = await send("GET", `/api/search?q=${PAYLOAD_WORD}&limit=100&format=csv`);
    const text = await csv.text();
    expect(text).toContain("'=HYPERLINK");
    expect(csvFormulaCells(text)).toEqual([]);
  });

  test("the static file server is live, and refuses to leave its folder", async () => {
    const ok = await send("GET", STATIC_FILE.path);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe(STATIC_FILE.content);
    for (const path of ["/..%2fsecret.txt", "/..%2froot-secret.txt", "/%2e%2e%2fsecret.txt"]) {
      const response = await send("GET", path);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(await responseProblems({ method: "GET", path, params: [] }, response, [])).toEqual([]);
    }
  });
});

describe("API routes, fuzzed", () => {
  test("no 5xx, no uncaught error, 400s name the parameter, output escaped", async () => {
    await checkAsync(
      "api-routes",
      fc.asyncProperty(apiRequests(fuzz.ids), async (request) => {
        fuzz.errors.length = 0;
        const response = await send(request.method, request.path);
        const problems = await responseProblems(request, response, fuzz.errors);
        expect(problems, `${request.method} ${request.path}`).toEqual([]);
      }),
      2_000,
    );
  });
});
