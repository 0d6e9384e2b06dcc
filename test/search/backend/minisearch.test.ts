/** The MiniSearch backend (src/search/backend/minisearch/): the common backend cases. */
import { miniSearchBackend } from "../../../src/search/backend/minisearch/backend";
import { runBackendCases } from "./common.case";

runBackendCases(miniSearchBackend);
