import { describe, expect, it, test } from "vitest";
import {
  DEFAULT_CACHE_DIR,
  DEFAULT_OUT_DIR,
  DEFAULT_WAYBACK_URL,
  parseFetchArgs,
} from "../../ingest/fetch/options";
import { PP_14 } from "../../src/conferences/pp-14";
import { WCIT_12 } from "../../src/conferences/wcit-12";

describe("parseFetchArgs", () => {
  it("defaults to the WCIT-12 profile's pages and archive folders, transcripts/, the archive on", () => {
    const options = parseFetchArgs([]);
    expect(options).toMatchObject({
      conference: "wcit-12",
      indexUrls: [...WCIT_12.sources.startUrls],
      archivePrefixes: [...WCIT_12.sources.archivePrefixes],
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

  it("--conference picks the profile: its start pages and archive folders, wherever the flag is", () => {
    for (const args of [
      ["--conference", "pp-14"],
      ["--all", "--conference=pp-14"],
    ]) {
      expect(parseFetchArgs(args)).toMatchObject({
        conference: "pp-14",
        indexUrls: [...PP_14.sources.startUrls],
        archivePrefixes: [...PP_14.sources.archivePrefixes],
      });
    }
  });

  it("--index-url overrides the profile's start pages, not its conference or archive folders", () => {
    const options = parseFetchArgs([
      "--index-url",
      "http://127.0.0.1:9000/a/Pages/x.aspx",
      "--conference",
      "pp-14",
    ]);
    expect(options.indexUrls).toEqual(["http://127.0.0.1:9000/a/Pages/x.aspx"]);
    expect(options.conference).toBe("pp-14");
    expect(options.archivePrefixes).toEqual([...PP_14.sources.archivePrefixes]);
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
      [
        ["--conference", "wcit-13"],
        /^fetch: --conference: unknown conference "wcit-13"; known: wcit-12, wtpf-13, pp-14/,
      ],
      [
        ["--conference=nope"],
        /^fetch: --conference: unknown conference "nope"; known: wcit-12, wtpf-13, pp-14/,
      ],
      [["--conference"], /^fetch: --conference: missing value/],
      [["--sources", "x"], /^fetch: unknown option "--sources"/],
      [["plenary.docx"], /^fetch: unknown option "plenary.docx"/],
    ])("%j", (args, message) => {
      expect(() => parseFetchArgs(args)).toThrow(message);
    });
  });
});
