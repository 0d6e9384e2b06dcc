/**
 * Document references spoken in the room ("ADM/27 rev 1", "DT/4Rev 1", "Document 3, addendum 3",
 * "rule 51", "Article 5B", "Resolution PLEN/3"), found in caption text and normalised to stable
 * ids so one document can be followed through the sessions. Pure and runtime-free.
 *
 * Normalised ids (upper case; the part before "/" says what it is):
 * - conference series:  "ADM/5", "DT/30", "DL/2" ("admin/7E", a mis-hearing, is "ADM/7")
 * - numbered documents: "DOC/65"
 * - suffixes, in this order: addendum "-ADD3", corrigendum "-CORR1", revision "-REV1"
 *   ("DT/30 rev 3" -> "DT/30-REV3", "Document 3, addendum 3" -> "DOC/3-ADD3"); the language
 *   letter ("ADM/12-E") and page numbers ("DT/4Rev 1, Page 45") are not part of the id
 * - rules of procedure:  "RULE/51"
 * - articles:  "ARTICLE/6", "ARTICLE/5B", "ARTICLE/3BIS"; an article of another instrument says
 *   which: "ARTICLE/58-CS" (ITU Constitution), "ARTICLE/42-CV" (Convention),
 *   "ARTICLE/19-UDHR" (Universal Declaration of Human Rights), "ARTICLE/19-ICCPR"
 * - resolutions:  "RESOLUTION/130", "RESOLUTION/PLEN-3", "RESOLUTION/COM5-1"
 * - recommendations:  "RECOMMENDATION/ITU-T-D.50"
 * URL slugs are the id in lower case with "/" as "-": "dt-30-rev3" (documentRefSlug);
 * normaliseDocumentRef reads ids, slugs and spoken forms alike.
 *
 * Only numbered forms are references: "the rule of law", "article of faith" are not.
 */
import type { DocumentRef } from "./domain";

/** Language letters of ITU document versions (E F S A R C). */
const LANG = "[EFSARC]";
/** Not followed by a letter or digit (the end of a token). */
// Latin letters and digits only: the "u" flag this would need for \p{L} makes the case-insensitive
// scans ~100x slower in V8, and references are written in Latin script.
const END = "(?![0-9A-Za-z\\u00C0-\\u024F])";

interface Grammar {
  series: RegExp;
  document: RegExp;
  rule: RegExp;
  article: RegExp;
  resolution: RegExp;
  recommendation: RegExp;
  /** Sticky: a suffix right after a match. */
  suffix: RegExp;
  /** Sticky: an article's instrument. */
  instrument: RegExp;
  /** Sticky: the next number of a list ("documents 56 rev 1 and 57"). */
  listNext: RegExp;
  /** A suffix said first: "addendum 2 to Document 3", "revision 1 of DT/30". */
  leading: RegExp;
}

function grammar(lenient: boolean): Grammar {
  // Between a keyword and its number: spaces in speech; "/", "-", "_" too in ids and slugs.
  const kw = lenient ? "[\\s/_-]+" : "\\s+";
  const no = "(?:(?:no|nos|number|numbers)\\.?\\s*)?";
  const sfxSep = lenient ? "[\\s,/_-]*" : "(?:\\s*[,/-]\\s*|\\s+|)";
  const sfxNum = lenient ? "[\\s._-]*" : "\\.?\\s*";
  const suffixWord = "(add(?:endum|\\.)?|corr(?:igendum|\\.)?|rev(?:ision|\\.)?)";
  return {
    series: new RegExp(
      `\\b(ADM|ADMIN|DT|DL)(\\s*\\/\\s*|${lenient ? "[\\s_-]*" : "[ -]"})(\\d{1,3})(?!\\d)(?:(?:\\s*-\\s*|${lenient ? "[\\s_]+" : ""})(${LANG})${END})?`,
      "gi",
    ),
    document: new RegExp(
      `\\b(documents?|docs?\\.?)(?:${kw}|\\s*\\/\\s*)${no}(\\d{1,3})(?!\\d)(?:\\s*-\\s*(${LANG})${END})?`,
      "gi",
    ),
    rule: new RegExp(`\\b(rules?)(?:${kw})${no}(\\d{1,3})${END}`, "gi"),
    article: new RegExp(
      `\\b(articles?)(?:${kw})${no}(\\d{1,2})(?:([a-z])|[\\s_-]?(bis|ter))?${END}`,
      "gi",
    ),
    resolution: new RegExp(
      `\\b(resolutions?)(?:${kw})${no}(?:(PLEN|COM[\\s_-]?\\d)[\\s_]*[/-][\\s_]*(\\d{1,3})|(\\d{1,3}))${END}`,
      "gi",
    ),
    recommendation: new RegExp(
      `(?:\\b(?:[Rr]ecommendations?|[Rr]ec\\.?)${kw})?\\bITU[\\s_-]*([TRD])[\\s_-]+([A-Z]{1,2})[.\\s_-]?(\\d{1,4}(?:\\.\\d{1,3})?)${END}`,
      lenient ? "gi" : "g",
    ),
    suffix: new RegExp(
      `(?:\\s*\\(\\s*${suffixWord}${sfxNum}(\\d{1,2})\\s*\\)|${sfxSep}${suffixWord}${sfxNum}(\\d{1,2}))${END}`,
      "iy",
    ),
    instrument: new RegExp(
      lenient
        ? `[\\s_-]*(CS|CV|UDHR|ICCPR)${END}`
        : `\\s+of\\s+the\\s+(?:ITU\\s+)?(constitution|convention|universal\\s+declaration(?:\\s+of\\s+human\\s+rights)?|international\\s+covenant\\s+on\\s+civil\\s+and\\s+political\\s+rights|ICCPR)${END}`,
      "iy",
    ),
    leading:
      /\b(addendum|add\.|corrigendum|corr\.|revision|rev\.?)\s*(\d{1,2})\s+(?:to|of)\s+(?:the\s+)?(?=\S)/gi,
    listNext:
      /(\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*)([1-9]\d{0,2})(?:([a-z])|[\s_-]?(bis|ter))?(?![0-9A-Za-z\u00C0-\u024F])/iy,
  };
}

const STRICT = grammar(false);
const LENIENT = grammar(true);

function instrumentCode(word: string): string {
  const w = word.toLowerCase();
  if (w.startsWith("constitution") || w === "cs") return "CS";
  if (w.startsWith("convention") || w === "cv") return "CV";
  if (w.startsWith("universal") || w === "udhr") return "UDHR";
  return "ICCPR";
}

/** A base match before suffixes: its id stem and whether list continuation applies. */
interface Found {
  start: number;
  end: number;
  stem: string;
  /** Documents and series take ADD/CORR/REV suffixes; the others do not. */
  suffixes: boolean;
  /** Prefix for a continued list's numbers ("DOC/"), null when lists do not apply. */
  listStem: string | null;
  /** Plural keyword: a bare comma continues the list ("documents 56, 57"). */
  plural: boolean;
  /** A suffix said before the document ("addendum 2 to Document 3"). */
  lead?: Partial<Record<SuffixKind, string>>;
}

type SuffixKind = "ADD" | "CORR" | "REV";

function suffixKind(word: string): SuffixKind {
  const w = word.toLowerCase();
  return w.startsWith("add") ? "ADD" : w.startsWith("corr") ? "CORR" : "REV";
}

function readSuffixes(
  g: Grammar,
  text: string,
  at: number,
  lead: Partial<Record<SuffixKind, string>> = {},
): { end: number; suffix: string } {
  const parts = { ADD: "", CORR: "", REV: "", ...lead };
  let end = at;
  for (;;) {
    g.suffix.lastIndex = end;
    const m = g.suffix.exec(text);
    if (!m) break;
    const kind = suffixKind(m[1] ?? m[3] ?? "");
    const n = String(Number(m[2] ?? m[4]));
    if (parts[kind]) break; // a second revision is another reference's
    parts[kind] = `-${kind}${n}`;
    end = g.suffix.lastIndex;
  }
  return { end, suffix: parts.ADD + parts.CORR + parts.REV };
}

function baseMatches(g: Grammar, text: string, lenient: boolean): Found[] {
  const found: Found[] = [];
  const all = (re: RegExp, f: (m: RegExpExecArray) => Omit<Found, "start" | "end"> | null) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const r = f(m);
      if (r) found.push({ start: m.index, end: m.index + m[0].length, ...r });
    }
  };
  all(g.series, (m) => {
    const [, prefix = "", sep = "", num = ""] = m;
    // "ADM 31" needs the capitals it is written in; "admin/7E" has its slash.
    if (!lenient && !sep.includes("/") && prefix !== prefix.toUpperCase()) return null;
    const series = prefix.toUpperCase() === "ADMIN" ? "ADM" : prefix.toUpperCase();
    return { stem: `${series}/${Number(num)}`, suffixes: true, listStem: null, plural: false };
  });
  all(g.document, (m) => ({
    stem: `DOC/${Number(m[2])}`,
    suffixes: true,
    listStem: "DOC/",
    plural: /s\.?$/i.test(m[1] ?? ""),
  }));
  all(g.rule, (m) => ({
    stem: `RULE/${Number(m[2])}`,
    suffixes: false,
    listStem: "RULE/",
    plural: /s$/i.test(m[1] ?? ""),
  }));
  all(g.article, (m) => ({
    stem: `ARTICLE/${Number(m[2])}${(m[3] ?? m[4] ?? "").toUpperCase()}`,
    suffixes: false,
    listStem: "ARTICLE/",
    plural: /s$/i.test(m[1] ?? ""),
  }));
  all(g.resolution, (m) => {
    if (m[2]) {
      const body = m[2].toUpperCase().replace(/[\s_-]/g, "");
      return {
        stem: `RESOLUTION/${body}-${Number(m[3])}`,
        suffixes: false,
        listStem: null,
        plural: false,
      };
    }
    return {
      stem: `RESOLUTION/${Number(m[4])}`,
      suffixes: false,
      listStem: "RESOLUTION/",
      plural: /s$/i.test(m[1] ?? ""),
    };
  });
  all(g.recommendation, (m) => ({
    stem: `RECOMMENDATION/ITU-${m[1]!.toUpperCase()}-${m[2]!.toUpperCase()}.${m[3]}`,
    suffixes: false,
    listStem: null,
    plural: false,
  }));
  if (!lenient) {
    g.leading.lastIndex = 0;
    for (let m = g.leading.exec(text); m; m = g.leading.exec(text)) {
      const at = m.index + m[0].length;
      const base = found.find((f) => f.start === at && f.suffixes);
      if (base) {
        const kind = suffixKind(m[1]!);
        found.push({
          ...base,
          start: m.index,
          listStem: null,
          lead: { [kind]: `-${kind}${Number(m[2])}` },
        });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

function scan(text: string, lenient: boolean): DocumentRef[] {
  const g = lenient ? LENIENT : STRICT;
  const refs: DocumentRef[] = [];
  let taken = 0;
  const push = (start: number, end: number, id: string) => {
    refs.push({ id, raw: text.slice(start, end), start, end });
    taken = end;
  };
  for (const f of baseMatches(g, text, lenient)) {
    if (f.start < taken) continue;
    let end = f.end;
    let id = f.stem;
    if (f.suffixes) {
      const s = readSuffixes(g, text, end, f.lead);
      end = s.end;
      id += s.suffix;
    } else if (f.stem.startsWith("ARTICLE/")) {
      g.instrument.lastIndex = end;
      const m = g.instrument.exec(text);
      if (m) {
        id += `-${instrumentCode(m[1]!)}`;
        end = g.instrument.lastIndex;
      }
    }
    push(f.start, end, id);
    if (!f.listStem) continue;
    // "documents 56 rev 1 and 57", "Articles 5, 6 and 7": later numbers share the keyword.
    for (;;) {
      g.listNext.lastIndex = end;
      const m = g.listNext.exec(text);
      if (!m) break;
      const sep = m[1] ?? "";
      if (!f.plural && /^\s*,\s*$/.test(sep)) break;
      const letter = m[3] ?? m[4];
      // Only articles carry letters ("Articles 3 and 4 bis"); "documents 5 and 6E" stops the list.
      if (letter && f.listStem !== "ARTICLE/") break;
      const start = end + sep.length;
      let itemEnd = g.listNext.lastIndex;
      let itemId = `${f.listStem}${Number(m[2])}${letter?.toUpperCase() ?? ""}`;
      if (f.suffixes) {
        const s = readSuffixes(g, text, itemEnd);
        itemEnd = s.end;
        itemId += s.suffix;
      }
      push(start, itemEnd, itemId);
      end = itemEnd;
    }
  }
  return refs;
}

/**
 * Document references in `text`, in order, not overlapping. `start`/`end` are offsets into
 * `text` (UTF-16, end exclusive) and `raw === text.slice(start, end)`.
 */
export function findDocumentRefs(text: string): DocumentRef[] {
  return scan(text, false);
}

/**
 * The normalised id of one reference written any way: spoken ("DT/30 rev 3"), as an id
 * ("DT/30-REV3") or as a URL slug ("dt-30-rev3", "dt-30-rev-3"). null when the whole string is
 * not exactly one reference.
 */
export function normaliseDocumentRef(raw: string): string | null {
  const text = raw.trim();
  if (text.length === 0 || text.length > 200) return null;
  const strict = scan(text, false);
  if (strict.length === 1 && strict[0]!.start === 0 && strict[0]!.end === text.length)
    return strict[0]!.id;
  const lenient = scan(text, true);
  if (lenient.length === 1 && lenient[0]!.start === 0 && lenient[0]!.end === text.length)
    return lenient[0]!.id;
  return null;
}

/** The URL slug of a normalised id: lower case, "/" as "-" ("DT/30-REV3" -> "dt-30-rev3"). */
export function documentRefSlug(id: string): string {
  return id.toLowerCase().replace(/\//g, "-");
}

const SUFFIX_LABELS: Readonly<Record<SuffixKind, string>> = {
  ADD: "Add.",
  CORR: "Corr.",
  REV: "Rev.",
};
const INSTRUMENT_LABELS: Readonly<Record<string, string>> = {
  CS: "of the Constitution",
  CV: "of the Convention",
  UDHR: "of the Universal Declaration of Human Rights",
  ICCPR: "of the ICCPR",
};

/** "-ADD3-REV1" -> "(Add.3)(Rev.1)", the ITU's way of writing versions. */
function suffixLabel(suffixes: string): string {
  return [...suffixes.matchAll(/-(ADD|CORR|REV)(\d+)/g)]
    .map((m) => `(${SUFFIX_LABELS[m[1] as SuffixKind]}${m[2]})`)
    .join("");
}

/**
 * A normalised id as the ITU writes it, for display (URLs keep the slug): "DT/30-REV3" ->
 * "DT/30(Rev.3)", "DOC/3-ADD3" -> "Document 3(Add.3)", "RESOLUTION/PLEN-3" ->
 * "Resolution PLEN/3", "RULE/51" -> "Rule 51", "ARTICLE/3BIS" -> "Article 3bis",
 * "ARTICLE/58-CS" -> "Article 58 of the Constitution", "RECOMMENDATION/ITU-T-D.50" ->
 * "Recommendation ITU-T D.50". An id of no known form is returned as it is.
 */
export function documentLabel(id: string): string {
  const series = /^(ADM|DT|DL)\/(\d+)((?:-(?:ADD|CORR|REV)\d+)*)$/.exec(id);
  if (series) return `${series[1]}/${series[2]}${suffixLabel(series[3] ?? "")}`;
  const doc = /^DOC\/(\d+)((?:-(?:ADD|CORR|REV)\d+)*)$/.exec(id);
  if (doc) return `Document ${doc[1]}${suffixLabel(doc[2] ?? "")}`;
  const rule = /^RULE\/(\d+)$/.exec(id);
  if (rule) return `Rule ${rule[1]}`;
  const article = /^ARTICLE\/(\d+)([A-Z]?|BIS|TER)(?:-(CS|CV|UDHR|ICCPR))?$/.exec(id);
  if (article) {
    const letter = article[2] ?? "";
    const instrument = article[3] ? ` ${INSTRUMENT_LABELS[article[3]]}` : "";
    return `Article ${article[1]}${letter.length > 1 ? letter.toLowerCase() : letter}${instrument}`;
  }
  const resolution = /^RESOLUTION\/(?:(PLEN|COM\d)-)?(\d+)$/.exec(id);
  if (resolution) return `Resolution ${resolution[1] ? `${resolution[1]}/` : ""}${resolution[2]}`;
  const recommendation = /^RECOMMENDATION\/ITU-([TRD])-(.+)$/.exec(id);
  if (recommendation) return `Recommendation ITU-${recommendation[1]} ${recommendation[2]}`;
  return id;
}

/**
 * The family a reference belongs to: a conference document without its addenda, corrigenda and
 * revisions ("DT/30-REV3" -> "DT/30"); any other reference is its own family.
 */
export function documentFamily(id: string): string {
  const match = /^((?:ADM|DT|DL|DOC)\/\d+)(?:-(?:ADD|CORR|REV)\d+)*$/.exec(id);
  return match ? match[1]! : id;
}
