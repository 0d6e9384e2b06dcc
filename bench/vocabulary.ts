/**
 * The vocabulary of the synthetic benchmark corpus: a core of common English and conference
 * words at the head of a Zipf law, a long tail of pseudo-words built from syllables, and families
 * of recurring conference phrases whose wording changes from one use to the next.
 *
 * Everything here is written by the project; none of it is taken from a real transcript.
 */
import { createRandom, deriveSeed, ZipfSampler, type Random } from "./random";

/** Number of pseudo-words in the tail of the vocabulary. */
export const DEFAULT_PSEUDO_WORDS = 50_000;
/** Exponent of the Zipf law over word ranks (about 1 for natural language). */
export const ZIPF_EXPONENT = 1.05;
/** Zipf-Mandelbrot offset: flattens the very head a little, as in real text. */
export const ZIPF_OFFSET = 2.7;

/** Common English and meeting words, most frequent first: the head of the distribution. */
export const CORE_WORDS: readonly string[] = (
  "the of and to in that we is this for it on be as are with not have by which our would " +
  "you i at from all an will has its can there was or text article proposal chair thank delegation " +
  "very like so would support also one should but they their these if this do more what other " +
  "been some were states member international telecommunication regulations conference " +
  "distinguished colleagues floor committee plenary document countries any must now here " +
  "us about them no may need think see just time because only into make those could well " +
  "working group provisions amendment consensus delegate we're it's i'm let's point order " +
  "session meeting discussion issue issues proposals agreement agree cannot accept question " +
  "secretariat resolution resolutions reservation reservations declaration report draft " +
  "paragraph preamble annex appendix footnote reference references wording language " +
  "operating agencies administrations operators networks network services service traffic " +
  "security robustness spam content internet telecommunications ict icts access right rights " +
  "human sovereign sovereignty development developing developed cooperation regional " +
  "tariffs charging accounting rates roaming mobile numbering resources misuse fraud " +
  "identification calling party line quality energy efficiency accessibility disabilities " +
  "definition definitions scope application applications obligations framework treaty " +
  "union itu secretary-general council plenipotentiary bureau sector standardization " +
  "understand understanding clarify clarification explanation explain comment comments " +
  "suggest suggestion consider considered considering view views position positions " +
  "compromise spirit flexibility important importance concern concerns difficult difficulty " +
  "clear clearly indeed however therefore furthermore moreover first second third finally " +
  "today tomorrow yesterday morning afternoon evening night minutes hours break coffee " +
  "vote voting majority minority objection objections object raise raised hand hands " +
  "delegations colleague friends friend ladies gentlemen excellencies mr madam president " +
  "vice-chair chairman chairs groups group's membership members region regions arab african " +
  "european american asia-pacific states' country's government governments private " +
  "industry stakeholders stakeholder model multi-stakeholder process processes decision " +
  "decisions adopt adopted adoption approve approved approval note noted take taken " +
  "bracket brackets square remove removed delete deleted insert inserted replace replaced " +
  "word words sentence sentences line lines page pages version revision rev revised " +
  "original new old current previous next last same different another each every both " +
  "few many much most several such own few further less least long short high low " +
  "good great small large big little general specific particular certain possible " +
  "necessary appropriate relevant national global local public open closed available"
)
  .split(" ")
  .filter((word, index, all) => word !== "" && all.indexOf(word) === index);

const ONSETS = [
  "b",
  "c",
  "d",
  "f",
  "g",
  "h",
  "j",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "w",
  "z",
  "br",
  "cr",
  "dr",
  "fr",
  "gr",
  "pr",
  "tr",
  "bl",
  "cl",
  "fl",
  "gl",
  "pl",
  "sl",
  "st",
  "sp",
  "sc",
  "sk",
  "sm",
  "sn",
  "ch",
  "sh",
  "th",
  "ph",
  "qu",
  "",
  "",
];
const NUCLEI = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "io", "ou", "ue", "y"];
const CODAS = ["", "", "", "", "n", "r", "s", "l", "m", "t", "nt", "st", "rd", "ng", "ck", "x"];

/** A phrase family: one idea, several wordings, used again and again across sessions. */
export interface PhraseFamily {
  /** Stable key of the family. */
  key: string;
  /** The wordings, most common first (lowercase, single spaces). */
  variants: readonly string[];
}

/** Recurring conference phrases. Variants change word order, spelling and qualifiers. */
export const PHRASE_FAMILIES: readonly PhraseFamily[] = [
  {
    key: "roa",
    variants: [
      "recognized operating agencies",
      "recognised operating agencies",
      "authorized operating agencies",
      "operating agencies recognized by member states",
      "recognized operating agency",
    ],
  },
  {
    key: "security",
    variants: [
      "security and robustness of networks",
      "robustness and security of networks",
      "security and robustness of international telecommunication networks",
      "the security and the robustness of networks",
    ],
  },
  {
    key: "spam",
    variants: [
      "unsolicited bulk electronic communications",
      "unsolicited electronic communications in bulk",
      "bulk unsolicited electronic communications",
      "unsolicited bulk electronic messages",
    ],
  },
  {
    key: "itrs",
    variants: [
      "international telecommunication regulations",
      "the regulations as revised",
      "these regulations",
      "the international telecommunications regulations",
    ],
  },
  {
    key: "human-rights",
    variants: [
      "human rights obligations",
      "obligations under international human rights law",
      "respect for human rights",
      "in accordance with human rights obligations",
    ],
  },
  {
    key: "access",
    variants: [
      "the right of access to international telecommunication services",
      "right of member states to access international telecommunication services",
      "access to international telecommunication services",
    ],
  },
  {
    key: "numbering",
    variants: [
      "misuse of international numbering resources",
      "misuse of numbering resources",
      "international numbering resources",
    ],
  },
  {
    key: "cli",
    variants: ["calling line identification", "calling party number", "calling line identity"],
  },
  {
    key: "roaming",
    variants: ["international mobile roaming", "mobile roaming charges", "roaming charges"],
  },
  {
    key: "energy",
    variants: ["energy efficiency and e-waste", "energy efficiency", "electronic waste"],
  },
  {
    key: "accessibility",
    variants: [
      "accessibility for persons with disabilities",
      "persons with disabilities",
      "accessibility of telecommunication services",
    ],
  },
  {
    key: "compromise",
    variants: ["in a spirit of compromise", "in the spirit of compromise", "as a compromise"],
  },
  {
    key: "support",
    variants: [
      "we support the proposal",
      "we fully support this proposal",
      "we would like to support the proposal",
      "we cannot support this proposal",
    ],
  },
  {
    key: "floor",
    variants: ["you have the floor", "i give you the floor", "i give the floor to"],
  },
  {
    key: "point-of-order",
    variants: ["on a point of order", "point of order", "raise a point of order"],
  },
  {
    key: "due-respect",
    variants: ["with all due respect", "with due respect", "with the greatest respect"],
  },
  {
    key: "square-brackets",
    variants: [
      "remove the square brackets",
      "delete the text in square brackets",
      "keep the square brackets",
    ],
  },
  {
    key: "consensus",
    variants: [
      "there is no consensus",
      "we have consensus",
      "reach a consensus",
      "without consensus",
    ],
  },
  {
    key: "quality",
    variants: [
      "quality of service",
      "the quality of international services",
      "quality of service aspects",
    ],
  },
  {
    key: "sovereign",
    variants: [
      "the sovereign right of each state",
      "sovereign right of states to regulate",
      "the sovereign right",
    ],
  },
];

/** The whole vocabulary: words by rank (core first, then pseudo-words), with its Zipf sampler. */
export interface Vocabulary {
  words: readonly string[];
  zipf: ZipfSampler;
  /** Draws one word, Zipf-weighted by rank. */
  sample(random: Random): string;
}

/** Builds the vocabulary deterministically from a seed. */
export function buildVocabulary(seed: number, pseudoWords = DEFAULT_PSEUDO_WORDS): Vocabulary {
  if (!Number.isInteger(pseudoWords) || pseudoWords < 0) {
    throw new Error(`vocabulary: pseudoWords must be a non-negative integer, got ${pseudoWords}`);
  }
  const random = createRandom(deriveSeed(seed, "vocabulary"));
  const seen = new Set<string>(CORE_WORDS);
  for (const family of PHRASE_FAMILIES) {
    for (const variant of family.variants) for (const word of variant.split(" ")) seen.add(word);
  }
  const words = [...CORE_WORDS];
  let attempts = 0;
  while (words.length < CORE_WORDS.length + pseudoWords) {
    if (++attempts > pseudoWords * 50 + 1000) {
      throw new Error(`vocabulary: could not build ${pseudoWords} distinct pseudo-words`);
    }
    const word = pseudoWord(random);
    if (seen.has(word)) continue;
    seen.add(word);
    words.push(word);
  }
  const zipf = new ZipfSampler(words.length, ZIPF_EXPONENT, ZIPF_OFFSET);
  return {
    words,
    zipf,
    sample: (r) => words[zipf.sample(r)] as string,
  };
}

/** One pseudo-word of 1 to 4 syllables, 3 letters at least. */
function pseudoWord(random: Random): string {
  const roll = random.next();
  const syllables = roll < 0.12 ? 1 : roll < 0.55 ? 2 : roll < 0.88 ? 3 : 4;
  let word = "";
  for (let i = 0; i < syllables; i++) {
    word +=
      random.pick(ONSETS) +
      random.pick(NUCLEI) +
      (i === syllables - 1 || random.chance(0.3) ? random.pick(CODAS) : "");
  }
  return word.length >= 3 ? word : word + random.pick(CODAS.filter((c) => c !== "")) + "a";
}
