/**
 * Puts comments on the classification queue. Every function inserts at most one job per
 * comment: a comment that already has a queued or running job is skipped (the partial
 * unique index classification_jobs_pending_comment), so enqueueing is safe to repeat and
 * to run while workers are busy.
 */
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Schema } from '../../db/schema';

type CommentSelection = SelectQueryBuilder<Schema, 'comments', { id: number }>;

/** The comments of one article. */
export function enqueueCommentsOfArticle(trx: Kysely<Schema>, articleId: number): Promise<number> {
  return enqueueSelected(trx, (comments) => comments.where('comments.article_id', '=', articleId));
}

/**
 * Comments by id, in the order given; ingest calls this inside the transaction that stored
 * them, with the ids insertComments returned, so the comments table is not read again.
 */
export async function enqueueComments(
  trx: Kysely<Schema>,
  commentIds: readonly number[]
): Promise<number> {
  if (commentIds.length === 0) return 0;
  const result = await trx
    .insertInto('classification_jobs')
    .columns(['comment_id'])
    .expression(
      sql`select comment_id
        from unnest(${commentIds}::bigint[]) with ordinality as c(comment_id, n)
        order by n`
    )
    .onConflict((conflict) =>
      conflict.column('comment_id').where('status', 'in', ['queued', 'running']).doNothing()
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Every comment, or every comment of one article. */
export function enqueueAllComments(
  db: Kysely<Schema>,
  { articleId }: { articleId?: number } = {}
): Promise<number> {
  return enqueueSelected(db, (comments) => ofArticle(comments, articleId));
}

/**
 * Comments whose stored verdict came from other component versions than `versions`, and
 * comments with no verdict at all (stored before classification existed, or whose job
 * failed): what a new model or lexicon must re-score. jsonb equality ignores key order.
 */
export function enqueueScoredByOtherVersions(
  db: Kysely<Schema>,
  versions: Record<string, string>,
  { articleId }: { articleId?: number } = {}
): Promise<number> {
  const current = JSON.stringify(versions);
  return enqueueSelected(db, (comments) =>
    ofArticle(comments, articleId).where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('comment_scores')
            .select(sql.lit(1).as('one'))
            .whereRef('comment_scores.comment_id', '=', 'comments.id')
            .where(
              'comment_scores.versions',
              '=',
              sql<Record<string, string>>`cast(${current} as jsonb)`
            )
        )
      )
    )
  );
}

function ofArticle(comments: CommentSelection, articleId: number | undefined): CommentSelection {
  return articleId === undefined ? comments : comments.where('comments.article_id', '=', articleId);
}

/** INSERT … SELECT in comment order, so the queue classifies a thread from the top. */
async function enqueueSelected(
  db: Kysely<Schema>,
  narrow: (comments: CommentSelection) => CommentSelection
): Promise<number> {
  const selection = narrow(db.selectFrom('comments').select('comments.id')).orderBy('comments.id');
  const result = await db
    .insertInto('classification_jobs')
    .columns(['comment_id'])
    .expression(selection)
    .onConflict((conflict) =>
      conflict.column('comment_id').where('status', 'in', ['queued', 'running']).doNothing()
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
