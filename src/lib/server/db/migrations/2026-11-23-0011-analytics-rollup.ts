/**
 * The analytics rollup: per-day counts of the comments, keyed by what the report filter
 * selects on, so /analytics sums a few tens of thousands of rows instead of joining and
 * aggregating every comment (9.2 s at a million on 2 cores). server/analytics/rollup/
 * rebuilds it whenever rollup_state says the data changed since the last build.
 *
 * - analytics_rollup: one row per (article, UTC day of the comment time, current status,
 *   flagged labels as a bit mask in LABELS order). comments counts them all, scored those
 *   with a verdict; first_at/last_at keep the exact time range, which the activity chart's
 *   bucket size needs. Narrow, since every series but the histogram sums it.
 * - analytics_rollup_histogram: the score histogram (20 bins of 0.05) of the scored comments
 *   per label, per (article, day, status): no mask, which would double its rows (50k
 *   comments: 4,339 against 2,080) for a chart that does not select on flags. Plain
 *   columns, <label>_b00 … _b19, rather than an int[] per label: a short array is copied
 *   on every subscript, which made the 120 sums 7× slower, and unnesting makes 20 rows each.
 * - analytics_rollup_authors: the same key plus the author, over only the comments the top
 *   authors chart ranks by — flagged or removed ones with an author (a few per cent) — so
 *   the ranking sums tens of thousands of rows rather than reading each flagged comment's
 *   author (1.3–1.9 s at a million).
 * - rollup_state: one row, what the rollup was built from, to tell when it is stale.
 * - comment_scores_scored_at: "anything scored since?" is then one index probe.
 * - comment_scores_with_spans: the coded-terms chart reads only verdicts with spans (a few
 *   per cent), not every verdict's jsonb.
 *
 * Frozen in time: imports no app code (the labels are this migration's own copy).
 */
import { sql, type Kysely } from 'kysely';

const LABELS = ['toxicity', 'profanity', 'insult', 'threat', 'identity_attack', 'antisemitism'];
const BINS = 20;
/** toxicity_b00 … toxicity_b19. */
const binColumn = (label: string, bin: number) => `${label}_b${String(bin).padStart(2, '0')}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving Schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('analytics_rollup')
    .addColumn('article_id', 'bigint', (col) =>
      col.notNull().references('articles.id').onDelete('cascade')
    )
    .addColumn('day', 'date', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('flagged_mask', 'smallint', (col) => col.notNull())
    .addColumn('comments', 'integer', (col) => col.notNull())
    .addColumn('scored', 'integer', (col) => col.notNull())
    .addColumn('first_at', 'timestamptz', (col) => col.notNull())
    .addColumn('last_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('analytics_rollup_pkey', [
      'article_id',
      'day',
      'status',
      'flagged_mask'
    ])
    .execute();

  await db.schema
    .createTable('analytics_rollup_authors')
    .addColumn('article_id', 'bigint', (col) =>
      col.notNull().references('articles.id').onDelete('cascade')
    )
    .addColumn('day', 'date', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('flagged_mask', 'smallint', (col) => col.notNull())
    .addColumn('author', 'text', (col) => col.notNull())
    .addColumn('comments', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('analytics_rollup_authors_pkey', [
      'article_id',
      'day',
      'status',
      'flagged_mask',
      'author'
    ])
    .execute();

  let histogram = db.schema
    .createTable('analytics_rollup_histogram')
    .addColumn('article_id', 'bigint', (col) =>
      col.notNull().references('articles.id').onDelete('cascade')
    )
    .addColumn('day', 'date', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull());
  for (const label of LABELS)
    for (let bin = 0; bin < BINS; bin += 1)
      histogram = histogram.addColumn(binColumn(label, bin), 'integer', (col) => col.notNull());
  await histogram
    .addPrimaryKeyConstraint('analytics_rollup_histogram_pkey', ['article_id', 'day', 'status'])
    .execute();

  await db.schema
    .createTable('rollup_state')
    .addColumn('id', 'integer', (col) => col.primaryKey().check(sql`id = 1`))
    .addColumn('built_at', 'timestamptz', (col) => col.notNull())
    // Writes at or after this time may be missing from the rollup (see rollup/freshness.ts).
    .addColumn('changes_since', 'timestamptz', (col) => col.notNull())
    .addColumn('max_comment_id', 'bigint')
    .addColumn('settings_fingerprint', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createIndex('comment_scores_scored_at')
    .on('comment_scores')
    .column('scored_at')
    .execute();
  await db.schema
    .createIndex('comment_scores_with_spans')
    .on('comment_scores')
    .column('comment_id')
    .where(sql.ref('spans'), '<>', sql`'[]'::jsonb`)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comment_scores_with_spans').execute();
  await db.schema.dropIndex('comment_scores_scored_at').execute();
  await db.schema.dropTable('rollup_state').execute();
  await db.schema.dropTable('analytics_rollup_histogram').execute();
  await db.schema.dropTable('analytics_rollup_authors').execute();
  await db.schema.dropTable('analytics_rollup').execute();
}
