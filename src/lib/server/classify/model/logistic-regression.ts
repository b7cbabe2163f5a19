/**
 * Binary logistic regression over sparse vectors, trained with AdaGrad SGD. Used for both
 * the hashed n-gram model (2^18 sparse dimensions) and the head on sentence embeddings
 * (512 dense dimensions, passed as a sparse vector that lists every index).
 *
 * Rare positives (threat, antisemitism) are handled with balanced class weights, so a
 * label with 3 % positives is not learnt as "always no"; the calibration fitted afterwards
 * on dev maps the resulting scores back to probabilities.
 */
import type { SparseVector } from './feature-hashing';
import { seededRandom, shuffleInPlace } from './random';

export interface LinearModel {
  weights: Float32Array;
  bias: number;
}

export interface TrainingOptions {
  dimension: number;
  epochs: number;
  learningRate: number;
  /** L2 penalty, applied to the weights a row touches when it is seen (lazy, as in sparse SGD). */
  l2: number;
  seed: number;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function linearScore(model: LinearModel, x: SparseVector): number {
  let z = model.bias;
  for (let k = 0; k < x.indices.length; k++) {
    z += (model.weights[x.indices[k] as number] as number) * (x.values[k] as number);
  }
  return z;
}

/** Weights that make positives and negatives count equally in the loss. */
export function balancedClassWeights(targets: Uint8Array): { positive: number; negative: number } {
  let positives = 0;
  for (const target of targets) positives += target;
  const negatives = targets.length - positives;
  if (positives === 0 || negatives === 0) return { positive: 1, negative: 1 };
  return { positive: targets.length / (2 * positives), negative: targets.length / (2 * negatives) };
}

export function trainLogisticRegression(
  rows: readonly SparseVector[],
  targets: Uint8Array,
  options: TrainingOptions
): LinearModel {
  const weights = new Float32Array(options.dimension);
  // AdaGrad's running sum of squared gradients, per weight and for the bias.
  const squaredGradients = new Float32Array(options.dimension);
  let bias = 0;
  let biasSquaredGradient = 0;
  const classWeight = balancedClassWeights(targets);
  const random = seededRandom(options.seed);
  const order = Array.from(rows.keys());
  const epsilon = 1e-8;

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const row of order) {
      const x = rows[row] as SparseVector;
      const target = targets[row] as number;
      const p = sigmoid(linearScore({ weights, bias }, x));
      const error = (p - target) * (target === 1 ? classWeight.positive : classWeight.negative);
      for (let k = 0; k < x.indices.length; k++) {
        const j = x.indices[k] as number;
        const w = weights[j] as number;
        const gradient = error * (x.values[k] as number) + options.l2 * w;
        const accumulated = (squaredGradients[j] as number) + gradient * gradient;
        squaredGradients[j] = accumulated;
        weights[j] = w - (options.learningRate * gradient) / (Math.sqrt(accumulated) + epsilon);
      }
      biasSquaredGradient += error * error;
      bias -= (options.learningRate * error) / (Math.sqrt(biasSquaredGradient) + epsilon);
    }
  }
  return { weights, bias };
}

/** A dense vector as a SparseVector listing every index (shared index array, no copy of values). */
export function denseAsSparse(values: Float32Array, indices?: Int32Array): SparseVector {
  return { indices: indices ?? Int32Array.from(values.keys()), values };
}
