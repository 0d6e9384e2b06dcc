import { describe, expect, test } from "vitest";
import { conferenceIds } from "../../src/conferences/registry";
import { QueryError } from "../../src/search/errors";
import { MAX_QUERY_LENGTH, type ParsedQuery, parseQuery } from "../../src/search/query";

/** A compact description of a parsed query, for tables. */
function describeQuery(query: ParsedQuery): string {
  const term = (t: ParsedQuery["groups"][number][number]) => {
    switch (t.type) {
      case "phrase":
        return `"${t.phrase}"`;
      case "proximity":
        return `"${t.terms.join(" ")}"~${t.distance}`;
      case "word":
        return `${t.terms.join("+")}${t.prefix ? "*" : ""}${t.fuzzy ? `~${t.fuzzy}` : ""}`;
      default:
        return t satisfies never;
    }
  };
  const parts = query.groups.map((group) => group.map(term).join("|"));
  for (const t of query.exclude) parts.push(`-${term(t)}`);
  const f = query.filters;
  if (f.conference.length) parts.push(`conference=${f.conference.join(",")}`);
  if (f.speaker.length) parts.push(`speaker=${f.speaker.join(",")}`);
  if (f.session.length) parts.push(`session=${f.session.join(",")}`);
  if (f.body.length) parts.push(`body=${f.body.join(",")}`);
  if (f.kind.length) parts.push(`kind=${f.kind.join(",")}`);
  if (f.from || f.to) parts.push(`date=${f.from ?? ""}..${f.to ?? ""}`);
  return parts.join(" ");
}

describe("parseQuery: valid queries", () => {
  test.each([
    ["human rights", "human rights"],
    ['"Human  Rights"', '"human rights"'],
    ['"human rights" internet', '"human rights" internet'],
    ["rights OR divide", "rights|divide"],
    ["internet rights OR divide", "internet rights|divide"],
    ["a OR b OR c", "a|b|c"],
    ['"digital divide" OR roaming', '"digital divide"|roaming'],
    ["rights -content", "rights -content"],
    ['rights -"human rights"', 'rights -"human rights"'],
    ["regul*", "regul*"],
    ["governance~", "governance~2"],
    ["govern~", "govern~1"],
    ["govern~1", "govern~1"],
    ["governed~2", "governed~2"],
    ["DT/30", "dt+30"],
    ['"Member States measures"~5', '"member states measures"~5'],
    ['"member measures"~0 OR spam', '"member measures"~0|spam'],
    ['rights -"human rights"~3', 'rights -"human rights"~3'],
    ["speaker:iran rights", "rights speaker=iran"],
    ['speaker:"saudi arabia" roaming', "roaming speaker=saudi arabia"],
    ["speaker:IRN speaker:EGY", "speaker=IRN,EGY"],
    ["session:plenary-1 body:plenary kind:chair", "session=plenary-1 body=plenary kind=chair"],
    ["conference:pp-14 spam", "spam conference=pp-14"],
    ["conference:PP-14 conference:wcit-12", "conference=pp-14,wcit-12"],
    ["conference:wcit-12 body:committee-6", "conference=wcit-12 body=committee-6"],
    ["date:2012-12-04", "date=2012-12-04..2012-12-04"],
    ["date:2012-12-03..2012-12-05", "date=2012-12-03..2012-12-05"],
    ["date:2012-12-05..", "date=2012-12-05.."],
    ["from:2012-12-04 to:2012-12-10", "date=2012-12-04..2012-12-10"],
    ["date:2012-12-03..2012-12-10 from:2012-12-05", "date=2012-12-05..2012-12-10"],
    ["14:30 meeting", "14+30 meeting"],
    ["US & Canada", "us canada"],
    ["note: agreed", "note agreed"],
    ["--rights", "-rights"],
    ["", ""],
  ])("%j", (q, expected) => {
    expect(describeQuery(parseQuery(q))).toBe(expected);
  });

  test("counts every word of a proximity as a term", () => {
    expect(parseQuery('"one two three"~4 four').termCount).toBe(4);
  });

  test("counts every word of a phrase as a term", () => {
    expect(parseQuery('"one two three" four').termCount).toBe(4);
  });
});

describe("parseQuery: malformed or beyond bounds -> QueryError naming q", () => {
  test.each([
    ["x".repeat(MAX_QUERY_LENGTH + 1), /at most 200/],
    ["a b c d e f g h i j k", /11 terms; at most 10/],
    ['"a b c d e f" g h i j k', /11 terms/],
    ['"unterminated', /unterminated quote/],
    ['speaker:"saudi', /unterminated quote/],
    ['""', /has no words/],
    ['" , "', /has no words/],
    ["ab*", /at least 3 characters/],
    ["*", /at least 3 characters/],
    ["gove~", /at least 5 characters/],
    ["governance~3", /must be 1 or 2/],
    ["governance~0", /must be 1 or 2/],
    ["govern~2", /distance 2 .* needs a word of at least 8 characters/],
    ["regul*~", /needs a word of at least 5|cannot be both/],
    ["dt/30*", /must be one word/],
    ["OR rights", /needs a search term before it/],
    ["rights OR", /needs a search term after it/],
    ["rights OR OR divide", /needs a search term before it/],
    ["rights OR -divide", /OR cannot join an exclusion/],
    ["rights OR speaker:iran", /cannot join a filter/],
    ["colour:red", /unknown filter "colour:"/],
    ["-speaker:iran", /cannot be excluded/],
    ["body:council", /unknown body/],
    ["conference:wcit-13", /unknown conference "wcit-13"; expected one of wcit-12, .*pp-14/],
    ["-conference:pp-14", /cannot be excluded/],
    ["kind:king", /unknown speaker kind/],
    ["date:2012-13-01", /not a date|not a calendar date/],
    ["date:2012-02-30", /not a calendar date/],
    ["date:12/03/2012", /not a date/],
    ["date:..", /has no ends/],
    ["date:2012-12-10..2012-12-03", /date range is empty/],
    ["rights\u0000", /control characters/],
    ['"human rights"~', /needs a distance from 0 to 50/],
    ['"human rights"~51', /needs a distance from 0 to 50/],
    ['" , "~2', /has no words/],
  ])("%j", (q, message) => {
    let error: unknown;
    try {
      parseQuery(q);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(QueryError);
    expect((error as QueryError).parameter).toBe("q");
    expect((error as QueryError).message).toMatch(/^q: /);
    expect((error as QueryError).message).toMatch(message);
  });

  test("an unknown conference suggests the known ids", () => {
    expect(() => parseQuery("conference:busan")).toThrow(QueryError);
    try {
      parseQuery("conference:busan");
    } catch (error) {
      expect((error as QueryError).suggestions).toEqual(conferenceIds());
    }
  });

  test("errors name the parameter given", () => {
    expect(() => parseQuery("ab*", "phrase")).toThrow(/^phrase: /);
  });
});
