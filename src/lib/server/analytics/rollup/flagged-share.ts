/** The flagged-share series (see ../flagged-share.ts) from the rollup. */
import { sql } from 'kysely';
import {
  TOP_GROUPS,
  type ArticleShareRow,
  type LabelShareRow,
  type OutletShareRow
} from '../flagged-share';
import { share, type AnalyticsScope } from '../scope';
import { commentsWhere, flaggedAs, rollupSource, total } from './source';

export async function rollupShareByLabel(scope: AnalyticsScope): Promise<LabelShareRow[]> {
  const row = await rollupSource(scope)
    .select([
      total(sql`r.scored`).as('scored'),
      ...scope.labels.map((label) => commentsWhere(flaggedAs([label])).as(label))
    ])
    .executeTakeFirstOrThrow();
  const counts = row as unknown as Record<string, number>;
  return scope.labels.map((label) => ({
    label,
    scored: counts.scored!,
    flagged: counts[label]!,
    share: share(counts[label]!, counts.scored!)
  }));
}

const groupCounts = (scope: AnalyticsScope) =>
  [
    total(sql`r.comments`).as('comments'),
    total(sql`r.scored`).as('scored'),
    commentsWhere(flaggedAs(scope.labels)).as('flagged')
  ] as const;

const withShare = <Row extends { flagged: number; scored: number }>(rows: Row[]) =>
  rows.map((row) => ({ ...row, share: share(row.flagged, row.scored) }));

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

export async function rollupShareByArticle(scope: AnalyticsScope): Promise<ArticleShareRow[]> {
  const rows = await rollupSource(scope)
    .select(['a.id as articleId', 'a.title', 'a.outlet', ...groupCounts(scope)])
    .groupBy(['a.id', 'a.title', 'a.outlet'])
    .orderBy('comments', 'desc')
    .orderBy('a.id')
    .limit(TOP_GROUPS)
    .execute();
  return withShare(rows);
}
