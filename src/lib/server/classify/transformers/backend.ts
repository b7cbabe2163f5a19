/**
 * The transformers.js component: a Hugging Face text-classification model in ONNX, loaded
 * from its folder under models/ with remote loading off, scoring texts in batches.
 *
 * The auto classes are driven directly rather than the text-classification pipeline: the
 * pipeline returns only the top label after a softmax, while a multi-label model such as
 * toxic-bert needs every label's sigmoid.
 */
import { basename, dirname, relative, sep } from 'node:path';
import type { ClassifierComponent, ComponentResult } from '../types';
import { buildLabelMap, mappedLabels, scoresFromProbabilities } from './label-map';
import { ModelFolderError, readModelFolder } from './model-folder';
import { probabilitiesFromLogits } from './probabilities';

/** Texts per forward pass: enough to amortise the call, small enough to pad little. */
const BATCH_SIZE = 16;
/** BERT's limit, for the rare folder whose tokenizer and config both leave it open. */
const FALLBACK_MAX_LENGTH = 512;

type Transformers = typeof import('@xenova/transformers');

// transformers.js keeps its settings in one global `env`; loads are serialised so two
// components in one process cannot read each other's models root mid-load.
let loadQueue: Promise<unknown> = Promise.resolve();

async function loadLocally<T>(
  modelsRoot: string,
  load: (transformers: Transformers) => Promise<T>
): Promise<T> {
  const run = async () => {
    // Imported on first use: onnxruntime is heavy and most processes never need it.
    const transformers = await import('@xenova/transformers');
    const { env } = transformers;
    env.allowRemoteModels = false; // offline by construction: nothing here touches the network
    env.allowLocalModels = true;
    env.useFSCache = false; // the cache would shadow a model folder replaced by `models pull`
    env.localModelPath = modelsRoot.endsWith(sep) ? modelsRoot : `${modelsRoot}${sep}`;
    return load(transformers);
  };
  const result = loadQueue.then(run, run);
  loadQueue = result.catch(() => undefined);
  return result;
}

/**
 * `modelsRoot` names the model: `models/Xenova/toxic-bert` under `models` is
 * `Xenova/toxic-bert`. Without it the folder's own name is used.
 */
export async function createTransformersComponent(
  modelDir: string,
  modelsRoot: string = dirname(modelDir)
): Promise<ClassifierComponent> {
  const folder = await readModelFolder(modelDir);
  const id = relative(modelsRoot, modelDir).split(sep).join('/') || basename(modelDir);
  const labelMap = buildLabelMap(folder.config.id2label, folder.overrides);
  if (mappedLabels(labelMap).length === 0)
    throw new ModelFolderError(
      `${modelDir}: none of its labels (${Object.values(folder.config.id2label).join(', ')}) ` +
        'maps onto ours; add a threadwatch-labels.json'
    );

  const { tokenizer, model } = await loadLocally(dirname(modelDir), async (transformers) => {
    const name = basename(modelDir);
    const options = { quantized: folder.quantized, local_files_only: true };
    return {
      tokenizer: await transformers.AutoTokenizer.from_pretrained(name, options),
      model: await transformers.AutoModelForSequenceClassification.from_pretrained(name, options)
    };
  });
  // With truncation on, transformers.js cuts each batch to the tokenizer's
  // model_max_length; make that the model's real limit, never more than its positions.
  tokenizer.model_max_length = maxLength(
    tokenizer.model_max_length,
    folder.config.max_position_embeddings
  );

  async function scoreChunk(texts: string[]): Promise<ComponentResult[]> {
    const inputs = tokenizer(texts, { padding: true, truncation: true });
    const { logits } = (await model(inputs)) as { logits: { dims: number[]; data: Float32Array } };
    const width = logits.dims[1] ?? 0;
    return texts.map((_, row) => {
      const rowLogits = logits.data.subarray(row * width, (row + 1) * width);
      const probabilities = probabilitiesFromLogits(rowLogits, folder.config.problem_type);
      return { scores: scoresFromProbabilities(probabilities, labelMap), spans: [] };
    });
  }

  return {
    kind: 'transformers',
    version: `${id}@${folder.configHash}`,
    async scoreBatch(texts) {
      const results = new Array<ComponentResult>(texts.length);
      // Batches of similar length pad less; the results go back in the callers' order.
      const order = texts
        .map((_, index) => index)
        .sort((a, b) => texts[a]!.length - texts[b]!.length);
      for (let start = 0; start < order.length; start += BATCH_SIZE) {
        const indices = order.slice(start, start + BATCH_SIZE);
        const chunk = await scoreChunk(indices.map((index) => texts[index]!));
        indices.forEach((index, position) => (results[index] = chunk[position]!));
      }
      return results;
    }
  };
}

function maxLength(tokenizerLimit: unknown, positions: number | undefined): number {
  // Tokenizers without a limit store a huge sentinel (1e30); the positions are then the limit.
  const limits = [tokenizerLimit, positions].filter(
    (limit): limit is number => typeof limit === 'number' && limit > 0 && limit < 1e6
  );
  return limits.length > 0 ? Math.min(...limits) : FALLBACK_MAX_LENGTH;
}
