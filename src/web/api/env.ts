/** The Hono environment of the API routes: the loaded corpus and the configured origin. */
import type { Corpus } from "../../search/corpus";
import type { TaskRunner } from "../../search/scheduler";

export interface ApiVariables {
  corpus: Corpus;
  /**
   * The configured canonical origin ("https://captions.example.org") absolute permalinks are built
   * on, or "" for relative ones. Never taken from the request (see AppOptions.canonicalOrigin).
   */
  baseUrl: string;
  /** Runs the searches of a request (see AppOptions.runner). */
  runner: TaskRunner;
}

export interface ApiEnv {
  Variables: ApiVariables;
}
