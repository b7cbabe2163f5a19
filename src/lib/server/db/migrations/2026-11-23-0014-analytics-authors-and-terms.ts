/**
 * Two reads of the analytics page that touched comment or verdict rows at a million comments.
 *
 * Top authors. The analytics top authors count each listed author's comments in the filter's scope
 * (server/analytics/rollup/top-authors.ts): through comments_author_id, then each comment's
 * article and time from its row — about 25,000 random heap reads for twenty prolific
 * authors at a million comments (~55 ms warm, ~140 ms cold, a third of the page). With the
 * article and the posted time in the index (INCLUDE, so the key and its order stay
 * (author, id)), that count is an index-only scan (~7 ms) wherever the visibility map is
 * current, which autovacuum keeps it. The queue's author record (migration 0009) reads the
 * same key and stays index-only. Replaced rather than added, so an ingest still writes one
 * author index entry; the index is a little wider (~the same size freshly built, 58 against
 * 60 MB at a million comments).
 *
 * Coded terms. The chart read every verdict with spans (10,201 at a million, on 8,400 heap
 * pages: ~14 ms a page). analytics_rollup_terms holds, per (article, UTC day, status, lexicon
 * entry, labels of that entry's spans in the comment), the comments and the spans (hits) per
 * label, so the chart sums a few thousand rows. The label set is in the key so that "comments
 * with a span of a shown label" stays a distinct count when several labels are shown.
 *
 * Frozen in time: imports no app code.
 */
import { sql, type Kysely } from 'kysely';

const LABELS = ['toxicity', 'profanity', 'insult', 'threat', 'identity_attack', 'antisemitism'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving Schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_author_id').execute();
  // kysely's index builder has no INCLUDE.
  await sql`create index comments_author_id on comments (author, id) include (article_id, posted_at)`.execute(
    db
  );

  let terms = db.schema
    .createTable('analytics_rollup_terms')
    .addColumn('article_id', 'bigint', (col) =>
      col.notNull().references('articles.id').onDelete('cascade')
    )
    .addColumn('day', 'date', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('entry_id', 'text', (col) => col.notNull())
    .addColumn('label_mask', 'smallint', (col) => col.notNull())
    .addColumn('comments', 'integer', (col) => col.notNull());
  for (const label of LABELS)
    terms = terms.addColumn(`${label}_hits`, 'integer', (col) => col.notNull());
  await terms
    .addPrimaryKeyConstraint('analytics_rollup_terms_pkey', [
      'article_id',
      'day',
      'status',
      'entry_id',
      'label_mask'
    ])
    .execute();
  // The new table starts empty; a rollup already built would otherwise be served without it.
  // No state: the next request builds everything afresh.
  await sql`delete from rollup_state`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('analytics_rollup_terms').execute();
  await db.schema.dropIndex('comments_author_id').execute();
  await db.schema
    .createIndex('comments_author_id')
    .on('comments')
    .columns(['author', 'id'])
    .execute();
}
