/**
 * The timeline chart across conferences: each conference's run of sessions is a labelled group
 * (its short name above its bands, a rule between groups, a conference column in the table);
 * a chart of one conference draws no groups.
 */
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { TimelineChart, conferenceRuns } from "../../src/web/views/timeline-chart";

const render = async (node: unknown): Promise<string> => String(await node);

const sessions = [
  {
    id: "plenary-3",
    conference: "wcit-12",
    body: "plenary",
    number: 3,
    date: "2012-12-04",
    time: "14:30",
  },
  {
    id: "committee-5-1",
    conference: "wcit-12",
    body: "committee-5",
    number: 1,
    date: "2012-12-04",
    time: null,
  },
  {
    id: "pp-14-committee-5-2014-10-27-0930",
    conference: "pp-14",
    body: "committee-5",
    number: null,
    date: "2014-10-27",
    time: "09:30",
  },
  {
    id: "pp-14-plenary-15",
    conference: "pp-14",
    body: "plenary",
    number: 15,
    date: "2014-11-03",
    time: "14:30",
  },
] as const;

describe("timeline chart grouped by conference", () => {
  it("finds the runs of consecutive sessions of one conference", () => {
    expect(conferenceRuns(sessions)).toEqual([
      { conference: "wcit-12", label: "WCIT-12", from: 0, to: 1 },
      { conference: "pp-14", label: "PP-14", from: 2, to: 3 },
    ]);
    expect(conferenceRuns([{ ...sessions[0], conference: null }])).toEqual([
      { conference: null, label: "Conference not identified", from: 0, to: 0 },
    ]);
  });

  it("labels each conference's bands, draws a rule between them, names them in the table", async () => {
    const html = await render(
      <TimelineChart
        id="g"
        title="A phrase across conferences"
        sessions={sessions}
        series={[{ name: '"enabling environment"', counts: [2, 0, 1, 1] }]}
      />,
    );
    const $ = load(html);
    expect($("svg").attr("data-conferences")).toBe("2");
    expect(
      $("svg .group-label")
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(["WCIT-12", "PP-14"]);
    expect($("svg .group-rule").length).toBe(1);
    // The PP-14 label stands over PP-14's bands: between the x of its first and last band.
    const bands = $("svg g.band");
    const bandX = (i: number) => Number(bands.eq(i).find("text.label").attr("x"));
    const ppX = Number($('.conference-group[data-conference="pp-14"] .group-label').attr("x"));
    expect(ppX).toBeGreaterThan(bandX(2) - 1);
    expect(ppX).toBeLessThan(bandX(3) + 1);
    const rule = Number($("svg .group-rule").attr("x1"));
    expect(rule).toBeGreaterThan(bandX(1));
    expect(rule).toBeLessThan(bandX(2));
    // The plot moves down to make room: no bar reaches above the group labels.
    const labelY = Number($("svg .group-label").first().attr("y"));
    for (const el of $("rect.mark").toArray()) {
      expect(Number($(el).attr("y"))).toBeGreaterThan(labelY);
    }
    expect($("figcaption").text()).toMatch(/^WCIT-12, then PP-14\. /);
    expect($(".chart-data thead th").first().text()).toBe("Conference");
    expect(
      $(".chart-data tbody tr")
        .map((_, el) => $(el).find("td").first().text())
        .get(),
    ).toEqual(["WCIT-12", "WCIT-12", "PP-14", "PP-14"]);
  });

  it("draws no groups for the sessions of one conference", async () => {
    const html = await render(
      <TimelineChart
        id="o"
        title="One conference"
        sessions={sessions.slice(0, 2)}
        series={[{ name: "x", counts: [1, 2] }]}
      />,
    );
    const $ = load(html);
    expect($("svg .group-label").length).toBe(0);
    expect($("svg").attr("data-conferences")).toBeUndefined();
    expect($(".chart-data thead th").first().text()).toBe("Session");
  });
});
