/**
 * Progress of a run: a bar (cli-progress) on a terminal, one plain line per URL otherwise (logs,
 * CI, pipes).
 */
import cliProgress from "cli-progress";
import type { Logger } from "../../src/domain";
import type { ReportEntry } from "./report";

export interface Progress {
  /** More URLs were queued. */
  addTotal(count: number): void;
  /** One URL is done. */
  done(entry: ReportEntry): void;
  stop(): void;
}

/** Progress that shows nothing (tests, embedding). */
export const silentProgress: Progress = { addTotal() {}, done() {}, stop() {} };

/** What an entry says in one line. */
export function describeEntry(entry: ReportEntry): string {
  switch (entry.outcome) {
    case "ingested":
      return `ingested ${entry.sessionId ?? "?"}`;
    case "skipped":
      return `skipped (${entry.reason ?? "?"})`;
    case "failed":
      return `FAILED (${entry.error ?? "?"})`;
    case "page":
      return `page, ${entry.links ?? 0} link(s)`;
  }
}

/** Plain lines through the logger: "fetch: [3/12] ingested plenary-2 <- URL". */
export function createLineProgress(logger: Logger): Progress {
  let total = 0;
  let count = 0;
  return {
    addTotal(n) {
      total += n;
    },
    done(entry) {
      count++;
      const line = `fetch: [${count}/${total}] ${describeEntry(entry)} <- ${entry.url}`;
      if (entry.outcome === "failed") logger.warn(line);
      else logger.info(line);
    },
    stop() {},
  };
}

/** A bar on `stream` (a terminal). */
export function createBarProgress(stream: NodeJS.WritableStream): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "fetch [{bar}] {value}/{total} urls | {last}",
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let total = 0;
  let started = false;
  return {
    addTotal(n) {
      total += n;
      if (!started) {
        bar.start(total, 0, { last: "" });
        started = true;
      } else {
        bar.setTotal(total);
      }
    },
    done(entry) {
      bar.increment(1, { last: describeEntry(entry).slice(0, 60) });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** A bar when `stream` is a terminal, plain lines through `logger` otherwise. */
export function createProgress(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  logger: Logger,
): Progress {
  return stream.isTTY === true ? createBarProgress(stream) : createLineProgress(logger);
}
