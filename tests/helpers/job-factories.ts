/** Queued comments and job-table helpers for the classification queue's tests. */
import { sql, type Kysely } from 'kysely';
import { enqueueCommentsOfArticle } from '../../src/lib/server/classify/jobs';
import { listCommentsOfArticle } from '../../src/lib/server/corpus';
import type { ClassificationJobRow, Schema } from '../../src/lib/server/db/schema';
import { comment, storeArticle } from './corpus-factories';

let articles = 0;

/** An article with one comment per text, each with a queued job. */
export async function queueComments(
  db: Kysely<Schema>,
  texts: readonly string[]
): Promise<{ articleId: number; commentIds: number[] }> {
  articles += 1;
  const { articleId } = await storeArticle(db, {
    title: `queued article ${articles}`,
    comments: texts.map((text) => comment(text))
  });
  await enqueueCommentsOfArticle(db, articleId);
  const stored = await listCommentsOfArticle(db, articleId);
  return { articleId, commentIds: stored.map((row) => row.id) };
}

export function jobsOf(db: Kysely<Schema>): Promise<ClassificationJobRow[]> {
  return db.selectFrom('classification_jobs').selectAll().orderBy('id').execute();
}

/** Makes leases look run out, as if their worker died a while ago (no waiting in tests). */
export async function expireLeases(db: Kysely<Schema>, jobIds: readonly number[]): Promise<void> {
  await db
    .updateTable('classification_jobs')
    .set({ lease_expires_at: sql<Date>`now() - interval '1 second'` })
    .where('id', 'in', [...jobIds])
    .where('status', '=', 'running')
    .execute();
}

export async function emptyQueue(db: Kysely<Schema>): Promise<void> {
  await sql`truncate table comment_scores, classification_jobs, comments, articles, documents restart identity cascade`.execute(
    db
  );
}
