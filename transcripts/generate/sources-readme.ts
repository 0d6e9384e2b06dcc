import type { SampleSpec } from "./samples";

/** The README written beside the rendered sources, generated from the sample table. */
export function renderSourcesReadme(samples: readonly SampleSpec[]): string {
  const rows = samples.map(
    (s) =>
      `| \`${s.file}\` | ${s.format} | ${s.body} | ${s.date} | ${s.version}${s.formatExtra ? " (format extra)" : ""} | ${s.note.replace(/\|/g, "\\|")} |`,
  );
  return `# Bundled sources: a SYNTHETIC SAMPLE

Every file in this folder was **written by this project for testing and demonstration**. None of
it is a real transcript of any conference (WCIT-12 in this folder, PP-14 in \`pp-14/\`), and none of its words were said by any real delegation or
person. Delegations are named (by country) only because that is how caption transcripts label
speakers; every file says \`SYNTHETIC SAMPLE - written for testing; not a real transcript\` in its
header and in its disclaimer. Names of persons in the files are invented.

The files imitate the *format* of the live-caption (CART) transcripts of the conference and of
the copies that circulate of them (Word files, third-party PDF and HTML copies, plain text),
including their quirks; see \`/work/shared/transcript-format.md\` in the team notes.

## How they are made

The texts are authored by hand in \`transcripts/generate/authored/*.txt\`. \`npm run samples\`
renders them (\`transcripts/generate/cli.ts\`; the table is \`transcripts/generate/samples.ts\`):
hard-wrapping at 64 characters (or flattening onto one line), then \`.docx\` with the docx package
(one paragraph per line), \`.pdf\` with pdfkit (pages of fixed length with a page number at the
foot), \`.html\` as a third-party page (navigation, scripts, teaser, footer) and \`.txt\` in UTF-8 or
Windows-1252. Dates, ids and zip timestamps are fixed, so re-running gives identical bytes.
\`npm run samples -- --check\` verifies that the committed files match the authored texts.

The files in \`pp-14/\` are a second, smaller synthetic conference imitating the ITU Plenipotentiary
Conference 2014 (Busan): the header forms of that event's copies (room lines, committees other than
5, ordinals before WORKING GROUP, times with a zone and without a colon, \`Services Provided By:\`),
and phrases carried over from the WCIT-12 sessions in changed wordings, so that a phrase can be
followed from one conference into the other.

Sessions marked "format extra" are outside the known calendar of WCIT-12 transcripts; they exist
so that every header form of the format (FINAL COPY, FINISHED COPY, FINISHED FILE, RAW COPY...)
occurs in the sample.

| file | format | body | date | version | what it shows |
|---|---|---|---|---|---|
${rows.join("\n")}
`;
}
