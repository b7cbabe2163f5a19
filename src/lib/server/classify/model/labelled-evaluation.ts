/**
 * Per-label metrics of any classifier's scores against a labelled file: what `eval` prints.
 * Each label is judged only on the rows that give a verdict for it (null = "not said");
 * a label no row judges gets n = 0 and null metrics rather than misleading zeros.
 */
import { LABELS, type Label, type LabelScores } from '../types';
import type { LabelledRow } from './dataset';
import { metricsAtThreshold, rocAuc } from './metrics';

export interface LabelEvaluation {
  n: number;
  positives: number;
  rocAuc: number | null;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  threshold: number;
}

export function evaluateLabelled(
  rows: readonly LabelledRow[],
  scores: readonly LabelScores[],
  thresholds: LabelScores
): Record<Label, LabelEvaluation> {
  if (scores.length !== rows.length) throw new Error('one score set per row is needed');
  const entries = LABELS.map((label): [Label, LabelEvaluation] => {
    const judged = rows.flatMap((row, index) => {
      const verdict = row.labels[label];
      return verdict === null ? [] : [{ verdict, score: scores[index]?.[label] ?? 0 }];
    });
    const targets = Uint8Array.from(judged, (entry) => entry.verdict);
    const values = Float64Array.from(judged, (entry) => entry.score);
    const threshold = thresholds[label];
    const positives = targets.reduce((sum, target) => sum + target, 0);
    if (judged.length === 0) {
      return [
        label,
        { n: 0, positives: 0, rocAuc: null, precision: null, recall: null, f1: null, threshold }
      ];
    }
    const { precision, recall, f1 } = metricsAtThreshold(values, targets, threshold);
    return [
      label,
      {
        n: judged.length,
        positives,
        rocAuc: rocAuc(values, targets),
        precision,
        recall,
        f1,
        threshold
      }
    ];
  });
  return Object.fromEntries(entries) as Record<Label, LabelEvaluation>;
}
