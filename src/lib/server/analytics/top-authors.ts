/**
 * The authors with the most comments flagged (as any shown label), with how many of their
 * comments moderators have removed: who a moderator might look at first. Anonymous comments
 * (no author on the page) are left out, since they are not one person.
 *
 * Not from the rollup (it has no authors), but without reading every comment: see below.
 */
import { sql, type SqlBool } from 'kysely';
import {
  countWhere,
  currentStatus,
  labelArray,
  scopedComments,
  type AnalyticsScope
} from './scope';

export interface AuthorRow {
  author: string;
  comments: number;
  flagged: number;
  removed: number;
}

export const TOP_AUTHORS = 20;

export async function topAuthors(scope: AnalyticsScope): Promise<AuthorRow[]> {
  // Flagged comments only (a few per cent, found through comment_scores' partial index of
  // flagged verdicts), counted per author.
  const flagged = scopedComments(scope)
    .where('c.author', 'is not', null)
    .where('s.max_flagged_score', 'is not', null)
    .where(sql<SqlBool>`s.flagged && ${labelArray(scope.labels)}`)
    .select(['c.author', sql<number>`count(*)::int`.as('flagged')])
    .groupBy('c.author');
  // Then all comments of only the authors who can make the list: ordered by flagged first,
  // it holds no one with fewer flagged than the TOP_AUTHORS-th most (ties all kept for the
  // removed tie-break). Their comments come through the (author, id) index.
  const ofAuthor = scopedComments(scope)
    .where(sql<SqlBool>`c.author = f.author`)
    .select([
      sql<number>`count(*)::int`.as('comments'),
      countWhere(sql`${currentStatus} = 'removed'`).as('removed')
    ]);
  const { rows } = await sql<AuthorRow>`
    with f as (${flagged}),
    cutoff as (
      select coalesce(min(flagged), 0) as flagged from (
        select flagged from f order by flagged desc limit ${sql.lit(TOP_AUTHORS)}
      ) as top
    )
    select f.author, n.comments, f.flagged, n.removed
    from f cross join cutoff
    cross join lateral (${ofAuthor}) as n
    where f.flagged >= cutoff.flagged
    order by f.flagged desc, n.removed desc, f.author
    limit ${sql.lit(TOP_AUTHORS)}`.execute(scope.db);
  return rows;
}
