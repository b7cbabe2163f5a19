/**
 * The analytics top authors count each listed author's comments in the filter's scope
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
 * Frozen in time: imports no app code.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving Schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_author_id').execute();
  // kysely's index builder has no INCLUDE.
  await sql`create index comments_author_id on comments (author, id) include (article_id, posted_at)`.execute(
    db
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_author_id').execute();
  await db.schema
    .createIndex('comments_author_id')
    .on('comments')
    .columns(['author', 'id'])
    .execute();
}
