/**
 * WTPF-13: the ITU's fifth World Telecommunication/ICT Policy Forum, Geneva, Switzerland,
 * 14-16 May 2013, captioned by the same provider in the same format as WCIT-12. It met in plenary;
 * moderators and panelists speak in its panel discussions. The web addresses are the event's
 * site as the ITU laid it out (not checked here: no network).
 */
import type { ConferenceProfile } from "./profile";

export const WTPF_13 = {
  id: "wtpf-13",
  name: "World Telecommunication/ICT Policy Forum 2013 (WTPF-13)",
  shortName: "WTPF-13",
  fileStem: "wtpf13",
  organiser: "ITU",
  place: "Geneva, Switzerland",
  city: "Geneva",
  dates: { from: "2013-05-14", to: "2013-05-16" },
  timeZone: "Europe/Zurich",
  sessionIdPrefix: "wtpf-13-",
  bodies: [
    { id: "plenary", name: "Plenary", shortLabel: "P" },
    { id: "panel", name: "Panel discussion", shortLabel: "Panel " },
  ],
  titleExamples: [
    { title: "FIRST PLENARY SESSION", body: "plenary", number: 1 },
    { title: "PLENARY SESSION AND CLOSING CEREMONIES", body: "plenary", number: null },
  ],
  titleRules: [],
  officials: [],
  recognition: {
    conferenceLines: [
      /WORLD\s*TELECOMMUNICATION\s*\/?\s*ICT\s*POLICY\s*FORUM/,
      /\bWTPF[\s-]*(?:20)?13\b/,
    ],
    cityLines: [/GENEVA\s*,?\s*SWITZERLAND/],
    examples: {
      conferenceLines: ["WORLD TELECOMMUNICATION/ICT POLICY FORUM", "WTPF-13"],
      cityLines: ["GENEVA, SWITZERLAND"],
    },
  },
  sources: {
    startUrls: ["https://www.itu.int/en/wtpf-13/Pages/default.aspx"],
    archivePrefixes: ["www.itu.int/en/wtpf-13/"],
    keptBodies: ["plenary", "panel"],
  },
} as const satisfies ConferenceProfile;
