/**
 * A report's FROM and WHERE, shared by the row reader, the counts and the PDF's charts, so
 * "the comments this report covers" means one thing in every format.
 *
 * Every comment is in scope, scored or not, decided or not: a comment without a
 * comment_moderation row is pending, one without comment_scores has no scores and no flags.
 * Time is the comment's own (posted_at) or, when the page gave none, when its document was
 * ingested.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { ReportFilter } from '../../schemas/report-filter';
import type { Schema } from '../db/schema';

/** The time a report's date range compares with. */
export const commentTime = sql<Date>`coalesce(c.posted_at, d.ingested_at)`;

/** The current status; no moderation row means nobody has decided yet. */
export const currentStatus = sql<string>`coalesce(m.status, 'pending')`;

export function reportSource(db: Kysely<Schema>, filter: ReportFilter) {
  const { label } = filter;
  return db
    .selectFrom('comments as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .innerJoin('documents as d', 'd.id', 'a.document_id')
    .leftJoin('comment_moderation as m', 'm.comment_id', 'c.id')
    .leftJoin('comment_scores as s', 's.comment_id', 'c.id')
    .$call((query) => filterConditions(filter).reduce((q, condition) => q.where(condition), query))
    .$if(label.length > 0, (query) =>
      // Flagged as any of the chosen labels (an unscored comment has no flags). Literals:
      // the labels are validated names, and the GIN index on flagged serves `&&`.
      query.where(
        sql<SqlBool>`s.flagged && array[${sql.join(label.map((name) => sql.lit(name)))}]::text[]`
      )
    );
}

/**
 * The filter's conditions but the label's, over c (or `articleId`), a, d and m: reportSource
 * applies them to its joins, and analytics/lean-filter.ts to only the joins they name.
 */
export function filterConditions(
  { from, to, outlet, article, story, status }: ReportFilter,
  articleId: RawBuilder<number> = sql<number>`c.article_id`
): RawBuilder<SqlBool>[] {
  const conditions = [
    from && sql<SqlBool>`${commentTime} >= ${from.at}`,
    to &&
      (to.exclusive
        ? sql<SqlBool>`${commentTime} < ${to.at}`
        : sql<SqlBool>`${commentTime} <= ${to.at}`),
    outlet !== undefined && sql<SqlBool>`a.outlet = ${outlet}`,
    article !== undefined && sql<SqlBool>`${articleId} = ${article}`,
    story !== undefined && sql<SqlBool>`a.story_group_id = ${story}`,
    status.length > 0 && sql<SqlBool>`${currentStatus} in (${sql.join(status)})`
  ];
  return conditions.filter((condition) => condition !== undefined && condition !== false);
}
