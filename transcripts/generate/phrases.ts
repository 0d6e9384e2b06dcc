/**
 * Phrases that recur across sessions of the sample, with changing wording, so that phrase tracing
 * has something to show. `first` names the authored text (see samples.ts) and the label of the
 * first speaker to use the phrase; the tests check each phrase occurs in several sessions.
 */
export interface RecurringPhrase {
  phrase: string;
  first: { source: string; speaker: string };
}

export const RECURRING_PHRASES: readonly RecurringPhrase[] = [
  { phrase: "recognized operating agencies", first: { source: "plenary-1", speaker: "CANADA" } },
  {
    phrase: "authorized operating agencies",
    first: { source: "committee-5-2", speaker: "Brazil" },
  },
  { phrase: "operating agencies", first: { source: "plenary-1", speaker: "CANADA" } },
  {
    phrase: "security and robustness of networks",
    first: { source: "plenary-2", speaker: "RUSSIAN FEDERATION" },
  },
  {
    phrase: "security and robustness of international telecommunication networks",
    first: { source: "committee-5-3", speaker: "CHAIR" },
  },
  {
    phrase: "unsolicited bulk electronic communications",
    first: { source: "committee-5-1", speaker: "AUSTRALIA" },
  },
  {
    phrase: "enabling environment for the greater growth of the Internet",
    first: { source: "plenary-3", speaker: "LEBANON (That was Egypt speaking)" },
  },
  { phrase: "human rights obligations", first: { source: "committee-5-2", speaker: "Sweden" } },
  { phrase: "no consensus", first: { source: "committee-5-1", speaker: "DENMARK" } },
  { phrase: "misuse of numbering resources", first: { source: "plenary-1", speaker: "NIGERIA" } },
  { phrase: "persons with disabilities", first: { source: "plenary-1", speaker: "INDIA" } },
  { phrase: "mobile roaming", first: { source: "plenary-1", speaker: "TRINIDAD AND TOBAGO" } },
  { phrase: "charging and accounting", first: { source: "plenary-1", speaker: "CUBA" } },
];
