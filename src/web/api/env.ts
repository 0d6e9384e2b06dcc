/** The Hono environment of the API routes: the loaded corpus and the request's origin. */
import type { Corpus } from "../../search/corpus";
import type { TaskRunner } from "../../search/scheduler";

export interface ApiVariables {
  corpus: Corpus;
  /** Origin of the request ("http://localhost:8787"), for absolute permalinks. */
  baseUrl: string;
  /** Runs the searches of a request (see AppOptions.runner). */
  runner: TaskRunner;
}

export interface ApiEnv {
  Variables: ApiVariables;
}
