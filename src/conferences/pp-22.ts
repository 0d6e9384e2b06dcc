/**
 * PP-22: the ITU Plenipotentiary Conference 2022, Bucharest, Romania, 26 September - 14 October
 * 2022, captioned by the same provider in the same format as WCIT-12. Its headers name rooms
 * ("ROOM A", "ROOM CUZA"). Bodies: the plenary, Committee 5 (policy and legal matters),
 * Committee 6 (administration and management) and the Working Group of the Plenary. The web
 * addresses are the event's site as the ITU laid it out (not checked here: no network).
 */
import { YEARLESS_PLENIPOTENTIARY, type ConferenceProfile } from "./profile";

export const PP_22 = {
  id: "pp-22",
  name: "ITU Plenipotentiary Conference 2022 (PP-22)",
  shortName: "PP-22",
  fileStem: "pp22",
  organiser: "ITU",
  place: "Bucharest, Romania",
  city: "Bucharest",
  dates: { from: "2022-09-26", to: "2022-10-14" },
  timeZone: "Europe/Bucharest",
  sessionIdPrefix: "pp-22-",
  bodies: [
    { id: "plenary", name: "Plenary", shortLabel: "P" },
    { id: "committee-5", name: "Committee 5", shortLabel: "C5·" },
    { id: "committee-6", name: "Committee 6", shortLabel: "C6·" },
    { id: "working-group", name: "Working Group of the Plenary", shortLabel: "WG·" },
  ],
  titleExamples: [
    { title: "FIFTEENTH PLENARY MEETING", body: "plenary", number: 15 },
    { title: "NINTH WORKING GROUP OF THE PLENARY", body: "working-group", number: 9 },
    { title: "SEVENTH MEETING OF COMMITTEE 6", body: "committee-6", number: 7 },
    { title: "PLENARY SESSION AND CLOSING CEREMONIES", body: "plenary", number: null },
  ],
  titleRules: [],
  officials: [],
  recognition: {
    conferenceLines: [
      /PLENIPOTENTIARY\s*CONFERENCE\s*(?:\(?PP[\s-]*22\)?\s*)?2022|\bPP[\s-]*22\b/,
      YEARLESS_PLENIPOTENTIARY,
    ],
    cityLines: [/BUCHAREST\s*,?\s*ROMANIA/],
    examples: {
      conferenceLines: ["PLENIPOTENTIARY CONFERENCE 2022", "ITU PLENIPOTENTIARY CONFERENCE 2022"],
      cityLines: ["BUCHAREST, ROMANIA"],
    },
  },
  sources: {
    startUrls: ["https://www.itu.int/pp22/en/"],
    archivePrefixes: ["www.itu.int/pp22/"],
    keptBodies: ["plenary", "committee-5", "committee-6", "working-group"],
  },
} as const satisfies ConferenceProfile;
