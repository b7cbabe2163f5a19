/**
 * Moderation outcomes over time: the decisions that changed a status, by the day (or week,
 * month) they were made and the status they set — approved, removed, escalated — and the
 * undos as a series of their own.
 *
 * Choices, so the numbers mean one thing:
 * - Conflicts (a decision on a stale version, recorded but not applied) are left out: they
 *   changed nothing.
 * - A decision later undone still counts on its day: it was that day's outcome; its undo
 *   counts on the undo's day under `undone`, not as the status it restored.
 * - The date range selects decisions by when they were made; the other fields of the filter
 *   select the comments decided on.
 */
import { sql, type SqlBool } from 'kysely';
import { scopedComments, type AnalyticsScope } from './scope';
import { countByTimeBucket, type TimeBucketRow } from './time-buckets';

export interface OutcomeRow extends TimeBucketRow {
  approved: number;
  removed: number;
  escalated: number;
  undone: number;
}

export function outcomesOverTime(scope: AnalyticsScope): Promise<OutcomeRow[]> {
  const { from, to } = scope.filter;
  const decided = scopedComments(scope, { from: undefined, to: undefined }).select('c.id');
  const source = scope.db
    .selectFrom('decisions as dc')
    .select(['dc.created_at as at', 'dc.action', 'dc.status_after'])
    .where('dc.conflict', '=', false)
    .where('dc.comment_id', 'in', decided)
    .$if(from !== undefined, (query) => query.where('dc.created_at', '>=', from!.at))
    .$if(to !== undefined, (query) =>
      query.where(
        to!.exclusive
          ? sql<SqlBool>`dc.created_at < ${to!.at}`
          : sql<SqlBool>`dc.created_at <= ${to!.at}`
      )
    );
  const applied = (status: string) =>
    sql`(count(*) filter (where x.action <> 'undo' and x.status_after = ${sql.lit(status)}))::int as ${sql.ref(status)}`;
  return countByTimeBucket<OutcomeRow>(scope.db, source, [
    applied('approved'),
    applied('removed'),
    applied('escalated'),
    sql`(count(*) filter (where x.action = 'undo'))::int as undone`
  ]);
}
