export { noSessionReason, processSource, sha256Hex, textFileFor, withSessionId } from "./source";
export { matchRoughTwins, TWIN_MIN_SIMILARITY } from "./twins";
export type { ProcessOptions, ProcessedSource, SourceInput } from "./source";
export {
  assembleSessions,
  readManifest,
  writeCorpus,
  listSessionFiles,
  MANIFEST_FILE,
} from "./corpus";
export type { Assembly, SourceFailure, WriteCorpusOptions, WriteCorpusResult } from "./corpus";
export { DUPLICATE_MIN_SIMILARITY, IdAssigner, sourceKey, type PreviousCorpus } from "./identity";
export { claimedId, sessionId, sessionKey, transcriptVersion } from "./session-id";
