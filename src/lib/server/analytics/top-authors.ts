/**
 * The authors with the most comments flagged (as any shown label), with how many of their
 * comments moderators have removed: who a moderator might look at first. Anonymous comments
 * (no author on the page) are left out, since they are not one person.
 *
 * Not from the rollup (it has no authors), but without reading every comment: see below.
 */
import { sql, type SqlBool } from 'kysely';
import { labelArray, scopedComments, type AnalyticsScope } from './scope';

export interface AuthorRow {
  author: string;
  comments: number;
  flagged: number;
  removed: number;
}

export const TOP_AUTHORS = 20;

export async function topAuthors(scope: AnalyticsScope): Promise<AuthorRow[]> {
  // The ranking reads only flagged comments (a few per cent, through comment_scores' partial
  // index of flagged verdicts) and removed ones (comment_moderation_status), per author.
  const flagged = scopedComments(scope)
    .where('c.author', 'is not', null)
    .where('s.max_flagged_score', 'is not', null)
    .where(sql<SqlBool>`s.flagged && ${labelArray(scope.labels)}`)
    .select(['c.author', sql<number>`count(*)::int`.as('flagged')])
    .groupBy('c.author');
  const removed = scopedComments(scope)
    .where('c.author', 'is not', null)
    .where('m.status', '=', 'removed')
    .select(['c.author', sql<number>`count(*)::int`.as('removed')])
    .groupBy('c.author');
  // Then all comments of only the authors listed, through the (author, id) index.
  const ofAuthor = scopedComments(scope)
    .where(sql<SqlBool>`c.author = top.author`)
    .select(sql<number>`count(*)::int`.as('comments'));
  const { rows } = await sql<AuthorRow>`
    with top as (
      select f.author, f.flagged, coalesce(r.removed, 0) as removed
      from (${flagged}) as f left join (${removed}) as r on r.author = f.author
      order by f.flagged desc, removed desc, f.author
      limit ${sql.lit(TOP_AUTHORS)}
    )
    select top.author, n.comments, top.flagged, top.removed
    from top cross join lateral (${ofAuthor}) as n
    order by top.flagged desc, top.removed desc, top.author`.execute(scope.db);
  return rows;
}
