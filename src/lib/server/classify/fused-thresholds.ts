/**
 * Chooses each label's threshold on the dev split over the FUSED scores — lexicon and
 * trained model together, as the classifier will really run — rather than over the model
 * alone, whose thresholds would be wrong once lexicon evidence is added on top. A label is
 * chosen only where the dev split has enough positives; the others keep the default.
 */
import type { LabelledRow } from './model/dataset';
import { rowsForLabel } from './model/dataset';
import { chooseThreshold } from './model/metrics';
import type { ThresholdsFile } from './thresholds';
import type { Classifier, Label, LabelScores } from './types';

const BATCH = 256;
/**
 * Fewer dev positives than this and a max-F1 threshold is noise (threat has 8: its best
 * cut sat above what a lexicon threat scores, silencing it); the label keeps the default.
 */
export const MIN_DEV_POSITIVES = 30;

export async function chooseFusedThresholds(
  classifier: Classifier,
  dev: readonly LabelledRow[],
  labels: readonly Label[],
  options: { chosenOn: string; onProgress?: (done: number, total: number) => void }
): Promise<ThresholdsFile> {
  const scored = await scoreRows(classifier, dev, options.onProgress);
  const thresholds: ThresholdsFile['thresholds'] = {};
  const metrics: NonNullable<ThresholdsFile['metrics']> = {};
  for (const label of labels) {
    const { rows, targets } = rowsForLabel(dev, label);
    const positives = targets.reduce((sum, target) => sum + target, 0);
    if (positives < MIN_DEV_POSITIVES || positives === rows.length) continue;
    const scores = Float64Array.from(rows, (row) => scored.get(row.id)![label]);
    const best = chooseThreshold(scores, targets);
    thresholds[label] = best.threshold;
    metrics[label] = {
      precision: best.precision,
      recall: best.recall,
      f1: best.f1,
      positives,
      negatives: rows.length - positives
    };
  }
  return { chosenOn: options.chosenOn, thresholds, metrics };
}

async function scoreRows(
  classifier: Classifier,
  rows: readonly LabelledRow[],
  onProgress?: (done: number, total: number) => void
): Promise<Map<string, LabelScores>> {
  const scored = new Map<string, LabelScores>();
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const results = await classifier.classify(batch.map((row) => row.text));
    batch.forEach((row, index) => scored.set(row.id, results[index]!.scores));
    onProgress?.(Math.min(start + BATCH, rows.length), rows.length);
  }
  return scored;
}
