/**
 * Counting rows by day, week or month in one query. The bucket size follows the data's own
 * range (a CTE finds min and max first): days up to about three months, weeks up to about
 * three years, months beyond, so a chart has tens of bars rather than one or thousands.
 * Buckets are UTC, weeks start on Monday (date_trunc's ISO weeks).
 */
import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import type { Schema } from '../db/schema';

export type BucketUnit = 'day' | 'week' | 'month';

export interface TimeBucketRow {
  unit: BucketUnit;
  /** The bucket's first day, YYYY-MM-DD (UTC). */
  bucket: string;
}

/** The bucket size for data from `first` to `last` (see above), as SQL. */
export function bucketUnit(first: RawBuilder<unknown>, last: RawBuilder<unknown>) {
  return sql<BucketUnit>`case
    when ${last} - ${first} <= interval '92 days' then 'day'
    when ${last} - ${first} <= interval '1100 days' then 'week'
    else 'month' end`;
}

/**
 * `source` selects a timestamptz `at` and whatever the measures read (as `x.…`); each
 * measure is an aggregate over one bucket's rows, named by its alias.
 */
export async function countByTimeBucket<Row extends TimeBucketRow>(
  db: Kysely<Schema>,
  source: Expression<unknown>,
  measures: readonly RawBuilder<unknown>[]
): Promise<Row[]> {
  const { rows } = await sql<Row>`
    with x as (${source}),
    span as (select ${bucketUnit(sql`min(at)`, sql`max(at)`)} as unit from x)
    select span.unit,
      to_char(date_trunc(span.unit, x.at at time zone 'UTC'), 'YYYY-MM-DD') as bucket,
      ${sql.join(measures)}
    from x cross join span
    group by span.unit, bucket
    order by bucket`.execute(db);
  return rows;
}
