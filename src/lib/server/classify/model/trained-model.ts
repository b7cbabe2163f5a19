/**
 * The trained model as held in memory, and how it scores. Per label there are one or two
 * linear heads — over hashed n-grams and/or over sentence embeddings — whose logits are
 * averaged, then mapped to a probability by the isotonic calibration fitted on dev.
 * Inference and training score through these same functions, so what dev measured is
 * what the component serves.
 */
import type { Label } from '../types';
import { hashFeatures, type HashingOptions, type SparseVector } from './feature-hashing';
import { applyCalibration, type Calibration } from './calibration';
import { denseAsSparse, linearScore, sigmoid, type LinearModel } from './logistic-regression';

export type HeadKind = 'ngram' | 'sentence';

export interface LabelModel {
  heads: Partial<Record<HeadKind, LinearModel>>;
  calibration: Calibration;
  /** Chosen on dev: the calibrated score at or over which the label is flagged. */
  threshold: number;
}

export interface TrainedModel {
  name: string;
  /** `<name>@<training date>`, stored with every score. */
  version: string;
  hashing: HashingOptions;
  /** The sentence encoder the `sentence` heads expect, or null when no label uses one. */
  encoder: string | null;
  labels: Partial<Record<Label, LabelModel>>;
}

/** The features one text offers the heads; `sentence` only when some head needs it. */
export interface TextFeatures {
  ngram: SparseVector;
  sentence?: SparseVector;
}

export function usesSentenceHeads(model: TrainedModel): boolean {
  return Object.values(model.labels).some((label) => label?.heads.sentence !== undefined);
}

export function ngramFeatures(model: TrainedModel, text: string): SparseVector {
  return hashFeatures(text, model.hashing);
}

let denseIndices: Int32Array | undefined;

export function sentenceFeatures(embedding: Float32Array): SparseVector {
  if (denseIndices?.length !== embedding.length) denseIndices = Int32Array.from(embedding.keys());
  return denseAsSparse(embedding, denseIndices);
}

/** The uncalibrated score: sigmoid of the mean of the heads' logits. */
export function rawScore(label: LabelModel, features: TextFeatures): number {
  let sum = 0;
  let count = 0;
  for (const kind of ['ngram', 'sentence'] as const) {
    const head = label.heads[kind];
    const x = features[kind];
    if (!head) continue;
    if (!x) throw new Error(`the ${kind} head needs ${kind} features`);
    sum += linearScore(head, x);
    count++;
  }
  return sigmoid(count === 0 ? 0 : sum / count);
}

export function calibratedScore(label: LabelModel, features: TextFeatures): number {
  return applyCalibration(label.calibration, rawScore(label, features));
}
