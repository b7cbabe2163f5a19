/**
 * An ingested document as the ingest page and API show it: how parsing went, its article,
 * and how far classification of its comments has come.
 */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { ClassificationProgress, DocumentReport } from '../../../schemas/ingest';
import type { JobStatus, Schema } from '../../db/schema';

export async function findDocumentReport(
  db: Kysely<Schema>,
  documentId: number
): Promise<DocumentReport | undefined> {
  const row = await db
    .selectFrom('documents')
    .leftJoin('articles', 'articles.document_id', 'documents.id')
    .select([
      'documents.id as documentId',
      'documents.file_name as fileName',
      'documents.byte_size as byteSize',
      'documents.parse_status as parseStatus',
      'documents.parse_error_code as errorCode',
      'documents.parse_error as errorMessage',
      'documents.format',
      'documents.ingested_at as ingestedAt',
      'articles.id as articleId',
      'articles.title',
      'articles.outlet'
    ])
    .where('documents.id', '=', documentId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { errorCode, errorMessage, ingestedAt, ...document } = row;
  const progress = row.articleId === null ? null : await classificationProgress(db, documentId);
  return {
    ...document,
    ingestedAt: ingestedAt.toISOString(),
    comments: progress?.total ?? 0,
    error: errorCode === null ? null : { code: errorCode, message: errorMessage ?? errorCode },
    progress
  };
}

type CommentState = 'running' | 'queued' | 'scored' | 'failed' | 'not_queued';

/**
 * One aggregate: each comment of the document in exactly one state, counted by state. A
 * pending job wins over an old score (a re-score in progress is still in progress), a score
 * over an old failed job (a later job succeeded).
 */
export async function classificationProgress(
  db: Kysely<Schema>,
  documentId: number
): Promise<ClassificationProgress> {
  const perComment = db
    .selectFrom('comments')
    .innerJoin('articles', 'articles.id', 'comments.article_id')
    .where('articles.document_id', '=', documentId)
    .select((eb) =>
      eb
        .case()
        .when(hasJob(eb, 'running'))
        .then(sql.lit<CommentState>('running'))
        .when(hasJob(eb, 'queued'))
        .then(sql.lit<CommentState>('queued'))
        .when(hasScore(eb))
        .then(sql.lit<CommentState>('scored'))
        .when(hadFailedJob(eb))
        .then(sql.lit<CommentState>('failed'))
        .else(sql.lit<CommentState>('not_queued'))
        .end()
        .as('state')
    );
  const rows = await db
    .selectFrom(perComment.as('per_comment'))
    .select(['state', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('state')
    .execute();
  const counts: Record<CommentState, number> = {
    running: 0,
    queued: 0,
    scored: 0,
    failed: 0,
    not_queued: 0
  };
  for (const { state, count } of rows) counts[state] = Number(count);
  return {
    total: Object.values(counts).reduce((sum, count) => sum + count, 0),
    scored: counts.scored,
    queued: counts.queued,
    running: counts.running,
    failed: counts.failed,
    notQueued: counts.not_queued,
    finished: counts.queued + counts.running === 0
  };
}

type CommentsInScope = ExpressionBuilder<Schema, 'comments' | 'articles'>;

/** Served by the partial unique index on pending jobs (classification_jobs_pending_comment). */
function hasJob(eb: CommentsInScope, status: Extract<JobStatus, 'queued' | 'running'>) {
  return eb.exists(
    eb
      .selectFrom('classification_jobs')
      .select(sql.lit(1).as('one'))
      .whereRef('classification_jobs.comment_id', '=', 'comments.id')
      .where('classification_jobs.status', '=', status)
  );
}

/**
 * Uncorrelated IN, so PostgreSQL hashes the failed jobs once (no index covers them, and a
 * correlated EXISTS would scan the jobs table per comment); only reached for comments that
 * have neither a pending job nor a score.
 */
function hadFailedJob(eb: CommentsInScope) {
  return eb(
    'comments.id',
    'in',
    eb
      .selectFrom('classification_jobs')
      .select('classification_jobs.comment_id')
      .where('classification_jobs.status', '=', 'failed')
  );
}

function hasScore(eb: CommentsInScope) {
  return eb.exists(
    eb
      .selectFrom('comment_scores')
      .select(sql.lit(1).as('one'))
      .whereRef('comment_scores.comment_id', '=', 'comments.id')
  );
}
