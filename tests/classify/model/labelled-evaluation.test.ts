/** What `eval` prints per label: judged rows only, metrics at the classifier's thresholds. */
import { describe, expect, it } from 'vitest';
import { evaluateLabelled } from '../../../src/lib/server/classify/model/labelled-evaluation';
import type { LabelScores } from '../../../src/lib/server/classify/types';
import { syntheticRow } from './synthetic-rows';

const scores = (toxicity: number): LabelScores => ({
  toxicity,
  profanity: 0,
  insult: 0,
  threat: 0,
  identity_attack: 0,
  antisemitism: 0.9
});

describe('evaluateLabelled', () => {
  it('judges each label on its non-null rows at the given threshold', () => {
    const rows = [
      syntheticRow('1', 's', 'a', { toxicity: 1 }),
      syntheticRow('2', 's', 'b', { toxicity: 0, antisemitism: 0 }),
      syntheticRow('3', 's', 'c', { toxicity: 1 }),
      syntheticRow('4', 's', 'd', { toxicity: null })
    ];
    const thresholds = { ...scores(0.5), antisemitism: 0.5 };
    const result = evaluateLabelled(
      rows,
      [scores(0.8), scores(0.6), scores(0.3), scores(0.99)],
      thresholds
    );
    // Toxicity rows 1–3: flagged 0.8 (pos) and 0.6 (neg); row 4 (null) is not counted.
    expect(result.toxicity).toEqual({
      n: 3,
      positives: 2,
      rocAuc: 0.5,
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
      threshold: 0.5
    });
    expect(result.antisemitism).toMatchObject({ n: 1, positives: 0, rocAuc: null, precision: 0 });
    expect(result.threat).toEqual({
      n: 0,
      positives: 0,
      rocAuc: null,
      precision: null,
      recall: null,
      f1: null,
      threshold: 0
    });
  });
});
