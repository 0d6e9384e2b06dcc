/**
 * Ranking quality on the bundled SYNTHETIC sample: a small judged query set (the utterances a
 * person would want first for each query, graded by reading them) and nDCG@10 of the search's
 * relevance order before and after the ranking-of-substance rule (src/search/substance.ts).
 * "Before" is the same matches ordered by the backend's score alone (the score divided by the
 * rule's weight), so the figure isolates the rule. Printed by `npm run bench` (and on its own,
 * fast, by `npm run bench -- --relevance`).
 *
 * Grades: 2 = an intervention taking a position on the query's subject (for a delegation's name:
 * that delegation's own interventions); 1 = a substantive mention in passing, or a chair or
 * secretariat turn that presents a text; unlisted = 0 (procedural: calling speakers, thanking,
 * opening the floor, or off the subject).
 */
import { buildAssets, readSessionRecords } from "../ingest/build-index";
import { listSpeakerAliases } from "../ingest/parse/speakers";
import { type Corpus } from "../src/search/corpus";
import { openCorpus } from "../src/search/load";
import { type Match, matchQuery, prepareQuery, sortMatches } from "../src/search/search";
import { substanceWeight } from "../src/search/substance";
import { utteranceId } from "../src/search/corpus";

/** Rank cut-off of nDCG. */
export const NDCG_AT = 10;

/** One judged query: utterance id -> grade (unlisted: 0). */
export interface Judged {
  q: string;
  grades: Record<string, 1 | 2>;
}

/** The judged queries over transcripts/ (the bundled sample). */
export const JUDGED: readonly Judged[] = [
  {
    q: "spam",
    grades: {
      "committee-5-1.19": 2,
      "plenary-7.17": 2,
      "committee-5-1.15": 2,
      "committee-5-1.13": 2,
      "plenary-1.32": 1,
      "plenary-13.18": 1,
    },
  },
  {
    q: "security",
    grades: {
      "committee-5-1.21": 2,
      "committee-5-2.25": 2,
      "plenary-2.24": 2,
      "plenary-9.13": 2,
      "committee-5-2.23": 2,
      "committee-5-3.10": 2,
      "committee-5-4.9": 2,
      "plenary-2012-12-10-1930.15": 2,
      "committee-5-3.14": 2,
      "plenary-2.16": 2,
      "committee-5-3.12": 2,
      "committee-5-4.7": 2,
      "plenary-2.2": 2,
      "committee-5-3.9": 1,
      "committee-5-4.17": 1,
      "committee-5-1.19": 1,
      "plenary-2.6": 1,
      "committee-5-2.21": 1,
      "plenary-9.11": 1,
      "plenary-1.26": 1,
      "plenary-13.18": 1,
      "plenary-13.4": 1,
      "committee-5-4.25": 1,
      "plenary-2.4": 1,
    },
  },
  {
    q: "egypt",
    grades: {
      "working-group-6.4": 2,
      "committee-5-2.5": 2,
      "plenary-3.1": 2,
      "plenary-2012-12-10-1930.1": 2,
      "plenary-3.3": 1,
    },
  },
  {
    q: "human rights",
    grades: {
      "committee-5-2.11": 2,
      "committee-5-2.13": 2,
      "plenary-7.15": 2,
      "committee-5-2.17": 2,
      "plenary-13.12": 2,
      "plenary-2012-12-10-1930.7": 2,
      "committee-5-2.9": 2,
      "working-group-5.3": 2,
      "plenary-9.7": 2,
      "plenary-2012-12-10-1930.11": 2,
      "plenary-7.11": 2,
      "plenary-2012-12-10-1930.9": 2,
      "plenary-7.7": 1,
      "plenary-7.3": 1,
      "working-group-6.2": 1,
      "plenary-13.2": 1,
    },
  },
  {
    q: "roaming",
    grades: {
      "plenary-2.20": 2,
      "committee-5-3.24": 2,
      "committee-5-3.22": 2,
      "committee-5-4.13": 2,
      "plenary-9.3": 2,
      "plenary-1.18": 2,
      "plenary-2.8": 2,
      "plenary-2.6": 1,
      "plenary-13.4": 1,
      "committee-5-3.16": 1,
    },
  },
];

/** Discounted cumulative gain of graded ranks (gain 2^g - 1, discount log2(rank + 1)). */
export function dcg(grades: readonly number[], at = NDCG_AT): number {
  return grades
    .slice(0, at)
    .reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0);
}

/** nDCG@at of a ranking (utterance ids, best first) against a judged query. */
export function ndcg(ranking: readonly string[], judged: Judged, at = NDCG_AT): number {
  const ideal = dcg(
    Object.values(judged.grades).sort((a, b) => b - a),
    at,
  );
  return ideal === 0
    ? 0
    : dcg(
        ranking.map((id) => judged.grades[id] ?? 0),
        at,
      ) / ideal;
}

/** The relevance order of a query's matches, with or without the substance rule. */
export function ranking(corpus: Corpus, q: string, withRule: boolean): string[] {
  const matches = matchQuery(corpus, prepareQuery(corpus, q));
  const scored: Match[] = withRule
    ? matches
    : matches.map((m) => ({ ...m, score: m.score / substanceWeight(corpus, m.ordinal) }));
  return sortMatches(scored, "relevance").map((m) => utteranceId(corpus, m.ordinal));
}

/** nDCG@10 per judged query, before and after the rule, and their means. */
export interface RelevanceReport {
  at: number;
  queries: { q: string; before: number; after: number }[];
  mean: { before: number; after: number };
}

export function relevanceReport(
  corpus: Corpus,
  judged: readonly Judged[] = JUDGED,
): RelevanceReport {
  const queries = judged.map((j) => ({
    q: j.q,
    before: ndcg(ranking(corpus, j.q, false), j),
    after: ndcg(ranking(corpus, j.q, true), j),
  }));
  const mean = (key: "before" | "after") =>
    queries.reduce((sum, row) => sum + row[key], 0) / Math.max(1, queries.length);
  return { at: NDCG_AT, queries, mean: { before: mean("before"), after: mean("after") } };
}

/** The bundled sample (transcripts/), built in memory as `npm run build` would. */
export async function bundledCorpus(transcriptsDir = "transcripts"): Promise<Corpus> {
  const { records } = await readSessionRecords(transcriptsDir);
  const files = buildAssets(records, listSpeakerAliases()).files;
  return openCorpus(async (name) => {
    const text = files.get(name);
    if (text === undefined) throw new Error(`bench: no built asset ${name}`);
    return text;
  });
}

/** The report as a table. */
export function formatRelevance(report: RelevanceReport): string {
  const rows = report.queries.map(
    (row) => `  ${row.q.padEnd(16)} ${row.before.toFixed(3)}  ${row.after.toFixed(3)}`,
  );
  return [
    `nDCG@${report.at} on the judged queries over the bundled SYNTHETIC sample (bench/relevance.ts), before -> after the ranking-of-substance rule:`,
    `  ${"query".padEnd(16)} before after`,
    ...rows,
    `  ${"mean".padEnd(16)} ${report.mean.before.toFixed(3)}  ${report.mean.after.toFixed(3)}`,
  ].join("\n");
}
