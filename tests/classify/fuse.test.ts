import { describe, expect, it } from 'vitest';
import {
  flaggedLabels,
  fuseScores,
  type ComponentOutput
} from '../../src/lib/server/classify/fuse';
import { resolveThresholds } from '../../src/lib/server/classify/thresholds';
import { LABELS, type LabelScores } from '../../src/lib/server/classify/types';

const model = (scores: ComponentOutput['result']['scores']): ComponentOutput => ({
  kind: 'model',
  result: { scores, spans: [] }
});
const lexicon = (
  scores: ComponentOutput['result']['scores'],
  dampen?: ComponentOutput['result']['dampen']
): ComponentOutput => ({
  kind: 'lexicon',
  result: {
    scores,
    dampen,
    spans: [{ start: 4, end: 9, label: 'antisemitism', reason: 'echo', entryId: 'echo' }]
  }
});

describe('fuseScores', () => {
  it('scores every label, 0 where no component speaks', () => {
    const { scores } = fuseScores([]);
    expect(Object.keys(scores).sort()).toEqual([...LABELS].sort());
    expect(Object.values(scores).every((score) => score === 0)).toBe(true);
  });

  it('lets lexicon evidence raise a label no model scores', () => {
    const { scores } = fuseScores([model({ toxicity: 0.2 }), lexicon({ antisemitism: 0.9 })]);
    expect(scores.antisemitism).toBeCloseTo(0.9);
    expect(scores.toxicity).toBeCloseTo(0.2);
  });

  it('combines model and lexicon by noisy-OR', () => {
    const { scores } = fuseScores([model({ antisemitism: 0.5 }), lexicon({ antisemitism: 0.6 })]);
    expect(scores.antisemitism).toBeCloseTo(1 - 0.5 * 0.4);
  });

  it('averages learned components', () => {
    const transformers: ComponentOutput = {
      kind: 'transformers',
      result: { scores: { toxicity: 0.9, insult: 0.8 }, spans: [] }
    };
    const { scores } = fuseScores([model({ toxicity: 0.3 }), transformers]);
    expect(scores.toxicity).toBeCloseTo(0.6);
    expect(scores.insult).toBeCloseTo(0.8);
  });

  it('lowers the learned score where the lexicon saw an innocent use', () => {
    const { scores } = fuseScores([
      model({ antisemitism: 0.8 }),
      lexicon({}, { antisemitism: 0.25 })
    ]);
    expect(scores.antisemitism).toBeCloseTo(0.2);
  });

  it('keeps every component span, ordered by position', () => {
    const { spans } = fuseScores([
      {
        kind: 'model',
        result: { scores: {}, spans: [{ start: 20, end: 25, label: 'toxicity', reason: 'n-gram' }] }
      },
      lexicon({ antisemitism: 0.9 })
    ]);
    expect(spans.map((span) => span.start)).toEqual([4, 20]);
  });

  it('stays within [0, 1] for out-of-range inputs', () => {
    const { scores } = fuseScores([
      model({ toxicity: 1.7 }),
      lexicon({ toxicity: -2 }, { toxicity: 3 })
    ]);
    expect(scores.toxicity).toBeLessThanOrEqual(1);
    expect(scores.toxicity).toBeGreaterThanOrEqual(0);
  });
});

describe('thresholds', () => {
  const scores: LabelScores = {
    toxicity: 0.7,
    profanity: 0.1,
    insult: 0.5,
    threat: 0.49,
    identity_attack: 0,
    antisemitism: 0.9
  };

  it('flags labels at or over their threshold, in label order', () => {
    expect(flaggedLabels(scores, resolveThresholds(null))).toEqual([
      'toxicity',
      'insult',
      'antisemitism'
    ]);
  });

  it('prefers configuration over the chosen file over the default', () => {
    const thresholds = resolveThresholds(
      { chosenOn: 'dev', thresholds: { toxicity: 0.8, threat: 0.3 } },
      { threat: 0.6 }
    );
    expect(thresholds.toxicity).toBe(0.8);
    expect(thresholds.threat).toBe(0.6);
    expect(thresholds.insult).toBe(0.5);
    expect(flaggedLabels(scores, thresholds)).toEqual(['insult', 'antisemitism']);
  });
});
