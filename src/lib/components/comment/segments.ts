/**
 * Splits a comment's text at its spans' UTF-16 offsets into plain-text segments, each
 * with the spans covering it, so highlighting never builds markup from the text itself.
 * Overlapping spans are allowed; offsets outside the text are clamped, empty spans dropped.
 */
export interface HighlightSpan {
  start: number;
  end: number;
  label: string;
  reason: string;
}

export interface Segment<S extends HighlightSpan = HighlightSpan> {
  text: string;
  start: number;
  /** The spans covering this segment; empty for unhighlighted text. */
  spans: S[];
}

export function segmentText<S extends HighlightSpan>(
  text: string,
  spans: readonly S[]
): Segment<S>[] {
  const clamp = (offset: number) => Math.min(Math.max(Math.trunc(offset), 0), text.length);
  const valid = spans
    .map((span) => ({ span, start: clamp(span.start), end: clamp(span.end) }))
    .filter(({ start, end }) => end > start);
  const cuts = new Set<number>([0, text.length]);
  for (const { start, end } of valid) {
    cuts.add(start);
    cuts.add(end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment<S>[] = [];
  for (let index = 0; index < points.length - 1; index += 1) {
    const start = points[index]!;
    const end = points[index + 1]!;
    if (end === start) continue;
    segments.push({
      text: text.slice(start, end),
      start,
      spans: valid.filter((item) => item.start <= start && item.end >= end).map(({ span }) => span)
    });
  }
  return segments;
}
