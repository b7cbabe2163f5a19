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
import { commentTime, currentStatus, type AnalyticsScope } from './scope';

export function leanFilter(
  { filter }: AnalyticsScope,
  base: 'comments' | 'scores'
): { joins: RawBuilder<unknown>; where: RawBuilder<unknown> } {
  const { from, to, outlet, article, story, status } = filter;
  const dated = from !== undefined || to !== undefined;
  const commentId = base === 'comments' ? sql.ref('c.id') : sql.ref('s.comment_id');
  const articleId = base === 'comments' ? sql.ref('c.article_id') : sql.ref('s.article_id');
  const joins = [
    dated && base === 'scores' && sql`join comments c on c.id = s.comment_id`,
    (dated || outlet !== undefined || story !== undefined) &&
      sql`join articles a on a.id = ${articleId}`,
    dated && sql`join documents d on d.id = a.document_id`,
    status.length > 0 && sql`left join comment_moderation m on m.comment_id = ${commentId}`
  ].filter((join) => join !== false);
  const conditions = [
    from && sql`${commentTime} >= ${from.at}`,
    to && (to.exclusive ? sql`${commentTime} < ${to.at}` : sql`${commentTime} <= ${to.at}`),
    outlet !== undefined && sql`a.outlet = ${outlet}`,
    article !== undefined && sql`${articleId} = ${article}`,
    story !== undefined && sql`a.story_group_id = ${story}`,
    status.length > 0 && sql`${currentStatus} in (${sql.join(status)})`
  ].filter((condition) => condition !== undefined && condition !== false);
  return {
    joins: joins.length === 0 ? sql`` : sql.join(joins, sql` `),
    where: conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `)
  };
}
