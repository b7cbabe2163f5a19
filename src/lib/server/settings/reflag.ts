/**
 * Re-flags stored verdicts after a threshold changes, in SQL, so the queue reflects the new
 * value at once instead of after a re-score. The rule is fuse.ts's flaggedLabels: a label
 * is flagged when its stored score is at or over its threshold, labels in LABELS order.
 * max_flagged_score is generated from `flagged`, so the queue's order follows too.
 *
 *   update comment_scores set flagged = array_remove(array[
 *     case when toxicity >= $1 then 'toxicity' end, …], null)::text[]
 *   where flagged is distinct from (that same array)
 */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema';
import { LABELS, type Label, type LabelScores } from '../classify/types';

export async function reflagStoredVerdicts(
  db: Kysely<Schema>,
  thresholds: LabelScores
): Promise<number> {
  const cases = LABELS.map(
    (label) =>
      sql`case when ${sql.ref(label)} >= ${thresholds[label]}::double precision then ${sql.lit(label)} end`
  );
  const flagged = sql<Label[]>`array_remove(array[${sql.join(cases)}]::text[], null)`;
  const result = await db
    .updateTable('comment_scores')
    .set({ flagged })
    .where(sql<boolean>`flagged is distinct from ${flagged}`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
