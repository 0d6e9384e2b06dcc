/**
 * WCIT-12: the ITU's World Conference on International Telecommunications, Dubai, 3-14 December
 * 2012, which revised the International Telecommunication Regulations (ITRs). Its plenary meetings
 * and its Committee 5 meetings were live-captioned. Facts: ../../docs/conferences.md.
 */
import type { ConferenceProfile } from "./profile";

export const WCIT_12 = {
  id: "wcit-12",
  name: "World Conference on International Telecommunications (WCIT-12)",
  shortName: "WCIT-12",
  fileStem: "wcit12",
  organiser: "ITU",
  place: "Dubai, United Arab Emirates",
  city: "Dubai",
  dates: { from: "2012-12-03", to: "2012-12-14" },
  timeZone: "Asia/Dubai",
  // The first corpus: its permalinks ("/sessions/plenary-3") predate conferences and keep working.
  sessionIdPrefix: "",
  bodies: [
    { id: "plenary", name: "Plenary", shortLabel: "P" },
    {
      id: "committee-5",
      name: "Committee 5",
      description: "Negotiated the text of the International Telecommunication Regulations",
      shortLabel: "C5·",
    },
    { id: "working-group", name: "Working Group of the Plenary", shortLabel: "WG·" },
  ],
  titleExamples: [
    { title: "PLENARY 1", body: "plenary", number: 1 },
    { title: "PLENARY 13 - CLOSING CEREMONY", body: "plenary", number: 13 },
    { title: "SEVENTEENTH MEETING OF THE PLENARY", body: "plenary", number: 17 },
    { title: "COMMITTEE 5 MEETING", body: "committee-5", number: 1 },
    { title: "COMMITTEE 5 MEETING 2", body: "committee-5", number: 2 },
    { title: "THIRD MEETING OF COMMITTEE 5", body: "committee-5", number: 3 },
    { title: "FOURTH MEETING OF COM 5", body: "committee-5", number: 4 },
    {
      title: "SIXTH MEETING OF THE WORKING GROUP OF THE PLENARY",
      body: "working-group",
      number: 6,
    },
  ],
  titleRules: [
    {
      pattern: /^COM(?:MITTEE)?\s*5\s*MEETING$/,
      number: 1,
      note: "Its first Committee 5 meeting is titled without a number; the second is COMMITTEE 5 MEETING 2",
    },
  ],
  officials: [{ name: "Mohamed Nasser Al Ghanim", role: "Chair of the conference" }],
  recognition: {
    conferenceLines: [
      /WORLD\s*CONFERENCE\s*ON\s*INTERNATIONAL\s*TELECOMMUNICATIONS/,
      /\bWCIT[\s-]*(?:20)?12\b/,
    ],
    cityLines: [/DUBAI\s*,?\s*(?:UNITED\s*ARAB\s*EMIRATES|U\.?A\.?E\.?)/],
    examples: {
      conferenceLines: ["WORLD CONFERENCE ON INTERNATIONAL TELECOMMUNICATIONS"],
      cityLines: ["DUBAI, UNITED ARAB EMIRATES"],
    },
  },
  sources: {
    startUrls: [
      "https://www.itu.int/en/wcit-12/Pages/default.aspx",
      "https://www.itu.int/osg/wcit-12/highlights/dec04.html",
      "https://www.itu.int/osg/wcit-12/highlights/dec05-07.html",
    ],
    archivePrefixes: ["www.itu.int/en/wcit-12/Documents/"],
    keptBodies: ["plenary", "committee-5"],
  },
} as const satisfies ConferenceProfile;
