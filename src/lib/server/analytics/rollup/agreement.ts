/**
 * classifierAgreement from the rollup. A row's status is the moderator's verdict and its
 * flagged_mask the classifier's, so TP/FP/FN/TN are sums of `scored` by (status, bit):
 * rows with a bit set hold only scored comments, and unscored ones are left out as live.
 */
import { sql } from 'kysely';
import { withRates, type AgreementRow } from '../agreement';
import type { AnalyticsScope } from '../scope';
import { labelBit, rollupSource } from './source';

export async function rollupAgreement(scope: AnalyticsScope): Promise<AgreementRow[]> {
  const judged = rollupSource(scope)
    .where('r.status', 'in', ['removed', 'approved'])
    .select(['r.status', 'r.flagged_mask', 'r.scored']);
  const labels = sql.join(
    scope.labels.map((label) => sql`(${sql.lit(label)}, ${sql.lit(labelBit(label))})`)
  );
  const cell = (flagged: boolean, status: string) =>
    sql`coalesce(sum(x.scored) filter (where (x.flagged_mask & l.bit ${sql.raw(flagged ? '<>' : '=')} 0)
      and x.status = ${sql.lit(status)}), 0)::int`;
  const { rows } = await sql<Omit<AgreementRow, 'precision' | 'recall'>>`
    select l.label,
      ${cell(true, 'removed')} as "truePositive",
      ${cell(true, 'approved')} as "falsePositive",
      ${cell(false, 'removed')} as "falseNegative",
      ${cell(false, 'approved')} as "trueNegative"
    from (values ${labels}) as l(label, bit)
    left join (${judged}) as x on true
    group by l.label`.execute(scope.db);
  return withRates(scope.labels, rows);
}
