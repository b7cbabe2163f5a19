/** Isotonic (pool-adjacent-violators) and Platt calibration on known inputs. */
import { describe, expect, it } from 'vitest';
import {
  applyCalibration,
  fitCalibration
} from '../../../src/lib/server/classify/model/calibration';
import {
  applyIsotonic,
  fitIsotonic
} from '../../../src/lib/server/classify/model/isotonic-calibration';
import { fitPlatt } from '../../../src/lib/server/classify/model/platt-calibration';
import { seededRandom } from '../../../src/lib/server/classify/model/random';

describe('fitIsotonic', () => {
  it('pools adjacent violators into their mean', () => {
    // Labels in score order 0 1 0 1 1 0 1: (1,0) pool → ½; then 1 1 0 → (1,0) pool → ½,
    // which violates the preceding 1 → pool 1 1 0 → ⅔; blocks: 0 | ½ ½ | ⅔ ⅔ ⅔ | 1.
    const scores = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];
    const labels = [0, 1, 0, 1, 1, 0, 1] as const;
    const map = fitIsotonic(scores, [...labels]);
    expect(map.y).toEqual([0, 0.5, 2 / 3, 1]);
    expect(map.x[0]).toBeCloseTo(0.1, 12);
    expect(map.x[1]).toBeCloseTo(0.25, 12);
    expect(map.x[2]).toBeCloseTo(0.5, 12);
    expect(map.x[3]).toBeCloseTo(0.7, 12);
  });

  it('gives tied scores one block', () => {
    const map = fitIsotonic([0.4, 0.4, 0.4, 0.9], [1, 0, 0, 1]);
    expect(map.x).toHaveLength(2);
    expect(map.x[0]).toBeCloseTo(0.4, 12);
    expect(map.y).toEqual([1 / 3, 1]);
  });

  it('interpolates between block centres and is flat outside them', () => {
    const map = { x: [0.2, 0.6], y: [0.1, 0.5] };
    expect(applyIsotonic(map, 0.4)).toBeCloseTo(0.3, 12);
    expect(applyIsotonic(map, 0.0)).toBe(0.1);
    expect(applyIsotonic(map, 0.95)).toBe(0.5);
  });

  it('never decreases, whatever the labels', () => {
    const random = seededRandom(7);
    const scores = Array.from({ length: 300 }, () => random());
    const labels = scores.map((score) => (random() < score ? 1 : 0) as 0 | 1);
    const map = fitIsotonic(scores, labels);
    for (let i = 1; i < map.y.length; i++)
      expect(map.y[i]).toBeGreaterThanOrEqual(map.y[i - 1] as number);
  });
});

describe('Platt scaling', () => {
  it('recovers the slope and offset that generated the labels', () => {
    // True probability = sigmoid(2 · logit(raw) − 1).
    const random = seededRandom(3);
    const scores: number[] = [];
    const labels: (0 | 1)[] = [];
    for (let i = 0; i < 20000; i++) {
      const raw = 0.02 + 0.96 * random();
      const z = 2 * Math.log(raw / (1 - raw)) - 1;
      scores.push(raw);
      labels.push(random() < 1 / (1 + Math.exp(-z)) ? 1 : 0);
    }
    const { a, b } = fitPlatt(scores, labels);
    expect(a).toBeCloseTo(2, 0);
    expect(b).toBeCloseTo(-1, 0);
  });

  it('is what fitCalibration uses when dev has few positives', () => {
    const scores = Array.from({ length: 200 }, (_, i) => i / 200);
    const labels = scores.map((score) => (score > 0.95 ? 1 : 0) as 0 | 1);
    const calibration = fitCalibration(scores, labels);
    expect(calibration.method).toBe('platt');
    expect(applyCalibration(calibration, 0.99)).toBeGreaterThan(applyCalibration(calibration, 0.5));
  });
});
