/**
 * The transformers.js component as the classifier assembles it: the model chosen from the
 * models root (the configured one, or the only one present), or none.
 */
import type { Config } from '../../config';
import type { ClassifierComponent } from '../types';
import { createTransformersComponent } from './backend';
import { chooseTransformersModel, discoverTransformersModels } from './discover';

export { createTransformersComponent } from './backend';
export { ModelSelectionError } from './discover';
export { ModelFolderError } from './model-folder';

/** Undefined when no transformers.js model is present: the classifier runs without it. */
export async function loadTransformersComponent(
  settings: Pick<Config, 'modelsDir' | 'transformersModel'>
): Promise<ClassifierComponent | undefined> {
  const models = await discoverTransformersModels(settings.modelsDir);
  const chosen = chooseTransformersModel(models, settings.transformersModel);
  return chosen && createTransformersComponent(chosen.folder.dir, settings.modelsDir);
}
