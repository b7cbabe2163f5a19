/**
 * Finds transformers.js text-classification models under the models root: folders one
 * (`models/<name>`) or two (`models/<org>/<name>`) levels down whose config, tokenizer and
 * ONNX weights are all there. The trained models' folders and half-copied downloads sit in
 * the same root and are skipped, never guessed at.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ModelFolderError, readModelFolder, type ModelFolder } from './model-folder';

export interface DiscoveredModel {
  /** The path under the models root with `/`, as on the Hugging Face hub. */
  id: string;
  folder: ModelFolder;
}

/** The configured model is missing, or several are present and none is configured. */
export class ModelSelectionError extends Error {
  override readonly name = 'ModelSelectionError';
}

async function subfolders(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    // Dot folders are `models pull`'s staging area: a download in progress is no model.
    return entries
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return []; // no models root yet: no models
  }
}

async function tryModel(modelsRoot: string, id: string): Promise<DiscoveredModel | undefined> {
  try {
    return { id, folder: await readModelFolder(join(modelsRoot, ...id.split('/'))) };
  } catch (error) {
    if (error instanceof ModelFolderError) return undefined;
    throw error;
  }
}

export async function discoverTransformersModels(modelsRoot: string): Promise<DiscoveredModel[]> {
  const found: DiscoveredModel[] = [];
  for (const name of await subfolders(modelsRoot)) {
    const model = await tryModel(modelsRoot, name);
    if (model) {
      found.push(model);
      continue;
    }
    for (const inner of await subfolders(join(modelsRoot, name))) {
      const nested = await tryModel(modelsRoot, `${name}/${inner}`);
      if (nested) found.push(nested);
    }
  }
  return found;
}

/**
 * The configured model, or the only one present; undefined when there is none. A
 * configured model that is absent, or a choice left open, is an error rather than a guess.
 */
export function chooseTransformersModel(
  models: readonly DiscoveredModel[],
  configured: string | undefined
): DiscoveredModel | undefined {
  if (configured !== undefined) {
    const wanted = configured.replace(/^\/+|\/+$/g, '');
    const model = models.find((candidate) => candidate.id === wanted);
    if (!model)
      throw new ModelSelectionError(
        `THREADWATCH_TRANSFORMERS_MODEL is ${configured}, but no usable model folder has that name ` +
          `(found: ${describeIds(models)})`
      );
    return model;
  }
  if (models.length > 1)
    throw new ModelSelectionError(
      `several transformers.js models are present (${describeIds(models)}); ` +
        'set THREADWATCH_TRANSFORMERS_MODEL to the one to use'
    );
  return models[0];
}

function describeIds(models: readonly DiscoveredModel[]): string {
  return models.length === 0 ? 'none' : models.map((model) => model.id).join(', ');
}
