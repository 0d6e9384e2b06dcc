/** Paths and loaders of the extraction fixtures (test/fixtures/extract/). */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

export const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures", "extract");
export const MALFORMED = join(FIXTURES, "malformed");

/** The bytes of a fixture, by path relative to test/fixtures/extract/. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

/** The text a golden fixture's extraction must give. */
export function expectedText(name: string): string {
  return readFileSync(join(FIXTURES, `${name}.expected.txt`), "utf8");
}

/** Names of the golden fixtures (every file in the folder that is not an expected text). */
export function goldenFixtureNames(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith(".expected.txt"))
    .map((entry) => entry.name)
    .sort();
}
