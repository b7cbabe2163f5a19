/**
 * scoreHistogram from the rollup: each shown label's bins summed, one subscript per bin
 * (int[] is 1-based), in one row rather than a row per label and bin.
 */
import { sql } from 'kysely';
import { HISTOGRAM_BINS, type HistogramRow } from '../score-histogram';
import type { AnalyticsScope } from '../scope';
import { rollupSource, total } from './source';

export async function rollupHistogram(scope: AnalyticsScope): Promise<HistogramRow[]> {
  const bins = Array.from({ length: HISTOGRAM_BINS }, (_, bin) => bin);
  const sums = scope.labels.flatMap((label) =>
    bins.map((bin) =>
      total(sql`${sql.ref(`r.${label}_bins`)}[${sql.lit(bin + 1)}]`).as(`${label}:${bin}`)
    )
  );
  const row = (await rollupSource(scope).select(sums).executeTakeFirstOrThrow()) as Record<
    string,
    number
  >;
  return scope.labels.flatMap((label) =>
    bins.map((bin) => ({ label, bin, comments: row[`${label}:${bin}`]! }))
  );
}
