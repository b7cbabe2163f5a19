/**
 * `models pull <id>`: fetch a transformers.js text-classification model from the Hugging
 * Face hub (or a mirror) into `<modelsDir>/<id>/`. This is the only code in threadwatch that
 * uses the network, and only when asked to.
 *
 * Everything lands in a dot-named staging folder first, which is renamed into place once
 * every file is complete and the folder reads as a usable model, so a failed or interrupted
 * pull never leaves a half-written model for discovery to load.
 */
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  downloadFile,
  DownloadError,
  UnreachableError,
  type DownloadOutcome
} from './download-file';
import { ModelFolderError, ONNX_FILES, readModelFolder } from './model-folder';

export type PullErrorCode = 'offline' | 'not-found' | 'invalid-id' | 'not-a-classifier' | 'failed';

/** An expected failure of `models pull`, with the one line the CLI prints. */
export class ModelPullError extends Error {
  override readonly name = 'ModelPullError';
  constructor(
    readonly code: PullErrorCode,
    message: string
  ) {
    super(message);
  }
}

export interface PullProgress {
  fileStarted(file: string, totalBytes: number | undefined): void;
  bytesReceived(file: string, receivedBytes: number): void;
  fileFinished(file: string): void;
}

export interface PullOptions {
  id: string;
  endpoint: string;
  modelsDir: string;
  /** Prefer onnx/model_quantized.onnx (about a quarter of the size) over onnx/model.onnx. */
  quantized?: boolean;
  progress?: PullProgress;
  /** The first request's deadline: how fast an offline machine is told so. */
  connectTimeoutMs?: number;
  stallTimeoutMs?: number;
}

/** Hub ids: `name` or `org/name`, letters, digits, `-`, `_`, `.`; never a path that climbs. */
const MODEL_ID = /^[A-Za-z0-9][\w.-]*(\/[A-Za-z0-9][\w.-]*)?$/;

export async function pullModel(options: PullOptions): Promise<{ dir: string; files: string[] }> {
  const { id, endpoint, modelsDir } = options;
  if (!MODEL_ID.test(id) || id.includes('..'))
    throw new ModelPullError('invalid-id', `${id} is not a model id like Xenova/toxic-bert`);
  const destination = join(modelsDir, ...id.split('/'));
  const onnx = options.quantized
    ? [ONNX_FILES.quantized, ONNX_FILES.full]
    : [ONNX_FILES.full, ONNX_FILES.quantized];
  const plan: { choices: string[]; required: boolean }[] = [
    { choices: ['config.json'], required: true },
    { choices: ['tokenizer.json'], required: true },
    { choices: ['tokenizer_config.json'], required: true },
    { choices: ['special_tokens_map.json'], required: false },
    { choices: onnx.map((file) => `onnx/${file}`), required: true }
  ];

  await mkdir(modelsDir, { recursive: true });
  const staging = await mkdtemp(join(modelsDir, '.pull-'));
  await mkdir(join(staging, 'onnx'));
  try {
    const files: string[] = [];
    for (const [step, { choices, required }] of plan.entries()) {
      const saved = await fetchFirstPresent(choices, staging, options, step === 0, destination);
      if (saved) files.push(saved);
      else if (required)
        throw new ModelPullError(
          'not-found',
          `no such model or file: ${id} has no ${choices.join(' or ')} at ${endpoint}`
        );
    }
    await readModelFolder(staging).catch((error: unknown) => {
      if (!(error instanceof ModelFolderError)) throw error;
      throw new ModelPullError(
        'not-a-classifier',
        `${id} is not a text-classification model: ${error.message}`
      );
    });
    await moveIntoPlace(staging, destination);
    return { dir: destination, files };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function fetchFirstPresent(
  choices: string[],
  staging: string,
  options: PullOptions,
  isFirstRequest: boolean,
  destination: string
): Promise<string | undefined> {
  for (const file of choices) {
    const url = `${options.endpoint}/${options.id}/resolve/main/${file}`;
    let outcome: DownloadOutcome;
    try {
      outcome = await downloadFile({
        url,
        to: join(staging, file),
        // Later requests may wait on a slow CDN; only the first decides "offline".
        headersTimeoutMs: isFirstRequest ? (options.connectTimeoutMs ?? 5_000) : 30_000,
        stallTimeoutMs: options.stallTimeoutMs ?? 60_000,
        onStart: (total) => options.progress?.fileStarted(file, total),
        onBytes: (received) => options.progress?.bytesReceived(file, received)
      });
    } catch (error) {
      if (error instanceof UnreachableError && isFirstRequest)
        throw new ModelPullError(
          'offline',
          `cannot reach ${options.endpoint} (${error.reason}): this machine is offline. ` +
            `Download the model elsewhere and copy the folder to ${destination}`
        );
      if (error instanceof UnreachableError || error instanceof DownloadError)
        throw new ModelPullError(
          'failed',
          `${error.message}; nothing was saved, run the pull again`
        );
      throw error;
    }
    if (outcome.status === 'saved') {
      options.progress?.fileFinished(file);
      return file;
    }
  }
  return undefined;
}

/** Replaces an earlier copy of the model only once the new one is complete. */
async function moveIntoPlace(staging: string, destination: string): Promise<void> {
  await mkdir(dirname(destination), { recursive: true });
  const previous = `${staging}-previous`;
  const hadPrevious = await rename(destination, previous).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    }
  );
  try {
    await rename(staging, destination);
  } catch (error) {
    if (hadPrevious) await rename(previous, destination);
    throw error;
  }
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}
