/**
 * A threshold change, from the /settings form (strings) or from code (numbers): a label
 * and a value in [0, 1], with messages an admin can act on.
 */
import { z } from 'zod';
import { LABELS } from '../server/classify/types';

const BETWEEN = 'Enter a threshold between 0 and 1 (for example 0.45).';

export const thresholdChangeSchema = z.object({
  label: z.enum(LABELS, { error: 'Choose one of the labels.' }),
  threshold: z.preprocess(
    (value) =>
      typeof value === 'string' ? (value.trim() === '' ? undefined : Number(value)) : value,
    z
      .number({ error: BETWEEN })
      .min(0, 'The threshold must be at least 0.')
      .max(1, 'The threshold must be at most 1.')
  )
});

export type ThresholdChange = z.output<typeof thresholdChangeSchema>;

export const thresholdResetSchema = thresholdChangeSchema.pick({ label: true });
