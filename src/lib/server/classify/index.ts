/**
 * The classifier as the CLI, the worker and the app use it: the lexicon (always), the
 * trained model (when its folder is under models/), and a transformers.js model (when one
 * is present), fused by one rule (fuse.ts), with thresholds from models/thresholds.json
 * overridden by configuration.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { config, type Config } from '../config';
import { assembleClassifier } from './classifier';
import { createLexiconComponent } from './lexicon/component';
import { createModelComponent } from './model/component';
import { MANIFEST_FILE } from './model/model-files';
import { readThresholdsFile, resolveThresholds } from './thresholds';
import { loadTransformersComponent } from './transformers';
import type { Classifier, ClassifierComponent } from './types';

export { LABELS, type Classification, type Classifier, type Label } from './types';

/** The trained model's folder under the models root. */
export const TRAINED_MODEL_NAME = 'threadwatch-ngram';

export type ClassifierSettings = Pick<Config, 'modelsDir' | 'transformersModel' | 'thresholds'>;

export async function createClassifier(
  settings: ClassifierSettings = config()
): Promise<Classifier> {
  const components: ClassifierComponent[] = [createLexiconComponent()];
  const trainedDir = join(settings.modelsDir, TRAINED_MODEL_NAME);
  if (existsSync(join(trainedDir, MANIFEST_FILE)))
    components.push(await createModelComponent(trainedDir));
  const transformers = await loadTransformersComponent(settings);
  if (transformers) components.push(transformers);
  const thresholds = resolveThresholds(readThresholdsFile(settings.modelsDir), settings.thresholds);
  return assembleClassifier(components, thresholds);
}
