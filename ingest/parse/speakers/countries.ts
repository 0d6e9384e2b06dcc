/**
 * The delegation table: every recognised state with its alpha-3 id, display name and the keys
 * that name it. Names come from i18n-iso-countries (English locale only, registered here; the
 * package's browser entry is imported so no other locale is bundled or loaded).
 */
import {
  alpha2ToAlpha3,
  alpha3ToAlpha2,
  getName,
  getNames,
  registerLocale,
} from "i18n-iso-countries/index.js";
import en from "i18n-iso-countries/langs/en.json" with { type: "json" };
import {
  ACRONYM_ALIASES,
  CAPTIONER_ALIASES,
  DISPLAY_NAME_OVERRIDES,
  ITU_MEMBER_STATES_2012,
  OTHER_DELEGATIONS,
} from "./countries-data";
import { speakerKey } from "./text";

registerLocale(en);

/** One recognised delegation. */
export interface Delegation {
  /** ISO 3166-1 alpha-3 code, also the speaker id. */
  code: string;
  /** Display name (see DISPLAY_NAME_OVERRIDES for the convention). */
  name: string;
  /** True for the 193 ITU Member States at WCIT-12. */
  member2012: boolean;
  /** Keys of the names a label may use (package names, captioner forms). */
  nameKeys: string[];
  /** Keys of acronyms, matched only in capitals. */
  acronymKeys: string[];
}

/** The built table and its lookups. */
export interface DelegationTable {
  delegations: Delegation[];
  /** Name key -> alpha-3. A key two states share in the package (and no captioner form settles) is left out. */
  byNameKey: Map<string, string>;
  /** Acronym key -> alpha-3. */
  byAcronymKey: Map<string, string>;
  byCode: Map<string, Delegation>;
  /** Keys of every other English country or territory name in the package (never fuzzily matched). */
  otherPlaceKeys: Set<string>;
}

/** "Korea, Republic of" -> "Republic of Korea"; "Holy See (Vatican City State)" -> both parts. */
function nameVariants(name: string): string[] {
  const out = [name];
  const comma = /^(.+?),\s*(.+)$/.exec(name);
  if (comma) out.push(`${comma[2]} ${comma[1]}`, comma[1]!);
  const paren = /^(.+?)\s*\((.+)\)$/.exec(name);
  if (paren) {
    out.push(`${paren[2]} ${paren[1]}`, paren[1]!);
    // "Holy See (Vatican City State)" names it twice; "Netherlands (Kingdom of the)" does not.
    if (!/\bof( the)?$/i.test(paren[2]!)) out.push(paren[2]!);
  }
  return out;
}

/** Adds "st" for "saint" and back, so "ST. LUCIA" and "SAINT LUCIA" both match. */
function saintVariants(key: string): string[] {
  if (/\bsaint\b/.test(key)) return [key, key.replace(/\bsaint\b/g, "st")];
  if (/\bst\b/.test(key)) return [key, key.replace(/\bst\b/g, "saint")];
  return [key];
}

function packageNames(code: string): string[] {
  const alpha2 = alpha3ToAlpha2(code);
  if (!alpha2) throw new Error(`speakers: no ISO 3166-1 entry for ${code}`);
  const names = getName(alpha2, "en", { select: "all" });
  if (!names || names.length === 0) throw new Error(`speakers: no English name for ${code}`);
  return names;
}

/** Builds the table. Throws on a code the package does not know (a typo in the member list). */
export function buildDelegationTable(): DelegationTable {
  const codes = [...ITU_MEMBER_STATES_2012, ...Object.keys(OTHER_DELEGATIONS)];
  const members = new Set(ITU_MEMBER_STATES_2012);
  const delegations: Delegation[] = [];
  const packageKeyOwners = new Map<string, Set<string>>();
  const explicitKeys = new Map<string, string>();

  for (const code of codes) {
    const names = packageNames(code);
    const nameKeys = new Set<string>();
    for (const n of names.flatMap(nameVariants)) {
      for (const k of saintVariants(speakerKey(n))) {
        nameKeys.add(k);
        const owners = packageKeyOwners.get(k) ?? new Set<string>();
        owners.add(code);
        packageKeyOwners.set(k, owners);
      }
    }
    for (const alias of CAPTIONER_ALIASES[code] ?? []) {
      for (const k of saintVariants(speakerKey(alias))) {
        const previous = explicitKeys.get(k);
        if (previous && previous !== code) {
          throw new Error(
            `speakers: captioner alias "${alias}" names both ${previous} and ${code}`,
          );
        }
        explicitKeys.set(k, code);
        nameKeys.add(k);
      }
    }
    const display = DISPLAY_NAME_OVERRIDES[code] ?? names[0]!;
    nameKeys.add(speakerKey(display));
    delegations.push({
      code,
      name: display,
      member2012: members.has(code),
      nameKeys: [...nameKeys],
      acronymKeys: [...new Set((ACRONYM_ALIASES[code] ?? []).map(speakerKey))],
    });
  }

  const acronyms = new Set(delegations.flatMap((d) => d.acronymKeys));
  const byNameKey = new Map<string, string>();
  for (const d of delegations) {
    d.nameKeys = d.nameKeys.filter((k) => {
      if (acronyms.has(k)) return false; // the package lists "UK", "USA": capitals only

      const explicit = explicitKeys.get(k);
      if (explicit !== undefined) return explicit === d.code;
      return (packageKeyOwners.get(k)?.size ?? 0) <= 1;
    });
    for (const k of d.nameKeys) byNameKey.set(k, d.code);
  }

  const byAcronymKey = new Map<string, string>();
  for (const d of delegations) for (const k of d.acronymKeys) byAcronymKey.set(k, d.code);

  const otherPlaceKeys = new Set<string>();
  const allNames = getNames("en", { select: "all" });
  for (const [alpha2, names] of Object.entries(allNames)) {
    const code = alpha2ToAlpha3(alpha2);
    if (code && codes.includes(code)) continue;
    for (const n of names.flatMap(nameVariants)) {
      const k = speakerKey(n);
      if (!byNameKey.has(k)) otherPlaceKeys.add(k);
    }
  }

  return {
    delegations,
    byNameKey,
    byAcronymKey,
    byCode: new Map(delegations.map((d) => [d.code, d])),
    otherPlaceKeys,
  };
}
