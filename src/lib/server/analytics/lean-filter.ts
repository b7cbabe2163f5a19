/**
 * The analytics filter with only the joins its fields need, for the two live reads that
 * must stay fast at a million comments: the top authors' comment counts and the verdicts
 * with spans. reportSource (which scopedComments uses) joins articles, documents, statuses
 * and scores for every comment, right for a report's rows; here, with no date, outlet,
 * story or status in the filter, none of them is read. Dropping them changes no count: the
 * inner joins follow NOT NULL foreign keys and the left joins add no rows.
 *
 * `base` is the table the read starts from: comments `c`, or comment_scores `s`, whose
 * article_id (migration 0010) answers the article filter without reading the comment.
 */
import { sql, type RawBuilder } from 'kysely';
import { filterConditions } from '../reports/report-source';
import type { AnalyticsScope } from './scope';

export function leanFilter(
  { filter }: AnalyticsScope,
  base: 'comments' | 'scores'
): { joins: RawBuilder<unknown>; where: RawBuilder<unknown> } {
  const { from, to, outlet, story, status } = filter;
  const dated = from !== undefined || to !== undefined;
  const commentId = base === 'comments' ? sql.ref('c.id') : sql.ref('s.comment_id');
  const articleId = sql<number>`${sql.ref(base === 'comments' ? 'c.article_id' : 's.article_id')}`;
  const joins = [
    dated && base === 'scores' && sql`join comments c on c.id = s.comment_id`,
    (dated || outlet !== undefined || story !== undefined) &&
      sql`join articles a on a.id = ${articleId}`,
    dated && sql`join documents d on d.id = a.document_id`,
    status.length > 0 && sql`left join comment_moderation m on m.comment_id = ${commentId}`
  ].filter((join) => join !== false);
  const conditions = filterConditions(filter, articleId);
  return {
    joins: joins.length === 0 ? sql`` : sql.join(joins, sql` `),
    where: conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `)
  };
}
