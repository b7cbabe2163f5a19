/**
 * activityOverTime from the rollup. The bucket size follows the data's exact time range, as
 * live (time-buckets.ts), which is why each row keeps its first and last comment time; the
 * buckets themselves are whole UTC days, weeks or months, so a day row falls in one.
 */
import { sql } from 'kysely';
import type { ActivityRow } from '../activity-over-time';
import type { AnalyticsScope } from '../scope';
import { bucketUnit } from '../time-buckets';
import { flaggedAs, rollupDaySource } from './source';

export async function rollupActivity(scope: AnalyticsScope): Promise<ActivityRow[]> {
  const source = rollupDaySource(scope).select([
    'r.day',
    'r.first_at',
    'r.last_at',
    'r.comments',
    flaggedAs(scope.labels).as('flagged')
  ]);
  const { rows } = await sql<ActivityRow>`
    with x as (${source}),
    span as (select ${bucketUnit(sql`min(first_at)`, sql`max(last_at)`)} as unit from x)
    select span.unit,
      to_char(date_trunc(span.unit, x.day::timestamp), 'YYYY-MM-DD') as bucket,
      sum(x.comments)::int as comments,
      coalesce(sum(x.comments) filter (where x.flagged), 0)::int as flagged
    from x cross join span
    group by span.unit, bucket
    order by bucket`.execute(scope.db);
  return rows;
}
