/**
 * `train`: fit the trained-model component from the labelled corpora (read in place from
 * ../shared/datasets, never copied), compare hashed n-grams with sentence embeddings on a
 * seeded stratified dev split, and write weights, metrics.json and MODEL_CARD.md to --out.
 * Stages and progress bars go to stderr; the comparison table and summary to stdout.
 */
import { writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { config } from '../../lib/server/config';
import { readLabelledDirectory } from '../../lib/server/classify/model/dataset';
import { EmbeddingCache } from '../../lib/server/classify/model/embedding-cache';
import { buildMetricsFile, METRICS_FILE } from '../../lib/server/classify/model/metrics-file';
import { renderModelCard, MODEL_CARD_FILE } from '../../lib/server/classify/model/model-card';
import { saveModel } from '../../lib/server/classify/model/model-files';
import { DEFAULT_MODEL_DIR } from '../../lib/server/classify/model/component';
import {
  embedTexts,
  ENCODER_DIMENSION,
  ENCODER_ID
} from '../../lib/server/classify/model/sentence-encoder';
import { trainModel } from '../../lib/server/classify/model/train-model';
import { formatComparison } from '../../lib/server/classify/model/comparison-table';
import { positiveInteger } from '../number-options';
import { formatFusedMetrics, writeFusedThresholds } from './train-thresholds';
import { startProgress, type Progress } from '../progress';

interface TrainCliOptions {
  data: string;
  out: string;
  seed: number;
  devFraction: number;
  embedSample: number;
  skipEmbeddings?: boolean;
  combineMargin: number;
  cache?: string;
}

function fraction(value: string): number {
  const number = Number(value);
  if (!(number > 0 && number < 1))
    throw new InvalidArgumentError('expected a number between 0 and 1');
  return number;
}

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('train the n-gram / sentence-embedding model on the labelled datasets')
    .option('--data <dir>', 'folder of labelled .jsonl files', resolve('..', 'shared', 'datasets'))
    .option('--out <dir>', 'where the weights, metrics and model card go', DEFAULT_MODEL_DIR)
    .option('--seed <n>', 'seed for the split, subsample and shuffles', positiveInteger, 1)
    .option('--dev-fraction <f>', 'share of each stratum held out as dev', fraction, 0.15)
    .option(
      '--embed-sample <n>',
      'training rows that get sentence embeddings',
      positiveInteger,
      20000
    )
    .option('--skip-embeddings', 'train and compare the n-gram heads only')
    .option(
      '--combine-margin <gain>',
      'dev AUC and F1 gain needed to keep the embedding head',
      fraction,
      0.01
    )
    .option(
      '--cache <file>',
      'embedding cache (default: $THREADWATCH_DATA_DIR/cache/embeddings/use-lite-512.bin)'
    )
    .action(async (options: TrainCliOptions) => {
      const started = Date.now();
      const stage = (line: string) => process.stderr.write(`train: ${line}\n`);
      stage(`reading ${options.data}`);
      const rows = await readLabelledDirectory(options.data);
      const name = basename(resolve(options.out));
      const trainedAt = new Date().toISOString();
      const cacheFile =
        options.cache ?? join(config().dataDir, 'cache', 'embeddings', `${ENCODER_ID}.bin`);
      const cache = options.skipEmbeddings
        ? undefined
        : await EmbeddingCache.open(cacheFile, ENCODER_DIMENSION);
      const bars = progressBars();
      const result = await trainModel(rows, {
        name,
        version: `${name}@${trainedAt.slice(0, 10)}`,
        seed: options.seed,
        devFraction: options.devFraction,
        embedSample: options.embedSample,
        combineMargin: options.combineMargin,
        embed: cache
          ? (texts) =>
              embedTexts(texts, {
                cache,
                onProgress: (done, total) => bars.update('embeddings', done, total)
              })
          : undefined,
        onStage: (line) => {
          bars.stop();
          stage(line);
        },
        onProgress: (what, done, total) => bars.update(what, done, total)
      });
      bars.stop();
      const { weightBytes } = await saveModel(result.model, options.out);
      const metrics = buildMetricsFile(result, {
        data: options.data,
        seed: options.seed,
        devFraction: options.devFraction,
        embedSample: options.skipEmbeddings ? 0 : options.embedSample,
        combineMargin: options.combineMargin,
        trainedAt,
        seconds: Math.round((Date.now() - started) / 1000),
        weightBytes
      });
      await writeFile(join(options.out, METRICS_FILE), `${JSON.stringify(metrics, null, 2)}\n`);
      await writeFile(join(options.out, MODEL_CARD_FILE), renderModelCard(metrics));
      process.stdout.write(`${formatComparison(metrics)}\n`);
      stage('choosing thresholds on dev over fused scores (lexicon + model)');
      const fused = await writeFusedThresholds(rows, options, (done, total) =>
        bars.update('fused dev scores', done, total)
      );
      bars.stop();
      process.stdout.write(`${formatFusedMetrics(fused.thresholds)}\nwrote ${fused.file}\n`);
      process.stdout.write(
        `kept: ${Object.keys(result.model.labels).join(', ') || 'nothing'}; wrote ${options.out} ` +
          `(${(weightBytes / 1024 / 1024).toFixed(1)} MB of weights) in ${metrics.run.seconds} s\n`
      );
    });
}

/** One bar at a time, restarted when the stage changes; nothing when stderr is not a terminal. */
function progressBars() {
  let current: { what: string; bar: Progress; shown: number } | undefined;
  return {
    update(what: string, done: number, total: number) {
      if (current?.what !== what) {
        current?.bar.stop();
        current = { what, bar: startProgress(total, what), shown: 0 };
      }
      for (; current.shown < done; current.shown++) current.bar.tick('');
    },
    stop() {
      current?.bar.stop();
      current = undefined;
    }
  };
}
