/**
 * The top authors (see ../top-authors.ts) from the rollup: the ranking sums
 * analytics_rollup_authors, which holds only flagged or removed comments with an author;
 * then each listed author's comments in scope are counted through comments_author_id,
 * with only the joins the filter needs (twenty index look-ups, not a scan), from the
 * index alone (see authorCommentsQuery).
 */
import { sql } from 'kysely';
import { leanFilter } from '../lean-filter';
import type { AnalyticsScope } from '../scope';
import { TOP_AUTHORS, type AuthorRow } from '../top-authors';
import { authorsSource, commentsWhere, flaggedAs } from './source';

export async function rollupTopAuthors(scope: AnalyticsScope): Promise<AuthorRow[]> {
  const flagged = commentsWhere(flaggedAs(scope.labels));
  const removed = commentsWhere(sql`r.status = 'removed'`);
  const top = await authorsSource(scope)
    .select(['r.author', flagged.as('flagged'), removed.as('removed')])
    .groupBy('r.author')
    .having(flagged, '>', 0)
    .orderBy('flagged', 'desc')
    .orderBy('removed', 'desc')
    .orderBy('r.author')
    .limit(TOP_AUTHORS)
    .execute();
  const comments = await commentsOf(
    scope,
    top.map((row) => row.author)
  );
  return top.map((row) => ({ ...row, comments: comments.get(row.author) ?? 0 }));
}

/** Each author's comments that the filter selects. */
async function commentsOf(
  scope: AnalyticsScope,
  authors: readonly string[]
): Promise<Map<string, number>> {
  if (authors.length === 0) return new Map();
  const { rows } = await authorCommentsQuery(scope, authors).execute(scope.db);
  return new Map(rows.map((row) => [row.author, row.comments]));
}

/**
 * The count itself, exported so a test can check its plan: it reads only the columns
 * comments_author_id holds (author, id and, included, article_id and posted_at: migration
 * 0014), so it needs no comment row; a filter field that read another comment column would
 * bring back a heap read per comment.
 */
export function authorCommentsQuery(scope: AnalyticsScope, authors: readonly string[]) {
  const { joins, where } = leanFilter(scope, 'comments');
  return sql<{ author: string; comments: number }>`
    select c.author, count(*)::int as comments
    from comments c ${joins}
    where c.author = any(${sql.val(authors)}::text[]) and ${where}
    group by c.author`;
}
