import { describe, expect, it } from 'vitest';
import {
  buildLabelMap,
  mappedLabels,
  scoresFromProbabilities
} from '../../../src/lib/server/classify/transformers/label-map';
import { probabilitiesFromLogits } from '../../../src/lib/server/classify/transformers/probabilities';

const TOXIC_BERT = {
  '0': 'toxic',
  '1': 'severe_toxic',
  '2': 'obscene',
  '3': 'threat',
  '4': 'insult',
  '5': 'identity_hate'
};

describe('buildLabelMap', () => {
  it("maps toxic-bert's six labels onto ours", () => {
    expect(buildLabelMap(TOXIC_BERT)).toEqual([
      'toxicity',
      'toxicity',
      'profanity',
      'threat',
      'insult',
      'identity_attack'
    ]);
  });

  it('reads spelling variants and Detoxify’s unbiased labels', () => {
    const map = buildLabelMap({
      '0': 'Severe Toxicity',
      '1': 'identity-attack',
      '2': 'sexual_explicit',
      '3': 'neutral'
    });
    expect(map).toEqual(['toxicity', 'identity_attack', 'profanity', undefined]);
  });

  it('leaves LABEL_1 of a binary model unmapped unless threadwatch-labels.json says so', () => {
    const binary = { '0': 'LABEL_0', '1': 'LABEL_1' };
    expect(mappedLabels(buildLabelMap(binary))).toEqual([]);
    expect(buildLabelMap(binary, { LABEL_1: 'toxicity' })).toEqual([undefined, 'toxicity']);
  });

  it('lets an override redirect or drop a default mapping', () => {
    const map = buildLabelMap(TOXIC_BERT, { toxic: 'insult', severe_toxic: null });
    expect(map.slice(0, 2)).toEqual(['insult', undefined]);
    expect(map[2]).toBe('profanity'); // the labels not overridden keep their default
  });
});

describe('scoresFromProbabilities', () => {
  it('takes the max where two model labels feed one of ours, and omits unscored labels', () => {
    const scores = scoresFromProbabilities(
      [0.2, 0.7, 0.1, 0.3, 0.4, 0.05],
      buildLabelMap(TOXIC_BERT)
    );
    expect(scores).toEqual({
      toxicity: 0.7,
      profanity: 0.1,
      threat: 0.3,
      insult: 0.4,
      identity_attack: 0.05
    });
    expect('antisemitism' in scores).toBe(false);
  });

  it('ignores labels mapped to nothing', () => {
    expect(scoresFromProbabilities([0.9, 0.8], [undefined, 'threat'])).toEqual({ threat: 0.8 });
  });
});

describe('probabilitiesFromLogits', () => {
  it('gives each label its own sigmoid for a multi-label model', () => {
    const probabilities = probabilitiesFromLogits([0, 4, 4], 'multi_label_classification');
    expect(probabilities[0]).toBeCloseTo(0.5, 6);
    // Two confident labels both stay high: no competition between them.
    expect(probabilities[1]).toBeCloseTo(1 / (1 + Math.exp(-4)), 6);
    expect(probabilities[2]).toBeCloseTo(probabilities[1]!, 6);
  });

  it('makes the labels sum to one for a single-label model', () => {
    const probabilities = probabilitiesFromLogits([1000, 1000], undefined);
    expect(probabilities).toEqual([0.5, 0.5]); // finite even for huge logits
    const skewed = probabilitiesFromLogits([0, Math.log(3)], 'single_label_classification');
    expect(skewed[0]).toBeCloseTo(0.25, 6);
    expect(skewed[1]).toBeCloseTo(0.75, 6);
  });
});
