/**
 * How often moderators agree with the classifier, per shown label. A moderator's verdict is
 * the comment's current status: removed confirms a flag, approved rejects it. Pending and
 * escalated comments have no verdict yet and are left out, as are unscored ones.
 *
 *                 removed   approved
 *   flagged          TP        FP
 *   not flagged      FN        TN
 *
 * precision = TP / (TP + FP): of the flags moderators judged, the share they upheld.
 * recall = TP / (TP + FN): of the judged removals, the share the label had flagged — a
 * removal for another label's reason counts as a miss here, so read it per label with care.
 */
import { sql } from 'kysely';
import type { Label } from '../classify/types';
import { currentStatus, labelArray, scopedComments, share, type AnalyticsScope } from './scope';

export interface AgreementRow {
  label: Label;
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  trueNegative: number;
  precision: number | null;
  recall: number | null;
}

export async function classifierAgreement(scope: AnalyticsScope): Promise<AgreementRow[]> {
  const judged = scopedComments(scope)
    .where('s.comment_id', 'is not', null)
    .where(currentStatus, 'in', ['removed', 'approved'])
    .select(['s.flagged', currentStatus.as('status')]);
  const { rows } = await sql<Omit<AgreementRow, 'precision' | 'recall'>>`
    select l.label,
      (count(*) filter (where l.label = any(x.flagged) and x.status = 'removed'))::int as "truePositive",
      (count(*) filter (where l.label = any(x.flagged) and x.status = 'approved'))::int as "falsePositive",
      (count(*) filter (where not l.label = any(x.flagged) and x.status = 'removed'))::int as "falseNegative",
      (count(*) filter (where not l.label = any(x.flagged) and x.status = 'approved'))::int as "trueNegative"
    from unnest(${labelArray(scope.labels)}) as l(label)
    left join (${judged}) as x on true
    group by l.label`.execute(scope.db);
  return withRates(scope.labels, rows);
}

/** The shown labels' rows in LABELS order, each with its precision and recall. */
export function withRates(
  labels: readonly Label[],
  rows: readonly Omit<AgreementRow, 'precision' | 'recall'>[]
): AgreementRow[] {
  const byLabel = new Map(rows.map((row) => [row.label, row]));
  return labels.map((label) => {
    const row = byLabel.get(label)!;
    return {
      ...row,
      precision: share(row.truePositive, row.truePositive + row.falsePositive),
      recall: share(row.truePositive, row.truePositive + row.falseNegative)
    };
  });
}
