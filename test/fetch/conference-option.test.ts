/**
 * The fetch run's conference reaches the parsed sessions (SourceInput.conference): a fetched
 * file whose header names no conference gets the run's profile; one that names its conference
 * keeps it.
 */
import { describe, expect, it } from "vitest";
import { processSource } from "../../ingest/pipeline";

const TURNS = [
  ">> CHAIR: Good morning. We open the meeting. Mali, you have the floor.",
  ">> MALI: Thank you, Chair. Mali supports the proposal.",
  ">> CHAIR: Thank you. The meeting is closed.",
].join("\n\n");

const file = (header: string[]) => ({
  bytes: new TextEncoder().encode(
    [
      "FINISHED TRANSCRIPT",
      "SYNTHETIC SAMPLE - written for the scraper tests",
      ...header,
      "PLENARY 4",
      "",
      TURNS,
    ].join("\n"),
  ),
  file: "cache/plenary-4.txt",
});

describe("a source's conference", () => {
  it("gives a header that names no conference the run's", async () => {
    const bare = file([]);
    expect((await processSource(bare)).record.conference).toBeNull();
    expect((await processSource({ ...bare, conference: "pp-14" })).record.conference).toBe("pp-14");
  });

  it("leaves a header that names its conference as it is", async () => {
    const named = file([
      "WORLD CONFERENCE ON INTERNATIONAL TELECOMMUNICATIONS",
      "DUBAI, UNITED ARAB EMIRATES",
      "04 DECEMBER 2012",
      "09:30",
    ]);
    const { record } = await processSource({ ...named, conference: "pp-14" });
    expect(record.conference).toBe("wcit-12");
  });
});
