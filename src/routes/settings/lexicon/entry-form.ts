/**
 * The "add an entry" form as typed (kept to show again on error) and as a candidate entry
 * for lexiconEntrySchema: lists one per line, blank weights left out.
 */
import { LABELS } from '$lib/server/classify/types';

export const ENTRY_TEXT_FIELDS = [
  'id',
  'category',
  'forms',
  'patterns',
  'explanation',
  'sources'
] as const;

export type TypedEntry = Record<(typeof ENTRY_TEXT_FIELDS)[number], string> & {
  weights: Record<string, string>;
};

export function readEntryForm(form: FormData): { typed: TypedEntry; candidate: unknown } {
  const text = (name: string) => String(form.get(name) ?? '');
  const typed = {
    ...(Object.fromEntries(ENTRY_TEXT_FIELDS.map((field) => [field, text(field)])) as Record<
      (typeof ENTRY_TEXT_FIELDS)[number],
      string
    >),
    weights: Object.fromEntries(LABELS.map((label) => [label, text(`weight_${label}`)]))
  };
  const weights = Object.fromEntries(
    Object.entries(typed.weights)
      .filter(([, value]) => value.trim() !== '')
      .map(([label, value]) => [label, Number(value)])
  );
  return {
    typed,
    candidate: {
      id: typed.id.trim(),
      category: typed.category,
      forms: lines(typed.forms),
      patterns: lines(typed.patterns),
      weights,
      explanation: typed.explanation.trim(),
      sources: lines(typed.sources)
    }
  };
}

function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
