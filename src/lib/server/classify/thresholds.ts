/**
 * Per-label thresholds: a score at or over its label's threshold flags the comment.
 *
 * `train` chooses them on the dev split over the fused scores and writes
 * `models/thresholds.json`; an admin's value on the settings page (label_thresholds)
 * overrides the file, and configuration (THREADWATCH_THRESHOLD_<LABEL>) overrides both. A
 * label with none of them gets DEFAULT_THRESHOLD.
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

/** Where a threshold in force comes from, highest precedence first. */
export const THRESHOLD_SOURCES = ['configuration', 'settings', 'file', 'default'] as const;
export type ThresholdSource = (typeof THRESHOLD_SOURCES)[number];

export interface ResolvedThreshold {
  threshold: number;
  source: ThresholdSource;
}

/**
 * Each label's threshold in force and its source: configuration
 * (THREADWATCH_THRESHOLD_<LABEL>) over the settings page (label_thresholds) over the chosen
 * file over the default. Configuration wins so that an operator can pin a value the app
 * cannot change.
 */
export function resolveThresholdSources(
  chosen: ThresholdsFile | null,
  overrides: Partial<Record<Label, number>> = {},
  stored: Partial<Record<Label, number>> = {}
): Record<Label, ResolvedThreshold> {
  const resolved = {} as Record<Label, ResolvedThreshold>;
  for (const label of LABELS) {
    const layers: [number | undefined, ThresholdSource][] = [
      [overrides[label], 'configuration'],
      [stored[label], 'settings'],
      [chosen?.thresholds[label], 'file']
    ];
    const [threshold, source] = layers.find(([value]) => value !== undefined) ?? [
      DEFAULT_THRESHOLD,
      'default'
    ];
    resolved[label] = { threshold: threshold!, source };
  }
  return resolved;
}

/** The thresholds in force (see resolveThresholdSources), without their sources. */
export function resolveThresholds(
  chosen: ThresholdsFile | null,
  overrides: Partial<Record<Label, number>> = {},
  stored: Partial<Record<Label, number>> = {}
): LabelScores {
  const sources = resolveThresholdSources(chosen, overrides, stored);
  return Object.fromEntries(
    LABELS.map((label) => [label, sources[label].threshold])
  ) as LabelScores;
}
