/**
 * Persons named in a label, recognised by shape only (no names are kept in data):
 * an honorific followed by name words ("MR. SMITH", "Dr. Jane Doe", "H.E. MR. ..."), or two to
 * four capitalised name words that are not ordinary English or meeting words.
 */

/** Honorifics as written (lower case, no full stop) -> display form. */
const HONORIFICS: Record<string, string> = {
  mr: "Mr.",
  mister: "Mr.",
  mrs: "Mrs.",
  ms: "Ms.",
  miss: "Miss",
  madam: "Madam",
  madame: "Madame",
  dr: "Dr.",
  doctor: "Dr.",
  prof: "Prof.",
  professor: "Prof.",
  sir: "Sir",
  dame: "Dame",
  he: "H.E.",
  "his excellency": "H.E.",
  "her excellency": "H.E.",
  excellency: "H.E.",
  hon: "Hon.",
  honourable: "Hon.",
  honorable: "Hon.",
  ambassador: "Ambassador",
  minister: "Minister",
  sheikh: "Sheikh",
  shaikh: "Sheikh",
  eng: "Eng.",
  engineer: "Eng.",
};

const HONORIFIC_RE =
  /^(his excellency|her excellency|excellency|h\.?\s?e\.?|mister|mrs|mr|ms|miss|madame|madam|doctor|dr|professor|prof|sir|dame|honourable|honorable|hon|ambassador|minister|sheikh|shaikh|engineer|eng)(?:\.\s*|\s+)/iu;

/** Lower-case name particles allowed between name words. */
const PARTICLES = new Set([
  "al",
  "el",
  "bin",
  "ibn",
  "bint",
  "de",
  "da",
  "do",
  "dos",
  "das",
  "di",
  "du",
  "van",
  "von",
  "der",
  "den",
  "la",
  "le",
  "y",
  "abu",
  "ben",
]);
/** Particles that keep their capital when a name is shown ("Al", "El", "La", "Le", "Abu", "Ben"). */
const CAPITALISED_PARTICLES = new Set(["al", "el", "la", "le", "abu", "ben"]);
/** Particles shown in lower case: every other particle. */
const LOWER_PARTICLES = new Set([...PARTICLES].filter((p) => !CAPITALISED_PARTICLES.has(p)));

/** A name word: letters with inner hyphens/apostrophes, or an initial ("J."). */
const NAME_WORD = /^(?:\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*|\p{Lu}\.)$/u;

/**
 * Words that make a capitalised phrase ordinary text rather than a name ("Thank You",
 * "Good Afternoon", "Distinguished Delegates", "Draft Resolution").
 */
const STOPWORDS = new Set(
  (
    "a an the and or but of to in on for with at by from as is are was were be been being am it its this that these those " +
    "i me my we us our you your he him his she her they them their who whom whose which what when where why how " +
    "yes no not ok okay so well now then here there also just very only all any some many more most other such " +
    "thank thanks please good morning afternoon evening night welcome hello dear sorry excuse " +
    "ladies gentlemen distinguished delegates delegate delegation delegations colleagues friends honourable " +
    "first second third fourth fifth last next previous following final finally " +
    "one two three four five six seven eight nine ten hundred number numbers " +
    "note notes point points item items agenda article articles chapter section paragraph paragraphs page pages " +
    "annex appendix rule rules resolution resolutions recommendation document documents proposal proposals " +
    "amendment amendments text texts draft report summary conclusion decision decisions question questions " +
    "answer comment comments statement statements declaration reservation reservations " +
    "committee plenary session meeting meetings conference group working ad hoc chair chairman president " +
    "secretary secretariat general deputy director bureau union nations united states world international " +
    "telecommunication telecommunications regulations regulation itu itrs internet member members " +
    "today tomorrow yesterday time date place break lunch coffee end start opening closing ceremony " +
    "new old further additional same different let lets may might must shall should will would can could " +
    "do does did done have has had make made take taken give given see seen say said speak speaking " +
    "floor audience speaker interpreter interpretation applause gavel laughter inaudible video " +
    "services provided status finished final transcript copy raw page " +
    "key issue issues step steps action required proposed modification modifications change changes " +
    "add delete insert replace suppress noc mod sup supp original version revised rev part title preamble " +
    "background purpose scope objective objectives outcome outcomes background reference references source " +
    "remarks remark regards message messages main kind best dear web site online email phone fax " +
    "morning evening session sessions day days week minutes minute hour hours schedule programme program " +
    "introduction overview update updates information info contact contacts address location room hall " +
    "chapter option options alternative alternatives response responses reply replies request requests " +
    "total vote votes voting show hands roll call result results list order"
  ).split(" "),
);

/**
 * Endings of ordinary English nouns and adjectives that given names and surnames rarely have
 * ("Proposed Modification", "Final Statement"): a word ending so is not a name word.
 */
const NON_NAME_ENDING =
  /(?:tion|tions|sion|sions|ment|ments|ness|ity|ities|ance|ances|ence|ences|ship|ism|isms|ible|able|ful|less|ous|ical|ally|ized|ised|ising|izing)$/;

/** A recognised person: display name (with honorific) and slug (name words only). */
export interface PersonMatch {
  name: string;
  slug: string;
}

function displayWord(word: string): string {
  const lower = word.toLowerCase();
  if (LOWER_PARTICLES.has(lower)) return lower;
  // Keep deliberate mixed case ("McDonald"); fix ALL CAPS and all lower.
  if (word === word.toUpperCase() || word === lower) {
    return lower.replace(
      /(^|[-'’])(\p{L})/gu,
      (_m, sep: string, c: string) => sep + c.toUpperCase(),
    );
  }
  return word;
}

/** Splits off leading honorifics: "H.E. MR. JOHN DOE" -> ["H.E.", "Mr."], "JOHN DOE". */
export function splitHonorifics(label: string): { honorifics: string[]; rest: string } {
  const honorifics: string[] = [];
  let rest = label.trim();
  for (let m = HONORIFIC_RE.exec(rest); m; m = HONORIFIC_RE.exec(rest)) {
    const word = m[1]!.toLowerCase().replace(/[.\s]/g, "");
    const key =
      word === "hisexcellency"
        ? "his excellency"
        : word === "herexcellency"
          ? "her excellency"
          : word;
    honorifics.push(HONORIFICS[key] ?? m[1]!);
    rest = rest.slice(m[0].length).trim();
  }
  return { honorifics, rest };
}

function nameWords(text: string): string[] | null {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0 || words.length > 5) return null;
  for (const w of words) if (!NAME_WORD.test(w)) return null;
  return words;
}

function build(honorifics: string[], words: string[]): PersonMatch {
  const slug = words
    .map((w) =>
      w
        .normalize("NFKD")
        .replace(/\p{M}+/gu, "")
        .toLowerCase()
        .replace(/['’.]/g, ""),
    )
    .join("-");
  return { name: [...honorifics, ...words.map(displayWord)].join(" "), slug };
}

/** One to four capitalised name words with no ordinary word among them (after a role word). */
export function isNameRemainder(words: readonly string[]): boolean {
  if (words.length === 0 || words.length > 4) return false;
  return words.every((w, i) => {
    if (!NAME_WORD.test(w)) return false;
    const lower = w.toLowerCase().replace(/['’.]/g, "");
    if (i > 0 && PARTICLES.has(lower)) return true;
    return /^\p{Lu}/u.test(w) && !STOPWORDS.has(lower) && !NON_NAME_ENDING.test(lower);
  });
}

/** An honorific followed by one to five name words. */
export function matchHonorificPerson(label: string): PersonMatch | null {
  const { honorifics, rest } = splitHonorifics(label);
  if (honorifics.length === 0) return null;
  const words = nameWords(rest);
  if (!words) return null;
  // The first name word is capitalised as written ("Mr. Smith", "MR. SMITH"), not "Mr. and".
  if (!/^\p{Lu}/u.test(words[0]!)) return null;
  for (const w of words) if (STOPWORDS.has(w.toLowerCase())) return null;
  return build(honorifics, words);
}

/**
 * Two to four capitalised name words (lower-case particles allowed between them) with no
 * ordinary word among them: "JANE DOE", "Jane Doe", "Ahmad bin Example".
 */
export function matchBareName(
  label: string,
  isKnownWord: (word: string) => boolean,
): PersonMatch | null {
  const words = nameWords(label);
  if (!words) return null;
  const core = words.filter(
    (w, i) => !(i > 0 && i < words.length - 1 && PARTICLES.has(w.toLowerCase())),
  );
  if (core.length < 2 || core.length > 4) return null;
  for (const w of core) {
    if (!/^\p{Lu}/u.test(w)) return null;
    const lower = w.toLowerCase().replace(/['’.]/g, "");
    if (STOPWORDS.has(lower) || NON_NAME_ENDING.test(lower) || isKnownWord(lower)) return null;
  }
  return build([], words);
}
