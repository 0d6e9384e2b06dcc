/**
 * PP-14: the ITU Plenipotentiary Conference 2014, Busan, Republic of Korea, 20 October -
 * 7 November 2014, captioned by the same provider in the same format as WCIT-12. Plenary meetings,
 * committees (Committee 5 on policy and legal matters, Committee 6 on administration) and the
 * Working Group of the Plenary met. The web addresses are the ITU's usual layout for the event;
 * the archive prefixes let the scraper find what the pages no longer link.
 */
import { YEARLESS_PLENIPOTENTIARY, type ConferenceProfile } from "./profile";

export const PP_14 = {
  id: "pp-14",
  name: "ITU Plenipotentiary Conference 2014 (PP-14)",
  shortName: "PP-14",
  fileStem: "pp14",
  organiser: "ITU",
  place: "Busan, Republic of Korea",
  city: "Busan",
  dates: { from: "2014-10-20", to: "2014-11-07" },
  timeZone: "Asia/Seoul",
  sessionIdPrefix: "pp-14-",
  bodies: [
    { id: "plenary", name: "Plenary", shortLabel: "P" },
    { id: "committee-4", name: "Committee 4", shortLabel: "C4·" },
    { id: "committee-5", name: "Committee 5", shortLabel: "C5·" },
    { id: "committee-6", name: "Committee 6", shortLabel: "C6·" },
    { id: "working-group", name: "Working Group of the Plenary", shortLabel: "WG·" },
    { id: "working-group-3", name: "Working Group 3", shortLabel: "WG3·" },
  ],
  titleExamples: [
    { title: "FIFTEENTH PLENARY MEETING", body: "plenary", number: 15 },
    { title: "PLENARY SESSION AND CLOSING CEREMONIES", body: "plenary", number: null },
    { title: "SEVENTH MEETING OF COMMITTEE 6", body: "committee-6", number: 7 },
    { title: "COMMITTEE 5", body: "committee-5", number: null },
    { title: "WORKING GROUP 3 MEETING", body: "working-group-3", number: null },
    { title: "NINTH WORKING GROUP OF THE PLENARY", body: "working-group", number: 9 },
    {
      title: "TENTH MEETING OF THE WORKING GROUP OF THE PLENARY",
      body: "working-group",
      number: 10,
    },
  ],
  titleRules: [],
  officials: [],
  recognition: {
    conferenceLines: [
      /PLENIPOTENTIARY\s*CONFERENCE\s*(?:\(?PP[\s-]*14\)?\s*)?2014|\bPP[\s-]*14\b/,
      // Without a year the line fits every Plenipotentiary: the city or the date decides.
      YEARLESS_PLENIPOTENTIARY,
    ],
    cityLines: [/BUSAN\s*,?\s*(?:REPUBLIC\s*OF\s*)?KOREA/],
    examples: {
      conferenceLines: ["ITU PLENIPOTENTIARY CONFERENCE 2014", "PLENIPOTENTIARY CONFERENCE 2014"],
      cityLines: ["BUSAN, KOREA", "BUSAN, REPUBLIC OF KOREA"],
    },
  },
  sources: {
    startUrls: ["https://www.itu.int/en/plenipotentiary/2014/Pages/default.aspx"],
    archivePrefixes: ["www.itu.int/en/plenipotentiary/2014/Documents/"],
    keptBodies: ["plenary", "committee-5", "committee-6", "working-group"],
  },
} as const satisfies ConferenceProfile;
