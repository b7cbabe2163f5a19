/**
 * A tiny end-to-end run on synthetic separable data written to a temporary folder: read,
 * split, train, calibrate, save, load, and score through the component, with the same
 * predictions before and after the round trip.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModelComponent } from '../../../src/lib/server/classify/model/component';
import {
  readLabelledDirectory,
  type LabelledRow
} from '../../../src/lib/server/classify/model/dataset';
import { loadModel, saveModel } from '../../../src/lib/server/classify/model/model-files';
import { trainModel, type TrainResult } from '../../../src/lib/server/classify/model/train-model';
import {
  calibratedScore,
  ngramFeatures
} from '../../../src/lib/server/classify/model/trained-model';
import { separableCorpus } from './synthetic-rows';

const SMALL_HASHING = { bits: 12, charMin: 3, charMax: 4 };
let dir: string;
let rows: LabelledRow[];
let result: TrainResult;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'threadwatch-model-'));
  const corpus = separableCorpus(600);
  await writeFile(
    join(dir, 'synthetic.jsonl'),
    corpus.map((row) => JSON.stringify(row)).join('\n')
  );
  rows = await readLabelledDirectory(dir);
  result = await trainModel(rows, {
    name: 'tiny',
    version: 'tiny@test',
    seed: 1,
    devFraction: 0.2,
    embedSample: 0,
    combineMargin: 0.01,
    hashing: SMALL_HASHING
  });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('trainModel on separable synthetic data', () => {
  it('reads back every row it wrote', () => {
    expect(rows).toHaveLength(600);
    expect(rows[1]?.labels.antisemitism).toBeNull();
  });

  it('separates the classes on dev and keeps the labels with data', () => {
    expect(result.reports.toxicity?.rocAuc).toBeGreaterThan(0.97);
    expect(result.reports.antisemitism?.rocAuc).toBeGreaterThan(0.95);
    expect(Object.keys(result.model.labels).sort()).toEqual(['antisemitism', 'toxicity']);
    // No row judges threat or identity_attack: nothing to train, nothing scored.
    expect(result.dropped.threat).toMatch(/no head/);
  });

  it('holds out the dev rows from training', () => {
    expect(result.rows.train + result.rows.dev).toBe(600);
    expect(result.rows.dev).toBeGreaterThan(100);
  });

  it('round-trips through save and load with identical scores', async () => {
    const out = join(dir, 'model');
    await saveModel(result.model, out);
    const loaded = await loadModel(out);
    expect(loaded.version).toBe('tiny@test');
    for (const text of ['the town news: they are vermin', 'they are our neighbours', '']) {
      for (const label of ['toxicity', 'antisemitism'] as const) {
        const before = calibratedScore(result.model.labels[label]!, {
          ngram: ngramFeatures(result.model, text)
        });
        const after = calibratedScore(loaded.labels[label]!, {
          ngram: ngramFeatures(loaded, text)
        });
        expect(after).toBe(before);
      }
    }
  });

  it('serves calibrated scores for its labels only, with spans for flagged labels', async () => {
    const out = join(dir, 'component');
    await saveModel(result.model, out);
    const component = await createModelComponent(out);
    expect(component.kind).toBe('model');
    expect(component.version).toBe('tiny@test');
    const [toxic, clean] = await component.scoreBatch(['they are filth', 'they are our readers']);
    expect(Object.keys(toxic!.scores).sort()).toEqual(['antisemitism', 'toxicity']);
    expect(toxic!.scores.toxicity).toBeGreaterThan(clean!.scores.toxicity!);
    for (const score of Object.values(toxic!.scores)) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
    // The flagged comment is explained by the hostile word, at its offsets in the raw text.
    expect(toxic!.spans).toContainEqual({
      start: 9,
      end: 14,
      label: 'toxicity',
      reason: 'weighed by the model'
    });
    expect(clean!.spans).toEqual([]);
  });
});
