import { describe, expect, it, test } from "vitest";
import {
  DEFAULT_CACHE_DIR,
  DEFAULT_INDEX_URLS,
  DEFAULT_OUT_DIR,
  DEFAULT_WAYBACK_URL,
  parseFetchArgs,
} from "../../ingest/fetch/options";

describe("parseFetchArgs", () => {
  it("defaults to the ITU's WCIT-12 pages, transcripts/, the archive on", () => {
    const options = parseFetchArgs([]);
    expect(options).toMatchObject({
      indexUrls: [...DEFAULT_INDEX_URLS],
      outDir: DEFAULT_OUT_DIR,
      cacheDir: DEFAULT_CACHE_DIR,
      concurrency: 2,
      depth: 2,
      all: false,
      wayback: true,
      waybackUrl: DEFAULT_WAYBACK_URL,
    });
    expect(options.indexUrls[0]).toBe("https://www.itu.int/en/wcit-12/Pages/default.aspx");
  });

  it("reads every flag, both as two words and with =", () => {
    const options = parseFetchArgs([
      "--fetch",
      "--index-url",
      "http://127.0.0.1:9000/en/wcit-12/Pages/default.aspx#top",
      "--index-url=http://127.0.0.1:9000/osg/wcit-12/highlights/dec04.html",
      "--out",
      "/tmp/out",
      "--cache=/tmp/cache",
      "--concurrency",
      "1",
      "--delay",
      "250",
      "--depth=3",
      "--all",
      "--no-wayback",
      "--wayback-url",
      "http://127.0.0.1:9001/",
    ]);
    expect(options).toMatchObject({
      indexUrls: [
        "http://127.0.0.1:9000/en/wcit-12/Pages/default.aspx",
        "http://127.0.0.1:9000/osg/wcit-12/highlights/dec04.html",
      ],
      outDir: "/tmp/out",
      cacheDir: "/tmp/cache",
      concurrency: 1,
      delayMs: 250,
      depth: 3,
      all: true,
      wayback: false,
      waybackUrl: "http://127.0.0.1:9001",
    });
  });

  it("accepts a concurrency above 2 (the HTTP layer caps it at 2 per host)", () => {
    expect(parseFetchArgs(["--concurrency", "8"]).concurrency).toBe(8);
  });

  describe("bad input names the flag", () => {
    test.each([
      [["--index-url"], /^fetch: --index-url: missing value/],
      [["--index-url", "--all"], /^fetch: --index-url: missing value/],
      [["--index-url", "not a url"], /^fetch: --index-url: not a URL/],
      [["--index-url", "ftp://x/y"], /^fetch: --index-url: expected an http\(s\) URL/],
      [["--out", ""], /^fetch: --out: empty directory name/],
      [["--cache"], /^fetch: --cache: missing value/],
      [["--concurrency", "0"], /^fetch: --concurrency: expected a whole number >= 1/],
      [["--concurrency", "two"], /^fetch: --concurrency: expected a whole number/],
      [["--delay", "-5"], /^fetch: --delay: expected a whole number >= 0/],
      [["--delay", "1.5"], /^fetch: --delay: expected a whole number >= 0/],
      [["--depth", "x"], /^fetch: --depth: expected a whole number >= 0/],
      [["--all=yes"], /^fetch: --all: takes no value/],
      [["--wayback-url", "mailto:x"], /^fetch: --wayback-url: expected an http\(s\) URL/],
      [["--sources", "x"], /^fetch: unknown option "--sources"/],
      [["plenary.docx"], /^fetch: unknown option "plenary.docx"/],
    ])("%j", (args, message) => {
      expect(() => parseFetchArgs(args)).toThrow(message);
    });
  });
});
