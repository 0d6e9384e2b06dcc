/** PDF specifics beyond the golden file. */
import { describe, expect, test } from "vitest";
import { extractText } from "../../ingest/extract";
import { expectedText, fixture } from "./support/fixtures";

describe("pdf", () => {
  test("the caller's bytes are left intact (pdf.js detaches the array it is given)", async () => {
    const bytes = fixture("transcript.pdf");
    const copy = bytes.slice();
    await extractText(bytes, { fileName: "transcript.pdf" });
    expect(bytes.byteLength).toBe(copy.byteLength);
    expect(bytes).toEqual(copy);
    // And the same bytes can be extracted again.
    expect((await extractText(bytes, { fileName: "transcript.pdf" })).text).toBe(
      expectedText("transcript.pdf"),
    );
  });

  test("no page markers of pdf-parse's own; page numbers printed on the pages stay", async () => {
    const { text } = await extractText(fixture("transcript.pdf"), { fileName: "transcript.pdf" });
    expect(text).not.toMatch(/-- \d+ of \d+ --/);
    expect(text.split("\n")).toContain("1");
    expect(text.split("\n")).toContain("2");
  });

  test("words are not glued across lines, even with lines set closer than the font size", async () => {
    const { text } = await extractText(fixture("transcript.pdf"), { fileName: "transcript.pdf" });
    expect(text).toContain("We support the text in\nDT/30 rev 3 as drafted.");
    expect(text).not.toMatch(/inDT|floor\.>>|all\.>>/);
    expect(text).not.toContain("\t");
  });

  test("the last page is not glued to the next page's first line", async () => {
    const { text } = await extractText(fixture("transcript.pdf"), { fileName: "transcript.pdf" });
    expect(text).toContain("********\n1\n>> CHAIR: Good afternoon.");
  });
});
