/** ROC-AUC, threshold metrics and the max-F1 threshold, against values worked out by hand. */
import { describe, expect, it } from 'vitest';
import {
  chooseThreshold,
  metricsAtThreshold,
  rocAuc
} from '../../../src/lib/server/classify/model/metrics';

describe('rocAuc', () => {
  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
  });

  it('counts a tie between a positive and a negative as half', () => {
    // Pairs (pos, neg): (0.5, 0.5) tie = ½, (0.5, 0.1) = 1, (0.9, 0.5) = 1, (0.9, 0.1) = 1 → 3.5 / 4.
    expect(rocAuc([0.1, 0.5, 0.5, 0.9], [0, 0, 1, 1])).toBeCloseTo(0.875, 12);
  });

  it('handles a three-way tie across classes', () => {
    // Positives 0.3, 0.3; negatives 0.3, 0.1, 0.7.
    // 0.3 vs 0.3 = ½, vs 0.1 = 1, vs 0.7 = 0 → 1.5 each → 3 / 6.
    expect(rocAuc([0.3, 0.3, 0.3, 0.1, 0.7], [1, 1, 0, 0, 0])).toBeCloseTo(0.5, 12);
  });

  it('is null when a class is missing', () => {
    expect(rocAuc([0.2, 0.4], [1, 1])).toBeNull();
    expect(rocAuc(new Float64Array([0.2]), new Uint8Array([0]))).toBeNull();
  });
});

describe('metricsAtThreshold', () => {
  it('flags scores at or over the threshold', () => {
    // Flagged: 0.5 (neg), 0.6 (pos), 0.9 (pos) → P = 2/3; positives 0.6, 0.9, 0.2 → R = 2/3.
    const metrics = metricsAtThreshold([0.2, 0.5, 0.6, 0.9, 0.1], [1, 0, 1, 1, 0], 0.5);
    expect(metrics.precision).toBeCloseTo(2 / 3, 12);
    expect(metrics.recall).toBeCloseTo(2 / 3, 12);
    expect(metrics.f1).toBeCloseTo(2 / 3, 12);
  });
});

describe('chooseThreshold', () => {
  it('picks the cut with the highest F1', () => {
    // Cuts: 0.9 → P1 R⅓ F½; 0.8 → P½ R⅓ F.4; 0.7 → P⅔ R⅔ F⅔; 0.4 → P¾ R1 F6/7; 0.1 → P⅗ R1 F¾.
    const chosen = chooseThreshold([0.9, 0.8, 0.7, 0.4, 0.1], [1, 0, 1, 1, 0]);
    expect(chosen.threshold).toBe(0.4);
    expect(chosen.precision).toBeCloseTo(0.75, 12);
    expect(chosen.recall).toBe(1);
    expect(chosen.f1).toBeCloseTo(6 / 7, 12);
  });

  it('breaks an F1 tie towards the higher threshold', () => {
    // Cut 0.8 → P1 R½ F⅔; cut 0.3 → P½ R1 F⅔: equal, keep 0.8.
    const chosen = chooseThreshold([0.8, 0.6, 0.5, 0.3], [1, 0, 0, 1]);
    expect(chosen.threshold).toBe(0.8);
    expect(chosen.f1).toBeCloseTo(2 / 3, 12);
  });

  it('treats equal scores as one cut', () => {
    // Both 0.5s are flagged together: P ½ R 1 → F ⅔ (no cut can flag only the positive).
    const chosen = chooseThreshold(new Float64Array([0.5, 0.5, 0.1]), new Uint8Array([1, 0, 0]));
    expect(chosen).toEqual({ threshold: 0.5, precision: 0.5, recall: 1, f1: 2 / 3 });
  });

  it('returns threshold 1 and zeros when there are no positives', () => {
    expect(chooseThreshold([0.3, 0.7], [0, 0])).toEqual({
      threshold: 1,
      precision: 0,
      recall: 0,
      f1: 0
    });
  });
});
