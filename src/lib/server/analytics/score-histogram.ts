/**
 * How the scores of each shown label spread over [0, 1], in 20 bins of 0.05: bin i holds
 * scores in [i/20, (i+1)/20), the last bin also 1.0. Only scored comments count. One
 * aggregate: the label columns are turned into (label, score) rows by a lateral VALUES.
 */
import { sql } from 'kysely';
import type { Label } from '../classify/types';
import { scopedComments, scoreColumn, type AnalyticsScope } from './scope';

export const HISTOGRAM_BINS = 20;

export interface HistogramRow {
  label: Label;
  /** 0 … 19; the bin covers [bin/20, (bin+1)/20). */
  bin: number;
  comments: number;
}

export async function scoreHistogram(scope: AnalyticsScope): Promise<HistogramRow[]> {
  const scored = scopedComments(scope)
    .where('s.comment_id', 'is not', null)
    .select(scope.labels.map((label) => scoreColumn(label).as(label)));
  const pairs = sql.join(
    scope.labels.map((label) => sql`(${sql.lit(label)}, x.${sql.ref(label)})`)
  );
  const { rows } = await sql<HistogramRow>`
    select v.label, least(floor(v.score * ${sql.lit(HISTOGRAM_BINS)}), ${sql.lit(HISTOGRAM_BINS - 1)})::int as bin,
      count(*)::int as comments
    from (${scored}) as x
    cross join lateral (values ${pairs}) as v(label, score)
    group by v.label, bin
    order by v.label, bin`.execute(scope.db);
  return fillBins(scope.labels, rows);
}

/** Every label × bin, empty bins as 0, so a chart's bars line up with its table. */
function fillBins(labels: readonly Label[], rows: readonly HistogramRow[]): HistogramRow[] {
  const counted = new Map(rows.map((row) => [`${row.label}:${row.bin}`, row.comments]));
  return labels.flatMap((label) =>
    Array.from({ length: HISTOGRAM_BINS }, (_, bin) => ({
      label,
      bin,
      comments: counted.get(`${label}:${bin}`) ?? 0
    }))
  );
}
