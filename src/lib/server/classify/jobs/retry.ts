/**
 * Jobs whose classification threw: back on the queue after a delay, or failed for good once
 * they have used their attempts. Either way the error is kept in last_error. Like completion,
 * this touches only jobs the worker still holds.
 */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../db/schema';

export interface JobFailure {
  jobId: number;
  error: string;
}

export interface RetryPolicy {
  /** Claims a job gets before it is failed. */
  maxAttempts: number;
  /** A retry waits this many seconds times the attempts so far (a short linear backoff). */
  retryDelaySeconds: number;
}

export interface RetryOutcome {
  retried: number[];
  failed: number[];
  /** Jobs this worker no longer held: left as they are. */
  lost: number[];
}

/**
 *   update classification_jobs set
 *     status = case when attempts >= $max then 'failed' else 'queued' end,
 *     finished_at = case when attempts >= $max then now() end,
 *     available_at = now() + $delay * attempts seconds,
 *     lease_expires_at = null, last_error = $error
 *   where id = $id and status = 'running' and lease_owner = $owner
 */
export async function retryOrFailJobs(
  db: Kysely<Schema>,
  owner: string,
  failures: readonly JobFailure[],
  { maxAttempts, retryDelaySeconds }: RetryPolicy
): Promise<RetryOutcome> {
  const outcome: RetryOutcome = { retried: [], failed: [], lost: [] };
  const usedUp = sql<boolean>`attempts >= ${maxAttempts}`;
  // One statement per job, each with its own error; failures are the exception, not the bulk.
  for (const { jobId, error } of failures) {
    const row = await db
      .updateTable('classification_jobs')
      .set({
        status: sql`case when ${usedUp} then 'failed' else 'queued' end`,
        finished_at: sql`case when ${usedUp} then now() end`,
        available_at: sql`now() + make_interval(secs => ${retryDelaySeconds} * attempts)`,
        lease_expires_at: null,
        last_error: error
      })
      .where('id', '=', jobId)
      .where('status', '=', 'running')
      .where('lease_owner', '=', owner)
      .returning('status')
      .executeTakeFirst();
    if (row === undefined) outcome.lost.push(jobId);
    else if (row.status === 'failed') outcome.failed.push(jobId);
    else outcome.retried.push(jobId);
  }
  return outcome;
}
