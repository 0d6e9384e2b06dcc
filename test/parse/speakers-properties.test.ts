import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Speaker } from "../../src/domain";
import {
  listSpeakerAliases,
  matchSpeakerLabel,
  normaliseSpeaker,
} from "../../ingest/parse/speakers";

const KINDS = [
  "delegation",
  "chair",
  "secretariat",
  "interpreter",
  "official",
  "person",
  "unknown",
];

function checkShape(s: Speaker): void {
  expect(KINDS).toContain(s.kind);
  expect(s.name.length).toBeGreaterThan(0);
  expect(s.id).not.toMatch(/\s|\//);
  switch (s.kind) {
    case "delegation":
      expect(s.id).toMatch(/^[A-Z]{3}$/);
      expect(s.country).toBe(s.id);
      break;
    case "official":
      expect(s.id).toMatch(/^official:[a-z0-9-]+$/);
      expect(s.country).toBeNull();
      break;
    case "person":
      expect(s.id).toMatch(/^person:[^\s:/]+$/u);
      expect(s.country).toBeNull();
      break;
    default:
      expect(s.id).toBe(s.kind);
      expect(s.country).toBeNull();
  }
}

/** Labels that look like labels: capitalised words, honorifics, role words, state names, noise. */
const labelish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "MR.",
        "Dr.",
        "H.E.",
        "THE",
        "OF",
        "DELEGATE",
        "CHAIR",
        "COMMITTEE",
        "4",
        "EGYPT",
        "Iran",
        "(Interpreted)",
        "&",
        "-",
        ":",
        "VICE-",
        "ST.",
        "D'",
        "Côte",
      ),
      fc.string({ minLength: 1, maxLength: 8 }),
      fc.stringMatching(/^[A-Z][a-z]{1,8}$/),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(" "));

describe("normaliseSpeaker and matchSpeakerLabel on any input", () => {
  test("never throw, always keep raw exactly, always a well-formed Speaker", () => {
    fc.assert(
      fc.property(
        fc.option(fc.oneof(fc.string(), fc.string({ unit: "binary" }), labelish), { nil: null }),
        (raw) => {
          const s = normaliseSpeaker(raw);
          expect(s.raw).toBe(raw);
          checkShape(s);
          if (raw !== null) {
            const m = matchSpeakerLabel(raw);
            if (m) expect(s).toEqual(m);
            else expect(s.kind).toBe("unknown");
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  // Names (not acronyms, which only count in capitals, nor codes, which are filter words).
  const nameAliases = listSpeakerAliases()
    .filter((e) => e.kind === "delegation")
    .flatMap((e) =>
      e.aliases.filter((a) => matchSpeakerLabel(a)?.id === e.id).map((a) => [a, e.id] as const),
    );

  test("delegation names match whatever the case, spacing and surrounding punctuation", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...nameAliases),
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        fc.constantFrom("", " ", "  ", ":", " :", "\t"),
        ([alias, code], upper, trailing) => {
          const cased = [...alias]
            .map((c, i) => (upper[i % upper.length] ? c.toUpperCase() : c))
            .join("");
          const spaced = cased.replace(/ /g, "  ");
          expect(matchSpeakerLabel(` ${spaced}${trailing}`)?.id).toBe(code);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
