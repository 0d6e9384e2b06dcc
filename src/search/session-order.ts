/**
 * The chronological order of sessions: the order the asset build stores them in (so utterance
 * ordinals run in time order), the order shards are cut in and merged by, and the order the
 * benchmark's peers index in. Undated sessions come last, untimed ones last on their day, ties by
 * id.
 *
 * Runtime-free.
 */

/** What the order reads of a session. */
export interface SessionOrderFacts {
  id: string;
  date: string | null;
  time: string | null;
}

/** The chronological sort key of a session. */
export function sessionOrderKey(session: SessionOrderFacts): string {
  const time = session.time ? session.time.padStart(5, "0") : "99:99";
  return `${session.date ?? "9999-99-99"} ${time} ${session.id}`;
}

/** Compares two sessions by sessionOrderKey (a sort comparator). */
export function bySessionOrder(a: SessionOrderFacts, b: SessionOrderFacts): number {
  const [x, y] = [sessionOrderKey(a), sessionOrderKey(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The sessions in chronological order (a sorted copy). */
export function inSessionOrder<T extends SessionOrderFacts>(sessions: readonly T[]): T[] {
  return [...sessions].sort(bySessionOrder);
}
