/**
 * The authors with the most comments flagged (as any shown label), with how many of their
 * comments moderators have removed: who a moderator might look at first. Anonymous comments
 * (no author on the page) are left out, since they are not one person.
 */
import { sql } from 'kysely';
import {
  countWhere,
  currentStatus,
  flaggedAsShown,
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
  const flagged = countWhere(flaggedAsShown(scope));
  const rows = await scopedComments(scope)
    .where('c.author', 'is not', null)
    .select([
      'c.author',
      sql<number>`count(*)::int`.as('comments'),
      flagged.as('flagged'),
      countWhere(sql`${currentStatus} = 'removed'`).as('removed')
    ])
    .groupBy('c.author')
    .having(flagged, '>', 0)
    .orderBy('flagged', 'desc')
    .orderBy('removed', 'desc')
    .orderBy('c.author')
    .limit(TOP_AUTHORS)
    .execute();
  return rows.map((row) => ({ ...row, author: row.author! }));
}
