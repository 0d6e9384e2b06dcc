import type { SessionHeader, SessionRecord } from "../../src/domain";
import { withSessionId } from "./source";

/** Share of a rough transcript's 3-word sequences that must recur in a finished one to match. */
export const TWIN_MIN_SIMILARITY = 0.2;

/** Header facts a headerless rough transcript takes over from its matched finished version. */
const INFERRED_FIELDS = [
  "conference",
  "date",
  "time",
  "endTime",
  "body",
  "number",
] as const satisfies readonly (keyof SessionHeader)[];

function shingles(record: SessionRecord): Set<string> {
  const words = record.utterances
    .map((u) => u.text)
    .join(" ")
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

function containment(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / a.size;
}

/** Share of `a`'s 3-word sequences (annotations left out) that recur in `b`'s words. */
export function wordSimilarity(a: SessionRecord, b: SessionRecord): number {
  return containment(shingles(a), shingles(b));
}

/**
 * A rough live transcript often has no header at all, so nothing in it says which session it
 * was. It is matched to the finished transcript whose wording it shares most (never merging
 * their text), and takes that session's conference, date, time, body and number, recorded in `inferred`.
 * Returns the records, the matched rough ones re-identified; unmatched ones are left as they are.
 */
export function matchRoughTwins(records: SessionRecord[]): SessionRecord[] {
  const finished = records.filter((r) => r.version === "finished");
  const finishedShingles = new Map(finished.map((r) => [r.id, shingles(r)]));
  return records.map((record) => {
    if (record.version !== "rough" || record.date !== null) return record;
    const own = shingles(record);
    let best: { record: SessionRecord; similarity: number } | null = null;
    for (const candidate of finished) {
      if (record.body !== null && candidate.body !== record.body) continue;
      const similarity = containment(own, finishedShingles.get(candidate.id) ?? new Set());
      if (similarity >= TWIN_MIN_SIMILARITY && (best === null || similarity > best.similarity)) {
        best = { record: candidate, similarity };
      }
    }
    if (best === null) return record;
    const match = best.record;
    const facts = Object.fromEntries(INFERRED_FIELDS.map((f) => [f, match[f]]));
    const fields = INFERRED_FIELDS.filter((f) => record[f] !== match[f]);
    return withSessionId(
      {
        ...record,
        ...facts,
        inferred: { from: match.id, fields, similarity: Math.round(best.similarity * 1000) / 1000 },
      },
      `${match.id}-rough`,
    );
  });
}
