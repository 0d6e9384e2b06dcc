/** The app over the synthetic fixture corpus, with a logger that records what it is told. */
import { openCorpus } from "../../../src/search/load";
import { createApp } from "../../../src/web/app";
import { fixtureAssets, memoryReader } from "../../fixtures/corpus";

export function testApp(options: { files?: Map<string, string> } = {}) {
  const logged: string[] = [];
  const logger = {
    info: (m: string) => logged.push(`info: ${m}`),
    warn: (m: string) => logged.push(`warn: ${m}`),
    error: (m: string) => logged.push(`error: ${m}`),
  };
  let loads = 0;
  const files = options.files ?? fixtureAssets().files;
  const app = createApp({
    loadCorpus: () => {
      loads++;
      return openCorpus(memoryReader(files));
    },
    logger,
  });
  return { app, logged, loads: () => loads };
}

/** A parsed JSON body, read freely by the tests (a wrong shape fails the test's expectations). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type JsonBody = Record<string, any>;

/** GETs a path and parses the JSON body. */
export async function getJson(
  app: ReturnType<typeof testApp>["app"],
  path: string,
  init?: RequestInit,
) {
  const response = await app.request(path, init);
  return {
    response,
    body: (await response.json()) as JsonBody,
  };
}
