import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransformersComponent } from '../../../src/lib/server/classify/transformers/backend';
import { ModelFolderError } from '../../../src/lib/server/classify/transformers/model-folder';
import type { ClassifierComponent } from '../../../src/lib/server/classify/types';
import { writeTinyTextClassifier, type TinyModel } from '../../helpers/tiny-text-classifier';

let tiny: TinyModel;
let component: ClassifierComponent;

beforeAll(async () => {
  tiny = await writeTinyTextClassifier();
  component = await createTransformersComponent(tiny.modelDir, tiny.modelsRoot);
});

afterAll(async () => {
  await rm(tiny.modelsRoot, { recursive: true, force: true });
});

async function scoreOne(text: string, scorer: ClassifierComponent = component) {
  const [result] = await scorer.scoreBatch([text]);
  return result!.scores;
}

describe('the transformers.js component on the tiny generated model', () => {
  it('names itself by the folder and a hash of the config', () => {
    expect(component.kind).toBe('transformers');
    expect(component.version).toMatch(/^tiny-toxic@[0-9a-f]{8}$/);
  });

  it('scores exactly the labels the model maps to, each in [0, 1]', async () => {
    const scores = await scoreOne('Good morning, nice day to all!');
    expect(Object.keys(scores).sort()).toEqual(
      ['identity_attack', 'insult', 'profanity', 'threat', 'toxicity'].sort()
    );
    for (const score of Object.values(scores)) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThan(0.5);
    }
  });

  it('applies a sigmoid per label: the designed word lifts toxicity and identity attack together', async () => {
    const scores = await scoreOne('You hateword');
    expect(scores.toxicity).toBeGreaterThan(0.9);
    expect(scores.identity_attack).toBeGreaterThan(0.9); // a softmax would cap the two at 0.5
    expect(scores.profanity).toBeLessThan(0.5);
    expect(scores.insult).toBeLessThan(0.5);
  });

  it('maps obscene onto profanity', async () => {
    const scores = await scoreOne('swearword!');
    expect(scores.profanity).toBeGreaterThan(0.9);
    expect(scores.toxicity).toBeLessThan(0.5);
  });

  it('returns one result per text in the callers’ order across several batches', async () => {
    // 40 texts of mixed lengths: more than one batch, and sorted by length inside.
    const texts = Array.from({ length: 40 }, (_, index) =>
      index % 3 === 0
        ? `you hateword ${'nice '.repeat(index % 5)}`
        : `good morning ${'day '.repeat(index % 7)}`
    );
    const results = await component.scoreBatch(texts);
    expect(results).toHaveLength(texts.length);
    results.forEach((result, index) => {
      expect(result.scores.toxicity! > 0.5).toBe(index % 3 === 0);
      expect(result.spans).toEqual([]);
    });
    // Padding inside a batch changes nothing: alone, a text scores the same.
    const alone = await scoreOne(texts[7]!);
    expect(results[7]!.scores.toxicity).toBeCloseTo(alone.toxicity!, 5);
  });

  it('truncates long texts to the model’s 32 tokens', async () => {
    const [early, late] = await component.scoreBatch([
      `${'hateword '.repeat(20)}${'good '.repeat(500)}`,
      `${'good '.repeat(500)}hateword`
    ]);
    // Untruncated, 20 hatewords among 500 other words would average out under 0.5.
    expect(early!.scores.toxicity).toBeGreaterThan(0.9);
    // The word past the limit is never seen.
    expect(late!.scores.toxicity).toBeLessThan(0.5);
  });

  it('takes the limit from the config when the tokenizer states none', async () => {
    const unlimited = await writeTinyTextClassifier({ tokenizerWithoutLimit: true });
    try {
      const scorer = await createTransformersComponent(unlimited.modelDir);
      const scores = await scoreOne(`${'hateword '.repeat(20)}${'good '.repeat(500)}`, scorer);
      expect(scores.toxicity).toBeGreaterThan(0.9);
    } finally {
      await rm(unlimited.modelsRoot, { recursive: true, force: true });
    }
  });

  it('scores an empty batch as nothing', async () => {
    expect(await component.scoreBatch([])).toEqual([]);
  });
});

describe('threadwatch-labels.json', () => {
  it('overrides the label mapping and the version', async () => {
    const overridden = await writeTinyTextClassifier({
      labelOverrides: { toxic: 'insult', identity_hate: null }
    });
    try {
      const scorer = await createTransformersComponent(overridden.modelDir, overridden.modelsRoot);
      const scores = await scoreOne('you hateword', scorer);
      expect(scores.insult).toBeGreaterThan(0.9);
      expect(scores).not.toHaveProperty('identity_attack');
      expect(scores.toxicity).toBeLessThan(0.5); // now only severe_toxic feeds it
      expect(scorer.version).not.toBe(component.version);
    } finally {
      await rm(overridden.modelsRoot, { recursive: true, force: true });
    }
  });

  it('refuses a model none of whose labels map onto ours', async () => {
    const unmapped = await writeTinyTextClassifier({
      labelOverrides: Object.fromEntries(
        ['toxic', 'severe_toxic', 'obscene', 'threat', 'insult', 'identity_hate'].map((label) => [
          label,
          null
        ])
      )
    });
    try {
      await expect(createTransformersComponent(unmapped.modelDir)).rejects.toThrow(
        ModelFolderError
      );
    } finally {
      await rm(unmapped.modelsRoot, { recursive: true, force: true });
    }
  });
});
