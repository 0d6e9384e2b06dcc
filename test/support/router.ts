/**
 * Comparing the router with one index (test/router, test/runtime/router.test.ts): an app over
 * in-memory assets, and an answer read as status + parsed body + the shards asked.
 */
import { SHARDS_HEADER } from "../../src/router/app";
import { openCorpus } from "../../src/search/load";
import { createApp } from "../../src/web/app";
import { memoryReader } from "../fixtures/corpus";

/** The canonical origin every compared app builds citations on. */
export const ORIGIN = "https://wcit.example.org";

/** The app over built files; `internal` mounts the shard routes. */
export function appOver(files: Map<string, string>, internal: boolean) {
  return createApp({
    loadCorpus: () => openCorpus(memoryReader(files)),
    canonicalOrigin: ORIGIN,
    internal,
  });
}

export interface Answer {
  status: number;
  body: unknown;
  /** The router's X-Shards header ("" from one index). */
  shards: string;
}

/** Reads a response as an Answer. */
export async function readAnswer(response: Response): Promise<Answer> {
  const type = response.headers.get("Content-Type") ?? "";
  const body = type.includes("json") ? await response.json() : await response.text();
  return { status: response.status, body, shards: response.headers.get(SHARDS_HEADER) ?? "" };
}

/** What an app answers to `path`. */
export async function answer(
  app: { request: (path: string) => Response | Promise<Response> },
  path: string,
): Promise<Answer> {
  return readAnswer(await app.request(path));
}
