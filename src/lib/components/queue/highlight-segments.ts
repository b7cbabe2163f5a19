/**
 * A comment's text cut into plain-text segments at its flagged spans, so the page renders
 * `<mark>` around text nodes and never builds HTML from a hostile comment. Spans may
 * overlap or run past the text (a re-ingested comment); overlapping spans merge into one
 * marked segment that carries every reason.
 */
export interface HighlightSpan {
  start: number;
  end: number;
  label: string;
  reason: string;
  /** Set when a lexicon entry matched: its explanation of a coded term. */
  entryId?: string;
}

export interface TextSegment {
  text: string;
  /** The labels of the spans covering this segment; empty for plain text. */
  labels: string[];
}

export function highlightSegments(text: string, spans: readonly HighlightSpan[]): TextSegment[] {
  const clamped = spans
    .map((span) => ({
      start: Math.max(0, Math.min(text.length, span.start)),
      end: Math.max(0, Math.min(text.length, span.end)),
      label: span.label
    }))
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Array<{ start: number; end: number; labels: Set<string> }> = [];
  for (const span of clamped) {
    const last = merged.at(-1);
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      last.labels.add(span.label);
    } else merged.push({ start: span.start, end: span.end, labels: new Set([span.label]) });
  }
  const segments: TextSegment[] = [];
  let position = 0;
  for (const mark of merged) {
    if (mark.start > position)
      segments.push({ text: text.slice(position, mark.start), labels: [] });
    segments.push({ text: text.slice(mark.start, mark.end), labels: [...mark.labels] });
    position = mark.end;
  }
  if (position < text.length) segments.push({ text: text.slice(position), labels: [] });
  return segments;
}

/**
 * One line per distinct matched term: the text it matched and why it counts. The lexicon's
 * explanations of coded terms come first, the model's weighing after.
 */
export function spanExplanations(
  text: string,
  spans: readonly HighlightSpan[]
): Array<{ term: string; label: string; reason: string }> {
  const seen = new Set<string>();
  const lexiconFirst = [...spans].sort(
    (a, b) => Number(a.entryId === undefined) - Number(b.entryId === undefined)
  );
  return lexiconFirst.flatMap((span) => {
    const term = text.slice(span.start, span.end);
    const key = `${term}\u0000${span.reason}`;
    if (seen.has(key) || span.reason === '') return [];
    seen.add(key);
    return [{ term, label: span.label, reason: span.reason }];
  });
}
