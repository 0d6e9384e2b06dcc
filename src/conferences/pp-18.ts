/**
 * PP-18: the ITU Plenipotentiary Conference 2018, Dubai, United Arab Emirates, 29 October -
 * 16 November 2018, captioned by the same provider in the same format as WCIT-12. Its city line is
 * WCIT-12's: the conference line or the date tells them apart. Bodies: the plenary, Committee 5
 * (policy and legal matters), Committee 6 (administration and management) and the Working Group
 * of the Plenary. The web addresses are the event's site as the ITU laid it out (not checked
 * here: no network); the archive prefixes let the scraper find what its pages no longer link.
 */
import { YEARLESS_PLENIPOTENTIARY, type ConferenceProfile } from "./profile";

export const PP_18 = {
  id: "pp-18",
  name: "ITU Plenipotentiary Conference 2018 (PP-18)",
  shortName: "PP-18",
  fileStem: "pp18",
  organiser: "ITU",
  place: "Dubai, United Arab Emirates",
  city: "Dubai",
  dates: { from: "2018-10-29", to: "2018-11-16" },
  timeZone: "Asia/Dubai",
  sessionIdPrefix: "pp-18-",
  bodies: [
    { id: "plenary", name: "Plenary", shortLabel: "P" },
    { id: "committee-5", name: "Committee 5", shortLabel: "C5·" },
    { id: "committee-6", name: "Committee 6", shortLabel: "C6·" },
    { id: "working-group", name: "Working Group of the Plenary", shortLabel: "WG·" },
  ],
  titleExamples: [
    { title: "FIRST PLENARY MEETING", body: "plenary", number: 1 },
    { title: "SECOND MEETING OF COMMITTEE 5", body: "committee-5", number: 2 },
    { title: "THIRD MEETING OF COMMITTEE 6", body: "committee-6", number: 3 },
    {
      title: "FOURTH MEETING OF THE WORKING GROUP OF THE PLENARY",
      body: "working-group",
      number: 4,
    },
  ],
  titleRules: [],
  officials: [],
  recognition: {
    conferenceLines: [
      /PLENIPOTENTIARY\s*CONFERENCE\s*(?:\(?PP[\s-]*18\)?\s*)?2018|\bPP[\s-]*18\b/,
      YEARLESS_PLENIPOTENTIARY,
    ],
    cityLines: [/DUBAI\s*,?\s*(?:UNITED\s*ARAB\s*EMIRATES|U\.?A\.?E\.?)/],
    examples: {
      conferenceLines: ["ITU PLENIPOTENTIARY CONFERENCE 2018", "PLENIPOTENTIARY CONFERENCE 2018"],
      cityLines: ["DUBAI, UNITED ARAB EMIRATES"],
    },
  },
  sources: {
    startUrls: ["https://www.itu.int/web/pp-18/en/"],
    archivePrefixes: ["www.itu.int/web/pp-18/"],
    keptBodies: ["plenary", "committee-5", "committee-6", "working-group"],
  },
} as const satisfies ConferenceProfile;
