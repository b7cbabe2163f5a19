/**
 * The whole training run, with no I/O of its own: split, featurise, train the n-gram and
 * sentence heads per label, compare them on dev, keep a configuration, calibrate on dev,
 * pick thresholds, and drop a label whose dev AUC is not clearly above chance.
 * The CLI command supplies the rows, the embedder (with its cache) and the progress display.
 */
import type { Label } from '../types';
import type { LabelledRow } from './dataset';
import { reportLabel, type LabelDevReport } from './dev-report';
import { DEFAULT_HASHING, type HashingOptions } from './feature-hashing';
import { applyCalibration, fitCalibration } from './calibration';
import {
  HEAD_CHOICES,
  scoreDev,
  trainLabelHeads,
  type FeatureTable,
  type HeadChoice,
  type HeadSettings
} from './label-training';
import { chooseThreshold, rocAuc } from './metrics';
import { chooseHeads, type Comparison } from './head-choice';
import { ENCODER_ID } from './sentence-encoder';
import { stratifiedSample, stratifiedSplit } from './split';
import {
  ngramFeatures,
  sentenceFeatures,
  type LabelModel,
  type TrainedModel
} from './trained-model';

/** The labels some dataset gives verdicts for. Profanity and insult: none does (see the card). */
export const TRAINABLE_LABELS = [
  'toxicity',
  'identity_attack',
  'threat',
  'antisemitism'
] as const satisfies readonly Label[];

export interface TrainOptions {
  name: string;
  version: string;
  seed: number;
  devFraction: number;
  /** How many training rows get sentence embeddings (a seeded stratified subsample). */
  embedSample: number;
  /** Omit to train the n-gram heads only. */
  embed?: (texts: string[]) => Promise<Float32Array[]>;
  hashing?: HashingOptions;
  settings?: HeadSettings;
  /** A combination is kept for a label only when it beats n-grams alone by this much dev AUC and F1. */
  combineMargin: number;
  onStage?: (stage: string) => void;
  onProgress?: (stage: string, done: number, total: number) => void;
}

export interface TrainResult {
  model: TrainedModel;
  rows: { train: number; dev: number; embedded: number };
  comparison: Partial<Record<Label, Comparison>>;
  reports: Partial<Record<Label, LabelDevReport & { heads: HeadChoice }>>;
  /** Labels trained but not kept, with the reason. */
  dropped: Partial<Record<Label, string>>;
}

export async function trainModel(
  rows: readonly LabelledRow[],
  options: TrainOptions
): Promise<TrainResult> {
  const hashing = options.hashing ?? DEFAULT_HASHING;
  const split = stratifiedSplit(rows, { seed: options.seed, devFraction: options.devFraction });
  const probe: TrainedModel = {
    name: options.name,
    version: options.version,
    hashing,
    encoder: null,
    labels: {}
  };
  const features: FeatureTable = new Map();

  options.onStage?.('hashing n-gram features');
  const all = [...split.train, ...split.dev];
  all.forEach((row, index) => {
    features.set(row.id, { ngram: ngramFeatures(probe, row.text) });
    if (index % 1000 === 0) options.onProgress?.('features', index, all.length);
  });
  options.onProgress?.('features', all.length, all.length);

  let embedded: LabelledRow[] = [];
  if (options.embed) {
    options.onStage?.('embedding a training subsample and all dev rows');
    embedded = [
      ...stratifiedSample(split.train, { seed: options.seed, size: options.embedSample }),
      ...split.dev
    ];
    const vectors = await options.embed(embedded.map((row) => row.text));
    embedded.forEach((row, index) => {
      const entry = features.get(row.id);
      const vector = vectors[index];
      if (entry && vector) entry.sentence = sentenceFeatures(vector);
    });
  }

  const model: TrainedModel = { ...probe, encoder: options.embed ? ENCODER_ID : null };
  const result: TrainResult = {
    model,
    rows: { train: split.train.length, dev: split.dev.length, embedded: embedded.length },
    comparison: {},
    reports: {},
    dropped: {}
  };
  for (const label of TRAINABLE_LABELS) {
    options.onStage?.(`training ${label}`);
    const kinds = options.embed ? HEAD_CHOICES.both : HEAD_CHOICES.ngram;
    const heads = trainLabelHeads(split.train, label, features, {
      seed: options.seed,
      kinds,
      ngramDimension: 2 ** hashing.bits,
      settings: options.settings
    });
    const comparison = compareHeads(split.dev, label, features, heads);
    result.comparison[label] = comparison;
    const choice = chooseHeads(comparison, options.combineMargin);
    if (!choice) {
      result.dropped[label] = 'no head could be trained (no verdicts of both kinds)';
      continue;
    }
    const chosenHeads = Object.fromEntries(HEAD_CHOICES[choice].map((kind) => [kind, heads[kind]]));
    const dev = scoreDev(split.dev, label, features, chosenHeads);
    const calibration = fitCalibration(dev.scores, dev.targets);
    const calibrated = dev.scores.map((score) => applyCalibration(calibration, score));
    const report = { heads: choice, ...reportLabel(dev.rows, calibrated, dev.targets) };
    result.reports[label] = report;
    if (report.rocAucLower95 === null || report.rocAucLower95 <= 0.5) {
      result.dropped[label] =
        `dev AUC ${report.rocAuc?.toFixed(3) ?? 'n/a'} is not clearly above chance (95 % lower bound ${report.rocAucLower95?.toFixed(3) ?? 'n/a'}, ${report.devPositives} dev positives); left to the lexicon`;
      continue;
    }
    const labelModel: LabelModel = { heads: chosenHeads, calibration, threshold: report.threshold };
    model.labels[label] = labelModel;
  }
  if (!Object.values(model.labels).some((label) => label?.heads.sentence)) model.encoder = null;
  return result;
}

function compareHeads(
  dev: readonly LabelledRow[],
  label: Label,
  features: FeatureTable,
  heads: LabelModel['heads']
): Comparison {
  const comparison: Comparison = {};
  for (const choice of Object.keys(HEAD_CHOICES) as HeadChoice[]) {
    const kinds = HEAD_CHOICES[choice];
    if (!kinds.every((kind) => heads[kind])) continue;
    const picked = Object.fromEntries(kinds.map((kind) => [kind, heads[kind]]));
    const { scores, targets } = scoreDev(dev, label, features, picked);
    comparison[choice] = {
      rocAuc: rocAuc(scores, targets),
      f1: chooseThreshold(scores, targets).f1
    };
  }
  return comparison;
}
