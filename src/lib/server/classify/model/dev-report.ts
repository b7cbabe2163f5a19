/**
 * What dev says about one label's calibrated scores: ROC-AUC, the chosen threshold and its
 * precision / recall / F1, counts, AUC per source (where a source has enough of both
 * classes to make an AUC mean something), and whether the AUC is clearly above chance.
 */
import type { LabelledRow } from './dataset';
import { chooseThreshold, rocAuc } from './metrics';

/** A per-source AUC is reported only with at least this many positives and negatives. */
export const MIN_CLASS_FOR_SOURCE_AUC = 10;

export interface SourceReport {
  rocAuc: number | null;
  positives: number;
  negatives: number;
}

export interface LabelDevReport {
  rocAuc: number | null;
  /** Lower end of a 95 % interval for the AUC (Hanley & McNeil 1982 standard error). */
  rocAucLower95: number | null;
  precision: number;
  recall: number;
  f1: number;
  threshold: number;
  devPositives: number;
  devNegatives: number;
  perSource: Record<string, SourceReport>;
}

export function hanleyMcNeilStandardError(
  auc: number,
  positives: number,
  negatives: number
): number {
  const q1 = auc / (2 - auc);
  const q2 = (2 * auc * auc) / (1 + auc);
  const variance =
    (auc * (1 - auc) + (positives - 1) * (q1 - auc * auc) + (negatives - 1) * (q2 - auc * auc)) /
    (positives * negatives);
  return Math.sqrt(Math.max(0, variance));
}

export function reportLabel(
  rows: readonly LabelledRow[],
  scores: Float64Array,
  targets: Uint8Array
): LabelDevReport {
  const positives = targets.reduce((sum, target) => sum + target, 0);
  const negatives = targets.length - positives;
  const auc = rocAuc(scores, targets);
  const lower =
    auc === null ? null : auc - 1.96 * hanleyMcNeilStandardError(auc, positives, negatives);
  const chosen = chooseThreshold(scores, targets);
  return {
    rocAuc: auc,
    rocAucLower95: lower,
    ...chosen,
    devPositives: positives,
    devNegatives: negatives,
    perSource: reportBySource(rows, scores, targets)
  };
}

function reportBySource(
  rows: readonly LabelledRow[],
  scores: Float64Array,
  targets: Uint8Array
): Record<string, SourceReport> {
  const bySource = new Map<string, number[]>();
  rows.forEach((row, index) => {
    const members = bySource.get(row.source) ?? [];
    members.push(index);
    bySource.set(row.source, members);
  });
  const report: Record<string, SourceReport> = {};
  for (const [source, members] of [...bySource].sort(([a], [b]) => a.localeCompare(b))) {
    const sourceTargets = Uint8Array.from(members, (i) => targets[i] ?? 0);
    const positives = sourceTargets.reduce((sum, target) => sum + target, 0);
    const negatives = members.length - positives;
    const enough = positives >= MIN_CLASS_FOR_SOURCE_AUC && negatives >= MIN_CLASS_FOR_SOURCE_AUC;
    report[source] = {
      rocAuc: enough
        ? rocAuc(
            Float64Array.from(members, (i) => scores[i] ?? 0),
            sourceTargets
          )
        : null,
      positives,
      negatives
    };
  }
  return report;
}
