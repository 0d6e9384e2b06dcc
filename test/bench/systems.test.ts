import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/corpus";
import { artifactBytes, matchDigest } from "../../bench/measure";
import { generateQueries } from "../../bench/queries";
import { linearScan } from "../../bench/systems/linear-scan";
import { minisearchStock } from "../../bench/systems/minisearch-stock";
import { DEFAULT_SYSTEMS, loadSystem, PEERS, SYSTEM_NAMES } from "../../bench/systems/registry";

const corpus = generateCorpus({ scale: 0.03, seed: 5 });
const queries = generateQueries(corpus, { perClass: 40 });

describe("reference systems", () => {
  const stock = minisearchStock.load(artifactBytes(minisearchStock.build(corpus.records)));
  const scan = linearScan.load(artifactBytes(linearScan.build(corpus.records)));

  it("stock MiniSearch and the linear scan find the same utterances for every query", () => {
    for (const q of queries) {
      expect({ q: q.text, total: minisearchStock.query(stock, q).total }).toEqual({
        q: q.text,
        total: linearScan.query(scan, q).total,
      });
    }
  });

  it("return at most `limit` ids; chronological results in corpus order", () => {
    const order = new Map(
      corpus.records.flatMap((r) => r.utterances.map((u) => u.id)).map((id, i) => [id, i]),
    );
    for (const q of queries) {
      const a = minisearchStock.query(stock, q);
      const b = linearScan.query(scan, q);
      expect(a.ids.length).toBe(Math.min(q.limit, a.total));
      if (q.sort === "chronological") {
        expect(a.ids).toEqual(b.ids);
        const ranks = a.ids.map((id) => order.get(id)!);
        expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
      }
    }
  });

  it("apply filters to every result", () => {
    const speakerOf = new Map(
      corpus.records.flatMap((r) => r.utterances.map((u) => [u.id, u.speaker.id] as const)),
    );
    for (const q of queries.filter((q) => q.filter?.speaker !== undefined)) {
      for (const id of minisearchStock.query(stock, q).ids)
        expect(speakerOf.get(id)).toBe(q.filter!.speaker);
    }
  });

  it("refuse an artifact without their file, naming it", () => {
    expect(() => minisearchStock.load({})).toThrow(/minisearch-stock: artifact has no index.json/);
    expect(() => linearScan.load({})).toThrow(/linear-scan: artifact has no utterances.json/);
  });

  it("list every match, as many as their total says", () => {
    for (const q of queries) {
      expect(minisearchStock.matches(stock, q)).toHaveLength(minisearchStock.query(stock, q).total);
      expect(linearScan.matches(scan, q)).toHaveLength(linearScan.query(scan, q).total);
    }
  });

  it("registry knows every system, the peers among them, and names them on an unknown one", async () => {
    expect(PEERS).toEqual(["minisearch-stock", "sqlite-fts5", "flexsearch", "orama"]);
    expect(DEFAULT_SYSTEMS).toEqual(["ours", ...PEERS, "linear-scan"]);
    expect(SYSTEM_NAMES).toEqual([
      "ours",
      "ours-exhaustive",
      "ours-minisearch",
      "minisearch-stock",
      "sqlite-fts5",
      "flexsearch",
      "orama",
      "linear-scan",
    ]);
    await expect(loadSystem("nope")).rejects.toThrow(
      /unknown system "nope"; known: ours, ours-exhaustive, ours-minisearch, minisearch-stock, sqlite-fts5, flexsearch, orama, linear-scan/,
    );
  });
});

describe("ours (the issue-4 engine through the adapter)", () => {
  it.each([["ours"], ["ours-exhaustive"], ["ours-minisearch"]])(
    "%s finds the same utterances as the linear scan, from the query as typed",
    async (name) => {
      const system = await loadSystem(name);
      const instance = await system.load(artifactBytes(await system.build(corpus.records)));
      const scan = linearScan.load(artifactBytes(linearScan.build(corpus.records)));
      for (const q of queries) {
        const result = await system.query(instance, q);
        expect({ q: q.text, total: result.total }).toEqual({
          q: q.text,
          total: linearScan.query(scan, q).total,
        });
        expect(result.ids.length).toBe(Math.min(q.limit, result.total));
        expect(matchDigest(await system.matches(instance, q))).toBe(
          matchDigest(linearScan.matches(scan, q)),
        );
      }
    },
  );
});
