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
  // Plain loops: this runs for every comment, and the per-label arrays that a map/filter
  // version builds cost more than the arithmetic. The order of the operations is the one
  // the formula above reads in, so every score comes out bit for bit the same.
  const scores = {} as LabelScores;
  for (const label of LABELS) {
    let learnedSum = 0;
    let learnedCount = 0;
    let dampen = 1;
    let miss = 1;
    for (const { kind, result } of outputs) {
      if (kind === LEXICON_KIND) {
        const factor = result.dampen?.[label];
        if (isPresent(factor)) dampen *= clamp01(factor);
        const evidence = result.scores[label];
        if (isPresent(evidence)) miss *= 1 - clamp01(evidence);
      } else {
        const score = result.scores[label];
        if (isPresent(score)) {
          learnedSum += score;
          learnedCount++;
        }
      }
    }
    const learned = learnedCount === 0 ? 0 : learnedSum / learnedCount;
    scores[label] = clamp01(1 - (1 - learned * dampen) * (1 - (1 - miss)));
  }
  return { scores, spans: orderedSpans(outputs) };
}

/** Every component's spans in one new array, by start then end (ties keep component order). */
function orderedSpans(outputs: readonly ComponentOutput[]): Span[] {
  const spans: Span[] = [];
  for (const { result } of outputs) for (const span of result.spans) spans.push(span);
  if (spans.length > 1) spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return spans;
}

/** Labels at or over their threshold, in LABELS order. */
export function flaggedLabels(scores: LabelScores, thresholds: LabelScores): Label[] {
  return LABELS.filter((label) => scores[label] >= thresholds[label]);
}

/** A score a component gave: absent labels and non-finite values do not count. */
function isPresent(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value);
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
