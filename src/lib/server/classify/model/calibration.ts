/**
 * Choosing and applying a label's calibration, fitted on dev raw scores: isotonic when dev
 * has enough of both classes to shape a free-form curve, Platt scaling otherwise.
 */
import type { Scores, Targets } from './metrics';
import { applyIsotonic, fitIsotonic, type IsotonicMap } from './isotonic-calibration';
import { applyPlatt, fitPlatt, type PlattMap } from './platt-calibration';

export type Calibration = ({ method: 'isotonic' } & IsotonicMap) | ({ method: 'platt' } & PlattMap);

/** Below this many dev positives (or negatives) isotonic steps rest on too few examples. */
export const MIN_CLASS_FOR_ISOTONIC = 50;

export function fitCalibration(scores: Scores, labels: Targets): Calibration {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) positives++;
  const negatives = labels.length - positives;
  if (Math.min(positives, negatives) < MIN_CLASS_FOR_ISOTONIC) {
    return { method: 'platt', ...fitPlatt(scores, labels) };
  }
  const { x, y } = fitIsotonic(scores, labels);
  // Stored as JSON: keep 7 significant digits, and score with exactly what is stored.
  const compact = (values: number[]) => values.map((value) => Number(value.toPrecision(7)));
  return { method: 'isotonic', x: compact(x), y: compact(y) };
}

export function applyCalibration(calibration: Calibration, score: number): number {
  return calibration.method === 'platt'
    ? applyPlatt(calibration, score)
    : applyIsotonic(calibration, score);
}
