/**
 * Fixed metadata stamped into every generated sample so that re-running the generator
 * produces identical bytes (no clocks, no random ids).
 */

/** Creation/modification date written into .docx core properties, .pdf info and zip entries. */
export const SAMPLE_DATE = new Date("2013-01-15T12:00:00Z");

/** Author/creator written into document metadata. */
export const SAMPLE_AUTHOR = "wcit-search synthetic sample generator";

/** The marker every sample carries in its header (right under the status line) and disclaimer. */
export const SYNTHETIC_MARKER = "SYNTHETIC SAMPLE - written for testing; not a real transcript";

/** Caption lines are hard-wrapped at about this many characters, like Caption First's files. */
export const WRAP_WIDTH = 64;
