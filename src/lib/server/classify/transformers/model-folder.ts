/**
 * What a transformers.js text-classification folder holds, read and validated once:
 * config.json (an `*ForSequenceClassification` architecture with `id2label`), tokenizer.json,
 * ONNX weights under onnx/ and the optional threadwatch-labels.json.
 */
import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { LabelOverridesSchema, type LabelOverrides } from './label-map';

/** The file names transformers.js 2.x loads: `quantized: true` picks the first. */
export const ONNX_FILES = { quantized: 'model_quantized.onnx', full: 'model.onnx' } as const;
export const LABEL_OVERRIDES_FILE = 'threadwatch-labels.json';

const ModelConfigSchema = z.looseObject({
  architectures: z.array(z.string()).min(1),
  id2label: z.record(z.string(), z.string()),
  problem_type: z.string().optional(),
  max_position_embeddings: z.number().int().positive().optional()
});
export type ModelConfig = z.infer<typeof ModelConfigSchema>;

export interface ModelFolder {
  dir: string;
  config: ModelConfig;
  overrides: LabelOverrides | undefined;
  /** Whether transformers.js should load onnx/model_quantized.onnx (else onnx/model.onnx). */
  quantized: boolean;
  /** Eight hex digits of SHA-256 over config.json and the label overrides. */
  configHash: string;
}

/** A folder that is not a usable model, and why: discovery skips it, loading reports it. */
export class ModelFolderError extends Error {
  override readonly name = 'ModelFolderError';
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false
  );
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read';
    throw new ModelFolderError(`${path} ${reason}`);
  }
}

export async function readModelFolder(dir: string): Promise<ModelFolder> {
  const configPath = join(dir, 'config.json');
  const parsedConfig = ModelConfigSchema.safeParse(await readJson(configPath));
  if (!parsedConfig.success)
    throw new ModelFolderError(
      `${configPath}: not a classification config (${parsedConfig.error.issues[0]?.message})`
    );
  const config = parsedConfig.data;
  if (!config.architectures.some((name) => name.endsWith('ForSequenceClassification')))
    throw new ModelFolderError(
      `${configPath}: ${config.architectures.join(', ')} is not a sequence classifier`
    );
  if (!(await exists(join(dir, 'tokenizer.json'))))
    throw new ModelFolderError(`${dir} has no tokenizer.json`);

  const quantized = await exists(join(dir, 'onnx', ONNX_FILES.quantized));
  if (!quantized && !(await exists(join(dir, 'onnx', ONNX_FILES.full))))
    throw new ModelFolderError(
      `${dir} has no ONNX weights (onnx/${ONNX_FILES.full} or onnx/${ONNX_FILES.quantized})`
    );

  const overridesPath = join(dir, LABEL_OVERRIDES_FILE);
  let overrides: LabelOverrides | undefined;
  if (await exists(overridesPath)) {
    const parsed = LabelOverridesSchema.safeParse(await readJson(overridesPath));
    if (!parsed.success)
      throw new ModelFolderError(`${overridesPath}: each value must be one of our labels or null`);
    overrides = parsed.data;
  }

  // The label overrides change the scores as much as the config does, so both are hashed.
  const hash = createHash('sha256').update(await readFile(configPath));
  if (overrides) hash.update(JSON.stringify(overrides));
  return { dir, config, overrides, quantized, configHash: hash.digest('hex').slice(0, 8) };
}
