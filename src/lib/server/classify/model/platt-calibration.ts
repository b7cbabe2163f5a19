/**
 * Platt scaling: p = sigmoid(a · logit(raw) + b), fitted on dev by Newton's method with
 * Platt's smoothed targets. Two parameters instead of isotonic's free-form steps, so it
 * is the calibration for a label with few dev positives (threat has about 8), where
 * isotonic would jump to 1.0 on the strength of a single example.
 */
import { sigmoid } from './logistic-regression';
import type { Scores, Targets } from './metrics';

export interface PlattMap {
  a: number;
  b: number;
}

const EPSILON = 1e-7;

export function logit(p: number): number {
  const clamped = Math.min(1 - EPSILON, Math.max(EPSILON, p));
  return Math.log(clamped / (1 - clamped));
}

export function applyPlatt(map: PlattMap, score: number): number {
  return sigmoid(map.a * logit(score) + map.b);
}

export function fitPlatt(scores: Scores, labels: Targets, iterations = 100): PlattMap {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) positives++;
  const negatives = labels.length - positives;
  // Platt (1999): targets pulled off 0 and 1 so that a separable dev set does not send a to ∞.
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  const x = Array.from({ length: scores.length }, (_, i) => logit(scores[i] as number));
  const t = Array.from({ length: labels.length }, (_, i) => (labels[i] === 1 ? high : low));
  let a = 1;
  let b = 0;
  for (let iteration = 0; iteration < iterations; iteration++) {
    // Gradient and Hessian of the log loss in (a, b), with a tiny ridge for stability.
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < x.length; i++) {
      const xi = x[i] as number;
      const p = sigmoid(a * xi + b);
      const d = p - (t[i] as number);
      const w = p * (1 - p);
      ga += d * xi;
      gb += d;
      haa += w * xi * xi;
      hab += w * xi;
      hbb += w;
    }
    const determinant = haa * hbb - hab * hab;
    if (determinant <= 0) break;
    const stepA = (hbb * ga - hab * gb) / determinant;
    const stepB = (haa * gb - hab * ga) / determinant;
    a -= stepA;
    b -= stepB;
    if (Math.abs(stepA) + Math.abs(stepB) < 1e-10) break;
  }
  return { a, b };
}
