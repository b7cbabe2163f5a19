/**
 * What every analytics series reads: the comments of the shared report filter (one FROM and
 * WHERE with /reports, see reports/report-source.ts), and which labels the charts show.
 *
 * The label filter means something different here than in a report. A report keeps only the
 * comments flagged as the chosen labels; a chart of "flagged share" over only flagged
 * comments would always read 100 %. So analytics keeps every comment the other fields
 * select and narrows the labels instead: the per-label charts show the chosen labels, and
 * "flagged" elsewhere means flagged as any of them.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { ReportFilter } from '../../schemas/report-filter';
import { LABELS, type Label } from '../classify/types';
import type { Schema } from '../db/schema';
import { reportSource } from '../reports/report-source';

export { commentTime, currentStatus } from '../reports/report-source';

export interface AnalyticsScope {
  db: Kysely<Schema>;
  filter: ReportFilter;
  /** The labels the charts show: the filter's, or all of them. */
  labels: readonly Label[];
}

export function analyticsScope(db: Kysely<Schema>, filter: ReportFilter): AnalyticsScope {
  // In LABELS order whatever order the filter names them, so charts line up.
  const chosen = LABELS.filter((label) => filter.label.includes(label));
  return { db, filter, labels: chosen.length > 0 ? chosen : LABELS };
}

/** c, a, d, m and s of the filter's comments, every label kept (see above). */
export function scopedComments(scope: AnalyticsScope, filter: Partial<ReportFilter> = {}) {
  return reportSource(scope.db, { ...scope.filter, ...filter, label: [] });
}

/** The shown labels as a `text[]` literal (validated names, so literals are safe). */
export function labelArray(labels: readonly Label[]): RawBuilder<string[]> {
  return sql<string[]>`array[${sql.join(labels.map((label) => sql.lit(label)))}]::text[]`;
}

/** Flagged as any shown label; false for an unscored comment (s.flagged is null). */
export function flaggedAsShown(scope: AnalyticsScope): RawBuilder<SqlBool> {
  return sql<SqlBool>`coalesce(s.flagged && ${labelArray(scope.labels)}, false)`;
}

/** A label's score column of comment_scores (alias s), by a validated name. */
export function scoreColumn(label: Label): RawBuilder<number> {
  return sql<number>`${sql.ref(`s.${label}`)}`;
}

/** Counts as int (count(*) is bigint, which the drivers hand back as strings or numbers). */
export const countWhere = (condition: RawBuilder<unknown>) =>
  sql<number>`(count(*) filter (where ${condition}))::int`;

/** `a / b`, null for an empty denominator: an honest "no data" rather than 0 %. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
