/**
 * The seeded, stratified train / dev split. Rows are grouped by source × label pattern
 * (e.g. `dghs|1,0,0,1`), so every source and every combination of verdicts is represented in
 * dev at about the same rate as in train — rare patterns like dghs threats included.
 * Within a stratum rows are ordered by id before the seeded shuffle, so the split depends
 * on the seed and the data, never on file or readdir order.
 */
import { LABELS } from '../types';
import type { LabelledRow } from './dataset';
import { deriveSeed, seededRandom, shuffleInPlace } from './random';

export interface Split {
  train: LabelledRow[];
  dev: LabelledRow[];
}

export function stratumOf(row: LabelledRow): string {
  const pattern = LABELS.map((label) => row.labels[label] ?? '-').join(',');
  return `${row.source}|${pattern}`;
}

/**
 * `devFraction` of each stratum goes to dev. The count is rounded stochastically (seeded),
 * so a stratum of 3 rows at 15 % sends one row to dev about every other seed instead of
 * never, and the overall dev share stays close to `devFraction`.
 */
export function stratifiedSplit(
  rows: readonly LabelledRow[],
  options: { seed: number; devFraction: number }
): Split {
  const strata = groupBy(rows, stratumOf);
  const train: LabelledRow[] = [];
  const dev: LabelledRow[] = [];
  for (const key of [...strata.keys()].sort()) {
    const members = (strata.get(key) ?? []).sort((a, b) =>
      a.id < b.id ? -1 : a.id > b.id ? 1 : 0
    );
    const random = seededRandom(deriveSeed(options.seed, key));
    shuffleInPlace(members, random);
    const devCount = Math.floor(members.length * options.devFraction + random());
    dev.push(...members.slice(0, devCount));
    train.push(...members.slice(devCount));
  }
  return { train, dev };
}

/** A seeded stratified subsample of at most `size` rows (for the slow embedding path). */
export function stratifiedSample(
  rows: readonly LabelledRow[],
  options: { seed: number; size: number }
): LabelledRow[] {
  if (rows.length <= options.size) return [...rows];
  const { dev } = stratifiedSplit(rows, {
    seed: deriveSeed(options.seed, 'sample'),
    devFraction: options.size / rows.length
  });
  return dev;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
