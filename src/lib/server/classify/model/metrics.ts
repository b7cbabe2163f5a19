/**
 * Evaluation metrics for one label: ROC-AUC (rank-based, ties counted as half, i.e. the
 * Mann–Whitney U statistic), precision / recall / F1 at a threshold (a score at or over
 * the threshold is flagged, as in the Classifier contract), and the threshold that
 * maximises F1. Exported for the fusion step, which re-picks thresholds on fused scores.
 */

export type Scores = Float64Array | Float32Array | readonly number[];
export type Targets = Uint8Array | readonly (0 | 1)[];

export interface ThresholdMetrics {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
}

/** ROC-AUC, or null when either class is absent (the AUC is undefined then). */
export function rocAuc(scores: Scores, labels: Targets): number | null {
  const order = sortedIndices(scores, 'ascending');
  let positives = 0;
  let positiveRankSum = 0;
  // Walk groups of equal scores; each member gets the group's average (1-based) rank.
  for (let start = 0; start < order.length;) {
    let end = start;
    const value = scores[order[start] as number] as number;
    while (end < order.length && scores[order[end] as number] === value) end++;
    const averageRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) {
      if (labels[order[k] as number] === 1) {
        positives++;
        positiveRankSum += averageRank;
      }
    }
    start = end;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function metricsAtThreshold(
  scores: Scores,
  labels: Targets,
  threshold: number
): ThresholdMetrics {
  let truePositives = 0;
  let flagged = 0;
  let positives = 0;
  for (let i = 0; i < scores.length; i++) {
    const isPositive = labels[i] === 1;
    const isFlagged = (scores[i] as number) >= threshold;
    if (isPositive) positives++;
    if (isFlagged) flagged++;
    if (isPositive && isFlagged) truePositives++;
  }
  return { threshold, ...prf(truePositives, flagged, positives) };
}

/**
 * The threshold with the highest F1 on these scores, trying every distinct score as the
 * cut; ties go to the higher threshold (fewer flags for the same F1). With no positives
 * every F1 is 0 and the answer is threshold 1 (flag only certainties).
 */
export function chooseThreshold(scores: Scores, labels: Targets): ThresholdMetrics {
  const order = sortedIndices(scores, 'descending');
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) positives++;
  let best: ThresholdMetrics = { threshold: 1, precision: 0, recall: 0, f1: 0 };
  if (positives === 0) return best;
  let truePositives = 0;
  for (let start = 0; start < order.length;) {
    const value = scores[order[start] as number] as number;
    let end = start;
    while (end < order.length && scores[order[end] as number] === value) {
      if (labels[order[end] as number] === 1) truePositives++;
      end++;
    }
    const candidate = { threshold: value, ...prf(truePositives, end, positives) };
    // Strictly greater: walking from high to low thresholds, the first maximum is the highest.
    if (candidate.f1 > best.f1) best = candidate;
    start = end;
  }
  return best;
}

function prf(truePositives: number, flagged: number, positives: number) {
  const precision = flagged === 0 ? 0 : truePositives / flagged;
  const recall = positives === 0 ? 0 : truePositives / positives;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function sortedIndices(scores: Scores, direction: 'ascending' | 'descending'): Int32Array {
  const order = Int32Array.from({ length: scores.length }, (_, i) => i);
  const sign = direction === 'ascending' ? 1 : -1;
  return order.sort((a, b) => sign * ((scores[a] as number) - (scores[b] as number)));
}
