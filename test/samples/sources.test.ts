import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SYNTHETIC_MARKER, WRAP_WIDTH } from "../../transcripts/generate/fixed";
import { renderSample, renderSamples } from "../../transcripts/generate/generate";
import { SAMPLES } from "../../transcripts/generate/samples";
import { AUTHORED_DIR, SOURCES_DIR, loadSamples, sampleByFile } from "./load";

const STATUS_LINE =
  /^(?:Page 1: )?(FINISHED TRANSCRIPT|FINAL TRANSCRIPT|FINISHED FILE|FINAL COPY|FINISHED COPY|RAW COPY)$/;

describe("bundled sample sources", () => {
  it("folder holds exactly the files of the sample table plus the README", async () => {
    const onDisk = (await readdir(SOURCES_DIR, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
      .map((entry) => join(entry.parentPath, entry.name).slice(SOURCES_DIR.length + 1))
      .sort();
    const expected = [...SAMPLES.map((s) => s.file), "README.md"].sort();
    expect(onDisk).toEqual(expected);
  });

  it("table names each output file and each authored text once", () => {
    expect(new Set(SAMPLES.map((s) => s.file)).size).toBe(SAMPLES.length);
    expect(new Set(SAMPLES.map((s) => s.source)).size).toBe(SAMPLES.length);
  });

  it("covers every input format", () => {
    expect(new Set(SAMPLES.map((s) => s.format))).toEqual(new Set(["pdf", "docx", "html", "txt"]));
  });

  it("README says the files are synthetic and lists every file", async () => {
    const readme = await readFile(join(SOURCES_DIR, "README.md"), "utf8");
    expect(readme).toContain("SYNTHETIC SAMPLE");
    for (const spec of SAMPLES) expect(readme).toContain(`\`${spec.file}\``);
  });

  it.each(SAMPLES.map((s) => [s.file, s] as const))(
    "%s: extracts as its format and carries the SYNTHETIC SAMPLE marker",
    async (file, spec) => {
      const { extracted } = await sampleByFile(file);
      expect(extracted.format).toBe(spec.format);
      expect(extracted.text).toContain(SYNTHETIC_MARKER);
    },
  );

  it.each(
    SAMPLES.filter((s) => s.format === "txt" || s.format === "html").map((s) => [s.file] as const),
  )("%s: marker is in the raw bytes too", async (file) => {
    const { bytes } = await sampleByFile(file);
    expect(Buffer.from(bytes).toString("latin1")).toContain(SYNTHETIC_MARKER);
  });

  it.each(SAMPLES.filter((s) => s.format === "html").map((s) => [s.file] as const))(
    "%s: the site's furniture divs (views, categories, uploader) are in the page, not the text",
    async (file) => {
      const { bytes, extracted } = await sampleByFile(file);
      const html = Buffer.from(bytes).toString("utf8");
      expect(html).toMatch(/<div class="doc-meta">.* views<\/span>/);
      expect(html).toContain('<div class="uploader">sample_uploader</div>');
      expect(extracted.text).not.toMatch(/[\d,]+ views|Categor(?:y|ies):|^sample_uploader$/m);
    },
  );

  it.each(SAMPLES.map((s) => [s.source] as const))(
    "authored %s: marker right under the status line (or first, with no header) and inside the disclaimer",
    async (source) => {
      const lines = (await readFile(join(AUTHORED_DIR, `${source}.txt`), "utf8")).split("\n");
      const statusAt = lines.findIndex((l) => STATUS_LINE.test(l));
      if (statusAt === -1) expect(lines[0]).toBe(SYNTHETIC_MARKER);
      else expect(lines[statusAt + 1]).toBe(SYNTHETIC_MARKER);
      const delimiters = lines
        .map((l, i) => [l, i] as const)
        .filter(([l]) => /^(\*{3,}|\* \* \*( \* \*)?)$/.test(l));
      if (delimiters.length >= 2) {
        const [open, close] = [delimiters[0]![1], delimiters[1]![1]];
        expect(lines.slice(open + 1, close)).toContain(SYNTHETIC_MARKER);
      } else {
        // Only headerless or short rough copies go without a disclaimer.
        expect(SAMPLES.find((s) => s.source === source)?.version).toBe("rough");
      }
    },
  );
});

describe("generator", () => {
  it("committed sources are exactly what the authored texts render to (npm run samples is up to date)", async () => {
    const rendered = await renderSamples();
    for (const { file, bytes } of rendered) {
      const onDisk = new Uint8Array(await readFile(join(SOURCES_DIR, file)));
      expect(Buffer.compare(Buffer.from(onDisk), Buffer.from(bytes)), file).toBe(0);
    }
  });

  it.each(SAMPLES.map((s) => [s.file, s] as const))(
    "%s: rendering twice gives identical bytes",
    async (_file, spec) => {
      const text = await readFile(join(AUTHORED_DIR, `${spec.source}.txt`), "utf8");
      const [a, b] = [await renderSample(spec, text), await renderSample(spec, text)];
      expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    },
  );

  it("wrapped plain-text samples keep every line within the wrap width", async () => {
    for (const s of (await loadSamples()).filter(
      (x) => x.spec.format === "txt" && x.spec.layout === "wrap",
    )) {
      const long = s.extracted.text
        .split("\n")
        .filter((l) => l.length > WRAP_WIDTH && l.includes(" "));
      expect(long, s.spec.file).toEqual([]);
    }
  });

  it("the flattened sample has its whole transcript on one line", async () => {
    const flat = SAMPLES.filter((s) => s.layout === "flat");
    expect(flat.length).toBeGreaterThanOrEqual(1);
    for (const spec of flat) {
      const { extracted } = await sampleByFile(spec.file);
      const line = extracted.text.split("\n").find((l) => l.includes(SYNTHETIC_MARKER));
      expect(line).toBeDefined();
      // The header's city line and every authored turn stand on that one line.
      const authored = await readFile(join(AUTHORED_DIR, `${spec.source}.txt`), "utf8");
      const city = authored.split("\n").find((l) => /^(?:DUBAI|BUSAN),/.test(l));
      expect(city).toBeDefined();
      expect(line).toContain(city);
      const turns = authored.match(/^>> [A-Z]/gm)?.length ?? 0;
      expect(turns).toBeGreaterThanOrEqual(8);
      expect(line!.match(/>> [A-Z]/g)?.length ?? 0).toBe(turns);
    }
  });

  it("the Windows-1252 sample is not UTF-8 and decodes to the accented label", async () => {
    const cp = SAMPLES.filter((s) => s.txt?.encoding === "windows-1252");
    expect(cp.map((s) => s.file)).toEqual(["com5-4.txt"]);
    const { bytes, extracted } = await sampleByFile("com5-4.txt");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    expect(
      Buffer.from(bytes).includes(Buffer.from([0x43, 0xd4, 0x54, 0x45, 0x20, 0x44, 0x92])),
    ).toBe(true); // "CÔTE D’"
    expect(extracted.text).toContain(">> CÔTE D’IVOIRE:");
  });
});
