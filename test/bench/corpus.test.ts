import { describe, expect, it } from "vitest";
import { generateCorpus, UTTERANCES_PER_SCALE } from "../../bench/corpus";

const SMALL = 0.02; // 600 utterances

describe("generateCorpus", () => {
  it("is deterministic: the same seed and scale give identical records", () => {
    const a = generateCorpus({ scale: SMALL, seed: 7 });
    const b = generateCorpus({ scale: SMALL, seed: 7 });
    expect(JSON.stringify(b.records)).toBe(JSON.stringify(a.records));
  });

  it("gives different text for another seed", () => {
    const a = generateCorpus({ scale: SMALL, seed: 7 });
    const b = generateCorpus({ scale: SMALL, seed: 8 });
    expect(b.records[0]?.utterances[1]?.text).not.toBe(a.records[0]?.utterances[1]?.text);
  });

  it("produces scale x 30,000 utterances with unique ids, flagged synthetic", () => {
    const corpus = generateCorpus({ scale: 0.1 });
    expect(corpus.utterances).toBe(0.1 * UTTERANCES_PER_SCALE);
    const ids = corpus.records.flatMap((r) => r.utterances.map((u) => u.id));
    expect(ids).toHaveLength(corpus.utterances);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(corpus.records.map((r) => r.id)).size).toBe(corpus.records.length);
    for (const record of corpus.records) {
      expect(record.synthetic).toBe(true);
      expect(record.notice).toMatch(/SYNTHETIC SAMPLE/);
      expect(record.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      record.utterances.forEach((u, seq) => {
        expect(u.seq).toBe(seq);
        expect(u.id).toBe(`${record.id}.${seq}`);
      });
    }
  });

  it("has realistic turn lengths: mostly 20-120 words, some long ones", () => {
    const corpus = generateCorpus({ scale: 0.1 });
    const lengths = corpus.records.flatMap((r) =>
      r.utterances.map((u) => u.text.split(" ").length),
    );
    const within = lengths.filter((n) => n >= 20 && n <= 120).length / lengths.length;
    expect(within).toBeGreaterThan(0.5);
    expect(lengths.filter((n) => n > 300).length).toBeGreaterThan(10);
  });

  it("keeps offsets exact: annotations, document references, source spans", () => {
    const corpus = generateCorpus({ scale: 0.1, seed: 3 });
    let annotations = 0;
    let documents = 0;
    for (const record of corpus.records) {
      let previousEnd = -1;
      for (const u of record.utterances) {
        for (const a of u.annotations) {
          expect(u.text.slice(a.start, a.end)).toBe(a.text);
          annotations++;
        }
        for (const d of u.documents) {
          expect(u.text.slice(d.start, d.end)).toBe(d.raw);
          documents++;
        }
        expect(u.source.end - u.source.start).toBe(u.text.length);
        expect(u.source.start).toBeGreaterThan(previousEnd);
        previousEnd = u.source.end;
      }
      expect(record.source.bytes).toBeGreaterThan(previousEnd);
    }
    expect(annotations).toBeGreaterThan(0);
    expect(documents).toBeGreaterThan(0);
  });

  it("speaks with delegations (ISO alpha-3 ids), the chair and the secretariat, and repeats the conference phrases", () => {
    const corpus = generateCorpus({ scale: 0.1 });
    const speakers = new Map<string, number>();
    let text = "";
    for (const record of corpus.records) {
      for (const u of record.utterances) {
        speakers.set(u.speaker.id, (speakers.get(u.speaker.id) ?? 0) + 1);
        if (u.speaker.kind === "delegation") expect(u.speaker.id).toMatch(/^[A-Z]{3}$/);
        text += u.text.toLowerCase() + "\n";
      }
    }
    expect(speakers.get("chair")).toBeGreaterThan(corpus.utterances * 0.2);
    expect(speakers.get("secretariat")).toBeGreaterThan(0);
    expect([...speakers.keys()].filter((id) => /^[A-Z]{3}$/.test(id)).length).toBeGreaterThan(30);
    expect(text).toContain("recognized operating agencies");
    expect(text).toContain("recognised operating agencies");
    expect(text).toContain("security and robustness of networks");
    expect(text).toContain("unsolicited bulk electronic communications");
  });

  it.each([[0], [-1], [Number.NaN], [Number.POSITIVE_INFINITY]])(
    "rejects scale %s naming the parameter",
    (scale) => {
      expect(() => generateCorpus({ scale })).toThrow(/^corpus: scale/);
    },
  );
});
