/**
 * An utterance's text with its spans made visible: search matches in <mark>, annotations such
 * as "(Applause)" set apart (they are not the speaker's words), document references linked to
 * their document page. Built from offsets with JSX, so every character is escaped; no raw HTML.
 */
import type { FC } from "hono/jsx";
import type { Annotation, DocumentRef } from "../../domain";

export interface RichTextProps {
  text: string;
  /** Match offsets [start, end) to mark. */
  highlights?: readonly (readonly [number, number])[];
  annotations?: readonly Annotation[];
  documents?: readonly DocumentRef[];
  /** Where a document reference links to; omit to leave references unlinked. */
  documentHref?: (id: string) => string;
}

/** A run of text and the spans that cover it. */
export interface Segment {
  text: string;
  mark: boolean;
  annotation: Annotation | null;
  document: DocumentRef | null;
}

function clampSpan(start: number, end: number, length: number): [number, number] | null {
  const s = Math.max(0, Math.min(length, start));
  const e = Math.max(0, Math.min(length, end));
  return e > s ? [s, e] : null;
}

/**
 * Cuts `text` at every span boundary. Spans outside the text are clipped; overlapping spans
 * simply cover the same segments. Concatenating the segments' text gives `text` back.
 */
export function segmentText(
  text: string,
  highlights: readonly (readonly [number, number])[] = [],
  annotations: readonly Annotation[] = [],
  documents: readonly DocumentRef[] = [],
): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  const marks: [number, number][] = [];
  for (const [start, end] of highlights) {
    const span = clampSpan(start, end, text.length);
    if (span) marks.push(span);
  }
  const spans = [
    ...marks,
    ...annotations.map((a) => [a.start, a.end] as const),
    ...documents.map((d) => [d.start, d.end] as const),
  ];
  for (const [start, end] of spans) {
    const span = clampSpan(start, end, text.length);
    if (span) {
      cuts.add(span[0]);
      cuts.add(span[1]);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? 0;
    if (end <= start) continue;
    const inside = (s: number, e: number): boolean => s <= start && end <= e;
    segments.push({
      text: text.slice(start, end),
      mark: marks.some(([s, e]) => inside(s, e)),
      annotation: annotations.find((a) => inside(a.start, a.end)) ?? null,
      document: documents.find((d) => inside(d.start, d.end)) ?? null,
    });
  }
  return segments;
}

export const RichText: FC<RichTextProps> = (props) => {
  const segments = segmentText(props.text, props.highlights, props.annotations, props.documents);
  return (
    <>
      {segments.map((segment) => {
        let node = segment.mark ? <mark>{segment.text}</mark> : <>{segment.text}</>;
        if (segment.annotation) {
          node = (
            <span class="annotation" title="Captioner's note, not the speaker's words">
              {node}
            </span>
          );
        }
        if (segment.document && props.documentHref) {
          node = <a href={props.documentHref(segment.document.id)}>{node}</a>;
        }
        return node;
      })}
    </>
  );
};
