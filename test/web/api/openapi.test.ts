import { describe, expect, test } from "vitest";
import { openApiDocument } from "../../../src/web/openapi";
import { testApp } from "./app";

const { app } = testApp();

/** Hono path -> OpenAPI path: ":id" -> "{id}", ":ref{.+}" -> "{ref}". */
function toOpenApiPath(path: string): string {
  return path.replace(/:(\w+)(\{[^}]*\})?/g, "{$1}");
}

const documented = Object.entries(openApiDocument.paths).flatMap(([path, item]) =>
  Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
);

/** Sample values for path parameters, taken from the fixture corpus. */
const SAMPLES: Record<string, string> = { id: "", ref: "DT/30-REV3" };
const SAMPLE_IDS: Record<string, string> = {
  "/api/sessions/{id}": "plenary-1",
  "/api/sessions/{id}/text": "plenary-1",
  "/api/speakers/{id}": "EGY",
  "/api/utterances/{id}": "plenary-1.2",
  "/api/conferences/{id}": "wcit-12",
};
const SAMPLE_QUERIES: Record<string, string> = {
  "/api/search": "?q=rights",
  "/api/export": "?q=rights",
  "/api/phrase": "?q=human+rights",
  "/api/phrase/variants": "?q=human+rights",
};

describe("OpenAPI document", () => {
  test("is OpenAPI 3.1 and served at /api/openapi.json", async () => {
    const response = await app.request("/api/openapi.json");
    expect(response.status).toBe(200);
    const body = (await response.json()) as typeof openApiDocument;
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths).sort()).toEqual(Object.keys(openApiDocument.paths).sort());
  });

  test("documents exactly the API routes the app has", () => {
    const routes = new Set(
      app.routes
        .filter(
          (route) =>
            route.path.startsWith("/api/") && route.method === "GET" && !route.path.includes("*"),
        )
        .map((route) => `GET ${toOpenApiPath(route.path)}`),
    );
    expect([...routes].sort()).toEqual([...documented].sort());
  });

  test.each(documented)("%s answers 200 with sample parameters", async (entry) => {
    const path = entry.replace(/^GET /, "");
    const url =
      path.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE_IDS[path] ?? SAMPLES[name] ?? "") +
      (SAMPLE_QUERIES[path] ?? "");
    const response = await app.request(url);
    expect(response.status, url).toBe(200);
  });

  test("every documented query parameter is accepted by its route", async () => {
    const values: Record<string, string> = {
      q: "rights",
      conference: "wcit-12",
      speaker: "EGY",
      session: "plenary-1",
      body: "plenary",
      kind: "delegation",
      from: "2012-12-03",
      to: "2012-12-14",
      sort: "chronological",
      limit: "5",
      offset: "0",
      format: "json",
      context: "1",
    };
    const components = openApiDocument.components.parameters as Record<
      string,
      { name: string; in: string }
    >;
    for (const [path, item] of Object.entries(openApiDocument.paths)) {
      const parameters =
        (item.get as { parameters?: ({ name: string; in: string } | { $ref: string })[] })
          .parameters ?? [];
      const query = parameters
        .map((p) => ("$ref" in p ? components[p.$ref.split("/").pop() ?? ""] : p))
        .filter((p): p is { name: string; in: string } => p !== undefined && p.in === "query");
      if (query.length === 0) continue;
      const search = new URLSearchParams(query.map((p) => [p.name, values[p.name] ?? "x"]));
      if (path.startsWith("/api/phrase")) search.set("q", "human rights");
      const url =
        path.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLE_IDS[path] ?? SAMPLES[name] ?? "") +
        `?${search}`;
      const response = await app.request(url);
      expect(response.status, `${url}: ${await response.clone().text()}`).toBe(200);
    }
  });
});
