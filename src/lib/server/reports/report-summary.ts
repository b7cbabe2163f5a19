/**
 * A report's numbers, from SQL aggregates over the same source as its rows: how many
 * comments, how many scored and flagged (in all and per label), the current statuses, and
 * the decisions taken on them (by action, and removal reasons). The /reports preview, the
 * audit record's row count and the PDF's cover and charts all read this.
 */
import { sql, type Kysely } from 'kysely';
import {
  MODERATION_STATUSES,
  type DecisionAction,
  type ModerationStatus
} from '../../schemas/decision';
import type { ReportFilter } from '../../schemas/report-filter';
import { LABELS, type Label } from '../classify/types';
import type { Schema } from '../db/schema';
import { currentStatus, reportSource } from './report-source';

export interface ReportSummary {
  comments: number;
  scored: number;
  /** Flagged as at least one label. */
  flagged: number;
  flaggedByLabel: Record<Label, number>;
  byStatus: Record<ModerationStatus, number>;
  /** Decisions on the report's comments (applied or not), by action. */
  decisionsByAction: Partial<Record<DecisionAction, number>>;
  /** Why the currently removed comments were removed (their last decision's reason). */
  removedByReason: Record<string, number>;
}

const countWhere = (condition: ReturnType<typeof sql>) =>
  sql<number>`count(*) filter (where ${condition})`;

export async function summarizeReport(
  db: Kysely<Schema>,
  filter: ReportFilter
): Promise<ReportSummary> {
  const totals = await reportSource(db, filter)
    .select((eb) => [
      eb.fn.countAll<number>().as('comments'),
      eb.fn.count<number>('s.comment_id').as('scored'),
      countWhere(sql`cardinality(s.flagged) > 0`).as('flagged'),
      ...LABELS.map((label) => countWhere(sql`${sql.lit(label)} = any(s.flagged)`).as(label)),
      ...MODERATION_STATUSES.map((status) =>
        countWhere(sql`${currentStatus} = ${sql.lit(status)}`).as(`status_${status}`)
      )
    ])
    .executeTakeFirstOrThrow();

  const inReport = reportSource(db, filter).select('c.id');
  const [actions, reasons] = await Promise.all([
    db
      .selectFrom('decisions')
      .select(['action', (eb) => eb.fn.countAll<number>().as('count')])
      .where('comment_id', 'in', inReport)
      .groupBy('action')
      .execute(),
    reportSource(db, filter)
      .innerJoin('decisions as ld', 'ld.id', 'm.last_decision_id')
      .select(['ld.reason', (eb) => eb.fn.countAll<number>().as('count')])
      .where('m.status', '=', 'removed')
      .groupBy('ld.reason')
      .execute()
  ]);

  const record = totals as unknown as Record<string, number>;
  return {
    comments: Number(record.comments),
    scored: Number(record.scored),
    flagged: Number(record.flagged),
    flaggedByLabel: Object.fromEntries(
      LABELS.map((label) => [label, Number(record[label])])
    ) as Record<Label, number>,
    byStatus: Object.fromEntries(
      MODERATION_STATUSES.map((status) => [status, Number(record[`status_${status}`])])
    ) as Record<ModerationStatus, number>,
    decisionsByAction: Object.fromEntries(actions.map((row) => [row.action, Number(row.count)])),
    removedByReason: Object.fromEntries(
      reasons.map((row) => [row.reason ?? 'no reason', Number(row.count)])
    )
  };
}
