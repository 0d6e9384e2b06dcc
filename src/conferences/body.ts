/**
 * Body ids ("plenary", "committee-5", "working-group-3"): their kind and number, their names, and
 * the id a kind and number make. The one place that reads or writes a body id.
 */
import type { Body, BodyKind, BodyProfile } from "./profile";

/** A body id taken apart: "committee-5" -> { kind: "committee", number: 5 }. */
export interface BodyParts {
  kind: BodyKind;
  /** The committee's or working group's own number; null for the plenary and unnumbered bodies. */
  number: number | null;
}

const BODY_ID = /^(plenary|committee|working-group|panel|other)(?:-(\d{1,3}))?$/;

/** The kind and number of a body id; null for a string that is no body id. */
export function parseBody(id: string): BodyParts | null {
  const m = BODY_ID.exec(id);
  if (!m?.[1]) return null;
  const kind = m[1] as BodyKind;
  const number = m[2] === undefined ? null : Number(m[2]);
  if (number !== null && kind !== "committee" && kind !== "working-group") return null;
  if (number === null && kind === "committee") return null;
  return { kind, number };
}

/** True for a body id ("committee-6"); a guard for filters and query values. */
export function isBody(id: string): id is Body {
  return parseBody(id) !== null;
}

/** The body id of a kind and number: ("committee", 6) -> "committee-6". */
export function bodyId(kind: BodyKind, number: number | null = null): Body {
  switch (kind) {
    case "committee":
      return `committee-${number ?? 0}`;
    case "working-group":
      return number === null ? "working-group" : `working-group-${number}`;
    case "plenary":
    case "panel":
    case "other":
      return kind;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** The kind of a body id ("committee-5" -> "committee"); "other" for anything else. */
export function bodyKind(body: Body): BodyKind {
  return parseBody(body)?.kind ?? "other";
}

/** The name of a body: "Plenary", "Committee 5", "Working Group of the Plenary", "Working Group 3". */
export function bodyDisplayName(body: Body): string {
  const parts = parseBody(body) ?? { kind: "other" as const, number: null };
  switch (parts.kind) {
    case "plenary":
      return "Plenary";
    case "committee":
      return `Committee ${parts.number ?? ""}`.trim();
    case "working-group":
      return parts.number === null
        ? "Working Group of the Plenary"
        : `Working Group ${parts.number}`;
    case "panel":
      return "Panel";
    case "other":
      return "Meeting";
    default: {
      const never: never = parts.kind;
      return never;
    }
  }
}

/** A compact chart-axis prefix: "P", "C5·", "WG·", "WG3·", "Panel ", "". */
export function bodyShortLabel(body: Body): string {
  const parts = parseBody(body) ?? { kind: "other" as const, number: null };
  switch (parts.kind) {
    case "plenary":
      return "P";
    case "committee":
      return `C${parts.number ?? ""}·`;
    case "working-group":
      return parts.number === null ? "WG" : `WG${parts.number}·`;
    case "panel":
      return "Panel ";
    case "other":
      return "";
    default: {
      const never: never = parts.kind;
      return never;
    }
  }
}

/** The bodies of a profile, named as every page names them: bodies("plenary", "committee-5"). */
export function bodies(...ids: Body[]): BodyProfile[] {
  return ids.map((id) => ({ id, name: bodyDisplayName(id) }));
}
