/**
 * `npm run docs`: rewrites the generated sections of README.md, each between
 * `<!-- NAME:start ... -->` and `<!-- NAME:end -->` markers, from their source in the code:
 * `syntax` is the query table of src/search/syntax.ts. test/docs/readme.test.ts fails when the
 * README is out of date.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { writeFileAtomic } from "../ingest/io/atomic";
import { syntaxMarkdown } from "../src/search/syntax";

export const README = join(import.meta.dirname, "..", "README.md");

/** The generated sections: marker name and content. */
export const GENERATED_SECTIONS: ReadonlyArray<{ name: string; content: () => string }> = [
  { name: "syntax", content: syntaxMarkdown },
];

/** The text between a section's markers (null when the markers are missing). */
export function sectionOf(text: string, name: string): string | null {
  const match = sectionPattern(name).exec(text);
  return match ? (match[2] ?? "") : null;
}

/** `text` with every generated section rewritten. Throws naming a section whose markers are missing. */
export function withGeneratedSections(text: string): string {
  let out = text;
  for (const section of GENERATED_SECTIONS) {
    if (sectionOf(out, section.name) === null) {
      throw new Error(`docs: README.md has no <!-- ${section.name}:start --> ... end markers`);
    }
    out = out.replace(
      sectionPattern(section.name),
      (_all, start: string, _body: string, end: string) => `${start}\n${section.content()}${end}`,
    );
  }
  return out;
}

function sectionPattern(name: string): RegExp {
  return new RegExp(`(<!-- ${name}:start[^>]*-->)\\n?([\\s\\S]*?)(<!-- ${name}:end -->)`);
}

async function main(): Promise<void> {
  const text = await readFile(README, "utf8");
  const updated = withGeneratedSections(text);
  if (updated === text) {
    console.log("docs: README.md is up to date");
    return;
  }
  await writeFileAtomic(README, updated);
  console.log("docs: README.md rewritten");
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error((error as Error).message);
    process.exitCode = 1;
  });
}
