// Entry of the source worker thread: TypeScript is loaded through tsx (as in the main thread),
// then the worker proper (worker.ts).
import { register } from "tsx/esm/api";

register();
await import(import.meta.resolve("./worker.ts"));
