/**
 * Stable session ids. An id, once given to a source, stays with it: the manifest records each
 * session's file and sha256, and on the next run the same bytes get the same id back (even
 * renamed), a new version of the same file (same path, or same URL for fetched files) that asks
 * for the same id replaces it, and any other source that asks for an id someone holds never
 * takes it: it is a conflict, reported with both files, and either gets the id with a hash
 * suffix or, when its words are the holder's (a copy, or a replacement saved under another name),
 * is held back. Ids of removed sessions are retired, never given to other words.
 */
import {
  silentLogger,
  type IdConflict,
  type Logger,
  type ManifestEntry,
  type RetiredSession,
  type SessionRecord,
} from "../../src/domain";
import { claimedId } from "./session-id";
import { withSessionId } from "./source";
import { wordSimilarity } from "./twins";

/**
 * Share of a source's 3-word sequences found in the holder's words from which a source claiming
 * a held id is taken for a copy or a replacement of it, and held back instead of renamed.
 */
export const DUPLICATE_MIN_SIMILARITY = 0.5;

/** What the previous run left: its manifest's sessions and retired ids, and records to compare. */
export interface PreviousCorpus {
  sessions: readonly ManifestEntry[];
  retired: readonly RetiredSession[];
  /** Earlier session records by id, where loaded (to compare a claimant's words with). */
  records: ReadonlyMap<string, SessionRecord>;
}

interface Holder {
  id: string;
  file: string;
  sha256: string;
  record?: SessionRecord;
}

/** Where a source comes from, across runs: its URL when fetched, else its file. */
export function sourceKey(source: { file: string; url?: string }): string {
  return source.url ?? source.file;
}

/** Gives ids to the records of one run, in batches (see the module comment). */
export class IdAssigner {
  readonly conflicts: IdConflict[] = [];
  private readonly taken = new Map<string, Holder>();
  private readonly reserved = new Map<string, Holder>();
  private readonly bySha = new Map<string, Holder>();
  private readonly byKey = new Map<string, Holder>();

  constructor(
    previous: PreviousCorpus | null,
    private readonly logger: Logger = silentLogger,
  ) {
    const holders: (Holder & { key: string })[] = [
      ...(previous?.sessions ?? []).map((e) => ({
        id: e.id,
        file: e.source.file,
        sha256: e.source.sha256,
        key: sourceKey(e.source),
        record: previous?.records.get(e.id),
      })),
      ...(previous?.retired ?? []).map((r) => ({ ...r, key: r.file })),
    ];
    for (const holder of holders) {
      this.reserved.set(holder.id, holder);
      this.bySha.set(holder.sha256, holder);
      if (!this.byKey.has(holder.key)) this.byKey.set(holder.key, holder);
    }
  }

  /** The ids taken in this run. */
  get ids(): ReadonlySet<string> {
    return new Set(this.taken.keys());
  }

  /**
   * Gives each record its id: the one it had (same bytes), the one of the version it replaces
   * (same file or URL, same claimed id), the one it claims when free, else a distinct one; records
   * held back are left out of the result. `records` in a deterministic order (by file).
   */
  assign(records: readonly SessionRecord[]): SessionRecord[] {
    const given = new Map<SessionRecord, string>();
    const give = (record: SessionRecord, id: string): void => {
      given.set(record, id);
      this.taken.set(id, { id, file: record.source.file, sha256: record.source.sha256, record });
    };
    for (const record of records) {
      const earlier = this.bySha.get(record.source.sha256);
      if (earlier !== undefined && !this.taken.has(earlier.id)) give(record, earlier.id);
    }
    for (const record of records.filter((r) => !given.has(r))) {
      const earlier = this.byKey.get(sourceKey(record.source));
      if (earlier === undefined || this.taken.has(earlier.id)) continue;
      if (claimedId(earlier.id) !== record.id) continue;
      give(record, earlier.id);
      this.logger.info(
        `${record.source.file}: a new version (sha256 ${short(record.source.sha256)}) replaces the one of sha256 ${short(earlier.sha256)} as ${earlier.id}`,
      );
    }
    for (const record of records.filter((r) => !given.has(r))) {
      const holder = this.taken.get(record.id) ?? this.reserved.get(record.id);
      if (holder === undefined) {
        give(record, record.id);
        continue;
      }
      const id = this.conflict(record, holder);
      if (id !== null) give(record, id);
    }
    return records.flatMap((record) => {
      const id = given.get(record);
      if (id === undefined) return [];
      return [id === record.id ? record : withSessionId(record, id)];
    });
  }

  /** Records a claim on a held id; returns the distinct id given, or null when held back. */
  private conflict(record: SessionRecord, holder: Holder): string | null {
    const similarity =
      holder.record === undefined
        ? 0
        : Math.round(wordSimilarity(record, holder.record) * 1000) / 1000;
    const base = {
      claimed: record.id,
      file: record.source.file,
      sha256: record.source.sha256,
      owner: { id: holder.id, file: holder.file },
      similarity,
    };
    const claim = `${record.source.file} claims the id ${record.id}, held by ${holder.file}`;
    if (similarity >= DUPLICATE_MIN_SIMILARITY) {
      this.conflicts.push({ ...base, outcome: "held" });
      this.logger.warn(
        `${claim}; held back: ${Math.round(similarity * 100)}% of its words are that session's (a copy or a replacement? to replace it, give the new file the old one's name)`,
      );
      return null;
    }
    const id = this.distinctId(record);
    this.conflicts.push({ ...base, outcome: "renamed", id });
    this.logger.warn(`${claim}; ingested as ${id}`);
    return id;
  }

  private distinctId(record: SessionRecord): string {
    for (let length = 8; length < 64; length += 4) {
      const id = `${record.id}-${record.source.sha256.slice(0, length)}`;
      if (!this.taken.has(id) && !this.reserved.has(id)) return id;
    }
    return `${record.id}-${record.source.sha256}`;
  }
}

function short(sha256: string): string {
  return sha256.slice(0, 12);
}
