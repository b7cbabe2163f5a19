/** Users who make decisions in the moderation tests, inserted directly (no password flow). */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../src/lib/server/db/schema';
import { storeScoredArticle } from './scored-comments';

export async function addModerator(db: Kysely<Schema>, name: string): Promise<number> {
  const { id } = await db
    .insertInto('users')
    .values({ name, role: 'moderator', password_hash: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Empties the corpus, scores, decisions and users, ids restarting. */
export async function emptyModeration(db: Kysely<Schema>): Promise<void> {
  await sql`truncate table decisions, comment_moderation, comment_scores, classification_jobs,
    comments, articles, documents, users restart identity cascade`.execute(db);
}

/** The decision tests' starting point: an empty database, one flagged comment, Ana and Ben. */
export async function oneCommentTwoModerators(
  db: Kysely<Schema>
): Promise<{ commentId: number; ana: number; ben: number }> {
  await emptyModeration(db);
  const { commentIds } = await storeScoredArticle(db, [{ text: 'toxicity=0.8' }]);
  return {
    commentId: commentIds[0]!,
    ana: await addModerator(db, 'Ana'),
    ben: await addModerator(db, 'Ben')
  };
}
