import { describe, expect, it } from "vitest";
import { parseOptions, QUICK } from "../../bench/options";
import { median, percentiles, quantile } from "../../bench/stats";

describe("stats", () => {
  it("interpolates quantiles between closest ranks", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10], 0.99)).toBe(10);
    expect(median([5, 1, 3])).toBe(3);
    const values = Array.from({ length: 101 }, (_, i) => i);
    expect(percentiles(values)).toEqual({ p50: 50, p99: 99 });
  });

  it("refuses no values and bad quantiles", () => {
    expect(() => quantile([], 0.5)).toThrow(/no values/);
    expect(() => quantile([1], 1.5)).toThrow(/within \[0, 1\]/);
  });
});

describe("bench options", () => {
  it("reads --scale, --json, --quick and --systems", () => {
    const o = parseOptions(["--scale", "10", "--json=out.json", "--systems", "linear-scan,ours"]);
    expect(o).toMatchObject({
      scale: 10,
      json: "out.json",
      systems: ["linear-scan", "ours"],
      quick: false,
    });
    expect(parseOptions(["--quick"])).toMatchObject({
      scale: QUICK.scale,
      rounds: QUICK.rounds,
      coldStarts: QUICK.coldStarts,
    });
  });

  it.each([
    [["--scale", "0"], /--scale: expected a positive number/],
    [["--rounds", "1.5"], /--rounds: expected a positive whole number/],
    [["--systems", "elastic"], /--systems: unknown system "elastic"/],
    [["--json"], /--json: expected a file name/],
    [["--fast"], /unknown option "--fast"/],
  ])("rejects %j naming the flag", (argv, message) => {
    expect(() => parseOptions(argv)).toThrow(message);
  });
});
