/**
 * Training and dev-scoring one label's heads. The n-gram head learns from every training row
 * with a verdict for the label; the sentence head from the embedded subsample's rows. Both
 * are scored on the same dev rows, alone and combined, for the comparison table.
 */
import type { Label } from '../types';
import type { LabelledRow } from './dataset';
import type { SparseVector } from './feature-hashing';
import {
  trainLogisticRegression,
  type LinearModel,
  type TrainingOptions
} from './logistic-regression';
import { deriveSeed } from './random';
import { rawScore, type HeadKind, type LabelModel, type TextFeatures } from './trained-model';
import { roundToHalf } from './float16';

export type HeadChoice = 'ngram' | 'sentence' | 'both';

export const HEAD_CHOICES: Record<HeadChoice, HeadKind[]> = {
  ngram: ['ngram'],
  sentence: ['sentence'],
  both: ['ngram', 'sentence']
};

/** Features by row id; `sentence` present only for rows that were embedded. */
export type FeatureTable = Map<string, TextFeatures>;

export interface HeadSettings {
  ngram: Omit<TrainingOptions, 'dimension' | 'seed'>;
  sentence: Omit<TrainingOptions, 'dimension' | 'seed'>;
}

export const DEFAULT_HEAD_SETTINGS: HeadSettings = {
  ngram: { epochs: 10, learningRate: 0.2, l2: 1e-4 },
  sentence: { epochs: 10, learningRate: 0.2, l2: 1e-5 }
};

function trainingSet(
  rows: readonly LabelledRow[],
  label: Label,
  features: FeatureTable,
  kind: HeadKind
): { vectors: SparseVector[]; targets: Uint8Array } {
  const vectors: SparseVector[] = [];
  const targets: number[] = [];
  for (const row of rows) {
    const verdict = row.labels[label];
    const vector = features.get(row.id)?.[kind];
    if (verdict === null || !vector) continue;
    vectors.push(vector);
    targets.push(verdict);
  }
  return { vectors, targets: Uint8Array.from(targets) };
}

/**
 * The label's heads, their weights already rounded to float16 so that dev scores (and the
 * calibration fitted on them) are exactly what the saved model will produce.
 */
export function trainLabelHeads(
  train: readonly LabelledRow[],
  label: Label,
  features: FeatureTable,
  options: { seed: number; kinds: HeadKind[]; ngramDimension: number; settings?: HeadSettings }
): LabelModel['heads'] {
  const settings = options.settings ?? DEFAULT_HEAD_SETTINGS;
  const heads: LabelModel['heads'] = {};
  for (const kind of options.kinds) {
    const { vectors, targets } = trainingSet(train, label, features, kind);
    const first = vectors[0];
    if (!first || targets.every((t) => t === targets[0])) continue; // nothing to learn from
    const model: LinearModel = trainLogisticRegression(vectors, targets, {
      ...settings[kind],
      dimension: kind === 'ngram' ? options.ngramDimension : first.indices.length,
      seed: deriveSeed(options.seed, `${label}:${kind}`)
    });
    heads[kind] = { weights: roundToHalf(model.weights), bias: model.bias };
  }
  return heads;
}

/** Raw (uncalibrated) dev scores of the given heads, for the rows with a verdict. */
export function scoreDev(
  dev: readonly LabelledRow[],
  label: Label,
  features: FeatureTable,
  heads: LabelModel['heads']
): { rows: LabelledRow[]; scores: Float64Array; targets: Uint8Array } {
  const rows = dev.filter((row) => row.labels[label] !== null);
  const identity: LabelModel = {
    heads,
    calibration: { method: 'platt', a: 1, b: 0 },
    threshold: 0.5
  };
  const scores = Float64Array.from(rows, (row) => {
    const rowFeatures = features.get(row.id);
    if (!rowFeatures) throw new Error(`no features for dev row ${row.id}`);
    return rawScore(identity, rowFeatures);
  });
  return { rows, scores, targets: Uint8Array.from(rows, (row) => row.labels[label] ?? 0) };
}
