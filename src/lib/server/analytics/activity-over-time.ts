/**
 * Comments and flagged comments (as any shown label) over time, by the comment's own time,
 * or its document's ingest time when the page gave none (the reports' commentTime).
 */
import { sql } from 'kysely';
import { commentTime, flaggedAsShown, scopedComments, type AnalyticsScope } from './scope';
import { countByTimeBucket, type TimeBucketRow } from './time-buckets';

export interface ActivityRow extends TimeBucketRow {
  comments: number;
  flagged: number;
}

export function activityOverTime(scope: AnalyticsScope): Promise<ActivityRow[]> {
  const source = scopedComments(scope).select([
    commentTime.as('at'),
    flaggedAsShown(scope).as('flagged')
  ]);
  return countByTimeBucket<ActivityRow>(scope.db, source, [
    sql`count(*)::int as comments`,
    sql`(count(*) filter (where x.flagged))::int as flagged`
  ]);
}
