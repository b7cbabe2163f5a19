/**
 * Rebuilds the rollup, from scratch or for some articles: aggregates over their comments
 * (every comment: about 0.6 s at 50k on 2 cores), in the caller's transaction, so readers
 * on other connections keep the previous rollup until it commits. DELETE rather than
 * TRUNCATE for the same reason: TRUNCATE would lock the tables against those readers.
 *
 * Four tables (see migrations 0011 and 0014): the counts by flagged labels, the histograms
 * of the scored comments, the flagged or removed comments per author and the lexicon
 * entries' spans (terms.ts); then the first two
 * summed over all days (totals.ts, migration 0012). The expressions mirror
 * the live series: the reports' commentTime and currentStatus, and score-histogram.ts's
 * bin, least(floor(score × 20), 19). */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { LABELS } from '../../classify/types';
import type { Schema } from '../../db/schema';
import { settingsFingerprintSql } from '../../settings/fingerprint';
import { commentTime, currentStatus } from '../scope';
import { HISTOGRAM_BINS } from '../score-histogram';
import { BINS, binColumn } from './bins';
import { labelBit } from './source';
import { rebuildTerms } from './terms';
import { rebuildTotals } from './totals';

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

  const only = (column: string) =>
    articles === undefined
      ? sql``
      : sql`and ${sql.ref(column)} = any(${sql.val(articles)}::bigint[])`;
  /** Each comment in scope with `columns`, as the live series' FROM (report-source.ts). */
  const perComment = (columns: RawBuilder<unknown>, where: RawBuilder<unknown> = sql`true`) => sql`
    select c.article_id, (${commentTime} at time zone 'UTC')::date as day,
      ${currentStatus} as status, ${columns}
    from comments c
    join articles a on a.id = c.article_id
    join documents d on d.id = a.document_id
    left join comment_moderation m on m.comment_id = c.id
    left join comment_scores s on s.comment_id = c.id
    where ${where} ${only('c.article_id')}`;

  const mask = sql.join(
    LABELS.map(
      (label) =>
        sql`case when s.flagged @> array[${sql.lit(label)}]::text[] then ${sql.lit(labelBit(label))} else 0 end`
    ),
    sql` + `
  );
  await sql`delete from analytics_rollup where true ${only('article_id')}`.execute(trx);
  await sql`
    insert into analytics_rollup (article_id, day, status, flagged_mask, comments, scored,
      first_at, last_at)
    select x.article_id, x.day, x.status, x.flagged_mask,
      count(*)::int, count(x.scored)::int, min(x.at), max(x.at)
    from (${perComment(sql`(${mask})::smallint as flagged_mask, s.comment_id as scored, ${commentTime} as at`)}) as x
    group by x.article_id, x.day, x.status, x.flagged_mask`.execute(trx);

  // Each label's bin once per comment; the outer query then counts each bin with a cheap
  // integer comparison.
  const bins = LABELS.map(
    (label) =>
      sql`least(floor(${sql.ref(`s.${label}`)} * ${sql.lit(HISTOGRAM_BINS)}), ${sql.lit(HISTOGRAM_BINS - 1)})::int as ${binOf(label)}`
  );
  const counts = LABELS.flatMap((label) =>
    BINS.map((bin) => sql`(count(*) filter (where ${binOf(label)} = ${sql.lit(bin)}))::int`)
  );
  const columns = LABELS.flatMap((label) => BINS.map((bin) => sql.ref(binColumn(label, bin))));
  await sql`delete from analytics_rollup_histogram where true ${only('article_id')}`.execute(trx);
  await sql`
    insert into analytics_rollup_histogram (article_id, day, status, ${sql.join(columns)})
    select x.article_id, x.day, x.status, ${sql.join(counts)}
    from (${perComment(sql.join(bins), sql`s.comment_id is not null`)}) as x
    group by x.article_id, x.day, x.status`.execute(trx);

  // The top authors' ranking counts flagged and removed comments only (see top-authors.ts).
  await sql`delete from analytics_rollup_authors where true ${only('article_id')}`.execute(trx);
  await sql`
    insert into analytics_rollup_authors (article_id, day, status, flagged_mask, author, comments)
    select x.article_id, x.day, x.status, x.flagged_mask, x.author, count(*)::int
    from (${perComment(
      sql`(${mask})::smallint as flagged_mask, c.author`,
      sql`c.author is not null and (s.max_flagged_score is not null or m.status = 'removed')`
    )}) as x
    group by x.article_id, x.day, x.status, x.flagged_mask, x.author`.execute(trx);

  await rebuildTerms(trx, perComment, only('article_id'));
  await rebuildTotals(trx, only('article_id'));

  await sql`
    insert into rollup_state (id, built_at, changes_since, max_comment_id, settings_fingerprint)
    values (1, ${builtAt}, ${changesSince}, (select max(id) from comments), ${settingsFingerprintSql})
    on conflict (id) do update set built_at = excluded.built_at,
      changes_since = excluded.changes_since, max_comment_id = excluded.max_comment_id,
      settings_fingerprint = excluded.settings_fingerprint`.execute(trx);
  return builtAt;
}
