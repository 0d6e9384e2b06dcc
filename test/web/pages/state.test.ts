import { describe, expect, test } from "vitest";
import { QueryError } from "../../../src/search/errors";
import {
  EMPTY_STATE,
  MAX_PAGE,
  exportUrl,
  parseSearchState,
  searchUrl,
} from "../../../src/web/pages/search-state";
import { lastWord } from "../../../src/web/pages/suggest";
import { pageWindow } from "../../../src/web/views/pagination";

const parse = (query: string) => parseSearchState(new URLSearchParams(query));

describe("search state in the URL", () => {
  test("reads every parameter and ignores empty ones", () => {
    expect(
      parse(
        "q=roaming&conference=PP-14&speaker=EGY&session=&body=plenary&kind=chair&from=2012-12-03&to=2012-12-05&sort=chronological&page=3",
      ),
    ).toEqual({
      q: "roaming",
      conference: "pp-14",
      speaker: "EGY",
      session: null,
      body: "plenary",
      kind: "chair",
      from: "2012-12-03",
      to: "2012-12-05",
      sort: "chronological",
      page: 3,
      asTyped: false,
    });
    expect(parse("")).toEqual(EMPTY_STATE);
    expect(parse("utm_source=x").q).toBe("");
  });

  test.each([
    ["body=parliament", "body"],
    ["conference=wcit-13", "conference"],
    ["kind=president", "kind"],
    ["from=2012-02-30", "from"],
    ["to=yesterday", "to"],
    ["sort=random", "sort"],
    ["page=0", "page"],
    ["page=x", "page"],
    ["page=1234567", "page"],
  ])("%s is refused naming %s", (query, parameter) => {
    let error: unknown;
    try {
      parse(query);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(QueryError);
    expect((error as QueryError).parameter).toBe(parameter);
  });

  test("URLs round-trip, reset the page when anything else changes, and drop defaults", () => {
    const state = parse("q=a b&speaker=EGY&page=2");
    expect(searchUrl(state)).toBe("/?q=a+b&speaker=EGY");
    expect(searchUrl(state, { page: 3 })).toBe("/?q=a+b&speaker=EGY&page=3");
    expect(searchUrl(state, { speaker: null })).toBe("/?q=a+b");
    expect(
      parseSearchState(
        new URL(searchUrl(state, { page: 2, body: "plenary" }), "http://x").searchParams,
      ),
    ).toEqual({ ...state, body: "plenary", page: 2 });
    expect(searchUrl(EMPTY_STATE)).toBe("/");
  });

  test("a page past the core's reach is read (the page answers with the real page count)", () => {
    expect(parse(`page=${MAX_PAGE + 1}`).page).toBe(MAX_PAGE + 1);
  });

  test("as_typed keeps the words as typed and survives in URLs", () => {
    const state = parse("q=secrity&as_typed=1");
    expect(state.asTyped).toBe(true);
    expect(searchUrl(state)).toBe("/?q=secrity&as_typed=1");
  });

  test("export URLs are /api/export with the same filters, every result", () => {
    const state = parse("q=x&kind=chair&sort=chronological&page=4&as_typed=1");
    expect(exportUrl(state, "csv")).toBe(
      "/api/export?q=x&kind=chair&sort=chronological&format=csv",
    );
    expect(exportUrl(state, "json")).toBe(
      "/api/export?q=x&kind=chair&sort=chronological&format=json",
    );
  });
});

describe("suggestions and pagination helpers", () => {
  test.each([
    ["roaming speaker:eg", "roaming ", "speaker:eg"],
    ['"human rights" spe', '"human rights" ', "spe"],
    ['"human rig', "", '"human rig'],
    ["a  ", "a  ", ""],
  ])("lastWord(%j)", (input, head, word) => {
    expect(lastWord(input)).toEqual({ head, word });
  });

  test.each([
    [1, 1, [1]],
    [1, 10, [1, 2, 3, null, 10]],
    [5, 10, [1, 2, 3, 4, 5, 6, 7, null, 10]],
    [10, 10, [1, null, 8, 9, 10]],
    [4, 10, [1, 2, 3, 4, 5, 6, null, 10]],
    [4, 7, [1, 2, 3, 4, 5, 6, 7]],
  ])("pageWindow(%i, %i)", (page, pages, expected) => {
    expect(pageWindow(page, pages)).toEqual(expected);
  });
});
