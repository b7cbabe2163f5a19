/**
 * A second, coarser level of the analytics rollup: the same counts summed over all days,
 * for filters without a date range (the page's default view). Charts that do not bucket
 * by time then sum one row per (article, status, flagged labels) rather than one per day
 * of it: at a million comments 31,551 rows instead of 86,413, and 10,000 histogram rows
 * instead of 41,241, for the same numbers.
 *
 * - analytics_rollup_total: analytics_rollup without the day (and so without
 *   first_at/last_at, which only the activity chart reads, from the day rows).
 * - analytics_rollup_histogram_total: analytics_rollup_histogram without the day.
 *
 * Both are filled here from the day rows they sum, so a database whose rollup is current
 * stays current without a rebuild. Frozen in time: imports no app code.
 */
import { sql, type Kysely } from 'kysely';

const LABELS = ['toxicity', 'profanity', 'insult', 'threat', 'identity_attack', 'antisemitism'];
const BINS = 20;
const binColumns = LABELS.flatMap((label) =>
  Array.from({ length: BINS }, (_, bin) => `${label}_b${String(bin).padStart(2, '0')}`)
);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving Schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('analytics_rollup_total')
    .addColumn('article_id', 'bigint', (col) =>
      col.notNull().references('articles.id').onDelete('cascade')
    )
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('flagged_mask', 'smallint', (col) => col.notNull())
    .addColumn('comments', 'integer', (col) => col.notNull())
    .addColumn('scored', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('analytics_rollup_total_pkey', [
      'article_id',
      'status',
      'flagged_mask'
    ])
    .execute();
  await sql`
    insert into analytics_rollup_total (article_id, status, flagged_mask, comments, scored)
    select article_id, status, flagged_mask, sum(comments), sum(scored)
    from analytics_rollup group by article_id, status, flagged_mask`.execute(db);

  let histogram = db.schema
    .createTable('analytics_rollup_histogram_total')
    .addColumn('article_id', 'bigint', (col) =>
      col.notNull().references('articles.id').onDelete('cascade')
    )
    .addColumn('status', 'text', (col) => col.notNull());
  for (const column of binColumns)
    histogram = histogram.addColumn(column, 'integer', (col) => col.notNull());
  await histogram
    .addPrimaryKeyConstraint('analytics_rollup_histogram_total_pkey', ['article_id', 'status'])
    .execute();
  const columns = sql.join(binColumns.map((column) => sql.ref(column)));
  const sums = sql.join(binColumns.map((column) => sql`sum(${sql.ref(column)})`));
  await sql`
    insert into analytics_rollup_histogram_total (article_id, status, ${columns})
    select article_id, status, ${sums}
    from analytics_rollup_histogram group by article_id, status`.execute(db);
  // Statistics now rather than at autovacuum's next pass, so the first plans know their size.
  await sql`analyze analytics_rollup_total, analytics_rollup_histogram_total`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('analytics_rollup_histogram_total').execute();
  await db.schema.dropTable('analytics_rollup_total').execute();
}
