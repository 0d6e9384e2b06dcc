/** The Hono environment of the API routes: the loaded corpus and the request's origin. */
import type { Corpus } from "../../search/corpus";

export interface ApiVariables {
  corpus: Corpus;
  /** Origin of the request ("http://localhost:8787"), for absolute permalinks. */
  baseUrl: string;
}

export interface ApiEnv {
  Variables: ApiVariables;
}
