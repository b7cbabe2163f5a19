/**
 * activityOverTime from the rollup. The bucket size follows the data's exact time range, as
 * live (time-buckets.ts), which is why each row keeps its first and last comment time; the
 * buckets themselves are whole UTC days, weeks or months, so a day row falls in one.
 *
 * The rows are summed per day first: the bucket's date_trunc and to_char then run once per
 * day (hundreds) rather than once per row (86,000 at a million comments, 5× the time).
 */
import { sql } from 'kysely';
import type { ActivityRow } from '../activity-over-time';
import type { AnalyticsScope } from '../scope';
import { bucketUnit } from '../time-buckets';
import { commentsWhere, flaggedAs, rollupDaySource, total } from './source';

export async function rollupActivity(scope: AnalyticsScope): Promise<ActivityRow[]> {
  const perDay = rollupDaySource(scope)
    .select([
      'r.day',
      (eb) => eb.fn.min('r.first_at').as('first_at'),
      (eb) => eb.fn.max('r.last_at').as('last_at'),
      total(sql`r.comments`).as('comments'),
      commentsWhere(flaggedAs(scope.labels)).as('flagged')
    ])
    .groupBy('r.day');
  const { rows } = await sql<ActivityRow>`
    with x as (${perDay}),
    span as (select ${bucketUnit(sql`min(first_at)`, sql`max(last_at)`)} as unit from x)
    select span.unit,
      to_char(date_trunc(span.unit, x.day::timestamp), 'YYYY-MM-DD') as bucket,
      sum(x.comments)::int as comments,
      sum(x.flagged)::int as flagged
    from x cross join span
    group by span.unit, bucket
    order by bucket`.execute(scope.db);
  return rows;
}
