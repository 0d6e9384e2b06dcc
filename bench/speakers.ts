/**
 * Speakers of the synthetic benchmark corpus: delegations of Member States (ISO 3166-1 alpha-3
 * codes), and the roles heard in every session (chair, secretariat, interpreter, unlabelled).
 */
import type { Speaker } from "../src/domain";
import { ZipfSampler, type Random } from "./random";

/** [alpha-3 code, turn label as a captioner writes it, canonical name]. */
const DELEGATIONS: readonly (readonly [string, string, string])[] = [
  ["EGY", "EGYPT", "Egypt"],
  ["USA", "UNITED STATES", "United States of America"],
  ["IRN", "ISLAMIC REPUBLIC OF IRAN", "Iran (Islamic Republic of)"],
  ["SAU", "SAUDI ARABIA", "Saudi Arabia"],
  ["RUS", "RUSSIAN FEDERATION", "Russian Federation"],
  ["CHN", "CHINA", "China"],
  ["GBR", "UNITED KINGDOM", "United Kingdom"],
  ["SWE", "SWEDEN", "Sweden"],
  ["IND", "INDIA", "India"],
  ["BRA", "BRAZIL", "Brazil"],
  ["CUB", "CUBA", "Cuba"],
  ["CAN", "CANADA", "Canada"],
  ["DZA", "ALGERIA", "Algeria"],
  ["ARE", "UNITED ARAB EMIRATES", "United Arab Emirates"],
  ["KOR", "REPUBLIC OF KOREA", "Korea (Republic of)"],
  ["JPN", "JAPAN", "Japan"],
  ["DEU", "GERMANY", "Germany"],
  ["FRA", "FRANCE", "France"],
  ["NGA", "NIGERIA", "Nigeria"],
  ["KEN", "KENYA", "Kenya"],
  ["ZAF", "SOUTH AFRICA", "South Africa"],
  ["AUS", "AUSTRALIA", "Australia"],
  ["POL", "POLAND", "Poland"],
  ["BGR", "BULGARIA", "Bulgaria"],
  ["LBN", "LEBANON", "Lebanon"],
  ["TTO", "TRINIDAD AND TOBAGO", "Trinidad and Tobago"],
  ["MEX", "MEXICO", "Mexico"],
  ["ARG", "ARGENTINA", "Argentina"],
  ["URY", "URUGUAY", "Uruguay"],
  ["TUN", "TUNISIA", "Tunisia"],
  ["MAR", "MOROCCO", "Morocco"],
  ["QAT", "QATAR", "Qatar"],
  ["OMN", "OMAN", "Oman"],
  ["BHR", "BAHRAIN", "Bahrain"],
  ["JOR", "JORDAN", "Jordan"],
  ["SDN", "SUDAN", "Sudan"],
  ["IDN", "INDONESIA", "Indonesia"],
  ["MYS", "MALAYSIA", "Malaysia"],
  ["THA", "THAILAND", "Thailand"],
  ["PHL", "PHILIPPINES", "Philippines"],
  ["PAK", "PAKISTAN", "Pakistan"],
  ["BGD", "BANGLADESH", "Bangladesh"],
  ["TUR", "TURKEY", "Türkiye"],
  ["ESP", "SPAIN", "Spain"],
  ["ITA", "ITALY", "Italy"],
  ["NLD", "NETHERLANDS", "Netherlands"],
  ["CHE", "SWITZERLAND", "Switzerland"],
  ["NOR", "NORWAY", "Norway"],
  ["FIN", "FINLAND", "Finland"],
  ["DNK", "DENMARK", "Denmark"],
  ["CZE", "CZECH REPUBLIC", "Czechia"],
  ["ROU", "ROMANIA", "Romania"],
  ["GHA", "GHANA", "Ghana"],
  ["SEN", "SENEGAL", "Senegal"],
  ["CIV", "COTE D'IVOIRE", "Côte d'Ivoire"],
  ["TZA", "UNITED REPUBLIC OF TANZANIA", "Tanzania (United Republic of)"],
  ["UGA", "UGANDA", "Uganda"],
  ["RWA", "RWANDA", "Rwanda"],
  ["CMR", "CAMEROON", "Cameroon"],
  ["COL", "COLOMBIA", "Colombia"],
  ["CHL", "CHILE", "Chile"],
  ["PER", "PERU", "Peru"],
  ["VEN", "VENEZUELA", "Venezuela (Bolivarian Republic of)"],
  ["NZL", "NEW ZEALAND", "New Zealand"],
];

/** Probability that a turn belongs to each role (the rest are delegations). */
const ROLE_SHARES = { chair: 0.3, secretariat: 0.04, interpreter: 0.01, unknown: 0.01 } as const;

/** The speakers of a corpus and how often each takes the floor. */
export interface SpeakerPool {
  delegations: readonly Speaker[];
  chair: Speaker;
  secretariat: Speaker;
  interpreter: Speaker;
  unknown: Speaker;
  /** Draws the speaker of the next turn. Delegations follow a Zipf law (a few speak a lot). */
  sample(random: Random): Speaker;
  /** Draws a delegation. */
  sampleDelegation(random: Random): Speaker;
}

/** Builds the speaker pool. Speaker objects are shared by reference between utterances. */
export function buildSpeakerPool(): SpeakerPool {
  const delegations: Speaker[] = DELEGATIONS.map(([code, label, name]) => ({
    raw: label,
    kind: "delegation",
    country: code,
    id: code,
    name,
  }));
  const chair: Speaker = { raw: "CHAIR", kind: "chair", country: null, id: "chair", name: "Chair" };
  const secretariat: Speaker = {
    raw: "SECRETARIAT",
    kind: "secretariat",
    country: null,
    id: "secretariat",
    name: "Secretariat",
  };
  const interpreter: Speaker = {
    raw: "INTERPRETER",
    kind: "interpreter",
    country: null,
    id: "interpreter",
    name: "Interpreter",
  };
  const unknown: Speaker = {
    raw: null,
    kind: "unknown",
    country: null,
    id: "unknown",
    name: "Unidentified speaker",
  };
  const zipf = new ZipfSampler(delegations.length, 0.9, 1);
  const sampleDelegation = (random: Random): Speaker => delegations[zipf.sample(random)] as Speaker;
  return {
    delegations,
    chair,
    secretariat,
    interpreter,
    unknown,
    sampleDelegation,
    sample(random) {
      let roll = random.next();
      if ((roll -= ROLE_SHARES.chair) < 0) return chair;
      if ((roll -= ROLE_SHARES.secretariat) < 0) return secretariat;
      if ((roll -= ROLE_SHARES.interpreter) < 0) return interpreter;
      if ((roll -= ROLE_SHARES.unknown) < 0) return unknown;
      return sampleDelegation(random);
    },
  };
}
