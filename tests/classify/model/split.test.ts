/** The seeded stratified split: deterministic, disjoint, and proportional per stratum. */
import { describe, expect, it } from 'vitest';
import type { LabelledRow } from '../../../src/lib/server/classify/model/dataset';
import {
  stratifiedSample,
  stratifiedSplit,
  stratumOf
} from '../../../src/lib/server/classify/model/split';
import { syntheticRow } from './synthetic-rows';

function corpus(): LabelledRow[] {
  const rows: LabelledRow[] = [];
  for (let i = 0; i < 2000; i++)
    rows.push(syntheticRow(`a:${i}`, 'alpha', 'text', { toxicity: i % 10 === 0 ? 1 : 0 }));
  for (let i = 0; i < 600; i++)
    rows.push(syntheticRow(`b:${i}`, 'beta', 'text', { antisemitism: i % 20 === 0 ? 1 : 0 }));
  return rows;
}

describe('stratifiedSplit', () => {
  it('is the same for the same seed, whatever the input order, and differs for another seed', () => {
    const rows = corpus();
    const ids = (split: { dev: LabelledRow[] }) => split.dev.map((row) => row.id).sort();
    const first = stratifiedSplit(rows, { seed: 1, devFraction: 0.15 });
    const again = stratifiedSplit([...rows].reverse(), { seed: 1, devFraction: 0.15 });
    const other = stratifiedSplit(rows, { seed: 2, devFraction: 0.15 });
    expect(ids(again)).toEqual(ids(first));
    expect(ids(other)).not.toEqual(ids(first));
  });

  it('puts every row in exactly one half', () => {
    const rows = corpus();
    const { train, dev } = stratifiedSplit(rows, { seed: 5, devFraction: 0.15 });
    const devIds = new Set(dev.map((row) => row.id));
    expect(train.some((row) => devIds.has(row.id))).toBe(false);
    expect(train.length + dev.length).toBe(rows.length);
  });

  it('holds out about the same share of every stratum', () => {
    const rows = corpus();
    const { dev } = stratifiedSplit(rows, { seed: 9, devFraction: 0.15 });
    const count = (list: LabelledRow[], key: string) =>
      list.filter((row) => stratumOf(row) === key).length;
    for (const key of new Set(rows.map(stratumOf))) {
      const share = count(dev, key) / count(rows, key);
      // Stochastic rounding moves a stratum by at most one row.
      expect(Math.abs(share - 0.15)).toBeLessThanOrEqual(1 / count(rows, key) + 1e-9);
    }
  });
});

describe('stratifiedSample', () => {
  it('draws about the asked size and keeps the positive rate', () => {
    const rows = corpus();
    const sample = stratifiedSample(rows, { seed: 1, size: 520 });
    expect(Math.abs(sample.length - 520)).toBeLessThanOrEqual(8);
    const alpha = sample.filter((row) => row.source === 'alpha');
    const rate = alpha.filter((row) => row.labels.toxicity === 1).length / alpha.length;
    expect(rate).toBeGreaterThan(0.08);
    expect(rate).toBeLessThan(0.12);
  });
});
