/** scoreHistogram from the rollup: each shown label's bin columns summed, in one row. */
import { sql } from 'kysely';
import type { HistogramRow } from '../score-histogram';
import type { AnalyticsScope } from '../scope';
import { BINS, binColumn } from './bins';
import { histogramSource, total } from './source';

export async function rollupHistogram(scope: AnalyticsScope): Promise<HistogramRow[]> {
  const sums = scope.labels.flatMap((label) =>
    BINS.map((bin) => total(sql.ref(`r.${binColumn(label, bin)}`)).as(`${label}:${bin}`))
  );
  const row = (await histogramSource(scope).select(sums).executeTakeFirstOrThrow()) as Record<
    string,
    number
  >;
  return scope.labels.flatMap((label) =>
    BINS.map((bin) => ({ label, bin, comments: row[`${label}:${bin}`]! }))
  );
}
