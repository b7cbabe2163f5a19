/**
 * `models pull <id> [--quantized]`: download a transformers.js text-classification model
 * into the models folder (the one command that uses the network, and it says at once when
 * it cannot). `models list`: the model folders present and which one the classifier uses.
 */
import type { Command } from 'commander';
import { config as processConfig, type Config } from '../../lib/server/config';
import {
  chooseTransformersModel,
  discoverTransformersModels,
  ModelSelectionError
} from '../../lib/server/classify/transformers/discover';
import { buildLabelMap } from '../../lib/server/classify/transformers/label-map';
import { ONNX_FILES } from '../../lib/server/classify/transformers/model-folder';
import { ModelPullError, pullModel } from '../../lib/server/classify/transformers/pull';
import { startByteProgress } from '../byte-progress';

/** `getConfig` lets tests point the command at a local server and a temporary folder. */
export function registerModels(program: Command, getConfig: () => Config = processConfig): void {
  const models = program.command('models').description('transformers.js classification models');

  models
    .command('pull')
    .description('download a Hugging Face text-classification model (ONNX) into the models folder')
    .argument('<id>', 'model id on the hub, e.g. Xenova/toxic-bert')
    .option('--quantized', 'fetch the 8-bit weights (onnx/model_quantized.onnx), about 4× smaller')
    .action(async (id: string, flags: { quantized?: boolean }) => {
      const { hfEndpoint, modelsDir } = getConfig();
      const progress = startByteProgress();
      try {
        const pulled = await pullModel({
          id,
          endpoint: hfEndpoint,
          modelsDir,
          quantized: flags.quantized,
          progress
        });
        process.stdout.write(`pulled ${id} into ${pulled.dir} (${pulled.files.join(', ')})\n`);
      } catch (error) {
        if (!(error instanceof ModelPullError)) throw error;
        process.stderr.write(`threadwatch: ${error.message}\n`);
        process.exitCode = 1;
      } finally {
        progress.stop();
      }
    });

  models
    .command('list')
    .description('list the transformers.js models under the models folder')
    .action(async () => {
      const { modelsDir, transformersModel } = getConfig();
      const found = await discoverTransformersModels(modelsDir);
      if (found.length === 0) {
        process.stdout.write(
          `no transformers.js models under ${modelsDir} (npm run cli -- models pull Xenova/toxic-bert)\n`
        );
        return;
      }
      let inUse: string | undefined;
      try {
        inUse = chooseTransformersModel(found, transformersModel)?.id;
      } catch (error) {
        if (!(error instanceof ModelSelectionError)) throw error;
        process.stderr.write(`threadwatch: ${error.message}\n`);
        process.exitCode = 1;
      }
      for (const { id, folder } of found) {
        const labelMap = buildLabelMap(folder.config.id2label, folder.overrides);
        const mapping = Object.entries(folder.config.id2label)
          .map(([index, name]) => `${name}→${labelMap[Number(index)] ?? '-'}`)
          .join(', ');
        const weights = `onnx/${folder.quantized ? ONNX_FILES.quantized : ONNX_FILES.full}`;
        const marker = id === inUse ? '  (in use)' : '';
        process.stdout.write(`${id}\t${weights}\t${mapping}${marker}\n`);
      }
    });
}
