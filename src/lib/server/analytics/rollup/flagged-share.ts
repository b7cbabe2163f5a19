/** The flagged-share series (see ../flagged-share.ts) from the rollup. */
import { sql } from 'kysely';
import {
  labelShares,
  TOP_GROUPS,
  withShare,
  type ArticleShareRow,
  type LabelShareRow,
  type OutletShareRow
} from '../flagged-share';
import type { AnalyticsScope } from '../scope';
import { commentsWhere, flaggedAs, rollupSource, total } from './source';

export async function rollupShareByLabel(scope: AnalyticsScope): Promise<LabelShareRow[]> {
  const row = await rollupSource(scope)
    .select([
      total(sql`r.scored`).as('scored'),
      ...scope.labels.map((label) => commentsWhere(flaggedAs([label])).as(label))
    ])
    .executeTakeFirstOrThrow();
  return labelShares(scope.labels, row as unknown as Record<string, number>);
}

const groupCounts = (scope: AnalyticsScope) =>
  [
    total(sql`r.comments`).as('comments'),
    total(sql`r.scored`).as('scored'),
    commentsWhere(flaggedAs(scope.labels)).as('flagged')
  ] as const;

export async function rollupShareByOutlet(scope: AnalyticsScope): Promise<OutletShareRow[]> {
  const rows = await rollupSource(scope)
    .select(['a.outlet', ...groupCounts(scope)])
    .groupBy('a.outlet')
    .orderBy('comments', 'desc')
    .orderBy('a.outlet')
    .limit(TOP_GROUPS)
    .execute();
  return withShare(rows);
}

/** The busiest articles by id first, then the title and outlet of only those fifteen. */
export async function rollupShareByArticle(scope: AnalyticsScope): Promise<ArticleShareRow[]> {
  const busiest = rollupSource(scope)
    .select(['r.article_id', ...groupCounts(scope)])
    .groupBy('r.article_id')
    .orderBy('comments', 'desc')
    .orderBy('r.article_id')
    .limit(TOP_GROUPS);
  const rows = await scope.db
    .selectFrom(busiest.as('t'))
    .innerJoin('articles as a', 'a.id', 't.article_id')
    .select([
      't.article_id as articleId',
      'a.title',
      'a.outlet',
      't.comments',
      't.scored',
      't.flagged'
    ])
    .orderBy('t.comments', 'desc')
    .orderBy('t.article_id')
    .execute();
  return withShare(rows);
}
