/**
 * What share of the scored comments is flagged: per shown label, and (flagged as any shown
 * label) per outlet and per article, the busiest first. Shares are of scored comments, since
 * an unscored comment has no verdict yet; the comment count includes unscored ones.
 */
import { sql } from 'kysely';
import type { Label } from '../classify/types';
import { countWhere, flaggedAsShown, scopedComments, share, type AnalyticsScope } from './scope';

export interface LabelShareRow {
  label: Label;
  scored: number;
  flagged: number;
  /** flagged / scored; null when nothing is scored. */
  share: number | null;
}

export interface GroupShareRow {
  comments: number;
  scored: number;
  flagged: number;
  share: number | null;
}

export interface OutletShareRow extends GroupShareRow {
  /** null: the page named no outlet. */
  outlet: string | null;
}

export interface ArticleShareRow extends GroupShareRow {
  articleId: number;
  title: string | null;
  outlet: string | null;
}

/** The busiest outlets and articles a chart shows; the rest would be unreadable bars. */
export const TOP_GROUPS = 15;

export async function flaggedShareByLabel(scope: AnalyticsScope): Promise<LabelShareRow[]> {
  const row = await scopedComments(scope)
    .select([
      sql<number>`count(s.comment_id)::int`.as('scored'),
      ...scope.labels.map((label) => countWhere(sql`${sql.lit(label)} = any(s.flagged)`).as(label))
    ])
    .executeTakeFirstOrThrow();
  return labelShares(scope.labels, row as unknown as Record<string, number>);
}

/** Per-label rows from one row of counts: `scored` and one column per label. */
export function labelShares(
  labels: readonly Label[],
  counts: Record<string, number>
): LabelShareRow[] {
  return labels.map((label) => ({
    label,
    scored: counts.scored!,
    flagged: counts[label]!,
    share: share(counts[label]!, counts.scored!)
  }));
}

const groupCounts = (scope: AnalyticsScope) =>
  [
    sql<number>`count(*)::int`.as('comments'),
    sql<number>`count(s.comment_id)::int`.as('scored'),
    countWhere(flaggedAsShown(scope)).as('flagged')
  ] as const;

/** Each group's flagged share of its scored comments. */
export const withShare = <Row extends { flagged: number; scored: number }>(rows: Row[]) =>
  rows.map((row) => ({ ...row, share: share(row.flagged, row.scored) }));

export async function flaggedShareByOutlet(scope: AnalyticsScope): Promise<OutletShareRow[]> {
  const rows = await scopedComments(scope)
    .select(['a.outlet', ...groupCounts(scope)])
    .groupBy('a.outlet')
    .orderBy('comments', 'desc')
    .orderBy('a.outlet')
    .limit(TOP_GROUPS)
    .execute();
  return withShare(rows);
}

export async function flaggedShareByArticle(scope: AnalyticsScope): Promise<ArticleShareRow[]> {
  const rows = await scopedComments(scope)
    .select(['a.id as articleId', 'a.title', 'a.outlet', ...groupCounts(scope)])
    .groupBy(['a.id', 'a.title', 'a.outlet'])
    .orderBy('comments', 'desc')
    .orderBy('a.id')
    .limit(TOP_GROUPS)
    .execute();
  return withShare(rows);
}
