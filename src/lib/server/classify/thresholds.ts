/**
 * Per-label thresholds: a score at or over its label's threshold flags the comment.
 *
 * `train` chooses them on the dev split over the fused scores and writes
 * `models/thresholds.json`; configuration (THREADWATCH_THRESHOLD_<LABEL>) overrides any of
 * them. A label with neither gets DEFAULT_THRESHOLD.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LABELS, type Label, type LabelScores } from './types';

export const THRESHOLDS_FILE = 'thresholds.json';
export const DEFAULT_THRESHOLD = 0.5;

const Probability = z.number().min(0).max(1);

export const ThresholdsFileSchema = z.object({
  /** How and where the thresholds were chosen, for people reading the file. */
  chosenOn: z.string(),
  thresholds: z.partialRecord(z.enum(LABELS), Probability),
  /** Dev-split metrics at each threshold, for the model card and the settings page. */
  metrics: z
    .partialRecord(
      z.enum(LABELS),
      z.object({
        precision: z.number(),
        recall: z.number(),
        f1: z.number(),
        positives: z.number().int(),
        negatives: z.number().int()
      })
    )
    .optional()
});

export type ThresholdsFile = z.infer<typeof ThresholdsFileSchema>;

export class ThresholdsFileError extends Error {
  override readonly name = 'ThresholdsFileError';
}

export function readThresholdsFile(modelsDir: string): ThresholdsFile | null {
  const path = join(modelsDir, THRESHOLDS_FILE);
  if (!existsSync(path)) return null;
  const parsed = ThresholdsFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success)
    throw new ThresholdsFileError(
      `${path} is not a valid thresholds file: ${parsed.error.message}`
    );
  return parsed.data;
}

/** The thresholds in force: configuration over the chosen file over the default. */
export function resolveThresholds(
  chosen: ThresholdsFile | null,
  overrides: Partial<Record<Label, number>> = {}
): LabelScores {
  const thresholds = {} as LabelScores;
  for (const label of LABELS)
    thresholds[label] = overrides[label] ?? chosen?.thresholds[label] ?? DEFAULT_THRESHOLD;
  return thresholds;
}
