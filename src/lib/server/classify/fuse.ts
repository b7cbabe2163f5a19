/**
 * The fusion rule: one documented way to combine whatever components are present.
 *
 * Per label:
 *   learned  = the mean of the learned components' scores for the label (the trained model,
 *              the transformers.js model), or 0 when none scores it;
 *   dampen   = the lexicon's factor for the label (1 unless context showed an innocent use:
 *              a street name, a currency, counter-speech quoting a term);
 *   evidence = the lexicon's score for the label (noisy-OR of its matched entries);
 *   score    = 1 − (1 − learned · dampen) · (1 − evidence).
 *
 * So lexicon evidence raises a label even where no model scores it (coded antisemitism,
 * profanity), it never lowers a confident model by itself, and its context rules lower
 * the learned score where the words are innocent. The result stays in [0, 1] and is
 * monotone in every input, which keeps per-label thresholds meaningful.
 */
import { LABELS, type ComponentResult, type Label, type LabelScores, type Span } from './types';

export interface ComponentOutput {
  kind: string;
  result: ComponentResult;
}

const LEXICON_KIND = 'lexicon';

export function fuseScores(outputs: readonly ComponentOutput[]): {
  scores: LabelScores;
  spans: Span[];
} {
  const lexicon = outputs.filter((output) => output.kind === LEXICON_KIND);
  const learned = outputs.filter((output) => output.kind !== LEXICON_KIND);
  const scores = {} as LabelScores;
  for (const label of LABELS) {
    const learnedScore = mean(learned.map((output) => output.result.scores[label]));
    const dampen = product(lexicon.map((output) => output.result.dampen?.[label]));
    const evidence = noisyOr(lexicon.map((output) => output.result.scores[label]));
    scores[label] = clamp01(1 - (1 - learnedScore * dampen) * (1 - evidence));
  }
  const spans = outputs
    .flatMap((output) => output.result.spans)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  return { scores, spans };
}

/** Labels at or over their threshold, in LABELS order. */
export function flaggedLabels(scores: LabelScores, thresholds: LabelScores): Label[] {
  return LABELS.filter((label) => scores[label] >= thresholds[label]);
}

function present(values: readonly (number | undefined)[]): number[] {
  return values.filter((value): value is number => value !== undefined && Number.isFinite(value));
}

function mean(values: readonly (number | undefined)[]): number {
  const known = present(values);
  return known.length === 0 ? 0 : known.reduce((sum, value) => sum + value, 0) / known.length;
}

function product(values: readonly (number | undefined)[]): number {
  return present(values).reduce((total, value) => total * clamp01(value), 1);
}

function noisyOr(values: readonly (number | undefined)[]): number {
  return 1 - present(values).reduce((miss, value) => miss * (1 - clamp01(value)), 1);
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
