/**
 * Rebuilds analytics_rollup, from scratch or for some articles: one aggregate over their
 * comments (every comment: about 0.6 s at 50k on 2 cores), in the caller's transaction, so readers on other connections keep the previous
 * rollup until it commits. DELETE rather than TRUNCATE for the same reason: TRUNCATE would
 * lock the table against those readers.
 *
 * Per comment first (the inner query), so each label's bin is computed once rather than
 * once per bin; the outer query then counts each bin with a cheap integer comparison.
 * The expressions mirror the live series: commentTime and currentStatus of the reports,
 * and score-histogram.ts's bin, least(floor(score × 20), 19).
 */
import { sql, type Kysely } from 'kysely';
import { LABELS } from '../../classify/types';
import type { Schema } from '../../db/schema';
import { settingsFingerprintSql } from '../../settings/fingerprint';
import { commentTime, currentStatus } from '../scope';
import { HISTOGRAM_BINS } from '../score-histogram';
import { BINS, binColumn } from './bins';
import { labelBit } from './source';

const binOf = (label: string) => sql.ref(`bin_${label}`);

/**
 * `articles`: rebuild only these articles' rows (see changed-articles.ts); absent: all.
 * Returns the build's time.
 */
export async function rebuildRollup(
  trx: Kysely<Schema>,
  articles?: readonly number[]
): Promise<Date> {
  // First, so that every write this build might miss started at or after changes_since.
  const { rows } = await sql<{ changesSince: Date; builtAt: Date }>`
    select now() as "builtAt", least(now(), (
      select min(xact_start) from pg_stat_activity
      where datname = current_database() and backend_type = 'client backend'
        and pid <> pg_backend_pid()
    )) as "changesSince"`.execute(trx);
  const { changesSince, builtAt } = rows[0]!;

  const mask = sql.join(
    LABELS.map(
      (label) =>
        sql`case when s.flagged @> array[${sql.lit(label)}]::text[] then ${sql.lit(labelBit(label))} else 0 end`
    ),
    sql` + `
  );
  const bins = LABELS.map(
    (label) =>
      sql`least(floor(${sql.ref(`s.${label}`)} * ${sql.lit(HISTOGRAM_BINS)}), ${sql.lit(HISTOGRAM_BINS - 1)})::int as ${binOf(label)}`
  );
  const histograms = LABELS.flatMap((label) =>
    BINS.map((bin) => sql`(count(*) filter (where ${binOf(label)} = ${sql.lit(bin)}))::int`)
  );
  const histogramColumns = LABELS.flatMap((label) =>
    BINS.map((bin) => sql.ref(binColumn(label, bin)))
  );
  const only = (column: string) =>
    articles === undefined
      ? sql``
      : sql`where ${sql.ref(column)} = any(${sql.val(articles)}::bigint[])`;
  await sql`delete from analytics_rollup ${only('article_id')}`.execute(trx);
  await sql`
    insert into analytics_rollup (article_id, day, status, flagged_mask, comments, scored,
      first_at, last_at, ${sql.join(histogramColumns)})
    select x.article_id, (x.at at time zone 'UTC')::date, x.status, x.flagged_mask,
      count(*)::int, count(x.scored)::int, min(x.at), max(x.at), ${sql.join(histograms)}
    from (
      select c.article_id, ${commentTime} as at, ${currentStatus} as status,
        (${mask})::smallint as flagged_mask, s.comment_id as scored, ${sql.join(bins)}
      from comments c
      join articles a on a.id = c.article_id
      join documents d on d.id = a.document_id
      left join comment_moderation m on m.comment_id = c.id
      left join comment_scores s on s.comment_id = c.id
      ${only('c.article_id')}
    ) as x
    group by x.article_id, (x.at at time zone 'UTC')::date, x.status, x.flagged_mask`.execute(trx);
  await sql`
    insert into rollup_state (id, built_at, changes_since, max_comment_id, settings_fingerprint)
    values (1, ${builtAt}, ${changesSince}, (select max(id) from comments), ${settingsFingerprintSql})
    on conflict (id) do update set built_at = excluded.built_at,
      changes_since = excluded.changes_since, max_comment_id = excluded.max_comment_id,
      settings_fingerprint = excluded.settings_fingerprint`.execute(trx);
  return builtAt;
}
