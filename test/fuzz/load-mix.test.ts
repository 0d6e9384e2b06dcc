/**
 * The request mix of the load run (bench/load/queries.ts), sent through app.request() over the
 * fuzz corpus: every ordinary request is answered 200, every adversarial one gets the status it
 * is tagged with (a 400 naming the parameter), the mix is deterministic, and the load run's
 * options are checked. No timing here: speed is measured by `npm run bench:load` only.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { namesParameter } from "../../bench/load/drive";
import { LOAD_DEFAULTS, parseLoadOptions } from "../../bench/load/options";
import { DEFAULT_SLICE_MS } from "../../src/search/scheduler";
import {
  ORDINARY_CLASSES,
  adversarialRequests,
  mixRequests,
  ordinaryRequests,
} from "../../bench/load/queries";
import { readCorpusWords } from "../../bench/load/words";
import { type FuzzApp, fuzzApp, fuzzRecords } from "./fuzz-app";

let fuzz: FuzzApp;
beforeAll(() => {
  fuzz = fuzzApp();
});
afterAll(() => fuzz.cleanup());

const SEED = 7;

describe("the load run's requests", () => {
  const words = readCorpusWords(fuzzRecords(), SEED);
  const ordinary = ordinaryRequests(words, SEED, 40);
  const adversarial = adversarialRequests(words, SEED);

  test("are the same for the same corpus and seed, and differ for another seed", () => {
    expect(ordinaryRequests(readCorpusWords(fuzzRecords(), SEED), SEED, 40)).toEqual(ordinary);
    expect(adversarialRequests(words, SEED)).toEqual(adversarial);
    expect(ordinaryRequests(words, SEED + 1, 40)).not.toEqual(ordinary);
  });

  test("cover every ordinary class evenly and mix adversarial ones in at the share asked", () => {
    for (const cls of ORDINARY_CLASSES)
      expect(ordinary.filter((r) => r.cls === cls)).toHaveLength(40);
    const mixed = mixRequests(ordinary, adversarial, 0.2, SEED, 5000);
    const share = mixed.filter((r) => r.kind === "adversarial").length / mixed.length;
    expect(share).toBeGreaterThan(0.18);
    expect(share).toBeLessThan(0.22);
    expect(new Set(adversarial.map((r) => r.cls)).size).toBeGreaterThanOrEqual(15);
  });

  test("every ordinary request is answered 200", async () => {
    for (const request of ordinary) {
      const response = await fuzz.app.request(`http://127.0.0.1${request.path}`);
      const body = await response.text();
      expect(response.status, `${request.cls} ${request.path}: ${body.slice(0, 200)}`).toBe(200);
    }
  });

  test("every adversarial request gets its status; refusals name the parameter", async () => {
    for (const request of adversarial) {
      const response = await fuzz.app.request(`http://127.0.0.1${request.path}`);
      const body = await response.text();
      expect(response.status, `${request.cls} ${request.path}: ${body.slice(0, 200)}`).toBe(
        request.expect,
      );
      if (request.expect === 400) expect(namesParameter(body), body).toBe(true);
    }
  });
});

describe("load run options", () => {
  test("defaults: 50 connections, 30 s, the bundled sample", () => {
    const options = parseLoadOptions([]);
    expect(options).toMatchObject({
      duration: LOAD_DEFAULTS.duration,
      connections: 50,
      scale: null,
      json: null,
      sliceMs: DEFAULT_SLICE_MS,
      rate: null,
    });
    expect(LOAD_DEFAULTS.duration).toBe(30);
  });

  test("values are parsed; bad ones are refused naming the flag", () => {
    expect(
      parseLoadOptions([
        "--duration",
        "5",
        "--connections",
        "8",
        "--scale",
        "0.5",
        "--json",
        "x.json",
        "--slice",
        "0",
        "--rate",
        "120",
      ]),
    ).toMatchObject({
      duration: 5,
      connections: 8,
      scale: 0.5,
      json: "x.json",
      sliceMs: 0,
      rate: 120,
    });
    expect(() => parseLoadOptions(["--rate", "0"])).toThrow(/--rate/);
    expect(() => parseLoadOptions(["--slice", "-1"])).toThrow(/--slice/);
    expect(() => parseLoadOptions(["--duration", "0"])).toThrow(/--duration/);
    expect(() => parseLoadOptions(["--connections", "2.5"])).toThrow(/--connections/);
    expect(() => parseLoadOptions(["--scale"])).toThrow(/--scale needs a value/);
    expect(() => parseLoadOptions(["--adversarial", "1"])).toThrow(/--adversarial/);
    expect(() => parseLoadOptions(["--max-requests", "10"])).toThrow(/--max-requests/);
    expect(() => parseLoadOptions(["--host", "0.0.0.0"])).toThrow(/unknown option "--host"/);
  });
});
