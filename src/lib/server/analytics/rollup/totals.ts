/**
 * The rollup's coarser level (migration 0012): the day rows of some articles (or all)
 * summed over their days, for the charts a filter without a date range draws. Summed from
 * the day rows just rebuilt, in the same transaction, so the two levels cannot disagree.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { LABELS } from '../../classify/types';
import type { Schema } from '../../db/schema';
import { BINS, binColumn } from './bins';

/** `only`: the rebuild's condition on article_id (empty for every article). */
export async function rebuildTotals(trx: Kysely<Schema>, only: RawBuilder<unknown>): Promise<void> {
  await sql`delete from analytics_rollup_total where true ${only}`.execute(trx);
  await sql`
    insert into analytics_rollup_total (article_id, status, flagged_mask, comments, scored)
    select article_id, status, flagged_mask, sum(comments), sum(scored)
    from analytics_rollup where true ${only}
    group by article_id, status, flagged_mask`.execute(trx);

  const columns = LABELS.flatMap((label) => BINS.map((bin) => sql.ref(binColumn(label, bin))));
  await sql`delete from analytics_rollup_histogram_total where true ${only}`.execute(trx);
  await sql`
    insert into analytics_rollup_histogram_total (article_id, status, ${sql.join(columns)})
    select article_id, status, ${sql.join(columns.map((column) => sql`sum(${column})`))}
    from analytics_rollup_histogram where true ${only}
    group by article_id, status`.execute(trx);
}
