import { describe, expect, it, test } from "vitest";
import { fullJitterDelay, parseRetryAfter } from "../../ingest/fetch/backoff";
import {
  captureUrl,
  cdxQueryUrl,
  isArchiveUrl,
  isCaptureUrl,
  parseCdx,
} from "../../ingest/fetch/wayback";

const NOW = Date.parse("2024-01-01T00:00:00Z");

describe("parseRetryAfter", () => {
  test.each([
    ["1", 1000],
    [" 120 ", 120_000],
    ["0", 0],
    ["Mon, 01 Jan 2024 00:00:30 GMT", 30_000],
    ["Sun, 31 Dec 2023 23:00:00 GMT", 0], // in the past: no wait
  ])("%j -> %d ms", (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });

  test.each([[null], [undefined], [""], ["soon"], ["-1"], ["1.5"]])("%j is unreadable", (value) => {
    expect(parseRetryAfter(value, NOW)).toBeNull();
  });
});

describe("fullJitterDelay", () => {
  it("is uniform between 0 and min(cap, base * 2^retry)", () => {
    expect(fullJitterDelay(0, 100, 10_000, () => 0)).toBe(0);
    expect(fullJitterDelay(0, 100, 10_000, () => 0.999999)).toBe(99);
    expect(fullJitterDelay(3, 100, 10_000, () => 0.5)).toBe(400);
    expect(fullJitterDelay(10, 100, 10_000, () => 0.5)).toBe(5000); // capped
  });

  it("stays within its ceiling for random draws", () => {
    for (let retry = 0; retry < 6; retry++) {
      for (let i = 0; i < 50; i++) {
        const d = fullJitterDelay(retry, 1000, 30_000);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(Math.min(30_000, 1000 * 2 ** retry));
      }
    }
  });
});

describe("wayback addresses", () => {
  const BASE = "https://web.archive.org";
  const URL_ = "https://www.itu.int/en/wcit-12/Documents/dec14/plenary17.docx";

  it("builds the CDX query: JSON, status 200 only, the newest captures", () => {
    const q = new URL(cdxQueryUrl(`${BASE}/`, URL_, 3));
    expect(q.origin + q.pathname).toBe("https://web.archive.org/cdx/search/cdx");
    expect(q.searchParams.get("url")).toBe(URL_);
    expect(q.searchParams.get("output")).toBe("json");
    expect(q.searchParams.get("filter")).toBe("statuscode:200");
    expect(q.searchParams.get("limit")).toBe("-3");
  });

  it("asks for the original bytes with id_", () => {
    const address = captureUrl(BASE, {
      timestamp: "20121215093000",
      original: URL_,
      mimetype: null,
      statuscode: "200",
    });
    expect(address).toBe(`https://web.archive.org/web/20121215093000id_/${URL_}`);
    expect(isCaptureUrl(BASE, address)).toBe(true);
    expect(isArchiveUrl(BASE, address)).toBe(true);
    expect(isCaptureUrl(BASE, `${BASE}/web/2012id_/${URL_}`)).toBe(false);
    expect(isArchiveUrl(BASE, URL_)).toBe(false);
    expect(isArchiveUrl(BASE, cdxQueryUrl(BASE, URL_, 1))).toBe(true);
  });
});

describe("parseCdx", () => {
  const header = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"];

  it("returns the captures newest first", () => {
    const body = JSON.stringify([
      header,
      ["k", "20121210000000", "http://a/x.docx", "application/msword", "200", "D1", "10"],
      ["k", "20130101000000", "http://a/x.docx", "application/msword", "200", "D2", "11"],
    ]);
    expect(parseCdx(body).map((c) => c.timestamp)).toEqual(["20130101000000", "20121210000000"]);
    expect(parseCdx(body)[0]).toEqual({
      timestamp: "20130101000000",
      original: "http://a/x.docx",
      mimetype: "application/msword",
      statuscode: "200",
    });
  });

  it("reads the fields by the header row, in any order", () => {
    const body = JSON.stringify([
      ["original", "timestamp"],
      ["http://a/y.pdf", "20121212121212"],
    ]);
    expect(parseCdx(body)).toEqual([
      { timestamp: "20121212121212", original: "http://a/y.pdf", mimetype: null, statuscode: null },
    ]);
  });

  test.each([[""], ["[]"], ["  \n"]])("%j means no capture", (body) => {
    expect(parseCdx(body)).toEqual([]);
  });

  it("skips rows without a usable timestamp or URL", () => {
    const body = JSON.stringify([
      header,
      ["k", "2012", "http://a/x"],
      ["k", "20121212121212", ""],
      "junk",
    ]);
    expect(parseCdx(body)).toEqual([]);
  });

  describe("malformed answers", () => {
    test.each([
      ["<html>rate limited</html>", /^wayback: CDX answer is not JSON/],
      ['{"a":1}', /^wayback: CDX answer is not a JSON array/],
      ["[1,2]", /^wayback: CDX answer has no header row/],
      ['[["urlkey","digest"]]', /^wayback: CDX header lacks timestamp or original/],
    ])("%j", (body, message) => {
      expect(() => parseCdx(body)).toThrow(message);
    });
  });
});
