export { processSource, sha256Hex, textFileFor } from "./source";
export type { ProcessedSource, SourceInput } from "./source";
export {
  assembleSessions,
  readManifest,
  writeCorpus,
  listSessionFiles,
  MANIFEST_FILE,
} from "./corpus";
export type { SourceFailure, WriteCorpusOptions, WriteCorpusResult } from "./corpus";
export { sessionId, sessionKey, transcriptVersion } from "./session-id";
