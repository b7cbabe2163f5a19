/**
 * The last step of `train`: with the new model written, choose each label's threshold on
 * the same dev split over the fused scores (lexicon + model, as `createClassifier` will
 * run them) and write `<models>/thresholds.json`, with the fused dev metrics.
 */
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { assembleClassifier } from '../../lib/server/classify/classifier';
import { chooseFusedThresholds } from '../../lib/server/classify/fused-thresholds';
import { createLexiconComponent } from '../../lib/server/classify/lexicon/component';
import { createModelComponent } from '../../lib/server/classify/model/component';
import type { LabelledRow } from '../../lib/server/classify/model/dataset';
import { stratifiedSplit } from '../../lib/server/classify/model/split';
import { TRAINABLE_LABELS } from '../../lib/server/classify/model/train-model';
import {
  resolveThresholds,
  THRESHOLDS_FILE,
  type ThresholdsFile
} from '../../lib/server/classify/thresholds';

export async function writeFusedThresholds(
  rows: readonly LabelledRow[],
  options: { out: string; seed: number; devFraction: number; data: string },
  onProgress?: (done: number, total: number) => void
): Promise<{ file: string; thresholds: ThresholdsFile }> {
  const { dev } = stratifiedSplit(rows, { seed: options.seed, devFraction: options.devFraction });
  const model = await createModelComponent(options.out);
  const lexicon = createLexiconComponent();
  const classifier = assembleClassifier([lexicon, model], resolveThresholds(null));
  const thresholds = await chooseFusedThresholds(classifier, dev, TRAINABLE_LABELS, {
    chosenOn:
      `max F1 on the dev split (seed ${options.seed}, ${options.devFraction * 100} % of each ` +
      `stratum of ${options.data}) over the fused scores of ${lexicon.version} + ${model.version}`,
    onProgress
  });
  const file = join(dirname(resolve(options.out)), THRESHOLDS_FILE);
  await writeFile(file, `${JSON.stringify(thresholds, null, 2)}\n`);
  return { file, thresholds };
}

/** The fused dev metrics as a small table for the terminal. */
export function formatFusedMetrics({ thresholds, metrics = {} }: ThresholdsFile): string {
  const lines = ['fused (lexicon + model) on dev: label threshold precision recall F1'];
  for (const [label, threshold] of Object.entries(thresholds)) {
    const m = metrics[label as keyof typeof metrics];
    if (!m) continue;
    const cells = [threshold, m.precision, m.recall, m.f1].map((value) => value.toFixed(3));
    lines.push(`  ${label.padEnd(16)} ${cells.join('  ')}`);
  }
  return lines.join('\n');
}
