/**
 * The classifier as the CLI, the worker and the app use it: the lexicon (always), the
 * trained model (when its folder is under models/), and a transformers.js model (when one
 * is present), fused by one rule (fuse.ts), with thresholds from models/thresholds.json
 * overridden by the settings page and by configuration.
 *
 * What admins change in the app (thresholds, lexicon entries and edits) comes in as
 * `AdminSettings`, read from the database by settings/classifier-settings.ts; without them
 * the classifier runs on the shipped files alone (`score`, `eval`, `train`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { config, type Config } from '../config';
import { assembleClassifier } from './classifier';
import type { CompiledLexicon } from './lexicon/compile';
import { createLexiconComponent, shippedLexicon } from './lexicon/component';
import { createThreadedLexiconComponent } from './lexicon/thread/threaded-component';
import { createModelComponent } from './model/component';
import { MANIFEST_FILE } from './model/model-files';
import { readThresholdsFile, resolveThresholds } from './thresholds';
import { loadTransformersComponent } from './transformers';
import type { Classifier, ClassifierComponent, Label } from './types';

export { LABELS, type Classification, type Classifier, type Label } from './types';

/** The trained model's folder under the models root. */
export const TRAINED_MODEL_NAME = 'threadwatch-ngram';

export type ClassifierSettings = Pick<Config, 'modelsDir' | 'transformersModel' | 'thresholds'>;

/** What the settings pages store: layered between the shipped files and configuration. */
export interface AdminSettings {
  /** The shipped lexicon with added entries and edits applied; the shipped file when absent. */
  lexicon?: CompiledLexicon;
  /** label_thresholds: over models/thresholds.json, under configuration. */
  thresholds?: Partial<Record<Label, number>>;
}

export interface AssemblyOptions {
  /**
   * Score the lexicon on a worker thread beside the learned components (lexicon/thread/):
   * what the job worker and the CLI want. Off by default, and off in the web app, whose
   * built bundle does not carry the thread's entry file and which only reads versions.
   */
  lexiconThread?: boolean;
}

export async function createClassifier(
  settings: ClassifierSettings = config(),
  admin: AdminSettings = {},
  options: AssemblyOptions = {}
): Promise<Classifier> {
  return assembleWithSettings(await loadLearnedComponents(settings), settings, admin, options);
}

/**
 * The components that load weights (slow, and unchanged by the settings pages): loaded
 * once per worker, then reused each time the admin settings change.
 */
export async function loadLearnedComponents(
  settings: ClassifierSettings
): Promise<ClassifierComponent[]> {
  const components: ClassifierComponent[] = [];
  const trainedDir = join(settings.modelsDir, TRAINED_MODEL_NAME);
  if (existsSync(join(trainedDir, MANIFEST_FILE)))
    components.push(await createModelComponent(trainedDir));
  const transformers = await loadTransformersComponent(settings);
  if (transformers) components.push(transformers);
  return components;
}

/** The lexicon (with the admin's edits) in front of the learned components, thresholds resolved. */
export function assembleWithSettings(
  learned: readonly ClassifierComponent[],
  settings: ClassifierSettings,
  admin: AdminSettings,
  options: AssemblyOptions = {}
): Classifier {
  const compiled = admin.lexicon ?? shippedLexicon();
  // Alone, the lexicon has nothing to run beside: a thread would only add the copying.
  const lexicon =
    options.lexiconThread && learned.length > 0
      ? createThreadedLexiconComponent(compiled)
      : createLexiconComponent({ lexicon: compiled });
  const thresholds = resolveThresholds(
    readThresholdsFile(settings.modelsDir),
    settings.thresholds,
    admin.thresholds
  );
  return assembleClassifier([lexicon, ...learned], thresholds);
}
