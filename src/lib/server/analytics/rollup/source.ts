/**
 * The rollup rows a filter selects: analytics_rollup (_histogram, _authors) r ⋈ articles a,
 * or their totals over all days when there is no date range, narrowed the way
 * reports/report-source.ts narrows comments. Outlet and story come from the
 * article as it is now, so regrouping stories or renaming an outlet needs no rebuild.
 *
 * The rollup counts whole UTC days, so it answers a date range only when both bounds fall
 * on midnight UTC and `to` is exclusive (a bare day); an explicit time such as
 * `to=2024-03-05T00:00:00Z` includes that instant (`<=`), which a day row cannot split off.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ReportFilter } from '../../../schemas/report-filter';
import { LABELS, type Label } from '../../classify/types';
import type { AnalyticsScope } from '../scope';

const DAY_MS = 24 * 60 * 60 * 1000;

const isMidnightUtc = (at: Date) => at.getTime() % DAY_MS === 0;

/** Whether the rollup gives exactly what the live queries would for this filter. */
export function rollupAnswers(filter: ReportFilter): boolean {
  const { from, to } = filter;
  return (
    (from === undefined || isMidnightUtc(from.at)) &&
    (to === undefined || (to.exclusive && isMidnightUtc(to.at)))
  );
}

const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** The filter on rollup rows `r` joined to their article `a`, for either table. */
function rollupFilter({ filter }: AnalyticsScope): RawBuilder<SqlBool> {
  const { from, to, outlet, article, story, status } = filter;
  const conditions = [
    from && sql`r.day >= ${dayOf(from.at)}::date`,
    to && sql`r.day < ${dayOf(to.at)}::date`,
    outlet !== undefined && sql`a.outlet = ${outlet}`,
    article !== undefined && sql`r.article_id = ${article}`,
    story !== undefined && sql`a.story_group_id = ${story}`,
    status.length > 0 && sql`r.status in (${sql.join(status)})`
  ].filter((condition) => condition !== undefined && condition !== false);
  return conditions.length === 0 ? sql`true` : sql`${sql.join(conditions, sql` and `)}`;
}

/*
 * Every rollup row has its article (a NOT NULL foreign key), so a LEFT JOIN keeps the same
 * rows as an inner one; unlike an inner one, PostgreSQL drops it when the query reads no
 * column of the article (no outlet or story in the filter, no chart by outlet): about half
 * of a simple chart's time over the 31,551 total rows.
 */

/** Whether the filter has a date range, which only the day rows can answer. */
const dated = ({ filter }: AnalyticsScope) => filter.from !== undefined || filter.to !== undefined;

/**
 * analytics_rollup rows of the filter's comments, or without a date range the same counts
 * summed over all days (analytics_rollup_total: a third of the rows). Typed as the totals,
 * whose columns the day rows also have; rollupDaySource gives the day itself.
 */
export function rollupSource(scope: AnalyticsScope) {
  const table = dated(scope) ? 'analytics_rollup' : 'analytics_rollup_total';
  return scope.db
    .selectFrom(`${table} as r` as 'analytics_rollup_total as r')
    .leftJoin('articles as a', 'a.id', 'r.article_id')
    .where(rollupFilter(scope));
}

/** analytics_rollup rows of the filter's comments, for a chart by time. */
export function rollupDaySource(scope: AnalyticsScope) {
  return scope.db
    .selectFrom('analytics_rollup as r')
    .leftJoin('articles as a', 'a.id', 'r.article_id')
    .where(rollupFilter(scope));
}

/** analytics_rollup_histogram rows of the filter's scored comments (or their totals). */
export function histogramSource(scope: AnalyticsScope) {
  const table = dated(scope) ? 'analytics_rollup_histogram' : 'analytics_rollup_histogram_total';
  return scope.db
    .selectFrom(`${table} as r` as 'analytics_rollup_histogram_total as r')
    .leftJoin('articles as a', 'a.id', 'r.article_id')
    .where(rollupFilter(scope));
}

/** analytics_rollup_authors rows of the filter's flagged or removed comments. */
export function authorsSource(scope: AnalyticsScope) {
  return scope.db
    .selectFrom('analytics_rollup_authors as r')
    .leftJoin('articles as a', 'a.id', 'r.article_id')
    .where(rollupFilter(scope));
}

/** analytics_rollup_terms rows of the filter's comments with lexicon spans (day rows only: few). */
export function termsSource(scope: AnalyticsScope) {
  return scope.db
    .selectFrom('analytics_rollup_terms as r')
    .leftJoin('articles as a', 'a.id', 'r.article_id')
    .where(rollupFilter(scope));
}

/** A label's bit in flagged_mask: LABELS order, as the rebuild sets it. */
export const labelBit = (label: Label) => 1 << LABELS.indexOf(label);

/** The bits of several labels, e.g. the shown ones: "flagged as any of them". */
export const labelsMask = (labels: readonly Label[]) =>
  labels.reduce((mask, label) => mask | labelBit(label), 0);

/** Rows flagged as any of `labels` (flagged rows hold only scored comments). */
export const flaggedAs = (labels: readonly Label[]) =>
  sql<SqlBool>`(r.flagged_mask & ${sql.lit(labelsMask(labels))}) <> 0`;

/** sum() as int, 0 rather than null over no rows. */
export const total = (expression: ReturnType<typeof sql>) =>
  sql<number>`coalesce(sum(${expression}), 0)::int`;

/** sum(r.comments) of the rows that meet a condition. */
export const commentsWhere = (condition: ReturnType<typeof sql>) =>
  sql<number>`coalesce(sum(r.comments) filter (where ${condition}), 0)::int`;
