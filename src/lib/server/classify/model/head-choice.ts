/**
 * Which heads a label keeps. The n-gram head is the default: it is fast (well under a
 * millisecond a comment) and needs no encoder. The sentence-embedding head costs ~15 ms a
 * comment at inference (30–40 times the n-gram cost), so it is kept — combined with n-grams,
 * or alone — only when it beats n-grams alone by a clear margin on both dev ROC-AUC (ranking)
 * and best F1 (the operating point a moderator sees through the threshold).
 */
import type { HeadChoice } from './label-training';

export interface HeadMetrics {
  rocAuc: number | null;
  /** Best F1 over thresholds on dev (raw scores). */
  f1: number;
}

export type Comparison = Partial<Record<HeadChoice, HeadMetrics>>;

export function chooseHeads(comparison: Comparison, margin: number): HeadChoice | null {
  const ngram = comparison.ngram;
  if (!ngram || ngram.rocAuc === null) {
    return comparison.sentence?.rocAuc !== null && comparison.sentence ? 'sentence' : null;
  }
  const clearlyBetter = (
    other: HeadMetrics | undefined
  ): other is HeadMetrics & { rocAuc: number } =>
    other !== undefined &&
    other.rocAuc !== null &&
    other.rocAuc >= (ngram.rocAuc as number) + margin &&
    other.f1 >= ngram.f1 + margin;
  const winners = (['both', 'sentence'] as const)
    .map((choice) => ({ choice, metrics: comparison[choice] }))
    .filter((entry) => clearlyBetter(entry.metrics))
    .sort((a, b) => (b.metrics?.rocAuc ?? 0) - (a.metrics?.rocAuc ?? 0));
  return winners[0]?.choice ?? 'ngram';
}
