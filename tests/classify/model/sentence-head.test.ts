/**
 * The embedding path with a stand-in encoder (a deterministic vector per text), so the
 * comparison, the head choice and the combined scoring run without loading USE.
 */
import { describe, expect, it } from 'vitest';
import { chooseHeads } from '../../../src/lib/server/classify/model/head-choice';
import { trainModel } from '../../../src/lib/server/classify/model/train-model';
import { separableCorpus } from './synthetic-rows';

/** 16-d: the first coordinate says "hostile word present", the rest are text-hash noise. */
async function fakeEmbed(texts: string[]): Promise<Float32Array[]> {
  return texts.map((text) => {
    const vector = new Float32Array(16);
    vector[0] = /vermin|scum|filth|parasites|subhuman|rats/.test(text) ? 1 : -1;
    for (let i = 1; i < 16; i++) vector[i] = Math.sin(text.length * i) * 0.1;
    return vector;
  });
}

describe('the sentence-embedding heads', () => {
  it('are trained, compared with n-grams, and combined only when they clearly win', async () => {
    const result = await trainModel(separableCorpus(400), {
      name: 'tiny',
      version: 'tiny@test',
      seed: 2,
      devFraction: 0.25,
      embedSample: 100,
      combineMargin: 0.01,
      embed: fakeEmbed,
      hashing: { bits: 12, charMin: 3, charMax: 4 }
    });
    const comparison = result.comparison.toxicity!;
    expect(comparison.sentence?.rocAuc).toBeGreaterThan(0.97);
    expect(comparison.ngram?.rocAuc).toBeDefined();
    expect(comparison.both?.rocAuc).toBeDefined();
    // Only the subsample plus dev were embedded.
    expect(result.rows.embedded).toBeLessThan(result.rows.train + result.rows.dev);
    expect(result.reports.toxicity?.heads).toBe(chooseHeads(comparison, 0.01));
  });
});

describe('chooseHeads', () => {
  const metrics = (rocAuc: number, f1: number) => ({ rocAuc, f1 });

  it('keeps n-grams unless another choice beats them by the margin on AUC and F1', () => {
    const ngram = metrics(0.9, 0.6);
    expect(chooseHeads({ ngram, both: metrics(0.905, 0.7) }, 0.01)).toBe('ngram');
    expect(chooseHeads({ ngram, both: metrics(0.93, 0.605) }, 0.01)).toBe('ngram');
    expect(chooseHeads({ ngram, both: metrics(0.92, 0.62) }, 0.01)).toBe('both');
    expect(
      chooseHeads({ ngram, both: metrics(0.92, 0.62), sentence: metrics(0.95, 0.65) }, 0.01)
    ).toBe('sentence');
  });

  it('falls back to the sentence head alone, or to nothing', () => {
    expect(chooseHeads({ sentence: metrics(0.8, 0.5) }, 0.01)).toBe('sentence');
    expect(chooseHeads({}, 0.01)).toBeNull();
  });
});
