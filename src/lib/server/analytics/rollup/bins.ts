/** The rollup's histogram columns: toxicity_b00 … toxicity_b19, as migration 0011 made them. */
import type { Label } from '../../classify/types';
import { HISTOGRAM_BINS } from '../score-histogram';

export const BINS = Array.from({ length: HISTOGRAM_BINS }, (_, bin) => bin);

export const binColumn = (label: Label, bin: number) =>
  `${label}_b${String(bin).padStart(2, '0')}` as const;
