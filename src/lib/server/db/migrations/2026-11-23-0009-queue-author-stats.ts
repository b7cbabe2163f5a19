/**
 * The queue's author record (server/moderation/author-stats.ts) read from indexes alone. For
 * each author on a page it counts their flagged and removed comments across the corpus; an
 * author with a thousand comments made that a thousand random reads of comments and a
 * thousand of comment_scores (25 authors: ~340 ms at a million comments). With the comment
 * ids in the author index and a partial index of the flagged comments' ids, both become
 * index-only scans (~25 ms). comments_author_id replaces comments_author rather than adding
 * a second index on the same column, so an ingest still writes one author index entry.
 * Frozen in time: imports no app code.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving Schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('comments_author_id')
    .on('comments')
    .columns(['author', 'id'])
    .execute();
  await db.schema.dropIndex('comments_author').execute();
  await db.schema
    .createIndex('comment_scores_flagged_comment')
    .on('comment_scores')
    .column('comment_id')
    .where(sql.ref('max_flagged_score'), 'is not', null)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comment_scores_flagged_comment').execute();
  await db.schema.createIndex('comments_author').on('comments').column('author').execute();
  await db.schema.dropIndex('comments_author_id').execute();
}
