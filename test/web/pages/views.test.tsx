import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import type { Citation } from "../../../src/search/types";
import {
  citationLine,
  quoteForCopy,
  SYNTHETIC_CITATION_MARK,
} from "../../../src/web/views/citation";
import {
  formatDate,
  formatCount,
  ordinal,
  sessionName,
  sessionShortLabel,
} from "../../../src/web/views/format";
import { kwicParts, KwicLine } from "../../../src/web/views/kwic";
import { RichText, segmentText } from "../../../src/web/views/rich-text";
import {
  axisTicks,
  firstNonZero,
  niceMax,
  TimelineChart,
} from "../../../src/web/views/timeline-chart";

const render = async (node: unknown): Promise<string> => String(await node);

const sessions = [
  { id: "plenary-1", body: "plenary", number: 1, date: "2012-12-03", time: "14:30" },
  { id: "committee-5-1", body: "committee-5", number: 1, date: "2012-12-04", time: "18:30" },
  { id: "plenary-2", body: "plenary", number: 2, date: "2012-12-05", time: "09:30" },
  { id: "plenary-x", body: "plenary", number: null, date: "2012-12-10", time: "19:30" },
] as const;

describe("format", () => {
  it.each([
    ["2012-12-03", "3 Dec 2012"],
    ["2012-12-14", "14 Dec 2012"],
    [null, "date unknown"],
    ["2012-13-01", "date unknown"],
    ["garbage", "date unknown"],
  ])("formatDate(%s) = %s", (input, expected) => {
    expect(formatDate(input)).toBe(expected);
  });

  it.each([
    [1, "1st"],
    [2, "2nd"],
    [3, "3rd"],
    [4, "4th"],
    [11, "11th"],
    [12, "12th"],
    [13, "13th"],
    [17, "17th"],
    [21, "21st"],
    [102, "102nd"],
  ])("ordinal(%i) = %s", (n, expected) => {
    expect(ordinal(n)).toBe(expected);
  });

  it("names sessions with the core's rules (session-name.ts)", () => {
    expect(sessionName(sessions[0])).toBe("Plenary 1");
    expect(sessionName(sessions[1])).toBe("Committee 5, 1st meeting");
    expect(sessionName(sessions[3])).toBe("Plenary, 10 December 2012, evening (number not stated)");
    expect(sessionShortLabel(sessions[1])).toBe("C5·1");
    expect(sessionShortLabel(sessions[3])).toBe("P 10 Dec");
  });

  it("groups thousands", () => {
    expect(formatCount(999)).toBe("999");
    expect(formatCount(1234567)).toBe("1,234,567");
  });
});

describe("timeline chart", () => {
  it("scales to nice maxima with integer ticks", () => {
    expect([0, 1, 2, 3, 7, 11, 40, 101].map(niceMax)).toEqual([1, 1, 2, 5, 10, 20, 50, 200]);
    expect(axisTicks(3)).toEqual([0, 5]);
    expect(axisTicks(7)).toEqual([0, 5, 10]);
    expect(axisTicks(1)).toEqual([0, 1]);
    expect(firstNonZero([0, 0, 3, 1])).toBe(2);
    expect(firstNonZero([0, 0])).toBeNull();
  });

  it("draws one mark per session, bars proportional to counts, the first use marked", async () => {
    const html = await render(
      <TimelineChart
        id="t"
        title="Occurrences of a phrase"
        sessions={sessions}
        series={[{ name: '"digital divide"', counts: [0, 2, 4, 0] }]}
        hrefFor={(i) => `#s-${sessions[i]?.id ?? ""}`}
      />,
    );
    const $ = load(html, { xml: false });
    const marks = $("svg.timeline rect.mark");
    expect(marks.length).toBe(4);
    expect(marks.map((_, el) => $(el).attr("data-count")).get()).toEqual(["0", "2", "4", "0"]);
    expect(marks.map((_, el) => $(el).attr("data-session")).get()).toEqual(
      sessions.map((s) => s.id),
    );
    const heights = marks.map((_, el) => Number($(el).attr("height"))).get();
    // 2 and 4 on a 0..5 axis: the second bar is twice the first.
    expect((heights[2] ?? 0) / (heights[1] ?? 1)).toBeCloseTo(2, 5);
    expect($("rect.mark-zero").length).toBe(2);
    const first = $("rect.first-use");
    expect(first.length).toBe(1);
    expect(first.attr("data-session")).toBe("committee-5-1");
    expect($(".first-label").text()).toBe("first");
    // Zero marks do not link; bars link to their group.
    expect(
      $("svg a")
        .map((_, el) => $(el).attr("href"))
        .get(),
    ).toEqual(["#s-committee-5-1", "#s-plenary-2"]);
    // Accessible name and description; the table behind the chart.
    expect($("svg").attr("role")).toBe("img");
    expect($("svg title#t-title").text()).toBe("Occurrences of a phrase");
    expect($("svg desc").text()).toContain(
      "6 occurrences in 2 sessions, first in Committee 5, 1st meeting on 4 Dec 2012",
    );
    expect($(".chart-data tbody tr").length).toBe(4);
    expect($(".chart-data tbody tr").eq(1).text()).toContain("2 (first)");
    expect(
      $("svg .label")
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(["P1", "C5·1", "P2", "P 10 Dec"]);
  });

  it("draws two series side by side, each with its own first use", async () => {
    const html = await render(
      <TimelineChart
        id="c"
        title="Two phrases"
        sessions={sessions}
        series={[
          { name: "a", counts: [1, 0, 1, 0] },
          { name: "b", counts: [0, 0, 3, 1] },
        ]}
      />,
    );
    const $ = load(html);
    expect($("rect.mark").length).toBe(8);
    expect($("rect.series-0").length).toBe(4);
    expect($("rect.series-1").length).toBe(4);
    expect($("rect.first-use.series-0").attr("data-session")).toBe("plenary-1");
    expect($("rect.first-use.series-1").attr("data-session")).toBe("plenary-2");
    expect(
      $(".chart-legend li")
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(["a", "b"]);
    // The pair's bars do not overlap.
    const x0 = Number($('rect.series-0[data-session="plenary-2"]').attr("x"));
    const w0 = Number($('rect.series-0[data-session="plenary-2"]').attr("width"));
    const x1 = Number($('rect.series-1[data-session="plenary-2"]').attr("x"));
    expect(x0 + w0).toBeLessThanOrEqual(x1);
  });

  it("escapes series names and marks nothing when there is no occurrence", async () => {
    const html = await render(
      <TimelineChart
        id="e"
        title="<b>x</b>"
        sessions={sessions}
        series={[{ name: "<script>", counts: [0, 0, 0, 0] }]}
      />,
    );
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>x</b>");
    expect(html).toContain("&lt;script&gt;");
    expect(load(html)("rect.first-use").length).toBe(0);
  });
});

describe("keyword in context", () => {
  const text = "one two three four five six seven eight nine ten eleven twelve";
  it("cuts on word boundaries around the hit", () => {
    const start = text.indexOf("six");
    const parts = kwicParts(text, start, start + 3, 12);
    expect(parts.hit).toBe("six");
    expect(parts.left).toBe("four five ");
    expect(parts.right).toBe(" seven eight");
    expect(parts.cutLeft).toBe(true);
    expect(parts.cutRight).toBe(true);
    expect(parts.left + parts.hit + parts.right).toBe(
      text.slice(text.indexOf("four"), text.indexOf(" nine")),
    );
  });

  it("keeps everything when the text is short, and clamps bad offsets", () => {
    expect(kwicParts("a b c", 2, 3)).toEqual({
      left: "a ",
      hit: "b",
      right: " c",
      cutLeft: false,
      cutRight: false,
    });
    expect(kwicParts("abc", -5, 99).hit).toBe("abc");
  });

  it("renders escaped, with the hit marked", async () => {
    const html = await render(<KwicLine parts={kwicParts("x <i>y</i> z", 2, 10)} />);
    expect(html).toContain('<mark class="hit">&lt;i&gt;y&lt;/i&gt;</mark>');
  });
});

describe("rich text", () => {
  it("segments text at every span and gives the text back", () => {
    const text = "We note DT/30 rev 3 here. (Applause)";
    const doc = { id: "DT/30-REV3", raw: "DT/30 rev 3", start: 8, end: 19 };
    const ann = { text: "(Applause)", start: 26, end: 36, kind: "applause" };
    const segments = segmentText(
      text,
      [
        [3, 7],
        [8, 10],
        [50, 60],
      ],
      [ann],
      [doc],
    );
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(["note", "DT"]);
    expect(segments.find((s) => s.text === "DT")?.document?.id).toBe("DT/30-REV3");
    expect(segments.find((s) => s.annotation)?.text).toBe("(Applause)");
  });

  it("renders marks, annotations and document links, escaping the text", async () => {
    const text = "<b>bold</b> on DT/30 rev 3 (Applause)";
    const html = await render(
      <RichText
        text={text}
        highlights={[[3, 7]]}
        annotations={[{ text: "(Applause)", start: 27, end: 37, kind: "applause" }]}
        documents={[{ id: "DT/30-REV3", raw: "DT/30 rev 3", start: 15, end: 26 }]}
        documentHref={(id) => `/documents/${encodeURIComponent(id)}`}
      />,
    );
    expect(html).toBe(
      '&lt;b&gt;<mark>bold</mark>&lt;/b&gt; on <a href="/documents/DT%2F30-REV3">DT/30 rev 3</a> <span class="annotation" title="Captioner&#39;s note, not the speaker&#39;s words">(Applause)</span>',
    );
  });
});

describe("citation", () => {
  const citation = { synthetic: true, text: 'Egypt, "PLENARY 1", 3 December 2012.' } as Citation;
  it("marks a synthetic citation that does not say so itself", () => {
    expect(citationLine(citation)).toBe(`${SYNTHETIC_CITATION_MARK} ${citation.text}`);
    const said = { ...citation, text: `${citation.text} [SYNTHETIC SAMPLE: ...]` };
    expect(citationLine(said)).toBe(said.text);
    expect(citationLine({ ...citation, synthetic: false })).toBe(citation.text);
  });

  it("copies the speaker's words (the quote, not the captioned text), then the citation", () => {
    expect(quoteForCopy({ quote: "We agree.", citation })).toBe(
      `“We agree.”\n— ${SYNTHETIC_CITATION_MARK} ${citation.text}`,
    );
  });
});

describe("synthetic banner", () => {
  it("the notice reads as a sentence after the headline", async () => {
    const { noticeBody } = await import("../../../src/web/views/banner");
    const { SYNTHETIC_NOTICE } = await import("../../../src/domain");
    const body = noticeBody(SYNTHETIC_NOTICE);
    expect(body.startsWith("These transcripts were written by the project")).toBe(true);
    expect(noticeBody(null)).toMatch(/^This corpus was written/);
  });
});
