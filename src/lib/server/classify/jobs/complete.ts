/**
 * Finishing jobs: the verdicts are stored and the jobs marked done in one transaction, and
 * only for jobs this worker still holds. A worker that lost a lease (it stalled past the
 * lease and another worker claimed the job) writes nothing for that job, so a comment's
 * verdict is written by exactly one completion per job, however workers die or stall.
 *
 * A lease that ran out but that no one else claimed yet is still ours: the work is done and
 * no one else has it.
 */
import { sql, type InsertObject, type Kysely } from 'kysely';
import type { Schema } from '../../db/schema';
import { LABELS, type Classification, type LabelScores } from '../types';

export interface JobVerdict {
  jobId: number;
  classification: Classification;
}

export interface Completion {
  /** Jobs marked done, their verdict stored. */
  completed: number[];
  /** Jobs this worker no longer held: nothing was written for them. */
  lost: number[];
}

/** 13 parameters a row: far below PostgreSQL's 65,535 per statement. */
const ROWS_PER_UPSERT = 1_000;

/**
 *   update classification_jobs set status = 'done', finished_at = now(),
 *          lease_expires_at = null, last_error = null
 *   where id in (…) and status = 'running' and lease_owner = $owner
 *   returning id, comment_id
 * then, in the same transaction, upserts comment_scores for the jobs it returned.
 */
export function completeJobs(
  db: Kysely<Schema>,
  owner: string,
  verdicts: readonly JobVerdict[]
): Promise<Completion> {
  if (verdicts.length === 0) return Promise.resolve({ completed: [], lost: [] });
  return db.transaction().execute(async (trx) => {
    const held = await trx
      .updateTable('classification_jobs')
      .set({ status: 'done', finished_at: sql`now()`, lease_expires_at: null, last_error: null })
      .where(
        'id',
        'in',
        verdicts.map((verdict) => verdict.jobId)
      )
      .where('status', '=', 'running')
      .where('lease_owner', '=', owner)
      .returning(['id', 'comment_id'])
      .execute();
    const commentOfJob = new Map(held.map((job) => [job.id, job.comment_id]));
    const kept = verdicts.filter((verdict) => commentOfJob.has(verdict.jobId));
    const rows = kept.map((verdict) => scoreRow(commentOfJob.get(verdict.jobId)!, verdict));
    for (let start = 0; start < rows.length; start += ROWS_PER_UPSERT) {
      await upsertScores(trx, rows.slice(start, start + ROWS_PER_UPSERT));
    }
    return {
      completed: kept.map((verdict) => verdict.jobId),
      lost: verdicts.filter((verdict) => !commentOfJob.has(verdict.jobId)).map((v) => v.jobId)
    };
  });
}

type ScoreRow = InsertObject<Schema, 'comment_scores'>;

function scoreRow(commentId: number, { classification }: JobVerdict): ScoreRow {
  const { scores, flagged, spans, versions } = classification;
  return {
    comment_id: commentId,
    ...perLabel((label) => scores[label]),
    flagged: [...flagged],
    // Explicit casts of JSON text: pg would turn a JS array into a PostgreSQL array literal.
    spans: sql<string>`cast(${JSON.stringify(spans)} as jsonb)`,
    versions: sql<string>`cast(${JSON.stringify(versions)} as jsonb)`,
    model_version: versions.model ?? null,
    lexicon_version: versions.lexicon ?? null
  };
}

/** One entry per label, so a label added to LABELS can't be left out of a column list. */
function perLabel<T>(value: (label: (typeof LABELS)[number]) => T): Record<keyof LabelScores, T> {
  return Object.fromEntries(LABELS.map((label) => [label, value(label)])) as Record<
    keyof LabelScores,
    T
  >;
}

/** A re-score replaces the previous verdict: the table keeps the latest one per comment. */
async function upsertScores(trx: Kysely<Schema>, rows: ScoreRow[]): Promise<void> {
  await trx
    .insertInto('comment_scores')
    .values(rows)
    .onConflict((conflict) =>
      conflict.column('comment_id').doUpdateSet(({ ref }) => ({
        ...perLabel((label) => ref(`excluded.${label}`)),
        flagged: ref('excluded.flagged'),
        spans: ref('excluded.spans'),
        versions: ref('excluded.versions'),
        model_version: ref('excluded.model_version'),
        lexicon_version: ref('excluded.lexicon_version'),
        scored_at: sql<Date>`now()`
      }))
    )
    .execute();
}
